// The query a source shares with its elements: immutable, replaced whole on every change.
import { type TimeRange, parseTimeRange } from './time-range.js';

/** Which views a query drives: the merged profile, the values over time, or both. */
export type QueryKind = 'profile' | 'metrics' | 'both';

export const QUERY_KINDS: readonly QueryKind[] = ['profile', 'metrics', 'both'];

export interface QueryState {
  /** Profile type id, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta`; empty until chosen. */
  readonly profileType: string;
  /** Label selector in braces, e.g. `{job="api"}`; `{}` selects all profiles of the type. */
  readonly selector: string;
  readonly kind: QueryKind;
  readonly range: TimeRange;
}

export const DEFAULT_RANGE: TimeRange = parseTimeRange('now-1h', 'now');

export function createQueryState(init: Partial<QueryState> = {}): QueryState {
  return Object.freeze({
    profileType: init.profileType ?? '',
    selector: normalizeSelectorText(init.selector ?? ''),
    kind: init.kind ?? 'both',
    range: init.range ?? DEFAULT_RANGE,
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
