import { expect } from '@open-wc/testing';
import { addMatchers, equalMatchers, excludeSeriesSelector, notEqualMatchers, onlySeriesSelector, replaceMatchers } from './edit.js';
import { type Selector, parseSelectorOrThrow } from './parse.js';

const parse = (text: string): Selector => parseSelectorOrThrow(text);

describe('selector edits', () => {
  it('adds matchers after the existing ones, once each', () => {
    const added = addMatchers(parse('{job="api"}'), [...equalMatchers([{ name: 'job', value: 'api' }]), ...notEqualMatchers([{ name: 'instance', value: 'a' }])]);
    expect(added.matchers).to.deep.equal([
      { name: 'job', op: '=', value: 'api' },
      { name: 'instance', op: '!=', value: 'a' },
    ]);
  });

  it('replaces every matcher on a name it sets, keeping the others in order', () => {
    const replaced = replaceMatchers(parse('{job=~"a.*", env="prod", job!="b"}'), equalMatchers([{ name: 'job', value: 'api' }]));
    expect(replaced.matchers).to.deep.equal([
      { name: 'env', op: '=', value: 'prod' },
      { name: 'job', op: '=', value: 'api' },
    ]);
  });

  it('only this series: the selector with each of its labels set, in canonical text', () => {
    expect(onlySeriesSelector('{}', [{ name: 'job', value: 'fib' }])).to.equal('{job="fib"}');
    expect(onlySeriesSelector('', [])).to.equal('{}');
    expect(
      onlySeriesSelector('{job=~"f.*",env="prod"}', [
        { name: 'instance', value: 'host-a:6060' },
        { name: 'job', value: 'fib' },
      ]),
    ).to.equal('{env="prod", instance="host-a:6060", job="fib"}');
  });

  it('exclude this series: name!="value" per label added, duplicates skipped', () => {
    expect(excludeSeriesSelector('{job="fib"}', [{ name: 'instance', value: 'host-a:6060' }])).to.equal('{job="fib", instance!="host-a:6060"}');
    expect(excludeSeriesSelector('{instance!="a"}', [{ name: 'instance', value: 'a' }])).to.equal('{instance!="a"}');
    expect(
      excludeSeriesSelector('', [
        { name: 'instance', value: 'a' },
        { name: 'job', value: 'b' },
      ]),
    ).to.equal('{instance!="a", job!="b"}');
    // Nothing to exclude by: no edit.
    expect(excludeSeriesSelector('{job="fib"}', [])).to.equal(undefined);
  });

  it('quotes and escapes values so the parser reads them back exactly', () => {
    const value = 'say "hi"\\\n\tend\u0001';
    const only = onlySeriesSelector('{}', [{ name: 'msg', value }])!;
    expect(only).to.equal('{msg="say \\"hi\\"\\\\\\n\\tend\\x01"}');
    expect(parse(only).matchers).to.deep.equal([{ name: 'msg', op: '=', value }]);
    const excluded = excludeSeriesSelector('{}', [{ name: 'msg', value }])!;
    expect(parse(excluded).matchers).to.deep.equal([{ name: 'msg', op: '!=', value }]);
  });

  it('leaves an invalid selector alone', () => {
    expect(onlySeriesSelector('{job=}', [{ name: 'job', value: 'a' }])).to.equal(undefined);
    expect(excludeSeriesSelector('{job=', [{ name: 'job', value: 'a' }])).to.equal(undefined);
  });
});
