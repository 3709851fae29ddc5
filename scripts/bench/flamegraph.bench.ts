// One flame graph scenario per page (a fresh browser context each: nothing cached, nothing JIT-warmed): a tree
// written by trees.ts, drawn by one contestant. Ours starts when the record's bytes are handed to
// <parca-flamegraph> (LZ4 + Arrow decode included); the peers when their prepared input is rendered: Grafana's
// data frame (its graph alone, or its whole container), d3-flame-graph's nested nodes (SVG). The cold load is the
// measurement; a second load of the same data in the same page is the warm column.
import { defineElement } from '../../src/define/define-element.js';
import { ParcaFlamegraphElement } from '../../src/elements/flamegraph/flamegraph.js';
import {
  type BenchModule,
  type LoadTiming,
  type PageValue,
  afterPaint,
  heapBytes,
  loadUntilDomStable,
  loadUntilStable,
  nextTask,
  timeRedraw,
  watchLongTasks,
} from './harness.js';

defineElement('parca-flamegraph', ParcaFlamegraphElement);

const WIDTH = '1200px';

type Report = (value: PageValue) => void;

async function bytesOf(url: string): Promise<ArrayBuffer> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Whether the canvases show anything, and the tallest one's height in pixels: a canvas past Chromium's size limit
 * takes every draw call and shows nothing, and a time to a blank picture is no result. Read after the timing.
 */
function reportVisible(canvases: HTMLCanvasElement[], report: Report): void {
  const visible = canvases.some((canvas) => {
    const rows = Math.min(canvas.height, 200);
    if (!canvas.width || !rows) return false;
    const ctx = canvas.getContext('2d');
    // The top and bottom stripes: the root level is at one end or the other.
    return [0, canvas.height - rows].some((y) => ctx?.getImageData(0, y, canvas.width, rows).data.some((value, i) => i % 4 === 3 && value > 0));
  });
  report({ metric: 'visible', unit: 'count', value: visible ? 1 : 0 });
  report({ metric: 'canvas height', unit: 'count', value: Math.max(0, ...canvases.map((c) => c.height)) });
}

async function ours(report: Report, dataUrl: string, caseId: string): Promise<void> {
  const bytes = new Uint8Array(await bytesOf(`${dataUrl}/${caseId}.record.bin`));
  const el = document.createElement('parca-flamegraph');
  el.style.width = WIDTH;
  document.body.append(el);
  await el.updateComplete;
  await afterPaint();
  const heapBefore = heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  const drawsBefore = el.draws;
  const cold = await loadUntilStable(
    () => (el.record = { bytes, unit: 'nanoseconds' }),
    () => el.data !== undefined,
  );
  const longest = await tasks.stop();
  if (!el.data) throw new Error(`nothing shown: ${el.shadowRoot?.querySelector('[part~=error]')?.textContent ?? 'no error part'}`);
  reportVisible([el.shadowRoot!.querySelector('canvas')!], report);
  const elementDraws = el.draws - drawsBefore;
  if (elementDraws !== cold.draws) console.warn(`the element counted ${elementDraws} draws, the canvas ${cold.draws}`);
  report({ metric: 'first draw', unit: 'ms', value: cold.firstDrawMs });
  report({ metric: 'first complete draw', unit: 'ms', value: cold.firstCompleteMs });
  report({ metric: 'first paint', unit: 'ms', value: cold.stableMs });
  report({ metric: 'draws', unit: 'count', value: cold.draws });
  report({ metric: 'complete draws', unit: 'count', value: cold.completeDraws });
  report({ metric: 'cold decode', unit: 'ms', value: el.data.decodeMs });
  report({ metric: 'longest task', unit: 'ms', value: longest });
  report({ metric: 'JS heap growth', unit: 'MB', value: (heapBytes() - heapBefore) / 2 ** 20 });
  await nextTask();

  // Warm: the same bytes again in a new input object (a new record to the element), in this page.
  const shown = el.data;
  const warm = await loadUntilStable(
    () => (el.record = { bytes, unit: 'nanoseconds' }),
    () => el.data !== shown,
  );
  report({ metric: 'warm first paint', unit: 'ms', value: warm.stableMs });

  // Redraws on the cold page's graph: main-thread work, with the time to the next paint beside it.
  await afterPaint();
  const model = el.data.model;
  let widest = model.childIndex[model.childStart[0]!]!;
  for (let k = model.childStart[0]!; k < model.childStart[1]!; k++) {
    if (model.cumulative[model.childIndex[k]!]! > model.cumulative[widest]!) widest = model.childIndex[k]!;
  }
  const canvas = el.shadowRoot!.querySelector('canvas')!;
  const bounds = canvas.getBoundingClientRect();
  const rect = el.frameRect(widest);
  if (!rect) throw new Error('the widest frame below the root is not drawn');
  const at = { clientX: bounds.left + rect.x + rect.width / 2, clientY: bounds.top + rect.y + rect.height / 2, bubbles: true };
  const updated = () => el.updateComplete;
  const drawn = async () => {
    await el.updateComplete;
    await el.drawComplete;
  };
  const redraw = (metric: string, timing: { workMs: number; nextPaintMs: number }) =>
    report({ metric, unit: 'ms', value: timing.workMs, nextPaint: timing.nextPaintMs });
  redraw('hover redraw', await timeRedraw(canvas, () => canvas.dispatchEvent(new PointerEvent('pointermove', at)), updated));
  await drawn();
  redraw('focus redraw', await timeRedraw(canvas, () => canvas.dispatchEvent(new MouseEvent('click', at)), updated));
  await drawn();
  if (el.focusedRow !== widest) throw new Error('the click did not focus the frame');
  el.resetFocus();
  await drawn();
  redraw('search redraw', await timeRedraw(canvas, () => (el.search = 'function1'), updated));
}

/** The peer's bundle (built by run.mjs from scripts/bench/peers/grafana.mjs). */
interface GrafanaPeer {
  frameOf(input: { buffer: ArrayBuffer; labels: string[]; nodes: number }): unknown;
  mount(container: HTMLElement): unknown;
  render(root: unknown, frame: unknown, full: boolean): void;
}

/** The peers' input: the tree in pre-order, as trees.ts writes it. */
async function peerInput(dataUrl: string, caseId: string): Promise<{ buffer: ArrayBuffer; labels: string[]; nodes: number }> {
  const [buffer, meta] = await Promise.all([
    bytesOf(`${dataUrl}/${caseId}.grafana.bin`),
    fetch(`${dataUrl}/${caseId}.grafana.json`).then((r) => r.json() as Promise<{ nodes: number; labels: string[] }>),
  ]);
  return { buffer, labels: meta.labels, nodes: meta.nodes };
}

function reportLoad(report: Report, load: LoadTiming): void {
  report({ metric: 'first draw', unit: 'ms', value: load.firstDrawMs });
  report({ metric: 'first complete draw', unit: 'ms', value: load.firstCompleteMs });
  report({ metric: 'first paint', unit: 'ms', value: load.stableMs });
  report({ metric: 'draws', unit: 'count', value: load.draws });
  report({ metric: 'complete draws', unit: 'count', value: load.completeDraws });
}

/** `full`: Grafana's whole container (header, graph and function table), not the graph alone. */
async function grafana(report: Report, dataUrl: string, caseId: string, peerUrl: string, full: boolean): Promise<void> {
  const peer = (await import(/* @vite-ignore */ peerUrl)) as GrafanaPeer;
  const input = await peerInput(dataUrl, caseId);
  const frame = peer.frameOf(input);
  const container = document.createElement('div');
  container.style.width = WIDTH;
  document.body.append(container);
  const root = peer.mount(container);
  await afterPaint();
  const heapBefore = heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  // Any draw with something on it counts as complete: the component draws all it has at once.
  const cold = await loadUntilStable(
    () => peer.render(root, frame, full),
    () => true,
  );
  const longest = await tasks.stop();
  reportVisible([...container.querySelectorAll('canvas')], report);
  reportLoad(report, cold);
  report({ metric: 'longest task', unit: 'ms', value: longest });
  report({ metric: 'JS heap growth', unit: 'MB', value: (heapBytes() - heapBefore) / 2 ** 20 });
  await nextTask();

  const again = peer.frameOf(input);
  await nextTask();
  const warm = await loadUntilStable(
    () => peer.render(root, again, full),
    () => true,
  );
  report({ metric: 'warm first paint', unit: 'ms', value: warm.stableMs });
}

/** The d3-flame-graph peer (scripts/bench/peers/d3.mjs). */
interface D3Peer {
  readonly styles: string;
  nodesOf(input: { buffer: ArrayBuffer; labels: string[]; nodes: number }): unknown;
  render(container: HTMLElement, root: unknown, width: number): void;
}

async function d3(report: Report, dataUrl: string, caseId: string, peerUrl: string): Promise<void> {
  const peer = (await import(/* @vite-ignore */ peerUrl)) as D3Peer;
  const input = await peerInput(dataUrl, caseId);
  const style = document.createElement('style');
  style.textContent = peer.styles;
  document.head.append(style);
  const nodes = peer.nodesOf(input);
  const container = document.createElement('div');
  container.style.width = WIDTH;
  document.body.append(container);
  await afterPaint();
  const heapBefore = heapBytes();
  await nextTask();

  const tasks = watchLongTasks();
  const cold = await loadUntilDomStable(() => peer.render(container, nodes, parseInt(WIDTH)), container);
  const longest = await tasks.stop();
  report({ metric: 'visible', unit: 'count', value: container.querySelector('svg rect') ? 1 : 0 });
  reportLoad(report, cold);
  report({ metric: 'longest task', unit: 'ms', value: longest });
  report({ metric: 'JS heap growth', unit: 'MB', value: (heapBytes() - heapBefore) / 2 ** 20 });
  await nextTask();

  // Warm: the same nodes into a new container, in this page.
  const again = document.createElement('div');
  again.style.width = WIDTH;
  container.replaceWith(again);
  const nodesAgain = peer.nodesOf(input);
  await afterPaint();
  const warm = await loadUntilDomStable(() => peer.render(again, nodesAgain, parseInt(WIDTH)), again);
  report({ metric: 'warm first paint', unit: 'ms', value: warm.stableMs });
}

export const run: BenchModule['run'] = async (report, params) => {
  const caseId = params.get('case')!;
  const dataUrl = params.get('data')!;
  const contestant = params.get('contestant');
  if (contestant === 'parca-elements') await ours(report, dataUrl, caseId);
  else if (contestant === 'grafana' || contestant === 'grafana-full') await grafana(report, dataUrl, caseId, params.get('peer')!, contestant === 'grafana-full');
  else if (contestant === 'd3') await d3(report, dataUrl, caseId, params.get('peer')!);
  else throw new Error(`unknown contestant ${contestant}`);
};
