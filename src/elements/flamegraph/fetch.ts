// The flame graph's request: a merge of the query's range as an Arrow flame graph, decoded into the model.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { type FlamegraphModel, decodeFlamegraph, emptyModel } from '../../model/flamegraph/decode.js';
import { type QueryState, profileWindow } from '../../model/query-state.js';
import { resolveRange } from '../../model/time-range.js';

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

/** Decodes a record, turning any failure into a ParcaError of kind `decode`. */
export function decodeData(input: FlamegraphRecordInput): FlamegraphData {
  const started = performance.now();
  let model: FlamegraphModel;
  try {
    model = decodeFlamegraph(input.bytes);
  } catch (error) {
    throw new ParcaError('decode', `The flame graph could not be decoded: ${(error as Error).message}`);
  }
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
function isNoData(error: unknown): boolean {
  return error instanceof ParcaError && error.kind === 'invalid-query' && /no (profile|data|samples)|not found/i.test(error.serverMessage ?? '');
}

export async function fetchFlamegraph(connection: ParcaConnection, query: QueryState, trimPercent: number, signal: AbortSignal): Promise<FlamegraphData> {
  // The picked point of a metrics series when there is one, else the whole range.
  const window = profileWindow(query, resolveRange(query.range));
  try {
    const response = await connection.query(
      {
        mode: QueryRequest_Mode.MERGE,
        options: {
          case: 'merge',
          value: { query: window.query, start: timestampFromMs(window.startMs), end: timestampFromMs(window.endMs) },
        },
        reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
        nodeTrimThreshold: trimPercent,
      },
      { signal },
    );
    if (response.report.case !== 'flamegraphArrow') {
      throw new ParcaError('decode', `Parca answered with a ${response.report.case ?? 'empty'} report instead of an Arrow flame graph.`);
    }
    const arrow = response.report.value;
    return decodeData({ bytes: arrow.record, unit: arrow.unit, total: response.total, filtered: response.filtered, trimmed: arrow.trimmed });
  } catch (error) {
    if (isNoData(error)) return { model: emptyModel(), unit: 'count', total: 0, filtered: 0, trimmed: 0, decodeMs: 0 };
    throw error;
  }
}
