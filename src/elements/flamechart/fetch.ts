// The flame chart's request: the query's window as REPORT_TYPE_FLAMECHART (merge only: a chart of a diff has no
// meaning over time), decoded in slices into a timeline; and a saved record decoded the same way.
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { type Timeline, decodeTimelineSliced } from '../../model/flamechart/timeline.js';
import type { TimeWindow } from '../../model/flamechart/window.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { buildQueryRequest } from '../../model/flamegraph/request.js';
import type { QueryState } from '../../model/query-state.js';
import { isNoData, resolveOptions, windowOf, withPresets } from '../flamegraph/fetch.js';

export interface FlamechartData {
  readonly timeline: Timeline;
  /** The record's unit: `nanoseconds` for the types a chart accepts. */
  readonly unit: string;
  /** The window the chart spans: the query's (or, for a saved record, the record's own frames). */
  readonly window: TimeWindow;
  readonly total: number;
  /** Value removed by filters. */
  readonly filtered: number;
  readonly decodeMs: number;
  /** When the request left (performance.now()) and how long until the answer had arrived; none for a saved record. */
  readonly request?: { readonly sentAt: number; readonly fetchMs: number };
}

/** What a page passes to show a saved flame chart without a server. */
export interface FlamechartRecordInput {
  /** The bytes of FlamegraphArrow.record from a REPORT_TYPE_FLAMECHART answer. */
  readonly bytes: Uint8Array;
  /** Defaults to `nanoseconds`. */
  readonly unit?: string;
  /** The window the chart spans, epoch ms; by default from the first frame's start to the last one's end. */
  readonly startMs?: number;
  readonly endMs?: number;
  readonly total?: number | bigint;
  readonly filtered?: number | bigint;
}

/** Parca's words when the profiles of a window overlap in time (several series or threads at the same moments). */
const OVERLAP = /multiple samples for the same timestamp|failed to merge flame chart records/i;

/** Decodes a record in slices; a failure is a ParcaError of kind `decode`. */
export async function decodeChartSliced(input: FlamechartRecordInput, signal?: AbortSignal): Promise<FlamechartData> {
  const started = performance.now();
  let timeline: Timeline;
  try {
    timeline = await decodeTimelineSliced(input.bytes, signal ? { signal } : {});
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ParcaError('decode', `The flame chart could not be decoded: ${(error as Error).message}`);
  }
  const startMs = input.startMs ?? timeline.firstMs;
  const endMs = input.endMs ?? timeline.lastMs;
  return {
    timeline,
    unit: input.unit || 'nanoseconds',
    // A window of no length (one frame of no duration) still draws: a millisecond around it.
    window: endMs > startMs ? { startMs, endMs } : { startMs, endMs: startMs + 1 },
    total: input.total !== undefined ? Number(input.total) : timeline.model.total,
    filtered: Number(input.filtered ?? 0),
    decodeMs: performance.now() - started,
  };
}

/** Asks Parca for the query's flame chart. */
export async function fetchFlamechart(connection: ParcaConnection, query: QueryState, options: FlamegraphOptions, signal: AbortSignal): Promise<FlamechartData> {
  const window = windowOf(query);
  // The chart shows one window over time: a baseline and inverted stacks have no place in it.
  const analysis = await withPresets(resolveOptions(query, options));
  const request = buildQueryRequest(window, { ...analysis, invert: false, baseline: undefined }, QueryRequest_ReportType.FLAMECHART);
  const sentAt = performance.now();
  let response;
  try {
    response = await connection.query(request, { signal });
  } catch (error) {
    if (isNoData(error)) return decodeChartSliced({ bytes: new Uint8Array(0), startMs: window.startMs, endMs: window.endMs }, signal);
    if (error instanceof ParcaError && OVERLAP.test(error.serverMessage ?? error.message)) {
      throw new ParcaError(
        'invalid-query',
        'The selected profiles overlap in time (several series or threads sampled at the same moments), and a flame chart shows one at a time: narrow the selector to one series.',
        error.serverMessage,
      );
    }
    throw error;
  }
  const timing = { sentAt, fetchMs: performance.now() - sentAt };
  if (response.report.case !== 'flamegraphArrow') {
    throw new ParcaError('decode', `Parca answered with a ${response.report.case ?? 'empty'} report instead of a flame chart.`);
  }
  const arrow = response.report.value;
  const data = await decodeChartSliced(
    { bytes: arrow.record, unit: arrow.unit, startMs: window.startMs, endMs: window.endMs, total: response.total, filtered: response.filtered },
    signal,
  );
  return { ...data, request: timing };
}

/** The chart's `parca-load`: total, frames, decode and fetch times. */
export function chartLoadEvent(sourceName: string | undefined, data: FlamechartData, durationMs: number): ParcaFlamegraphLoadEvent {
  return new ParcaFlamegraphLoadEvent(sourceName, durationMs, data.total, 0, data.timeline.model.size, data.decodeMs, data.request?.fetchMs, data.request?.sentAt);
}
