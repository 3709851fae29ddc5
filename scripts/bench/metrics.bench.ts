// <parca-metrics> on QueryRange-shaped answers served from memory (so the element is timed, not the network), one
// load per page in a fresh browser context: first paint after the answer arrives, hover redraw, and the longest
// main-thread task from the element's creation until its chart is painted.
import { defineElement } from '../../src/define/define-element.js';
import { ParcaMetricsElement } from '../../src/elements/metrics/metrics.js';
import { createQueryState } from '../../src/model/query-state.js';
import { absoluteRange } from '../../src/model/time-range.js';
import { memoryConnection } from '../../src/test-support/memory-connection.js';
import { CPU_TYPE, cpuAnswer } from './answers.js';
import { type BenchModule, afterPaint, heapBytes, nextTask, watchLongTasks } from './harness.js';

// Registered here rather than through src/define: package.json marks only dist/define files as side effects.
defineElement('parca-metrics', ParcaMetricsElement);

interface BenchCase {
  name: string;
  series: number;
  points: number;
}

const microtask = () => new Promise<void>((resolve) => queueMicrotask(resolve));

const CASES: Record<string, BenchCase> = {
  '20x100': { name: '20 series × 100 points', series: 20, points: 100 },
  '200x1000': { name: '200 series × 1,000 points', series: 200, points: 1000 },
};

/** One load of one case in this (fresh) page: first paint after the answer, hover redraw, longest task. */
export const run: BenchModule['run'] = async (report, params) => {
  const bench = CASES[params.get('case')!];
  if (!bench) throw new Error(`unknown case ${params.get('case')}`);
  const endMs = Date.UTC(2026, 10, 25, 12);
  // Built before the long-task watch starts: a real page gets the answer decoded by the transport.
  const response = cpuAnswer(bench.series, bench.points, endMs, (s) => [
    { name: 'instance', value: `host-${s % 20}:6060` },
    { name: 'job', value: `job-${Math.floor(s / 20)}` },
  ]);
  heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  const el = document.createElement('parca-metrics');
  el.style.width = '1200px';
  el.topN = bench.series; // draw every series: the case is about drawing all of them
  document.body.append(el);
  await el.updateComplete;
  let answeredAt = 0;
  const loaded = new Promise((resolve) => el.addEventListener('parca-load', resolve, { once: true }));
  el.connection = memoryConnection(response, ['instance', 'job'], () => (answeredAt = performance.now()));
  el.query = createQueryState({ profileType: CPU_TYPE, range: absoluteRange(endMs - bench.points * 10_000, endMs) });
  await loaded;
  await el.updateComplete;
  // uPlot commits its first draw in a microtask after it is built.
  await microtask();
  await microtask();
  const firstPaintMs = performance.now() - answeredAt;
  await afterPaint();
  const longest = await tasks.stop();
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
  report({ metric: 'first paint', unit: 'ms', value: firstPaintMs });
  report({ metric: 'hover redraw', unit: 'ms', value: hovers[Math.floor(hovers.length / 2)]! });
  report({ metric: 'longest task', unit: 'ms', value: longest });
};
