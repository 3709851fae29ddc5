// One view scenario per page (a fresh browser context each): the call tree over a tree written by trees.ts, or
// the function table over a profile written by profiles.ts. Cold: nothing in the page ran the element's code
// before the data was handed over.
import { defineElement } from '../../src/define/define-element.js';
import { ParcaCalltreeElement } from '../../src/elements/calltree/calltree.js';
import { ParcaFlamechartElement } from '../../src/elements/flamechart/flamechart.js';
import { ParcaFunctionTableElement } from '../../src/elements/function-table/function-table.js';
import { type BenchModule, type PageValue, afterPaint, heapBytes, loadUntilStable, nextTask, timeRedraw, watchLongTasks } from './harness.js';

defineElement('parca-calltree', ParcaCalltreeElement);
defineElement('parca-function-table', ParcaFunctionTableElement);
defineElement('parca-flamechart', ParcaFlamechartElement);

type Report = (value: PageValue) => void;

async function bytesOf(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

/** Main-thread time of a change: the change, the element's update, and the style and layout it causes. */
async function work(el: HTMLElement & { updateComplete: Promise<boolean> }, change: () => void): Promise<number> {
  const start = performance.now();
  change();
  await el.updateComplete;
  // Style and layout of what the update rendered, inside the measured time.
  void el.shadowRoot!.firstElementChild?.getBoundingClientRect();
  return performance.now() - start;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Resolves once `has()` holds, checking after every microtask burst (a MutationObserver on the shadow root). */
function whenShown(el: HTMLElement, has: () => boolean): Promise<number> {
  return new Promise((resolve) => {
    if (has()) return resolve(performance.now());
    const observer = new MutationObserver(() => {
      if (!has()) return;
      observer.disconnect();
      resolve(performance.now());
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
  });
}

async function calltree(report: Report, dataUrl: string, treeId: string): Promise<void> {
  const bytes = await bytesOf(`${dataUrl}/${treeId}.record.bin`);
  const el = document.createElement('parca-calltree');
  el.style.width = '1200px';
  document.body.append(el);
  await el.updateComplete;
  await afterPaint();
  const heapBefore = heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  const start = performance.now();
  el.record = { bytes, unit: 'nanoseconds' };
  const rowsAt = await whenShown(el, () => !!el.shadowRoot!.querySelector('.tree-row'));
  const longest = await tasks.stop();
  const data = el.data!;
  // The rows come in the update the decoded model arrives with: their time is what passes after the decode.
  report({ metric: 'decode', unit: 'ms', value: data.decodeMs });
  report({ metric: 'first rows after the model', unit: 'ms', value: rowsAt - start - data.decodeMs });
  report({ metric: 'longest task', unit: 'ms', value: longest });
  await afterPaint();
  const heapShown = heapBytes();
  report({ metric: 'JS heap growth (model and tree)', unit: 'MB', value: (heapShown - heapBefore) / 2 ** 20 });

  // Open and close the root's largest child, then open the hottest path to its leaf.
  const model = data.model;
  let largest = model.childIndex[model.childStart[0]!]!;
  for (let k = model.childStart[0]!; k < model.childStart[1]!; k++)
    if (model.cumulative[model.childIndex[k]!]! > model.cumulative[largest]!) largest = model.childIndex[k]!;
  const opens: number[] = [];
  const closes: number[] = [];
  for (let i = 0; i < 5; i++) {
    opens.push(await work(el, () => el.toggle(largest)));
    await afterPaint();
    closes.push(await work(el, () => el.toggle(largest)));
    await afterPaint();
  }
  report({ metric: 'expand', unit: 'ms', value: median(opens) });
  report({ metric: 'collapse', unit: 'ms', value: median(closes) });
  report({ metric: 'open hottest path', unit: 'ms', value: await work(el, () => el.openHottestPath(0)) });
  await afterPaint();
  // What the tree keeps beyond the model: its open rows and lines, with the hottest path and the root's children open.
  report({ metric: 'tree memory over the model', unit: 'MB', value: (heapBytes() - heapShown) / 2 ** 20 });
  report({ metric: 'lines shown', unit: 'count', value: el.visibleRows.length });
}

async function functionTable(report: Report, dataUrl: string, profileId: string): Promise<void> {
  const bytes = await bytesOf(`${dataUrl}/${profileId}.pprof.bin`);
  const el = document.createElement('parca-function-table');
  el.style.width = '1200px';
  document.body.append(el);
  await el.updateComplete;
  await afterPaint();
  await nextTask();
  const start = performance.now();
  el.pprof = bytes;
  const shownAt = await whenShown(el, () => !!el.shadowRoot!.querySelector('.table-row'));
  report({ metric: 'first rows', unit: 'ms', value: shownAt - start });
  report({ metric: 'functions', unit: 'count', value: el.functionTable!.table.size });
  await afterPaint();

  const header = (label: string) =>
    [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="table-header"] button')].find((b) => b.textContent.includes(label))!;
  // Right after the first rows: a column never sorted before (names: their sort keys are built first).
  report({ metric: 'sort, first click', unit: 'ms', value: await work(el, () => header('Function').click()) });
  await afterPaint();
  // Once the page has been idle a moment (the table prepares the usual orders then): every header, both ways.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  await new Promise((resolve) => requestIdleCallback(resolve));
  const sorts: number[] = [];
  for (const label of ['Cumulative', 'Cumulative', 'Flat', 'Flat', 'Function', 'Function']) {
    sorts.push(await work(el, () => header(label).click()));
    await afterPaint();
  }
  report({ metric: 'sort', unit: 'ms', value: Math.max(...sorts) });

  const body = el.shadowRoot!.querySelector<HTMLElement>('[part~="table-body"]')!;
  const frames: number[] = [];
  for (let i = 1; i <= 20; i++) {
    frames.push(
      await work(el, () => {
        body.scrollTop = i * 24 * 37;
        body.dispatchEvent(new Event('scroll'));
      }),
    );
    await afterPaint();
  }
  report({ metric: 'scroll frame', unit: 'ms', value: median(frames) });
}

/** The flame chart: handed its record cold, then panned and zoomed (main-thread work per frame). */
async function flamechart(report: Report, dataUrl: string, chartId: string): Promise<void> {
  const bytes = await bytesOf(`${dataUrl}/${chartId}.chart.bin`);
  const { startMs, endMs } = (await (await fetch(`${dataUrl}/${chartId}.chart.json`)).json()) as { startMs: number; endMs: number };
  const el = document.createElement('parca-flamechart');
  el.style.width = '1200px';
  document.body.append(el);
  await el.updateComplete;
  await afterPaint();
  await nextTask();
  const tasks = watchLongTasks();
  const load = await loadUntilStable(
    () => (el.record = { bytes, unit: 'nanoseconds', startMs, endMs }),
    () => !!el.data,
  );
  report({ metric: 'longest task', unit: 'ms', value: await tasks.stop() });
  report({ metric: 'first paint', unit: 'ms', value: load.stableMs });
  report({ metric: 'draws', unit: 'count', value: load.draws });
  report({ metric: 'decode', unit: 'ms', value: el.data!.decodeMs });
  report({ metric: 'frames', unit: 'count', value: el.data!.timeline.model.size });
  const canvas = el.shadowRoot!.querySelector<HTMLCanvasElement>('canvas[part~="chart"]')!;
  const span = endMs - startMs;
  const pans: number[] = [];
  const zooms: number[] = [];
  for (let i = 0; i < 10; i++) {
    // Pans at the whole window's width and zoomed in 8×: every frame of the record is in view at first.
    const width = i < 5 ? span : span / 8;
    const from = startMs + (i % 5) * (span - width) * 0.2;
    el.zoomTo(from, from + width);
    await el.settled;
    pans.push(
      (
        await timeRedraw(
          canvas,
          () => el.zoomTo(from + width / 20, from + width / 20 + width),
          () => el.updateComplete,
        )
      ).workMs,
    );
    await el.settled;
    zooms.push(
      (
        await timeRedraw(
          canvas,
          () => el.zoomTo(from + width / 4, from + (3 * width) / 4),
          () => el.updateComplete,
        )
      ).workMs,
    );
  }
  report({ metric: 'pan frame', unit: 'ms', value: median(pans) });
  report({ metric: 'zoom frame', unit: 'ms', value: median(zooms) });
}

export const run: BenchModule['run'] = async (report, params) => {
  const caseId = params.get('case')!;
  const dataUrl = params.get('data')!;
  const [view, id] = caseId.split(':') as [string, string];
  if (view === 'calltree') await calltree(report, dataUrl, id);
  else if (view === 'table') await functionTable(report, dataUrl, id);
  else if (view === 'flamechart') await flamechart(report, dataUrl, id);
  else throw new Error(`unknown view case ${caseId}`);
};
