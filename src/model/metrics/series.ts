// A QueryRange answer as columns a chart draws directly: one sorted time axis shared by all series (seconds,
// which uPlot's time scale expects), one value array per series, and each point's duration and profile count
// for tooltips and point selection. Where a series has no point, its value is `undefined` when the line
// simply continues past another series' timestamp, and `null` where the series really stops for a while
// (a gap, drawn as a break: uPlot joins over undefined and breaks at null).
import type { QueryRangeResponse } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { parseProfileTypeId } from '../profile-type.js';
import { type SeriesLabel, labelSetKey, sortLabels } from './labels.js';
import { type MetricUnit, metricUnit } from './units.js';

export interface ChartSeries {
  /** Canonical label-set key (see labelSetKey); also a selector for exactly this series. */
  readonly key: string;
  /** Sorted by name. */
  readonly labels: readonly SeriesLabel[];
  /** Plotted values at each timestamp; null for a gap, undefined where the line continues (see above). */
  readonly values: (number | null | undefined)[];
  /** Each point's observed duration in ms (NaN where there is no point). */
  readonly durationsMs: Float64Array;
  /** How many profiles each point aggregates (0 where there is no point). */
  readonly counts: Int32Array;
  /** The largest plotted value (0 for a series without points). */
  readonly peak: number;
  /** Points with a value. */
  readonly points: number;
}

export interface ChartData {
  /** Point times in seconds since the epoch, ascending, shared by every series. */
  readonly timestamps: Float64Array;
  readonly series: readonly ChartSeries[];
  readonly unit: MetricUnit;
  /** Whether values are per second (delta types unless raw totals were asked for). */
  readonly perSecond: boolean;
}

export interface ChartDataOptions {
  /** The profile type is a delta type: its points have durations and a per-second value. */
  readonly delta: boolean;
  /** Plot raw totals even for delta types. */
  readonly raw?: boolean;
  /** The profile type's sample type and unit, for when the answer does not name them (non-delta types). */
  readonly sampleType?: string;
  readonly sampleUnit?: string;
}

/**
 * The options for a profile type id: whether it is a delta type and what its values are in. Parca turns
 * `samples`/`count` of a delta type into its period type (samples times the period: CPU time).
 */
export function chartOptionsFor(profileTypeId: string, raw = false): ChartDataOptions {
  const parts = parseProfileTypeId(profileTypeId);
  const samples = parts.delta && parts.sampleType === 'samples' && parts.sampleUnit === 'count';
  return {
    delta: parts.delta,
    raw,
    sampleType: samples ? parts.periodType : parts.sampleType,
    sampleUnit: samples ? parts.periodUnit : parts.sampleUnit,
  };
}

function timestampMs(ts: { seconds: bigint; nanos: number } | undefined): number {
  return ts ? Number(ts.seconds) * 1000 + Math.round(ts.nanos / 1e6) : 0;
}

/** The distinct values of several arrays, ascending. */
export function sortedUnion(arrays: readonly Float64Array[]): Float64Array {
  const all = new Float64Array(arrays.reduce((sum, a) => sum + a.length, 0));
  let offset = 0;
  for (const a of arrays) {
    all.set(a, offset);
    offset += a.length;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i]!;
  return all.slice(0, unique);
}

/** Converts Parca's series into chart columns; series sharing a label set (should not happen) are kept apart. */
export function toChartData(response: Pick<QueryRangeResponse, 'series'>, options: ChartDataOptions): ChartData {
  const perSecond = options.delta && !options.raw;
  // Delta answers name the type their values are in (samples:count becomes the period type, CPU time).
  const named = response.series.find((s) => s.sampleType)?.sampleType;
  const sampleUnit = named?.unit ?? options.sampleUnit ?? '';
  const sampleType = named?.type ?? options.sampleType ?? '';

  // Each series' times once (bigint conversion is the costly part), then their sorted union.
  const seriesTimes = response.series.map((source) => {
    const times = new Float64Array(source.samples.length);
    source.samples.forEach((sample, i) => (times[i] = timestampMs(sample.timestamp)));
    return times;
  });
  const timesMs = sortedUnion(seriesTimes);
  const n = timesMs.length;

  const series = response.series.map((source, s): ChartSeries => {
    const labels = sortLabels(source.labelset?.labels ?? []);
    const values: (number | null | undefined)[] = new Array<number | null | undefined>(n).fill(undefined);
    const durationsMs = new Float64Array(n).fill(NaN);
    const counts = new Int32Array(n);
    const times = seriesTimes[s]!;
    let peak = 0;
    let points = 0;
    // Durations repeat (one per step or scrape interval): convert each distinct one once.
    let lastDuration = -1n;
    let lastDurationMs = NaN;
    let i = 0;
    source.samples.forEach((sample, k) => {
      // Both lists are sorted, so the slot of each sample is found by walking forward.
      while (timesMs[i]! < times[k]!) i++;
      const value = perSecond ? sample.valuePerSecond : Number(sample.value);
      values[i] = value;
      if (sample.duration !== lastDuration) {
        lastDuration = sample.duration;
        lastDurationMs = Number(sample.duration) / 1e6;
      }
      durationsMs[i] = lastDurationMs;
      counts[i] = sample.count;
      if (value > peak) peak = value;
      points++;
    });
    markGaps(timesMs, values);
    return { key: labelSetKey(labels), labels, values, durationsMs, counts, peak, points };
  });

  const timestamps = timesMs.map((t) => t / 1000);
  return { timestamps, series, unit: metricUnit(sampleUnit, perSecond, sampleType), perSecond };
}

/** A missing stretch longer than this many of a series' usual intervals between points is a gap. */
export const GAP_FACTOR = 2.5;

function medianInterval(times: ArrayLike<number>, values: readonly (number | null | undefined)[]): number {
  const intervals: number[] = [];
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) continue;
    if (last >= 0) intervals.push(times[i]! - times[last]!);
    last = i;
  }
  if (intervals.length === 0) return Infinity;
  intervals.sort((a, b) => a - b);
  return intervals[Math.floor(intervals.length / 2)]!;
}

/**
 * Marks, in place, the missing points between two of a series' points that lie further apart than GAP_FACTOR
 * times its median interval as `null` (a break in the line); shorter stretches stay `undefined` (joined).
 */
export function markGaps(times: ArrayLike<number>, values: (number | null | undefined)[]): void {
  const limit = medianInterval(times, values) * GAP_FACTOR;
  let last = -1;
  for (let i = 0; i < values.length; i++) {
    if (values[i] == null) continue;
    if (last >= 0 && i - last > 1 && times[i]! - times[last]! > limit) {
      for (let j = last + 1; j < i; j++) values[j] = null;
    }
    last = i;
  }
}

/** Whether the answer has any point at all (an empty range says so instead of drawing axes). */
export function hasPoints(data: ChartData): boolean {
  return data.series.some((s) => s.points > 0);
}

/**
 * The series among `visible` whose value at `index` is nearest `value` (the one under the pointer), or -1 when
 * none has a point there.
 */
export function nearestSeries(data: ChartData, index: number, value: number, visible: (seriesIndex: number) => boolean): number {
  let best = -1;
  let bestDistance = Infinity;
  data.series.forEach((series, s) => {
    const v = series.values[index];
    if (v == null || !visible(s)) return;
    const distance = Math.abs(v - value);
    if (distance < bestDistance) {
      best = s;
      bestDistance = distance;
    }
  });
  return best;
}

/** The next index from `index` in `direction` (±1) where `series` has a point; `index` itself when none. */
export function nextPointIndex(series: ChartSeries, index: number, direction: 1 | -1): number {
  for (let i = index + direction; i >= 0 && i < series.values.length; i += direction) {
    if (series.values[i] != null) return i;
  }
  return index;
}
