// The profile's metadata (Parca's PROFILE_METADATA report): what the analysis controls list (binaries, label
// names). Loaded with them, on first use.
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { buildQueryRequest } from '../../model/flamegraph/request.js';
import type { QueryState } from '../../model/query-state.js';
import { isNoData, windowOf } from './fetch.js';

/** What a merged profile is made of (Parca's PROFILE_METADATA report): its binaries and its label names, sorted. */
export interface ProfileMetadataInfo {
  readonly binaries: readonly string[];
  readonly labels: readonly string[];
}

/** The binaries and label names of the query's profile, for the binary legend and the group-by control. */
export async function fetchMetadata(connection: ParcaConnection, query: QueryState, signal: AbortSignal): Promise<ProfileMetadataInfo> {
  const request = buildQueryRequest(windowOf(query), { invert: false, groupBy: [], filters: [], absolute: false }, QueryRequest_ReportType.PROFILE_METADATA);
  let response;
  try {
    response = await connection.query(request, { signal });
  } catch (error) {
    if (isNoData(error)) return { binaries: [], labels: [] };
    throw error;
  }
  if (response.report.case !== 'profileMetadata') {
    throw new ParcaError('decode', `Parca answered with a ${response.report.case ?? 'empty'} report instead of the profile's metadata.`);
  }
  const { mappingFiles, labels } = response.report.value;
  const sorted = (values: readonly string[]) => [...new Set(values.filter((value) => value !== ''))].sort();
  return { binaries: sorted(mappingFiles), labels: sorted(labels) };
}
