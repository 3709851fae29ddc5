import { expect } from '@open-wc/testing';
import { createQueryState, profileWindow, queryString } from '../query-state.js';
import { absoluteRange, formatTimeBound, parseTimeRange, resolveRange, shiftRange } from '../time-range.js';
import type { ChartData } from '../metrics/series.js';
import {
  COMPARE_PRESETS,
  baselineOf,
  isCompareMode,
  presetSelection,
  readCompareMode,
  readSharedY,
  sameBaseline,
  sharedYMax,
  writeCompareMode,
  writeSharedY,
} from './compare.js';

const TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
const HOUR = 3_600_000;
const bounds = (range: ReturnType<typeof shiftRange>) => [formatTimeBound(range.from), formatTimeBound(range.to)];

describe('compare model', () => {
  it('has three presets: an hour, a day and a week before B', () => {
    expect(COMPARE_PRESETS.map((p) => [p.key, p.label, p.shiftMs])).to.deep.equal([
      ['1h', 'B vs 1 hour earlier', HOUR],
      ['1d', '1 day earlier', 24 * HOUR],
      ['1w', '1 week earlier', 7 * 24 * HOUR],
    ]);
  });

  it('shifts relative bounds and keeps them relative', () => {
    const range = parseTimeRange('now-1h', 'now');
    expect(bounds(shiftRange(range, HOUR))).to.deep.equal(['now-2h', 'now-1h']);
    expect(bounds(shiftRange(range, 24 * HOUR))).to.deep.equal(['now-25h', 'now-1d']);
    expect(bounds(shiftRange(range, 7 * 24 * HOUR))).to.deep.equal(['now-169h', 'now-1w']);
    expect(bounds(shiftRange(parseTimeRange('now-15m', 'now-5m'), HOUR))).to.deep.equal(['now-75m', 'now-65m']);
    // Resolved at one moment, the shifted window is the original one exactly that much earlier.
    const now = Date.UTC(2026, 0, 2, 12);
    const shifted = resolveRange(shiftRange(range, 24 * HOUR), now);
    const original = resolveRange(range, now);
    expect([shifted.startMs, shifted.endMs]).to.deep.equal([original.startMs - 24 * HOUR, original.endMs - 24 * HOUR]);
  });

  it('shifts absolute bounds by the milliseconds, and a mixed range bound by bound', () => {
    const start = Date.UTC(2026, 0, 2, 10);
    const shifted = shiftRange(absoluteRange(start, start + HOUR), 7 * 24 * HOUR);
    expect(shifted).to.deep.equal(absoluteRange(start - 7 * 24 * HOUR, start + HOUR - 7 * 24 * HOUR));
    expect(bounds(shifted)).to.deep.equal(['2025-12-26T10:00:00.000Z', '2025-12-26T11:00:00.000Z']);
    const mixed = shiftRange({ from: { kind: 'absolute', ms: start }, to: { kind: 'relative', offsetMs: 0 } }, HOUR);
    expect(mixed).to.deep.equal({ from: { kind: 'absolute', ms: start - HOUR }, to: { kind: 'relative', offsetMs: -HOUR } });
  });

  it('makes A of a preset from B: same type and selector, range moved back', () => {
    const b = { profileType: TYPE, selector: '{job="api"}', range: parseTimeRange('now-30m', 'now') };
    const a = presetSelection(b, COMPARE_PRESETS[0]!);
    expect(a.profileType).to.equal(TYPE);
    expect(a.selector).to.equal('{job="api"}');
    expect(bounds(a.range)).to.deep.equal(['now-90m', 'now-1h']);
  });

  it('diffs against A itself, or against the bucket of the point picked on A’s chart', () => {
    const a = createQueryState({ profileType: TYPE, selector: '{job="fib"}', range: parseTimeRange('now-2h', 'now-1h'), now: 10 * HOUR });
    expect(baselineOf(a)).to.equal(a);
    expect(baselineOf(createQueryState({ range: a.range }))).to.equal(undefined);
    const point = { timestampMs: 9 * HOUR, durationMs: 10_000, windowMs: 60_000, selector: '{instance="x",job="fib"}', labels: { instance: 'x' } };
    const withPoint = createQueryState({ ...a, point });
    const base = baselineOf(withPoint)!;
    // The same profiles A's own views show for the point.
    expect(queryString(base)).to.equal(profileWindow(withPoint)!.query);
    expect(base.window).to.deep.equal({ startMs: profileWindow(withPoint)!.startMs, endMs: profileWindow(withPoint)!.endMs });
    expect(base.point).to.equal(undefined);
  });

  it('tells baselines apart by what they ask, not by when they were applied', () => {
    const a = createQueryState({ profileType: TYPE, selector: '{job="fib"}', range: parseTimeRange('now-2h', 'now-1h'), now: 1000 });
    expect(sameBaseline(a, createQueryState({ ...a, now: 5000 }))).to.equal(true);
    expect(sameBaseline(a, createQueryState({ ...a, range: parseTimeRange('now-3h', 'now-1h') }))).to.equal(false);
    expect(sameBaseline(a, createQueryState({ ...a, selector: '{job="api"}' }))).to.equal(false);
    expect(sameBaseline(a, undefined)).to.equal(false);
    expect(sameBaseline(undefined, undefined)).to.equal(true);
  });

  it('keeps its mode under <prefix>.mode, leaving other keys alone', () => {
    const params = writeCompareMode(new URLSearchParams('a.type=x&cmp.mode=b'), 'cmp', 'a');
    expect(params.toString()).to.equal('a.type=x&cmp.mode=a');
    expect(readCompareMode(params, 'cmp')).to.equal('a');
    expect(readCompareMode(new URLSearchParams('cmp.mode=sideways'), 'cmp')).to.equal(undefined);
    expect(readCompareMode(new URLSearchParams(''), 'cmp')).to.equal(undefined);
    expect(['diff', 'a', 'b', 'x', undefined].map(isCompareMode)).to.deep.equal([true, true, true, false, false]);
  });
  it('shares the higher peak of charts in one unit, and no axis across units; the URL key round-trips', () => {
    const chart = (label: string, peaks: number[]) =>
      ({ unit: { kind: 'cores', sampleUnit: 'nanoseconds', label }, series: peaks.map((peak) => ({ peak })) }) as unknown as ChartData;
    expect(sharedYMax([chart('cores', [1, 4]), chart('cores', [6]), undefined])).to.equal(6);
    expect(sharedYMax([chart('cores', []), chart('cores', [])])).to.equal(0);
    expect(sharedYMax([chart('cores', [1]), chart('bytes/s', [9])])).to.equal(undefined);
    const on = writeSharedY(new URLSearchParams('a.type=x'), 'cmp', true);
    expect(on.toString()).to.equal('a.type=x&cmp.y=shared');
    expect(readSharedY(on, 'cmp')).to.equal(true);
    expect(readSharedY(writeSharedY(on, 'cmp', false), 'cmp')).to.equal(undefined);
  });
});
