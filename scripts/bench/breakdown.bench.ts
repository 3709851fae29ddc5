// <parca-breakdown> on a QueryRange answer summed by one label, served from memory (so the element is timed, not the
// network), one load per page in a fresh browser context: first paint after the answer arrives (the rows in view
// rendered and their mini charts drawn and rasterized), the longest main-thread task from the element's creation
// until then, and the main-thread work of a scroll step through the list.
import { defineElement } from '../../src/define/define-element.js';
import { ParcaBreakdownElement } from '../../src/elements/breakdown/breakdown.js';
import { ROW_HEIGHT } from '../../src/elements/breakdown/templates.js';
import { createQueryState } from '../../src/model/query-state.js';
import { absoluteRange } from '../../src/model/time-range.js';
import { memoryConnection } from '../../src/test-support/memory-connection.js';
import { CPU_TYPE, cpuAnswer } from './answers.js';
import { type BenchModule, afterPaint, frame, heapBytes, nextTask, watchLongTasks } from './harness.js';

// Registered here rather than through src/define: package.json marks only dist/define files as side effects.
defineElement('parca-breakdown', ParcaBreakdownElement);

interface BenchCase {
  name: string;
  values: number;
  points: number;
}

const CASES: Record<string, BenchCase> = {
  '20x100': { name: '20 values × 100 points', values: 20, points: 100 },
  '200x500': { name: '200 values × 500 points', values: 200, points: 500 },
};

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
  const response = cpuAnswer(bench.values, bench.points, endMs, (s) => [{ name: 'instance', value: `host-${s}:6060` }]);
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
  el.connection = memoryConnection(response, ['instance'], () => (answeredAt = performance.now()));
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
