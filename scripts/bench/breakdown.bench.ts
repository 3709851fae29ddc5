// <parca-breakdown> on a QueryRange answer summed by one label, served from memory (so the element is timed, not the
// network), one load per page in a fresh browser context: first paint after the answer arrives (the rows in view
// rendered and their mini charts drawn and rasterized), the longest main-thread task from the element's creation
// until then, and the main-thread work of a scroll step through the list.
import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ParcaConnection } from '../../src/client/connection.js';
import { defineElement } from '../../src/define/define-element.js';
import { ParcaBreakdownElement } from '../../src/elements/breakdown/breakdown.js';
import { ROW_HEIGHT } from '../../src/elements/breakdown/templates.js';
import { LabelsResponseSchema, type QueryRangeResponse, QueryRangeResponseSchema } from '../../src/gen/parca/query/v1alpha1/query_pb.js';
import { createQueryState } from '../../src/model/query-state.js';
import { absoluteRange } from '../../src/model/time-range.js';
import { type BenchModule, afterPaint, frame, heapBytes, nextTask, watchLongTasks } from './harness.js';

// Registered here rather than through src/define: package.json marks only dist/define files as side effects.
defineElement('parca-breakdown', ParcaBreakdownElement);

const CPU_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';

interface BenchCase {
  name: string;
  values: number;
  points: number;
}

const CASES: Record<string, BenchCase> = {
  '20x100': { name: '20 values × 100 points', values: 20, points: 100 },
  '200x500': { name: '200 values × 500 points', values: 200, points: 500 },
};

/** A delta CPU answer summed by `instance`: `values` series with `points` points 10 s apart, wavy values. */
function buildResponse(values: number, points: number, endMs: number): QueryRangeResponse {
  const startMs = endMs - points * 10_000;
  return create(QueryRangeResponseSchema, {
    series: Array.from({ length: values }, (_, s) => ({
      labelset: { labels: [{ name: 'instance', value: `host-${s}:6060` }] },
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

/** A connection that answers from memory, so the benchmark times the element and not the network. */
function memoryConnection(response: QueryRangeResponse, answered: (at: number) => void): ParcaConnection {
  const unused = () => Promise.reject(new Error('not used by the benchmark'));
  return {
    url: 'memory:',
    name: 'bench',
    authenticated: false,
    callsInFlight: 0,
    outcomes: { answered: 0, failedTransiently: 0 },
    profileTypes: unused,
    values: unused,
    query: unused,
    labels: () => Promise.resolve(create(LabelsResponseSchema, { labelNames: ['instance'] })),
    queryRange: () => {
      answered(performance.now());
      return Promise.resolve(response);
    },
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Reads a pixel of every mini chart in view: Chromium rasterizes what was drawn, inside the measured time. */
function rasterize(el: ParcaBreakdownElement): number {
  const canvases = [...el.shadowRoot!.querySelectorAll<HTMLCanvasElement>('canvas[part~="chart"]')];
  for (const canvas of canvases) canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  return canvases.length;
}

/** One load of one case in this (fresh) page. */
export const run: BenchModule['run'] = async (report, params) => {
  const bench = CASES[params.get('case')!];
  if (!bench) throw new Error(`unknown case ${params.get('case')}`);
  const endMs = Date.UTC(2026, 10, 25, 12);
  // Built before the long-task watch starts: a real page gets the answer decoded by the transport.
  const response = buildResponse(bench.values, bench.points, endMs);
  heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  const el = document.createElement('parca-breakdown');
  el.style.width = '1200px';
  el.style.setProperty('--parca-breakdown-height', '600px');
  el.label = 'instance';
  el.topN = bench.values; // every value listed: the case is about a long list
  document.body.append(el);
  await el.updateComplete;
  let answeredAt = 0;
  const loaded = new Promise((resolve) => el.addEventListener('parca-load', resolve, { once: true }));
  el.connection = memoryConnection(response, (at) => (answeredAt = at));
  el.query = createQueryState({ profileType: CPU_TYPE, range: absoluteRange(endMs - bench.points * 10_000, endMs) });
  await loaded;
  await el.settled;
  const charts = rasterize(el);
  const firstPaintMs = performance.now() - answeredAt;
  await afterPaint();
  const longest = await tasks.stop();
  if (el.breakdown.rows.length !== bench.values) throw new Error(`${el.breakdown.rows.length} rows shown of ${bench.values}`);
  if (charts === 0) throw new Error('no mini chart drawn');

  // Scroll steps of a dozen rows: the rows that come into view are rendered and their charts drawn. Main-thread work
  // (as harness.ts's timeRedraw counts it): the scroll and the update it starts, plus the draw in the next frame and
  // its rasterization, without the wait for that frame.
  const list = el.shadowRoot!.querySelector<HTMLElement>('[part~="list"]')!;
  const steps: number[] = [];
  for (let i = 1; i <= 12; i++) {
    let before = 0;
    requestAnimationFrame(() => (before = performance.now()));
    const start = performance.now();
    list.scrollTop = i * 12 * ROW_HEIGHT;
    list.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const updateMs = performance.now() - start;
    await frame();
    rasterize(el);
    steps.push(updateMs + (performance.now() - before));
    await afterPaint();
  }
  report({ metric: 'first paint', unit: 'ms', value: firstPaintMs });
  report({ metric: 'longest task', unit: 'ms', value: longest });
  report({ metric: 'scroll step', unit: 'ms', value: median(steps) });
  report({ metric: 'charts in view', unit: 'count', value: charts });
};
