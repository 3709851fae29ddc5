// The query a source shares with its elements: immutable, replaced whole on every change.
import { type TimeRange, parseTimeRange } from './time-range.js';

/** Which views a query drives: the merged profile, the values over time, or both. */
export type QueryKind = 'profile' | 'metrics' | 'both';

export const QUERY_KINDS: readonly QueryKind[] = ['profile', 'metrics', 'both'];

/** One profile picked on the metrics chart: the flame graph shows it instead of the whole range. */
export interface PointSelection {
  /** The point's time (a delta series' bucket start), epoch ms. */
  readonly timestampMs: number;
  /** How long the point covers, ms; 0 for non-delta types. */
  readonly durationMs: number;
  /** The query's selector with the series' labels added, e.g. `{job="fib",instance="a"}`. */
  readonly selector: string;
  /** The span the point sums up (the chart's step), ms; the profile lies somewhere in it. */
  readonly windowMs?: number;
}

export interface QueryState {
  /** Profile type id, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta`; empty until chosen. */
  readonly profileType: string;
  /** Label selector in braces, e.g. `{job="api"}`; `{}` selects all profiles of the type. */
  readonly selector: string;
  readonly kind: QueryKind;
  readonly range: TimeRange;
  /** A single profile picked on a chart; cleared by any new query or range. */
  readonly point?: PointSelection | undefined;
  /** A baseline range flame graphs compare with (chosen on a chart); none by default. */
  readonly compare?: TimeRange | undefined;
}

export const DEFAULT_RANGE: TimeRange = parseTimeRange('now-1h', 'now');

export function createQueryState(init: Partial<QueryState> = {}): QueryState {
  return Object.freeze({
    profileType: init.profileType ?? '',
    selector: normalizeSelectorText(init.selector ?? ''),
    kind: init.kind ?? 'both',
    range: init.range ?? DEFAULT_RANGE,
    // Kept by reference: a state rebuilt with the same point compares equal.
    ...(init.point ? { point: init.point } : {}),
    ...(init.compare ? { compare: init.compare } : {}),
  });
}

export function withQuery(state: QueryState, change: Partial<QueryState>): QueryState {
  return createQueryState({ ...state, ...change });
}

/** Empty or blank means every profile of the type. */
export function normalizeSelectorText(selector: string): string {
  const trimmed = selector.trim();
  return trimmed === '' ? '{}' : trimmed;
}

/** The query string Parca's API takes: the profile type id followed by the selector. */
export function queryString(state: Pick<QueryState, 'profileType' | 'selector'>): string {
  return `${state.profileType}${normalizeSelectorText(state.selector)}`;
}

export function isQueryKind(value: string | null | undefined): value is QueryKind {
  return value != null && (QUERY_KINDS as readonly string[]).includes(value);
}

/**
 * What a merged flame graph covers: the picked point when there is one, else the whole range. A point is a
 * merge over its bucket `[t, t + max(duration, window))` rather than Parca's single mode, which needs the
 * profile's exact millisecond; the end is exclusive so the next bucket's profile is not included.
 */
export function profileWindow(state: QueryState, resolved: { startMs: number; endMs: number }): { query: string; startMs: number; endMs: number } {
  if (state.point) {
    const { timestampMs, durationMs, selector, windowMs = 0 } = state.point;
    const span = Math.max(durationMs, windowMs, 1);
    return { query: queryString({ profileType: state.profileType, selector }), startMs: timestampMs, endMs: timestampMs + span - 1 };
  }
  return { query: queryString(state), ...resolved };
}
