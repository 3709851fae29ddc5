// The reference every number a view shows per function is checked against: Parca's own pprof answer for the
// query, aggregated the way `go tool pprof` does (each sample counted once per function on its stack, flat to
// the innermost function of its leaf), through the generated pprof messages rather than the library's code.
import { fromBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ParcaConnection } from '../client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import { ProfileSchema } from '../gen/perftools/profiles/profile_pb.js';

export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

export interface ReferenceTotals {
  /** Per function name (unsymbolized locations as `0x<address>`): flat and cumulative. */
  readonly functions: Map<string, { flat: number; cumulative: number }>;
  /** The sum of every sample. */
  readonly total: number;
}

/** Parca's pprof report of `query` over [startMs, endMs], aggregated per function like `go tool pprof`. */
export async function pprofReference(connection: ParcaConnection, query: string, startMs: number, endMs: number): Promise<ReferenceTotals> {
  const response = await connection.query({
    mode: QueryRequest_Mode.MERGE,
    options: { case: 'merge', value: { query, start: timestampFromMs(startMs), end: timestampFromMs(endMs) } },
    reportType: QueryRequest_ReportType.PPROF,
  });
  if (response.report.case !== 'pprof') throw new Error(`no pprof report: ${response.report.case}`);
  return aggregatePprof(response.report.value);
}

/** A pprof file (gzipped or not) aggregated per function like `go tool pprof`. */
export async function aggregatePprof(bytes: Uint8Array): Promise<ReferenceTotals> {
  const profile = fromBinary(ProfileSchema, await gunzipIfNeeded(bytes), { readUnknownFields: false });
  const text = (index: bigint) => profile.stringTable[Number(index)] ?? '';
  const functionName = new Map(profile.function.map((f) => [f.id, text(f.name)]));
  const locations = new Map(profile.location.map((l) => [l.id, l]));
  const functions = new Map<string, { flat: number; cumulative: number }>();
  const entry = (name: string) => {
    let totals = functions.get(name);
    if (!totals) functions.set(name, (totals = { flat: 0, cumulative: 0 }));
    return totals;
  };
  let total = 0;
  for (const sample of profile.sample) {
    const value = Number(sample.value[0] ?? 0n);
    total += value;
    const names = sample.locationId.map((id) => {
      const location = locations.get(id)!;
      return location.line.length ? location.line.map((line) => functionName.get(line.functionId) ?? '') : [`0x${location.address.toString(16)}`];
    });
    if (names.length) entry(names[0]![0]!).flat += value;
    for (const name of new Set(names.flat())) entry(name).cumulative += value;
  }
  return { functions, total };
}
