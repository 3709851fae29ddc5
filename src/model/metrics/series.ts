// A QueryRange answer as columns a chart draws directly: one sorted time axis shared by all series (seconds,
// which uPlot's time scale expects), one value array per series, and each point's duration and profile count
// for tooltips and point selection. Where a series has no point, its value is `undefined` when the line
// simply continues past another series' timestamp, and `null` where the series really stops for a while
// (a gap, drawn as a break: uPlot joins over undefined and breaks at null).
import type { QueryRangeResponse } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { parseProfileTypeId } from '../profile-type.js';
import { type SeriesLabel, labelSetKey, sortLabels } from './labels.js';
import type { ResolvedRange } from '../time-range.js';
import { type MetricUnit, metricUnit } from '../units.js';

export interface ChartSeries {
  /** Canonical label-set key (see labelSetKey); also a selector for exactly this series. */
  readonly key: string;
  /** Sorted by name. */
  readonly labels: readonly SeriesLabel[];
  /** Plotted values at each timestamp; null for a gap, undefined where the line continues (see above). */
  readonly values: (number | null | undefined)[];
  /** Each point's observed duration in ms (NaN where there is no point); built on first read. */
  readonly durationsMs: Float64Array;
  /** How many profiles each point aggregates (0 where there is no point); built on first read. */
  readonly counts: Int32Array;
  /** The largest plotted value (0 for a series without points). */
  readonly peak: number;
  /** The smallest plotted value, at most 0: below 0 for series that go negative (delta types can). */
  readonly trough: number;
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
  /** The window the query asked for (epoch ms): the time axis spans it, whatever the points cover. */
  readonly window?: ResolvedRange | undefined;
}

export interface ChartDataOptions {
  /** The profile type is a delta type: its points have durations and a per-second value. */
  readonly delta: boolean;
  /** Plot raw totals even for delta types. */
  readonly raw?: boolean;
  /** The profile type's sample type and unit, for when the answer does not name them (non-delta types). */
  readonly sampleType?: string;
  readonly sampleUnit?: string;
  /** The window the query asked for. */
  readonly window?: ResolvedRange | undefined;
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

type Samples = QueryRangeResponse['series'][number]['samples'];

/** One series' samples as numbers, in the order Parca sent them. */
interface SeriesNumbers {
  readonly timesMs: Float64Array;
  readonly values: Float64Array;
  readonly peak: number;
  readonly trough: number;
}

/**
 * Reads each sample once: its time and its plotted value. Series usually share their times, so a time equal
 * to the one at the same position of the series read before (`previous`) reuses its conversion: turning the
 * bigint seconds into a number costs more than comparing them, and leaves an allocation behind.
 */
function readSamples(
  samples: Samples,
  perSecond: boolean,
  into: { timesMs: Float64Array; values: Float64Array },
  previous?: { samples: Samples; numbers: SeriesNumbers },
): SeriesNumbers {
  const { timesMs, values } = into;
  const before = previous?.samples ?? [];
  const beforeMs = previous?.numbers.timesMs;
  let peak = 0;
  let trough = 0;
  for (let k = 0; k < samples.length; k++) {
    const sample = samples[k]!;
    const ts = sample.timestamp;
    const same = before[k]?.timestamp;
    timesMs[k] = ts && same && beforeMs && same.seconds === ts.seconds && same.nanos === ts.nanos ? beforeMs[k]! : timestampMs(ts);
    const value = perSecond ? sample.valuePerSecond : Number(sample.value);
    values[k] = value;
    if (value > peak) peak = value;
    if (value < trough) trough = value;
  }
  return { timesMs, values, peak, trough };
}

function isStrictlyAscending(values: Float64Array): boolean {
  for (let i = 1; i < values.length; i++) if (!(values[i - 1]! < values[i]!)) return false;
  return true;
}

/** `values` itself when ascending without repeats, else a sorted copy without repeats. */
function ascendingDistinct(values: Float64Array): Float64Array {
  if (isStrictlyAscending(values)) return values;
  const sorted = Float64Array.from(values).sort();
  let unique = 0;
  for (let i = 0; i < sorted.length; i++) if (unique === 0 || sorted[i] !== sorted[unique - 1]) sorted[unique++] = sorted[i]!;
  return sorted.subarray(0, unique);
}

/** The union of two ascending arrays without repeats, ascending; `a` itself when both are the same. */
export function mergeAscending(a: Float64Array, b: Float64Array): Float64Array {
  if (a.length === b.length) {
    let i = 0;
    while (i < a.length && a[i] === b[i]) i++;
    if (i === a.length) return a;
  }
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    if (x < y) {
      out[k++] = x;
      i++;
    } else if (y < x) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out.subarray(0, k);
}

/**
 * The distinct values of several arrays, ascending. Parca sends each series' points in time order, so the
 * arrays are merged pairwise (linear per round, and series on the same timestamps merge at the cost of a
 * comparison) rather than concatenated and sorted.
 */
export function sortedUnion(arrays: readonly Float64Array[]): Float64Array {
  let level = arrays.map(ascendingDistinct);
  if (level.length === 0) return new Float64Array(0);
  while (level.length > 1) {
    const next: Float64Array[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? mergeAscending(level[i]!, level[i + 1]!) : level[i]!);
    level = next;
  }
  return level[0]!.slice();
}

/** The slot of each sample on the shared axis `axis`; undefined when the series has every slot, in order. */
function slotsOn(axis: Float64Array, times: Float64Array): Int32Array | undefined {
  const ascending = isStrictlyAscending(times);
  if (ascending && times.length === axis.length) return undefined;
  const slots = new Int32Array(times.length);
  let i = 0;
  for (let k = 0; k < times.length; k++) {
    const t = times[k]!;
    if (ascending) {
      // Both are sorted, so the slot of each sample is found by walking forward.
      while (axis[i]! < t) i++;
      slots[k] = i;
    } else slots[k] = lowerBound(axis, t);
  }
  return slots;
}

function lowerBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One series' columns. Durations and profile counts are read only for a tooltip or a selected point, so they
 * are built from the answer on first use rather than for every point up front.
 */
class SeriesColumns implements ChartSeries {
  #durationsMs: Float64Array | undefined;
  #counts: Int32Array | undefined;
  readonly #samples: Samples;
  /** Each sample's index in `values`; undefined when sample k is at index k. */
  readonly #slots: Int32Array | undefined;

  constructor(
    readonly key: string,
    readonly labels: readonly SeriesLabel[],
    readonly values: (number | null | undefined)[],
    readonly peak: number,
    readonly trough: number,
    samples: Samples,
    slots: Int32Array | undefined,
  ) {
    this.#samples = samples;
    this.#slots = slots;
  }

  /** Points with a value. */
  get points(): number {
    return this.#samples.length;
  }

  get durationsMs(): Float64Array {
    if (!this.#durationsMs) {
      const durations = new Float64Array(this.values.length).fill(NaN);
      // Durations repeat (one per step or scrape interval): convert each distinct one once.
      let last = -1n;
      let lastMs = NaN;
      const slots = this.#slots;
      this.#samples.forEach((sample, k) => {
        if (sample.duration !== last) {
          last = sample.duration;
          lastMs = Number(last) / 1e6;
        }
        durations[slots ? slots[k]! : k] = lastMs;
      });
      this.#durationsMs = durations;
    }
    return this.#durationsMs;
  }

  get counts(): Int32Array {
    if (!this.#counts) {
      const counts = new Int32Array(this.values.length);
      const slots = this.#slots;
      this.#samples.forEach((sample, k) => (counts[slots ? slots[k]! : k] = sample.count));
      this.#counts = counts;
    }
    return this.#counts;
  }
}

/** Plotted values on the shared axis: a plain array of numbers when the series has a point at every time. */
function placeValues(values: Float64Array, slots: Int32Array | undefined, n: number): (number | null | undefined)[] {
  if (!slots) {
    // Numbers only: the array keeps them unboxed.
    const placed = new Array<number>(n);
    for (let k = 0; k < n; k++) placed[k] = values[k]!;
    return placed;
  }
  const placed = new Array<number | null | undefined>(n).fill(undefined);
  for (let k = 0; k < values.length; k++) placed[slots[k]!] = values[k]!;
  return placed;
}

/** Converts Parca's series into chart columns; series sharing a label set (should not happen) are kept apart. */
export function toChartData(response: Pick<QueryRangeResponse, 'series'>, options: ChartDataOptions): ChartData {
  const perSecond = options.delta && !options.raw;
  // Delta answers name the type their values are in (samples:count becomes the period type, CPU time).
  const named = response.series.find((s) => s.sampleType)?.sampleType;
  const sampleUnit = named?.unit ?? options.sampleUnit ?? '';
  const sampleType = named?.type ?? options.sampleType ?? '';

  // Two buffers for every series' times and values, viewed per series: one allocation instead of hundreds.
  const total = response.series.reduce((sum, s) => sum + s.samples.length, 0);
  const allTimes = new Float64Array(total);
  const allValues = new Float64Array(total);
  const numbers: SeriesNumbers[] = [];
  let offset = 0;
  response.series.forEach((source, s) => {
    const end = offset + source.samples.length;
    const into = { timesMs: allTimes.subarray(offset, end), values: allValues.subarray(offset, end) };
    const previous = s > 0 ? { samples: response.series[s - 1]!.samples, numbers: numbers[s - 1]! } : undefined;
    numbers.push(readSamples(source.samples, perSecond, into, previous));
    offset = end;
  });
  const timesMs = sortedUnion(numbers.map((n) => n.timesMs));
  const n = timesMs.length;

  const series = response.series.map((source, s): ChartSeries => {
    const labels = sortLabels(source.labelset?.labels ?? []);
    const { timesMs: times, values, peak, trough } = numbers[s]!;
    const slots = slotsOn(timesMs, times);
    const placed = placeValues(values, slots, n);
    // Only a series missing some times can have gaps.
    if (slots) markGaps(timesMs, placed);
    return new SeriesColumns(labelSetKey(labels), labels, placed, peak, trough, source.samples, slots);
  });

  const timestamps = timesMs.map((t) => t / 1000);
  return { timestamps, series, unit: metricUnit(sampleUnit, perSecond, sampleType), perSecond, window: options.window };
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

/** The index of the series' first point, or -1 when it has none. */
export function firstPoint(series: ChartSeries): number {
  return series.values.findIndex((v) => v != null);
}

/** The index of the series' last point, or -1 when it has none. */
export function lastPoint(series: ChartSeries): number {
  for (let i = series.values.length - 1; i >= 0; i--) if (series.values[i] != null) return i;
  return -1;
}

/** Whether a profile type id names a delta type (per-second values, sum-by); false for one that does not parse. */
export function isDeltaType(id: string): boolean {
  try {
    return parseProfileTypeId(id).delta;
  } catch {
    return false;
  }
}

/** The next index from `index` in `direction` (±1) where `series` has a point; `index` itself when none. */
export function nextPointIndex(series: ChartSeries, index: number, direction: 1 | -1): number {
  for (let i = index + direction; i >= 0 && i < series.values.length; i += direction) {
    if (series.values[i] != null) return i;
  }
  return index;
}
