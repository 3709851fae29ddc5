// The flame graph's requests: a merge (or a diff against a baseline) of the query's range as an Arrow flame
// graph, decoded into the model; and the same query as pprof for export.
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { type FlamegraphModel, decodeFlamegraphSliced, emptyModel } from '../../model/flamegraph/decode.js';
import { type FlamegraphOptions, NO_OPTIONS } from '../../model/flamegraph/options.js';
import { type AnalysisOptions, type ProfileWindow, buildQueryRequest } from '../../model/flamegraph/request.js';
import { type QueryState, profileWindow, queryString } from '../../model/query-state.js';
import { formatTimeBound, resolveRange } from '../../model/time-range.js';

export interface FlamegraphData {
  readonly model: FlamegraphModel;
  readonly unit: string;
  /** The total value of the profile (the root's cumulative value unless filters apply). */
  readonly total: number;
  /** Value removed by filters, for percentages of total + filtered. */
  readonly filtered: number;
  /** Value Parca trimmed away as too small to show at this width. */
  readonly trimmed: number;
  readonly decodeMs: number;
  /**
   * When the request left (performance.now()) and how long until the whole answer had arrived (server and
   * transfer); undefined for a saved record.
   */
  readonly request?: { readonly sentAt: number; readonly fetchMs: number };
  /** True when the graph is a diff: `model.diff` holds comparison − baseline. */
  readonly isDiff?: boolean;
}

/** The `parca-load` of a flame graph answer (the graph's and a call tree's): its sizes and timings. */
export function flamegraphLoadEvent(sourceName: string | undefined, data: FlamegraphData, durationMs: number): ParcaFlamegraphLoadEvent {
  return new ParcaFlamegraphLoadEvent(sourceName, durationMs, data.total, data.trimmed, data.model.size, data.decodeMs, data.request?.fetchMs, data.request?.sentAt);
}

/** The shown window: the picked point of a metrics series when there is one, else the query's window. */
export function windowOf(query: QueryState): ProfileWindow {
  const window = profileWindow(query);
  if (!window)
    throw new ParcaError('invalid-query', `The time range ${formatTimeBound(query.range.from)} to ${formatTimeBound(query.range.to)} ends before it starts.`);
  return window;
}

/** The request's analysis options with the baseline resolved against the shown query. */
export function resolveOptions(query: QueryState, options: FlamegraphOptions): AnalysisOptions {
  const { baseline, ...rest } = options;
  if (!baseline || (!baseline.query && !baseline.range)) return rest;
  const base = baseline.query ?? query;
  const range = baseline.range ?? base.range;
  // Relative bounds of the baseline resolve at the query's own `now`, like its window.
  return { ...rest, baseline: { query: queryString(base), ...resolveRange(range, query.now) } };
}

/**
 * The options with their presets expanded into filters (the preset data loads on first use); a key no preset has
 * is an invalid query.
 */
export async function withPresets<O extends AnalysisOptions>(options: O): Promise<O> {
  if (!options.presets?.length) return options;
  const { FILTER_PRESETS, presetFilters } = await import('../../model/flamegraph/filter-presets.js');
  const { filters, unknown } = presetFilters(options.presets);
  if (unknown.length) {
    throw new ParcaError(
      'invalid-query',
      `No filter preset is called ${unknown.map((key) => `"${key}"`).join(', ')}: use ${FILTER_PRESETS.map((p) => p.key).join(', ')}.`,
    );
  }
  return { ...options, filters: [...filters, ...options.filters], presets: [] };
}

/** What a page passes to show a saved record without a server. */
export interface FlamegraphRecordInput {
  /** The bytes of FlamegraphArrow.record. */
  readonly bytes: Uint8Array;
  /** `nanoseconds`, `bytes`, `count`...; defaults to `count`. */
  readonly unit?: string;
  readonly total?: number | bigint;
  readonly filtered?: number | bigint;
  readonly trimmed?: number | bigint;
}

/**
 * Decodes a record in slices that let the page run in between (no long task even for a million nodes). A large record's
 * top levels go to `onPreview` first (see previewModel).
 */
export async function decodeDataSliced(input: FlamegraphRecordInput, signal?: AbortSignal, onPreview?: (data: FlamegraphData) => void): Promise<FlamegraphData> {
  const started = performance.now();
  let model: FlamegraphModel;
  try {
    model = await decodeFlamegraphSliced(input.bytes, {
      ...(signal && { signal }),
      ...(onPreview && { onPreview: (preview: FlamegraphModel) => onPreview(dataOf(input, preview, started)) }),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw decodeFailure(error);
  }
  return dataOf(input, model, started);
}

function decodeFailure(error: unknown): ParcaError {
  return new ParcaError('decode', `The flame graph could not be decoded: ${(error as Error).message}`);
}

function dataOf(input: FlamegraphRecordInput, model: FlamegraphModel, started: number): FlamegraphData {
  return {
    model,
    unit: input.unit || 'count',
    total: input.total !== undefined ? Number(input.total) : model.total,
    filtered: Number(input.filtered ?? 0),
    trimmed: Number(input.trimmed ?? 0),
    decodeMs: performance.now() - started,
  };
}

/** Parca reports a range with no profiles as an error; for a flame graph that is an empty result. */
export function isNoData(error: unknown): boolean {
  return error instanceof ParcaError && error.kind === 'invalid-query' && /no (profile|data|samples)|not found/i.test(error.serverMessage ?? '');
}

export async function fetchFlamegraph(
  connection: ParcaConnection,
  query: QueryState,
  trimPercent: number,
  signal: AbortSignal,
  options: FlamegraphOptions = NO_OPTIONS,
  onPreview?: (data: FlamegraphData) => void,
): Promise<FlamegraphData> {
  const analysis = await withPresets(resolveOptions(query, options));
  const isDiff = analysis.baseline !== undefined;
  try {
    const request = buildQueryRequest(windowOf(query), analysis, QueryRequest_ReportType.FLAMEGRAPH_ARROW, trimPercent);
    const sentAt = performance.now();
    const response = await connection.query(request, { signal });
    const timing = { sentAt, fetchMs: performance.now() - sentAt };
    if (response.report.case !== 'flamegraphArrow') {
      throw new ParcaError('decode', `Parca answered with a ${response.report.case ?? 'empty'} report instead of an Arrow flame graph.`);
    }
    const arrow = response.report.value;
    const input = { bytes: arrow.record, unit: arrow.unit, total: response.total, filtered: response.filtered, trimmed: arrow.trimmed };
    const preview = onPreview && ((data: FlamegraphData) => onPreview({ ...data, isDiff, request: timing }));
    return { ...(await decodeDataSliced(input, signal, preview)), isDiff, request: timing };
  } catch (error) {
    if (isNoData(error)) return { model: emptyModel(), unit: 'count', total: 0, filtered: 0, trimmed: 0, decodeMs: 0, isDiff };
    throw error;
  }
}

/** One flame graph request that several views of a query use: the graph and a call tree beside it. */
interface SharedGraph {
  readonly connection: ParcaConnection;
  readonly options: string;
  readonly trimPercent: number;
  readonly promise: Promise<FlamegraphData>;
  readonly abort: AbortController;
  users: number;
  /** The top levels of a large answer while it decodes, and who wants them. */
  preview?: FlamegraphData | undefined;
  readonly previewed: Set<(data: FlamegraphData) => void>;
}

/** Requests by query (a refresh or a new query is another state object, so old answers go with it). */
const sharedGraphs = new WeakMap<QueryState, SharedGraph[]>();

/**
 * fetchFlamegraph, shared by the views of one query: a request for the same query and options joins one in
 * flight or answered whose trim threshold is the same or finer (`trimPercent` undefined: any), so a call tree
 * beside a graph costs no second request or decode. The request is cancelled when every view that asked for it
 * has; a failed one is not kept.
 */
export function sharedFlamegraph(
  connection: ParcaConnection,
  query: QueryState,
  trimPercent: number | undefined,
  fallbackTrim: number,
  signal: AbortSignal,
  options: FlamegraphOptions = NO_OPTIONS,
  onPreview?: (data: FlamegraphData) => void,
): Promise<FlamegraphData> {
  const key = JSON.stringify(options);
  let list = sharedGraphs.get(query);
  if (!list) sharedGraphs.set(query, (list = []));
  const graphs = list;
  const drop = (graph: SharedGraph) => {
    const index = graphs.indexOf(graph);
    if (index >= 0) graphs.splice(index, 1);
  };
  let graph = graphs.find((g) => g.connection === connection && g.options === key && (trimPercent === undefined || g.trimPercent <= trimPercent));
  if (!graph) {
    const abort = new AbortController();
    const trim = trimPercent ?? fallbackTrim;
    const previewed = new Set<(data: FlamegraphData) => void>();
    const made: SharedGraph = {
      connection,
      options: key,
      trimPercent: trim,
      abort,
      users: 0,
      previewed,
      promise: fetchFlamegraph(connection, query, trim, abort.signal, options, (preview) => {
        made.preview = preview;
        for (const show of previewed) show(preview);
      }),
    };
    const settle = () => {
      made.preview = undefined;
      previewed.clear();
    };
    made.promise.then(settle, () => {
      settle();
      drop(made);
    });
    graphs.push(made);
    graph = made;
  }
  const joined = graph;
  joined.users++;
  if (onPreview) {
    joined.previewed.add(onPreview);
    if (joined.preview) onPreview(joined.preview);
  }
  return new Promise<FlamegraphData>((resolve, reject) => {
    const onAbort = () => {
      if (onPreview) joined.previewed.delete(onPreview);
      if (--joined.users === 0) {
        joined.abort.abort();
        drop(joined);
      }
      reject(new ParcaError('aborted', 'The request was cancelled.'));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    joined.promise.then(
      (data) => {
        signal.removeEventListener('abort', onAbort);
        joined.users--;
        resolve(data);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        joined.users--;
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** The same query as a pprof file (gzip-compressed protobuf, as Parca sends it). */
export async function fetchPprof(connection: ParcaConnection, query: QueryState, options: FlamegraphOptions, signal?: AbortSignal): Promise<Uint8Array> {
  const request = buildQueryRequest(windowOf(query), await withPresets(resolveOptions(query, options)), QueryRequest_ReportType.PPROF);
  const response = await connection.query(request, { signal });
  if (response.report.case !== 'pprof') {
    throw new ParcaError('decode', `Parca answered with a ${response.report.case ?? 'empty'} report instead of pprof.`);
  }
  return response.report.value;
}
