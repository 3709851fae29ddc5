import { expect } from '@open-wc/testing';
import { createQueryState, isRefreshOf, refreshQuery } from './query-state.js';
import { absoluteRange, parseTimeRange } from './time-range.js';
import { readPointParams, readQueryParams, readSourceParams, writePointParams, writeQueryParams, writeSourceParams } from './url-state.js';

describe('url state', () => {
  const state = createQueryState({
    profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta',
    selector: '{job="api", instance=~"host-.*"}',
    kind: 'metrics',
    range: parseTimeRange('now-6h', 'now'),
  });

  it('round-trips a query under a prefix and leaves other keys alone', () => {
    const params = writeQueryParams(new URLSearchParams('tab=2&b.type=other'), 'a', state);
    expect(params.get('tab')).to.equal('2');
    expect(params.get('b.type')).to.equal('other');
    expect(readQueryParams(params, 'a')).to.deep.equal({
      profileType: state.profileType,
      selector: state.selector,
      kind: 'metrics',
      from: 'now-6h',
      to: 'now',
    });
    // What the URL holds survives the trip through a real URL's text.
    const url = new URL(`https://example.test/?${params}`);
    expect(readQueryParams(url.searchParams, 'a').selector).to.equal(state.selector);
  });

  it('writes absolute ranges as ISO instants', () => {
    const params = writeQueryParams(new URLSearchParams(), 'p', createQueryState({ range: absoluteRange(0, 60_000) }));
    expect(params.get('p.from')).to.equal('1970-01-01T00:00:00.000Z');
    expect(params.get('p.to')).to.equal('1970-01-01T00:01:00.000Z');
  });

  it('drops empty fields instead of writing empty keys', () => {
    const params = writeQueryParams(new URLSearchParams('p.type=old'), 'p', createQueryState());
    expect(params.has('p.type')).to.equal(false);
    expect(params.has('p.selector')).to.equal(false);
  });

  it('ignores invalid kinds and times from a hand-edited link', () => {
    const read = readQueryParams(new URLSearchParams('p.kind=everything&p.from=yesterday&p.to=now'), 'p');
    expect(read).to.deep.equal({ to: 'now' });
  });
});

describe('a picked point in the url', () => {
  const point = Object.freeze({
    timestampMs: 1_796_000_000_000,
    durationMs: 10_000,
    windowMs: 60_000,
    selector: '{job="fib",instance="host-a:6060",job="fib"}',
    labels: { instance: 'host-a:6060', job: 'fib' },
  });

  it('round-trips with its series, its selector rebuilt from the query', () => {
    const params = writePointParams(new URLSearchParams('keep=1'), 'p', point);
    expect(params.get('keep')).to.equal('1');
    expect(params.get('p.point')).to.equal('1796000000000');
    const read = readPointParams(params, 'p', '{job="fib"}')!;
    expect(read).to.deep.include({ timestampMs: point.timestampMs, durationMs: 10_000, windowMs: 60_000 });
    expect(read.labels).to.deep.equal(point.labels);
    expect(read.selector).to.equal('{job="fib",instance="host-a:6060",job="fib"}');
    expect(writePointParams(params, 'p', undefined).has('p.point')).to.equal(false);
  });

  it('ignores a hand-edited point that is not a series and a time', () => {
    for (const search of ['p.point=abc', 'p.point=-5', 'p.point=1796000000000&p.point.series=%7Bjob%3D~%22x%22%7D']) {
      expect(readPointParams(new URLSearchParams(search), 'p', '{}'), search).to.equal(undefined);
    }
  });
});

describe('the sum-by labels in the url', () => {
  const query = (sumBy: string[]) => createQueryState({ profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta', sumBy });
  const write = (sumBy: string[], params = new URLSearchParams('keep=1')) => writeSourceParams(params, 'p', { query: query(sumBy), refreshMs: 0, views: new Map() });

  it('round-trips in order under <prefix>.sum-by, and is left out for the default', () => {
    const params = write(['job', 'instance']);
    expect(params.get('p.sum-by')).to.equal('job,instance');
    expect(params.get('keep')).to.equal('1');
    expect(readSourceParams(new URL(`https://example.test/?${params}`).searchParams, 'p', '{}').sumBy).to.deep.equal(['job', 'instance']);
    const cleared = write([], params);
    expect(cleared.has('p.sum-by')).to.equal(false);
  });

  it('reads a link with a query and no sum-by as the default, and one without a query as saying nothing', () => {
    expect(readSourceParams(write([]), 'p', '{}').sumBy).to.deep.equal([]);
    expect(readSourceParams(new URLSearchParams('other.type=x'), 'p', '{}').sumBy).to.equal(undefined);
    // Hand-edited: blanks and repeats go.
    expect(readSourceParams(new URLSearchParams('p.sum-by=job,, job ,instance'), 'p', '{}').sumBy).to.deep.equal(['job', 'instance']);
  });

  it('is part of the query: the same labels are the same query, other ones are not', () => {
    const a = query(['job']);
    expect(a.sumBy).to.deep.equal(['job']);
    expect(Object.isFrozen(a.sumBy)).to.equal(true);
    expect(createQueryState().sumBy).to.deep.equal([]);
    expect(isRefreshOf(a, refreshQuery(a, a.now + 1000))).to.equal(true);
    expect(isRefreshOf(a, refreshQuery(query(['instance']), a.now + 1000))).to.equal(false);
  });
});
