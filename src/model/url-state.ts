// A source's query in the page URL, so a view can be shared as a link. Several sources keep separate keys:
// each writes `<prefix>.type`, `<prefix>.selector`, `<prefix>.kind`, `<prefix>.from`, `<prefix>.to`, and the
// labels the metrics sum by (`<prefix>.sum-by=job,instance`), the picked point and the baseline when there are.
import { type FlamegraphView, readViewParams, viewIdsInParams, writeViewParams } from './flamegraph/view-state.js';
import { labelSetKey, labelsRecord, parseLabelNames, selectorWithLabels } from './metrics/labels.js';
import { type PointSelection, type QueryState, isQueryKind } from './query-state.js';
import { formatRefreshInterval } from './refresh.js';
import { parseSelector } from './selector/parse.js';
import { type TimeRange, formatTimeBound, parseTimeBound, parseTimeRange } from './time-range.js';

const FIELDS = ['type', 'selector', 'kind', 'from', 'to', 'sum-by'] as const;

/** Writes `state` under `prefix` into a copy of `params`, leaving every other key as it was. */
export function writeQueryParams(params: URLSearchParams, prefix: string, state: QueryState): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: Record<(typeof FIELDS)[number], string> = {
    type: state.profileType,
    selector: state.selector === '{}' ? '' : state.selector,
    kind: state.kind,
    from: formatTimeBound(state.range.from),
    to: formatTimeBound(state.range.to),
    'sum-by': state.sumBy.join(','),
  };
  for (const field of FIELDS) {
    const key = `${prefix}.${field}`;
    if (values[field]) next.set(key, values[field]);
    else next.delete(key);
  }
  return next;
}

/** What the URL says about the source under `prefix`; fields that are absent or invalid are left out. */
export function readQueryParams(params: URLSearchParams, prefix: string): Partial<Record<'profileType' | 'selector' | 'kind' | 'from' | 'to' | 'sumBy', string>> {
  const get = (field: string) => params.get(`${prefix}.${field}`) ?? undefined;
  const out: Partial<Record<'profileType' | 'selector' | 'kind' | 'from' | 'to' | 'sumBy', string>> = {};
  const type = get('type');
  if (type) out.profileType = type;
  const selector = get('selector');
  if (selector !== undefined) out.selector = selector;
  const kind = get('kind');
  if (isQueryKind(kind)) out.kind = kind;
  const sumBy = get('sum-by');
  if (sumBy !== undefined) out.sumBy = sumBy;
  for (const bound of ['from', 'to'] as const) {
    const text = get(bound);
    if (!text) continue;
    try {
      parseTimeBound(text);
      out[bound] = text;
    } catch {
      // A hand-edited link with a bad time keeps the page's own range.
    }
  }
  return out;
}

/** Writes a range as `<prefix>.from` and `<prefix>.to`, or removes them when there is none. */
export function writeRangeParams(params: URLSearchParams, prefix: string, range: TimeRange | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const bound of ['from', 'to'] as const) {
    if (range) next.set(`${prefix}.${bound}`, formatTimeBound(range[bound]));
    else next.delete(`${prefix}.${bound}`);
  }
  return next;
}

/** The range under `prefix`, or undefined when absent or invalid. */
export function readRangeParams(params: URLSearchParams, prefix: string): TimeRange | undefined {
  const from = params.get(`${prefix}.from`);
  const to = params.get(`${prefix}.to`);
  if (!from || !to) return undefined;
  try {
    return parseTimeRange(from, to);
  } catch {
    return undefined;
  }
}

/**
 * A point picked on a chart, under `<prefix>.point` (its time, epoch ms), `.point.duration`, `.point.step` and
 * `.point.series` (the series' labels, `{instance="a",job="b"}`), or removes them when there is none.
 */
export function writePointParams(params: URLSearchParams, prefix: string, point: PointSelection | undefined): URLSearchParams {
  const next = new URLSearchParams(params);
  const values: Record<string, string> = point
    ? {
        point: String(point.timestampMs),
        'point.duration': point.durationMs ? String(point.durationMs) : '',
        'point.step': point.windowMs ? String(point.windowMs) : '',
        'point.series': labelSetKey(Object.entries(point.labels ?? {}).map(([name, value]) => ({ name, value }))),
      }
    : {};
  for (const field of POINT_FIELDS) {
    const value = values[field];
    if (value) next.set(`${prefix}.${field}`, value);
    else next.delete(`${prefix}.${field}`);
  }
  return next;
}

const POINT_FIELDS = ['point', 'point.duration', 'point.step', 'point.series'] as const;

/** The point under `prefix` for a query with `selector`, or undefined when absent or unreadable. */
export function readPointParams(params: URLSearchParams, prefix: string, selector: string): PointSelection | undefined {
  const number = (field: string) => {
    const text = params.get(`${prefix}.${field}`);
    const value = text ? Number(text) : 0;
    return Number.isFinite(value) && value >= 0 ? Math.round(value) : Number.NaN;
  };
  const timestampMs = number('point');
  const durationMs = number('point.duration');
  const windowMs = number('point.step');
  if (!(timestampMs > 0) || Number.isNaN(durationMs) || Number.isNaN(windowMs)) return undefined;
  const parsed = parseSelector(params.get(`${prefix}.point.series`) ?? '{}');
  // Only equality matchers name a series; anything else is a hand-edited link to ignore.
  if (!parsed.ok || parsed.selector.matchers.some((m) => m.op !== '=')) return undefined;
  const labels = parsed.selector.matchers.map(({ name, value }) => ({ name, value }));
  return Object.freeze({
    timestampMs,
    durationMs,
    windowMs: windowMs || durationMs,
    selector: selectorWithLabels(selector, labels),
    labels: labelsRecord(labels),
  });
}

/** Everything a source keeps under its prefix: query fields, refresh interval, point, baseline, flame graph views. */
export interface SourceParams {
  readonly query: ReturnType<typeof readQueryParams>;
  readonly refresh: string | undefined;
  /**
   * The labels the metrics sum by ([] for Parca's default). A link written by a source names its profile type
   * whenever it has one, so a type without `sum-by` means the default; undefined when the URL holds no query.
   */
  readonly sumBy: readonly string[] | undefined;
  readonly point: PointSelection | undefined;
  readonly baseline: TimeRange | undefined;
  /** Flame graph views by flame graph id ('' for one without). */
  readonly views: ReadonlyMap<string, FlamegraphView>;
}

/** What the URL holds for the source under `prefix`; the point is taken as a series of `selector` unless the URL names one. */
export function readSourceParams(params: URLSearchParams, prefix: string, selector: string): SourceParams {
  const query = readQueryParams(params, prefix);
  const views = new Map<string, FlamegraphView>();
  for (const id of viewIdsInParams(params, prefix)) {
    const view = readViewParams(params, id ? `${prefix}.${id}` : prefix);
    if (view) views.set(id, view);
  }
  return {
    query,
    refresh: params.get(`${prefix}.refresh`) ?? undefined,
    sumBy: query.sumBy !== undefined || query.profileType ? parseLabelNames(query.sumBy) : undefined,
    point: readPointParams(params, prefix, query.selector ?? selector),
    baseline: readRangeParams(params, `${prefix}.base`),
    views,
  };
}

/** Writes a source's state under `prefix` into a copy of `params`, leaving every other key as it was. */
export function writeSourceParams(
  params: URLSearchParams,
  prefix: string,
  state: { readonly query: QueryState; readonly refreshMs: number; readonly views: ReadonlyMap<string, FlamegraphView> },
): URLSearchParams {
  let next = writeQueryParams(params, prefix, state.query);
  next = writePointParams(next, prefix, state.query.point);
  next = writeRangeParams(next, `${prefix}.base`, state.query.baseline);
  if (state.refreshMs > 0) next.set(`${prefix}.refresh`, formatRefreshInterval(state.refreshMs));
  else next.delete(`${prefix}.refresh`);
  for (const [id, view] of state.views) next = writeViewParams(next, id ? `${prefix}.${id}` : prefix, view);
  return next;
}
