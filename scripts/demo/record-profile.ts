// Records a merged CPU flame graph from a freshly seeded local Parca into demo/data/, for the demo page that
// renders a saved profile with no server. `node scripts/demo/record-profile.mjs`.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection } from '../../src/client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../src/gen/parca/query/v1alpha1/query_pb.js';
import { seedParca } from '../parca/seed.js';
import { startParca } from '../parca/server.js';
import { projectRoot } from '../paths.js';

const PROFILE_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';

export async function recordDemoProfile(): Promise<void> {
  const parca = await startParca({ corsOrigins: ['*'] });
  try {
    const { seededAtMs } = await seedParca(parca.url);
    const connection = createConnection({ url: parca.url });
    const response = await connection.query({
      mode: QueryRequest_Mode.MERGE,
      reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
      options: {
        case: 'merge',
        value: { query: `${PROFILE_TYPE}{}`, start: timestampFromMs(seededAtMs - 3_600_000), end: timestampFromMs(seededAtMs) },
      },
    });
    if (response.report.case !== 'flamegraphArrow') throw new Error(`unexpected report ${response.report.case}`);
    const arrow = response.report.value;
    const dir = join(projectRoot, 'demo', 'data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'cpu-profile.arrow'), arrow.record);
    const meta = { profileType: PROFILE_TYPE, unit: arrow.unit, total: response.total.toString(), trimmed: arrow.trimmed.toString(), height: arrow.height };
    writeFileSync(join(dir, 'cpu-profile.json'), JSON.stringify(meta, null, 2) + '\n');
    process.stdout.write(`wrote demo/data/cpu-profile.arrow (${arrow.record.byteLength} bytes) and cpu-profile.json\n`);
  } finally {
    await parca.stop();
  }
}
