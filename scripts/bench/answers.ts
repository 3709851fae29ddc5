// QueryRange answers the metrics and breakdown benches serve from memory (so the element is timed, not the
// network): delta CPU series with wavy values (handed over by src/test-support/memory-connection.ts).
import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { type QueryRangeResponse, QueryRangeResponseSchema } from '../../src/gen/parca/query/v1alpha1/query_pb.js';

export const CPU_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';

/** `series` label sets (from `labelsOf`) with `points` points 10 s apart, ending at `endMs`, in cores. */
export function cpuAnswer(series: number, points: number, endMs: number, labelsOf: (s: number) => { name: string; value: string }[]): QueryRangeResponse {
  const startMs = endMs - points * 10_000;
  return create(QueryRangeResponseSchema, {
    series: Array.from({ length: series }, (_, s) => ({
      labelset: { labels: labelsOf(s) },
      sampleType: { type: 'cpu', unit: 'nanoseconds' },
      periodType: { type: 'cpu', unit: 'nanoseconds' },
      samples: Array.from({ length: points }, (_, i) => {
        const perSecond = (1 + Math.sin(s * 0.7 + i * 0.05)) * (0.2 + (s % 7) * 0.3);
        return {
          timestamp: timestampFromMs(startMs + i * 10_000),
          value: BigInt(Math.round(perSecond * 1e10)),
          valuePerSecond: perSecond,
          duration: 10_000_000_000n,
          count: 1,
        };
      }),
    })),
  });
}
