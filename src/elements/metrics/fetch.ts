// The request behind <parca-metrics>: QueryRange for the query and range at a step, with `sum_by` chosen so
// each label set stays its own series unless the user groups them.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import type { QueryRangeResponse } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { parseLabelNames } from '../../model/metrics/labels.js';
import { parseProfileTypeId, type ProfileTypeParts } from '../../model/profile-type.js';
import { queryString } from '../../model/query-state.js';
import type { ResolvedRange } from '../../model/time-range.js';

export type MetricsArgs = readonly [
  connection: ParcaConnection,
  profileType: string,
  selector: string,
  /** The query's window: a new object each time the query is applied, so a refresh asks again. */
  window: ResolvedRange,
  stepSeconds: number,
  sumBy: string,
];

export interface MetricsResult {
  readonly response: QueryRangeResponse;
  readonly profileType: string;
  readonly selector: string;
  /** The label names the series were summed by (empty for non-delta types, where sum_by does not apply). */
  readonly sumBy: readonly string[];
  /** The window asked for: the chart's time axis spans it, whatever the data covers. */
  readonly window: ResolvedRange;
  /** The step asked for. */
  readonly stepSeconds: number;
}

function profileTypeParts(id: string): ProfileTypeParts {
  try {
    return parseProfileTypeId(id);
  } catch (error) {
    throw new ParcaError('invalid-query', (error as Error).message);
  }
}

export async function fetchSeries(args: MetricsArgs, signal: AbortSignal): Promise<MetricsResult> {
  const [connection, profileType, selector, window, stepSeconds, sumByText] = args;
  const { startMs, endMs } = window;
  const { delta } = profileTypeParts(profileType);
  const range = { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };
  let sumBy = delta ? parseLabelNames(sumByText) : [];
  if (delta && sumBy.length === 0) {
    // Parca sums delta series over every label not named: naming them all keeps one series per label set.
    const { labelNames } = await connection.labels({ ...range, match: [], profileType }, { signal });
    sumBy = labelNames.filter((name) => !name.startsWith('__'));
  }
  const response = await connection.queryRange(
    { query: queryString({ profileType, selector }), ...range, step: { seconds: BigInt(Math.max(1, stepSeconds)) }, sumBy },
    { signal },
  );
  return { response, profileType, selector, sumBy, window, stepSeconds };
}
