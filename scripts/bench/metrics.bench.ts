// <parca-metrics> on QueryRange-shaped answers served from memory (so the element is timed, not the network):
// first paint after the answer arrives, hover redraw, and the longest main-thread task.
import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ParcaConnection } from '../../src/client/connection.js';
import { defineElement } from '../../src/define/define-element.js';
import { ParcaMetricsElement } from '../../src/elements/metrics/metrics.js';
import { LabelsResponseSchema, type QueryRangeResponse, QueryRangeResponseSchema } from '../../src/gen/parca/query/v1alpha1/query_pb.js';
import { createQueryState } from '../../src/model/query-state.js';
import { absoluteRange } from '../../src/model/time-range.js';
import { type BenchModule, quick } from './harness.js';

// Registered here rather than through src/define: package.json marks only dist/define files as side effects.
defineElement('parca-metrics', ParcaMetricsElement);

const CPU_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';

interface BenchCase {
  name: string;
  series: number;
  points: number;
}

interface BenchRun {
  firstPaintMs: number;
  hoverMs: number;
  longestTaskMs: number;
}

/** A delta CPU answer: `series` label sets with `points` points 10 s apart, wavy values in cores. */
function buildResponse(series: number, points: number, endMs: number): QueryRangeResponse {
  const startMs = endMs - points * 10_000;
  return create(QueryRangeResponseSchema, {
    series: Array.from({ length: series }, (_, s) => ({
      labelset: { labels: [{ name: 'instance', value: `host-${s % 20}:6060` }, { name: 'job', value: `job-${Math.floor(s / 20)}` }] },
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
    labels: async () => create(LabelsResponseSchema, { labelNames: ['instance', 'job'] }),
    queryRange: async () => {
      answered(performance.now());
      return response;
    },
  };
}

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

async function once(bench: BenchCase, endMs: number, response: QueryRangeResponse, keep = false): Promise<BenchRun> {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const el = document.createElement('parca-metrics') as ParcaMetricsElement;
  el.style.width = '1200px';
  el.topN = bench.series; // draw every series: the case is about drawing all of them
  document.body.append(el);
  await el.updateComplete;
  let answeredAt = 0;
  const loaded = new Promise((resolve) => el.addEventListener('parca-load', resolve, { once: true }));
  el.connection = memoryConnection(response, (at) => (answeredAt = at));
  el.query = createQueryState({ profileType: CPU_TYPE, range: absoluteRange(endMs - bench.points * 10_000, endMs) });
  await loaded;
  await el.updateComplete;
  // uPlot commits its first draw in a microtask after it is built.
  await microtask();
  await microtask();
  const firstPaintMs = performance.now() - answeredAt;
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the long-task observer report
  observer.disconnect();
  if (!el.plot) throw new Error(`nothing drawn: ${el.shadowRoot?.querySelector('[part~=error]')?.textContent ?? ''}`);

  const over = el.plot.over;
  const rect = over.getBoundingClientRect();
  const hovers: number[] = [];
  for (let i = 0; i < 20; i++) {
    const x = rect.left + rect.width * (0.1 + i * 0.04);
    const start = performance.now();
    over.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: rect.top + rect.height / 2, movementX: 5, bubbles: true }));
    // The tooltip's layout is part of the redraw.
    el.shadowRoot!.querySelector<HTMLElement>('[part~=tooltip]')!.getBoundingClientRect();
    hovers.push(performance.now() - start);
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  hovers.sort((a, b) => a - b);
  if (!keep) el.remove();
  return { firstPaintMs, hoverMs: hovers[Math.floor(hovers.length / 2)]!, longestTaskMs: longest };
}

const RUNS = quick ? 1 : 5;
const ALL_CASES: (BenchCase & { strict?: boolean })[] = [
  { name: '20 series × 100 points', series: 20, points: 100 },
  { name: '200 series × 1,000 points', series: 200, points: 1000, strict: true },
];
const CASES = quick ? ALL_CASES.slice(0, 1) : ALL_CASES;

export const run: BenchModule['run'] = async (report) => {
  const endMs = Date.UTC(2026, 10, 25, 12);
  for (const bench of CASES) {
    const response = buildResponse(bench.series, bench.points, endMs);
    const runs: BenchRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(bench, endMs, response));
    const measure = (metric: string, key: keyof BenchRun, target?: number) =>
      report({ case: bench.name, metric, unit: 'ms', values: runs.map((r) => r[key]), ...(target === undefined ? {} : { target }) });
    measure('first paint', 'firstPaintMs', bench.strict ? 50 : undefined);
    measure('hover redraw', 'hoverMs', bench.strict ? 8 : undefined);
    measure('longest main-thread task', 'longestTaskMs');
  }
};
