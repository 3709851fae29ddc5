import { expect } from '@open-wc/testing';
import { parseProfileTypeId } from './profile-type.js';
import { filterProfileTypeGroups, groupProfileTypes, profileNameLabel, profileTypeLabel, profileTypeOptions, withChosenProfileType } from './profile-types.js';

const CPU = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
const SAMPLES = 'process_cpu:samples:count:cpu:nanoseconds:delta';
const INUSE = 'memory:inuse_space:bytes:space:bytes';
const ALLOC = 'memory:alloc_objects:count:space:bytes';
const WALL = 'fgprof:samples:count:wallclock:nanoseconds:delta';
const CUSTOM = 'zz_custom_thing:x:y:z:w';
const OTHER = 'an_other:x:y:z:w';

const parts = (id: string) => parseProfileTypeId(id);

describe('profile type labels', () => {
  it('reads like the issue asks', () => {
    expect(profileTypeLabel(parts(CPU))).to.equal('CPU — cpu (nanoseconds), delta');
    expect(profileTypeLabel(parts(INUSE))).to.equal('Memory — inuse_space (bytes)');
    expect(profileTypeLabel(parts(SAMPLES))).to.equal('CPU — samples (count), delta');
  });

  it('makes unknown profile names readable', () => {
    expect(profileNameLabel('my_app_heap')).to.equal('My app heap');
    expect(profileNameLabel('fgprof')).to.equal('Wall clock');
  });
});

describe('groupProfileTypes', () => {
  it('groups by profile name in a stable order whatever the input order', () => {
    const ids = [CUSTOM, INUSE, WALL, SAMPLES, OTHER, ALLOC, CPU, CPU];
    const forward = groupProfileTypes(ids.map(parts));
    const backward = groupProfileTypes([...ids].reverse().map(parts));
    expect(forward).to.deep.equal(backward);
    expect(forward.map((g) => [g.name, g.label])).to.deep.equal([
      ['process_cpu', 'CPU'],
      ['memory', 'Memory'],
      ['fgprof', 'Wall clock'],
      ['an_other', 'An other'],
      ['zz_custom_thing', 'Zz custom thing'],
    ]);
    expect(forward[0]!.options.map((o) => o.id)).to.deep.equal([CPU, SAMPLES]);
    expect(forward[1]!.options.map((o) => o.id)).to.deep.equal([ALLOC, INUSE]);
  });

  it('keeps only the profile type fields of a message, with the full id', () => {
    const message = { ...parts(CPU), $typeName: 'parca.query.v1alpha1.ProfileType' };
    const [option] = profileTypeOptions(groupProfileTypes([message]));
    expect(option).to.deep.equal({
      id: CPU,
      parts: parts(CPU),
      label: 'CPU — cpu (nanoseconds), delta',
      shortLabel: 'cpu (nanoseconds), delta',
      missing: false,
    });
  });
});

describe('withChosenProfileType', () => {
  const groups = groupProfileTypes([CPU, INUSE].map(parts));

  it('keeps a chosen type the range lacks, marked missing, in its group', () => {
    const kept = withChosenProfileType(groups, SAMPLES);
    expect(kept[0]!.options.map((o) => [o.id, o.missing])).to.deep.equal([
      [CPU, false],
      [SAMPLES, true],
    ]);
    const wall = withChosenProfileType(groups, WALL);
    expect(wall.map((g) => g.name)).to.deep.equal(['process_cpu', 'memory', 'fgprof']);
    expect(wall[2]!.options[0]!.missing).to.equal(true);
  });

  it('changes nothing for a listed, empty or malformed id', () => {
    expect(withChosenProfileType(groups, CPU)).to.deep.equal(groups);
    expect(withChosenProfileType(groups, '')).to.deep.equal(groups);
    expect(withChosenProfileType(groups, 'not-a-type')).to.deep.equal(groups);
  });
});

describe('filterProfileTypeGroups', () => {
  const groups = groupProfileTypes([CPU, SAMPLES, INUSE, ALLOC, WALL].map(parts));

  it('keeps options whose label or id has every word, dropping empty groups', () => {
    expect(profileTypeOptions(filterProfileTypeGroups(groups, 'memory inuse')).map((o) => o.id)).to.deep.equal([INUSE]);
    expect(profileTypeOptions(filterProfileTypeGroups(groups, 'SAMPLES')).map((o) => o.id)).to.deep.equal([SAMPLES, WALL]);
    expect(filterProfileTypeGroups(groups, 'wall').map((g) => g.name)).to.deep.equal(['fgprof']);
  });

  it('always keeps the chosen type and returns everything for an empty query', () => {
    expect(profileTypeOptions(filterProfileTypeGroups(groups, 'wall', CPU)).map((o) => o.id)).to.deep.equal([CPU, WALL]);
    expect(filterProfileTypeGroups(groups, '  ')).to.deep.equal(groups);
  });
});
