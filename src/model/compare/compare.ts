// The compare workspace's model: what it shows (a diff of B against A, A alone, B alone), the presets that set A
// to B's query earlier, the query a diff takes as A, and its key in the page URL. Pure: no DOM, no network.
import type { ChartData } from '../metrics/series.js';
import { type QueryState, createQueryState } from '../query-state.js';
import { type TimeRange, absoluteRange, sameRange, shiftRange } from '../time-range.js';

/** What the views under B show: B diffed against A, A alone, or B alone. */
export type CompareMode = 'diff' | 'a' | 'b';

export const COMPARE_MODES: readonly CompareMode[] = ['diff', 'a', 'b'];

export function isCompareMode(value: unknown): value is CompareMode {
  return (COMPARE_MODES as readonly unknown[]).includes(value);
}

const HOUR_MS = 3_600_000;

/** A preset: A becomes B's query over B's range moved back by `shiftMs`. */
export interface ComparePreset {
  readonly key: string;
  /** The button's text. */
  readonly label: string;
  readonly shiftMs: number;
}

export const COMPARE_PRESETS: readonly ComparePreset[] = Object.freeze([
  { key: '1h', label: 'B vs 1 hour earlier', shiftMs: HOUR_MS },
  { key: '1d', label: '1 day earlier', shiftMs: 24 * HOUR_MS },
  { key: '1w', label: '1 week earlier', shiftMs: 7 * 24 * HOUR_MS },
]);

/** What a compare element sets on a source: its profile type, selector and range. */
export interface Selection {
  readonly profileType: string;
  readonly selector: string;
  readonly range: TimeRange;
}

/** A's selection for a preset: B's profile type and selector over B's range moved back. */
export function presetSelection(b: Selection, preset: ComparePreset): Selection {
  return { profileType: b.profileType, selector: b.selector, range: shiftRange(b.range, preset.shiftMs) };
}

/**
 * The query a diff takes as A (a flame graph's `baselineQuery`), undefined while A has no profile type. A's query
 * itself, its range resolved at B's moment as the graph resolves B's (a page that applies both at once sees both
 * windows at the same `now`); with a point picked on A's chart, the merge over that point's bucket with the
 * series' labels, as A's own views show it.
 */
export function baselineOf(a: QueryState): QueryState | undefined {
  if (!a.profileType) return undefined;
  if (!a.point) return a;
  const { timestampMs, durationMs, windowMs = 0, selector } = a.point;
  // The bucket as profileWindow() reads a point: [t, t + span), its end exclusive.
  const span = Math.max(durationMs, windowMs, 1);
  return createQueryState({ profileType: a.profileType, selector, kind: a.kind, range: absoluteRange(timestampMs, timestampMs + span - 1), now: a.now });
}

/** Whether two baselines ask Parca for the same profiles (a refresh of A does not: the graph resolves A at B's moment). */
export function sameBaseline(x: QueryState | undefined, y: QueryState | undefined): boolean {
  if (!x || !y) return x === y;
  return x.profileType === y.profileType && x.selector === y.selector && sameRange(x.range, y.range);
}

/** The compare element's mode under `<prefix>.mode`, or undefined when absent or unknown. */
export function readCompareMode(params: URLSearchParams, prefix: string): CompareMode | undefined {
  const mode = params.get(`${prefix}.mode`);
  return isCompareMode(mode) ? mode : undefined;
}

/** Writes the mode as `<prefix>.mode` into a copy of `params`, leaving every other key as it was. */
export function writeCompareMode(params: URLSearchParams, prefix: string, mode: CompareMode): URLSearchParams {
  const next = new URLSearchParams(params);
  next.set(`${prefix}.mode`, mode);
  return next;
}

/** Whether the URL asks the two charts to share one y-axis (`<prefix>.y=shared`); undefined when it says nothing. */
export function readSharedY(params: URLSearchParams, prefix: string): boolean | undefined {
  const y = params.get(`${prefix}.y`);
  return y === null ? undefined : y === 'shared';
}

/** Writes `<prefix>.y=shared` (or removes the key) into a copy of `params`. */
export function writeSharedY(params: URLSearchParams, prefix: string, shared: boolean): URLSearchParams {
  const next = new URLSearchParams(params);
  if (shared) next.set(`${prefix}.y`, 'shared');
  else next.delete(`${prefix}.y`);
  return next;
}

/**
 * The y-axis two or more charts share: the highest value any of their series reaches (0 when none has one), or
 * undefined when they are in different units (a scale of cores beside one of bytes would mean nothing).
 */
export function sharedYMax(charts: readonly (ChartData | undefined)[]): number | undefined {
  const shown = charts.filter((chart): chart is ChartData => !!chart);
  if (shown.some((chart) => chart.unit.label !== shown[0]!.unit.label)) return undefined;
  return Math.max(0, ...shown.flatMap((chart) => chart.series.map((series) => series.peak)));
}
