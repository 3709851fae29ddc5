// The flame graph on records shaped like Parca's (same columns, types and LZ4 compression): record bytes to
// first paint (decode included), focus, search and hover redraws, heap, and the longest main-thread task.
// Redraws report their main-thread work (what the targets bound) and, beside it, the time to the next paint.
import { defineElement } from '../../src/define/define-element.js';
import { ParcaFlamegraphElement } from '../../src/elements/flamegraph/flamegraph.js';
import { buildFlamegraphRecord, chainSpec, randomTreeSpec } from '../../src/test-support/flamegraph-record.js';
import { type BenchModule, type RedrawTiming, quick, timeRedraw } from './harness.js';

defineElement('parca-flamegraph', ParcaFlamegraphElement);

interface BenchRun {
  recordBytes: number;
  firstPaintMs: number;
  focus: RedrawTiming;
  search: RedrawTiming;
  hover: RedrawTiming;
  heapMb: number;
  longestTaskMs: number;
}

function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
}

async function drawn(el: ParcaFlamegraphElement): Promise<void> {
  await el.updateComplete;
  await el.drawComplete;
}

async function once(bytes: Uint8Array): Promise<BenchRun> {
  const baseline = heapBytes();
  // The forced GC above takes a few hundred ms after a 1M-node run: let its task end before watching for long
  // tasks, or the benchmark would measure its own garbage collection.
  await new Promise((resolve) => setTimeout(resolve, 0));
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  const el = document.createElement('parca-flamegraph') as ParcaFlamegraphElement;
  el.style.width = '1200px';
  document.body.append(el);
  await el.updateComplete;

  const start = performance.now();
  el.record = { bytes, unit: 'nanoseconds' };
  await drawn(el);
  const firstPaintMs = performance.now() - start;
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the long-task observer report
  observer.disconnect();

  if (!el.data) throw new Error(`nothing shown: ${el.shadowRoot?.querySelector('[part=error]')?.textContent ?? 'no error part'}`);
  const model = el.data.model;
  let widest = model.childIndex[model.childStart[0]!]!;
  for (let k = model.childStart[0]!; k < model.childStart[1]!; k++) {
    if (model.cumulative[model.childIndex[k]!]! > model.cumulative[widest]!) widest = model.childIndex[k]!;
  }
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const bounds = canvas.getBoundingClientRect();
  const rect = el.frameRect(widest)!;
  const at = { clientX: bounds.left + rect.x + rect.width / 2, clientY: bounds.top + rect.y + rect.height / 2, bubbles: true };

  const updated = () => el.updateComplete;
  const hover = await timeRedraw(canvas, () => canvas.dispatchEvent(new PointerEvent('pointermove', at)), updated);
  await drawn(el);
  const focus = await timeRedraw(canvas, () => canvas.dispatchEvent(new MouseEvent('click', at)), updated);
  await drawn(el);
  if (el.focusedRow !== widest) throw new Error('the click did not focus the frame');
  el.resetFocus();
  await drawn(el);
  const search = await timeRedraw(canvas, () => (el.search = 'function1'), updated);
  await drawn(el);

  const heapMb = (heapBytes() - baseline) / 2 ** 20;
  el.remove();
  return { recordBytes: bytes.length, firstPaintMs, focus, search, hover, heapMb, longestTaskMs: longest };
}


const RUNS = quick ? 1 : 5;
const ALL_CASES: { name: string; nodes: number; chain?: boolean; firstPaintTarget?: number; strict?: boolean }[] = [
  { name: '10k nodes', nodes: 10_000 },
  { name: '100k nodes', nodes: 100_000, firstPaintTarget: 40 },
  { name: '1M nodes', nodes: 1_000_000, firstPaintTarget: 200, strict: true },
  { name: '5,000 levels deep', nodes: 5_000, chain: true },
];
const CASES = quick ? ALL_CASES.slice(0, 1) : ALL_CASES;

export const run: BenchModule['run'] = async (report) => {
  for (const bench of CASES) {
    const spec = bench.chain ? chainSpec(bench.nodes - 1) : randomTreeSpec(bench.nodes, 11);
    const bytes = buildFlamegraphRecord(spec, { valueWidth: 64, indexWidth: 16 });
    const runs: BenchRun[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once(bytes));
    const target = (value: number | undefined) => (value === undefined ? {} : { target: value });
    const measure = (metric: string, key: 'firstPaintMs' | 'heapMb' | 'longestTaskMs', unit: 'ms' | 'MB', value?: number) =>
      report({ case: bench.name, metric, unit, values: runs.map((r) => r[key]), ...target(value) });
    const redraw = (metric: string, key: 'focus' | 'search' | 'hover', value?: number) =>
      report({
        case: bench.name,
        metric,
        unit: 'ms',
        values: runs.map((r) => r[key].workMs),
        nextPaint: runs.map((r) => r[key].nextPaintMs),
        ...target(value),
      });
    measure('first paint (decode included)', 'firstPaintMs', 'ms', bench.firstPaintTarget);
    redraw('focus redraw', 'focus', bench.strict ? 16 : undefined);
    redraw('search redraw', 'search', bench.strict ? 50 : undefined);
    redraw('hover redraw', 'hover', bench.strict ? 8 : undefined);
    measure('JS heap growth', 'heapMb', 'MB', bench.strict ? 80 : undefined);
    measure('longest main-thread task', 'longestTaskMs', 'ms', bench.strict ? 50 : undefined);
  }
};
