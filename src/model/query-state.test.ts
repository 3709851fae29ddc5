import { expect } from '@open-wc/testing';
import { createQueryState, isRefreshOf, profileWindow, refreshQuery, withQuery } from './query-state.js';
import { absoluteRange, parseTimeRange } from './time-range.js';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const HOUR = 3_600_000;

describe('query state', () => {
  it('resolves a relative range once, at the moment the query is made', () => {
    const query = createQueryState({ profileType: 't', range: parseTimeRange('now-1h', 'now'), now: NOW });
    expect(query.window).to.deep.equal({ startMs: NOW - HOUR, endMs: NOW });
    expect(query.now).to.equal(NOW);
  });

  it('keeps the same window object when a point or a baseline is picked, and makes a new one when applied again', () => {
    const query = createQueryState({ profileType: 't', range: parseTimeRange('now-1h', 'now'), now: NOW });
    const picked = withQuery(query, { point: { timestampMs: NOW - 60_000, durationMs: 10_000, selector: '{job="a"}' } });
    expect(picked.window).to.equal(query.window);
    const refreshed = refreshQuery(query, NOW + 10 * 60_000);
    expect(refreshed.window).to.deep.equal({ startMs: NOW - HOUR + 600_000, endMs: NOW + 600_000 });
    expect(isRefreshOf(query, refreshed)).to.equal(true);
    expect(isRefreshOf(query, picked)).to.equal(false);
    // An absolute range asked again covers the same times, in a new window: every view asks again.
    const fixed = createQueryState({ profileType: 't', range: absoluteRange(NOW - HOUR, NOW), now: NOW });
    const again = refreshQuery(fixed, NOW + HOUR);
    expect(again.window).to.deep.equal(fixed.window);
    expect(again.window).to.not.equal(fixed.window);
  });

  it('has no window for a range that ends before it starts, and no profile window either', () => {
    const reversed = createQueryState({ profileType: 't', range: parseTimeRange('now', 'now-1h'), now: NOW });
    expect(reversed.window).to.equal(undefined);
    expect(profileWindow(reversed)).to.equal(undefined);
  });

  it('shows a picked point as a merge over its bucket, else the window', () => {
    const query = createQueryState({ profileType: 't', selector: '{job="a"}', range: parseTimeRange('now-1h', 'now'), now: NOW });
    expect(profileWindow(query)).to.deep.equal({ query: 't{job="a"}', startMs: NOW - HOUR, endMs: NOW });
    const point = withQuery(query, { point: { timestampMs: NOW - 60_000, durationMs: 10_000, windowMs: 30_000, selector: '{job="a",instance="x"}' } });
    expect(profileWindow(point)).to.deep.equal({ query: 't{job="a",instance="x"}', startMs: NOW - 60_000, endMs: NOW - 30_001 });
  });
});
