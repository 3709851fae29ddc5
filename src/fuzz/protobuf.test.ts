// Real responses from the seeded Parca, mutated thousands of times: decoding must end in a message or an
// Error, never anything else, and never hang.
import { expect } from '@open-wc/testing';
import { type DescMessage, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { createConnection } from '../client/connection.js';
import {
  LabelsResponseSchema,
  ProfileTypesResponseSchema,
  QueryRangeResponseSchema,
  QueryRequest_Mode,
  QueryRequest_ReportType,
  QueryResponseSchema,
} from '../gen/parca/query/v1alpha1/query_pb.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { mutate, seededRandom } from '../test-support/fuzz.js';
import { recordScenario } from '../test-support/scenarios.js';

const CASES_PER_MESSAGE = 2500;
const env = testEnv();
const { startMs, endMs } = seededRange(env);
const range = { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };

async function realResponses(): Promise<[string, DescMessage, Uint8Array][]> {
  const parca = createConnection({ url: env.parcaUrl });
  const [types, labels, series, graph] = await Promise.all([
    parca.profileTypes(range),
    parca.labels({ ...range, profileType: CPU_TYPE, match: [] }),
    parca.queryRange({ query: `${CPU_TYPE}{}`, ...range, step: { seconds: 60n }, sumBy: ['job', 'instance'] }),
    parca.query({
      mode: QueryRequest_Mode.MERGE,
      reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
      options: { case: 'merge', value: { query: `${CPU_TYPE}{job="fib"}`, ...range } },
    }),
  ]);
  return [
    ['ProfileTypesResponse', ProfileTypesResponseSchema, toBinary(ProfileTypesResponseSchema, types)],
    ['LabelsResponse', LabelsResponseSchema, toBinary(LabelsResponseSchema, labels)],
    ['QueryRangeResponse', QueryRangeResponseSchema, toBinary(QueryRangeResponseSchema, series)],
    ['QueryResponse (flame graph)', QueryResponseSchema, toBinary(QueryResponseSchema, graph)],
  ];
}

describe('fuzzing protobuf decoding with mutated real responses', () => {
  it(`decodes ${CASES_PER_MESSAGE} mutants of each response into a message or an Error`, async () => {
    const responses = await realResponses();
    let total = 0;
    let unexpected = 0;
    for (const [index, [name, schema, bytes]] of responses.entries()) {
      expect(bytes.length, `${name} has bytes to mutate`).to.be.greaterThan(10);
      const random = seededRandom(0x5eed + index);
      let decoded = 0;
      let rejected = 0;
      for (let i = 0; i < CASES_PER_MESSAGE; i++) {
        const mutant = mutate(bytes, random);
        try {
          fromBinary(schema, mutant);
          decoded++;
        } catch (error) {
          if (error instanceof Error) rejected++;
          else unexpected++;
        }
      }
      total += decoded + rejected;
      // Both outcomes must occur, or the mutations are too weak (or too strong) to test anything.
      expect(decoded, `${name}: some mutants decode`).to.be.greaterThan(0);
      expect(rejected, `${name}: some mutants are rejected`).to.be.greaterThan(0);
    }
    await recordScenario('fuzz: protobuf responses', total, unexpected);
    expect(unexpected).to.equal(0);
    expect(total).to.equal(CASES_PER_MESSAGE * responses.length);
  });
});
