// Real Arrow flame graph records from the seeded Parca, mutated thousands of times (seeded, reproducible):
// each mutant decodes into a model that can be drawn and named, or fails with a FlamegraphDecodeError. Nothing
// else may escape, and nothing may hang.
import { expect } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { createConnection } from '../client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import { FlamegraphDecodeError, decodeFlamegraph } from '../model/flamegraph/decode.js';
import { frameName } from '../model/flamegraph/names.js';
import { frameDetails } from '../model/flamegraph/details.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { fuzzRecords } from '../test-support/fuzz.js';
import { recordScenario } from '../test-support/scenarios.js';

const CASES_PER_RECORD = 5000;
const env = testEnv();
const { startMs, endMs } = seededRange(env);

async function record(query: string): Promise<Uint8Array> {
  const response = await createConnection({ url: env.parcaUrl }).query({
    mode: QueryRequest_Mode.MERGE,
    reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    options: { case: 'merge', value: { query, start: timestampFromMs(startMs), end: timestampFromMs(endMs) } },
  });
  if (response.report.case !== 'flamegraphArrow') throw new Error('no flame graph');
  return response.report.value.record;
}

describe('fuzzing the Arrow flame graph decoder with mutated real records', function () {
  this.timeout(180_000);

  it(`decodes ${CASES_PER_RECORD} mutants of each of two records into a usable model or a decode error`, async () => {
    const records = [await record(`${CPU_TYPE}{job="fib"}`), await record('memory:inuse_space:bytes:space:bytes{job="kube-client"}')];
    const { total, unexpected } = fuzzRecords(
      records,
      0xf1a3e,
      CASES_PER_RECORD,
      (mutant) => {
        const model = decodeFlamegraph(mutant);
        // What the element does with a model: name every frame and read its details.
        for (let row = 0; row < model.size; row++) {
          frameName(model, row);
          frameDetails(model, row);
        }
      },
      (error) => error instanceof FlamegraphDecodeError,
    );
    await recordScenario('fuzz: Arrow flame graph records', total, unexpected.length);
    expect(unexpected.slice(0, 5)).to.deep.equal([]);
  });
});
