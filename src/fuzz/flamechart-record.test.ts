// Real flame chart records from the seeded Parca (and one built like them), mutated thousands of times (seeded,
// reproducible): each mutant decodes into a timeline that can be drawn, hit and totalled, or fails with a
// FlamegraphDecodeError. Nothing else may escape, and nothing may hang.
import { expect } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { LAB_CPU_TYPE, TIMELINE_JOB } from '../../scripts/parca/adversarial-plan.js';
import { createConnection } from '../client/connection.js';
import { ChartRenderer } from '../elements/flamechart/chart-renderer.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import { decodeTimeline, rowAt, windowTotal } from '../model/flamechart/timeline.js';
import { FlamegraphDecodeError } from '../model/flamegraph/decode.js';
import { frameName } from '../model/flamegraph/names.js';
import { testEnv } from '../test-support/env.js';
import { buildFlamegraphRecord, randomChartSamples, timelineSpec } from '../test-support/flamegraph-record.js';
import { fuzzRecords } from '../test-support/fuzz.js';
import { recordScenario } from '../test-support/scenarios.js';

const CASES_PER_RECORD = 5000;
const env = testEnv();

async function seededChart(): Promise<Uint8Array> {
  const response = await createConnection({ url: env.parcaUrl }).query({
    mode: QueryRequest_Mode.MERGE,
    reportType: QueryRequest_ReportType.FLAMECHART,
    options: {
      case: 'merge',
      value: { query: `${LAB_CPU_TYPE}{job="${TIMELINE_JOB}"}`, start: timestampFromMs(env.seededAtMs - 5 * 60_000), end: timestampFromMs(env.seededAtMs) },
    },
  });
  if (response.report.case !== 'flamegraphArrow') throw new Error('no flame chart');
  return response.report.value.record;
}

const THEME = {
  palette: ['#f00', '#0f0'],
  neutral: '#ccc',
  muted: '#eee',
  text: '#000',
  mutedText: '#888',
  outline: '#00f',
  match: '#fa0',
  font: '12px monospace',
  rowHeight: 20,
};

describe('fuzzing the flame chart decoder with mutated records', function () {
  this.timeout(240_000);

  it(`decodes ${CASES_PER_RECORD} mutants of each of two records into a drawable timeline or a decode error`, async () => {
    const records = [await seededChart(), buildFlamegraphRecord(timelineSpec(randomChartSamples(300, 1_796_000_000_000_000_000n, 10_000_000, 5)))];
    const ctx = new OffscreenCanvas(400, 200).getContext('2d') as unknown as CanvasRenderingContext2D;
    const renderer = new ChartRenderer();
    const { total, unexpected } = fuzzRecords(
      records,
      0xc4a27,
      CASES_PER_RECORD,
      (mutant) => {
        const timeline = decodeTimeline(mutant);
        // What the element does with a timeline: total it, hit it, draw it, name its frames.
        const window = { startMs: timeline.firstMs, endMs: Math.max(timeline.firstMs + 1, timeline.lastMs) };
        windowTotal(timeline, window.startMs, window.endMs);
        for (let depth = 0; depth <= Math.min(timeline.model.maxDepth, 50); depth++) rowAt(timeline, depth, (window.startMs + window.endMs) / 2);
        for (let row = 0; row < timeline.model.size; row++) frameName(timeline.model, row);
        renderer.draw(ctx, { timeline, window, widthPx: 400, heightPx: 200, scrollTop: 0, colorOf: () => 0, matches: undefined, hovered: -1, selected: -1 }, THEME);
      },
      (error) => error instanceof FlamegraphDecodeError,
    );
    await recordScenario('fuzz: Arrow flame chart records', total, unexpected.length);
    expect(unexpected.slice(0, 5)).to.deep.equal([]);
  });
});
