// The query a source shares with its elements: immutable, replaced whole on every change.
import { type ResolvedRange, type TimeRange, parseTimeRange, resolveRange } from './time-range.js';

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
  /** The series' labels, for saying which profile is shown. */
  readonly labels?: Readonly<Record<string, string>>;
}

export interface QueryState {
  /** Profile type id, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta`; empty until chosen. */
  readonly profileType: string;
  /** Label selector in braces, e.g. `{job="api"}`; `{}` selects all profiles of the type. */
  readonly selector: string;
  readonly kind: QueryKind;
  readonly range: TimeRange;
  /**
   * Label names the metrics sum series by (Parca's `sum_by`); empty keeps Parca's default, every label name of
   * the type and range except `__*`: one series per label set. Applies to delta profile types only.
   */
  readonly sumBy: readonly string[];
  /**
   * The moment (epoch ms) the query was applied: relative bounds (`now-1h`) resolve against it, once, so every
   * element of a source asks for the same window. A refresh makes a new state with a later `now`.
   */
  readonly now: number;
  /**
   * `range` fixed at `now`: the window every request of this query covers. A new object exactly when the query
   * is applied again (run, refresh, another range), so "same window object" means "no need to ask again".
   * Undefined when the range ends before it starts.
   */
  readonly window: ResolvedRange | undefined;
  /** A single profile picked on a chart; cleared by any new query or range. */
  readonly point?: PointSelection | undefined;
  /** A baseline range flame graphs compare with (chosen on a chart); none by default. */
  readonly baseline?: TimeRange | undefined;
}

/** What a query is made from: everything but the window, which is derived. */
export type QueryInit = Partial<Omit<QueryState, 'window'>>;

export const DEFAULT_RANGE: TimeRange = parseTimeRange('now-1h', 'now');

/** `range` resolved at `now`, or undefined when it is reversed. */
export function resolveWindow(range: TimeRange, now: number): ResolvedRange | undefined {
  try {
    return Object.freeze(resolveRange(range, now));
  } catch {
    return undefined;
  }
}

/** A query state; relative bounds resolve at `init.now` (by default the moment of the call). */
export function createQueryState(init: QueryInit = {}): QueryState {
  const range = init.range ?? DEFAULT_RANGE;
  const now = init.now ?? Date.now();
  return build(init, range, now, resolveWindow(range, now));
}

function build(init: QueryInit, range: TimeRange, now: number, window: ResolvedRange | undefined): QueryState {
  return Object.freeze({
    profileType: init.profileType ?? '',
    selector: normalizeSelectorText(init.selector ?? ''),
    kind: init.kind ?? 'both',
    sumBy: Object.freeze([...(init.sumBy ?? [])]),
    range,
    now,
    window,
    // Kept by reference: a state rebuilt with the same point compares equal.
    ...(init.point ? { point: init.point } : {}),
    ...(init.baseline ? { baseline: init.baseline } : {}),
  });
}

/**
 * A copy of `state` with `change` applied. The window is kept (same object) unless the range or `now` change, so
 * picking a point or a baseline does not make views that ignore them ask again.
 */
export function withQuery(state: QueryState, change: QueryInit): QueryState {
  const merged = { ...state, ...change };
  const range = merged.range;
  const now = merged.now;
  const window = range === state.range && now === state.now ? state.window : resolveWindow(range, now);
  return build(merged, range, now, window);
}

/** The same query applied again at `now`: a new window for relative ranges, a new request for every view. */
export function refreshQuery(state: QueryState, now: number): QueryState {
  return build(state, state.range, now, resolveWindow(state.range, now));
}

/** Whether `next` is `previous` applied again later (a refresh): the same query, point and baseline, a new window. */
export function isRefreshOf(previous: QueryState, next: QueryState): boolean {
  return (
    previous.profileType === next.profileType &&
    previous.selector === next.selector &&
    previous.kind === next.kind &&
    sameSumBy(previous.sumBy, next.sumBy) &&
    previous.range === next.range &&
    previous.point === next.point &&
    previous.baseline === next.baseline
  );
}

/** Whether two sum-by lists name the same labels in the same order (label names have no commas). */
export function sameSumBy(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return String(a) === String(b);
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

/** Whether a range moves with time (either bound is relative to now): only those gain from a refresh. */
export function isRelativeRange(range: TimeRange): boolean {
  return range.from.kind === 'relative' || range.to.kind === 'relative';
}

/**
 * What a merged flame graph covers: the picked point when there is one, else the query's window. A point is a
 * merge over its bucket `[t, t + max(duration, window))` rather than Parca's single mode, which needs the
 * profile's exact millisecond; the end is exclusive so the next bucket's profile is not included. Undefined when
 * the range is reversed.
 */
export function profileWindow(state: QueryState): { query: string; startMs: number; endMs: number } | undefined {
  if (state.point) {
    const { timestampMs, durationMs, selector, windowMs = 0 } = state.point;
    const span = Math.max(durationMs, windowMs, 1);
    return { query: queryString({ profileType: state.profileType, selector }), startMs: timestampMs, endMs: timestampMs + span - 1 };
  }
  return state.window && { query: queryString(state), ...state.window };
}
