// The benchmark's tree recorded from the real Parca: the flame graph record Parca answers for the seeded CPU
// profiles of the whole seeded hour (every job merged, nothing trimmed), asked the way <parca-flamegraph> asks.
// Decoded in Node into the tree the peers are given, so every contestant draws the same frames.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import { QueryRequest_Mode, QueryRequest_ReportType, QueryService } from '../../src/gen/parca/query/v1alpha1/query_pb.js';
import { decodeFlamegraph } from '../../src/model/flamegraph/decode.js';
import type { RecordSpec } from '../../src/test-support/flamegraph-record.js';
import { startParca } from '../parca/server.js';
import { seedParca } from '../parca/seed.js';
import { SEED_SPAN_MS } from '../parca/seed-plan.js';
import { CPU_TYPE } from './answers.js';

export interface RecordedTree {
  /** The record's bytes as Parca sent them (LZ4-compressed Arrow). */
  readonly bytes: Uint8Array;
  readonly unit: string;
  /** The same tree for the peers: parents, values and function names per row. */
  readonly spec: RecordSpec;
}

/** Starts a seeded Parca, asks it for the flame graph of the seeded CPU profiles, and stops it. */
export async function recordFromParca(): Promise<RecordedTree> {
  const server = await startParca({ corsOrigins: [] });
  try {
    const { seededAtMs } = await seedParca(server.url);
    const client = createClient(QueryService, createGrpcWebTransport({ baseUrl: server.url }));
    const response = await client.query({
      mode: QueryRequest_Mode.MERGE,
      options: {
        case: 'merge',
        value: { query: `${CPU_TYPE}{}`, start: timestampFromMs(seededAtMs - SEED_SPAN_MS - 60_000), end: timestampFromMs(seededAtMs) },
      },
      reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
      nodeTrimThreshold: 0,
    });
    if (response.report.case !== 'flamegraphArrow') throw new Error(`Parca answered ${response.report.case}, not a flame graph`);
    const { record, unit } = response.report.value;
    const model = decodeFlamegraph(record);
    const names = Array.from({ length: model.size }, (_, row) => (row === 0 ? null : model.functionName.value(row) || null));
    return { bytes: record, unit, spec: { parent: model.parent, cumulative: model.cumulative, flat: model.flat, names } };
  } finally {
    await server.stop();
  }
}
