// Attach and detach elements many times: nothing may stay behind — no listener on document or window, no
// pending timer, no worker, and no memory beyond noise (measured after forced garbage collections).
import { expect } from '@open-wc/testing';
// First: the timer, worker and fetch globals are wrapped before any element code runs.
import { type HeapFigures, fetchCount, gcHeap, handlesSince, liveHandles } from '../test-support/resources.js';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaErrorEvent } from '../events/error.js';
import { LAB_CPU_TYPE, TIMELINE_FIRST_AGO_MS, TIMELINE_JOB } from '../../scripts/parca/adversarial-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { netListeners } from '../test-support/listeners.js';
import { recordScenario } from '../test-support/scenarios.js';

const env = testEnv();
const CYCLES = 1000;
/** Cycles run before the first heap reading, so compiled code, caches and pools have reached their size. */
const WARM_UP = 100;
/**
 * Heap growth allowed between the reading after the warm-up and the one after the cycles (JS and DOM heaps
 * together, after forced full collections): 2 MiB, plus 1 KiB per request made meanwhile. What grows without any
 * leak, as heap snapshots showed: compiled code as functions get optimized, and the browser's own records —
 * DevTools, attached by the test runner, keeps ~0.3–0.5 KB per request (blink::NetworkResourcesData), and the
 * performance timeline keeps layout-shift entries. One flame graph kept per cycle measures ~23 KB (the control
 * test), so a leak of one element per cycle is ~23 MiB over 1,000 cycles: six to ten times the allowance.
 */
const HEAP_NOISE_BYTES = 2 * 1024 * 1024;
const HEAP_NOISE_PER_REQUEST = 1024;
/** DOM nodes allowed to differ (nodes not yet collected: a leaked element per cycle would be thousands). */
const NODE_NOISE = 200;
/** Cycles of an explorer that loads its data each time (a real query and decode per cycle: fewer). */
const LOADED_CYCLES = 100;
const LOADED_WARM_UP = 10;

/** Markup for each element alone and for a whole page of them; grows as elements are added. */
const explorer = (inner: string) => `<parca-source id="leak" sync-url url="${env.parcaUrl}" profile-type="${CPU_TYPE}">${inner}</parca-source>`;
const subjects: [name: string, markup: string][] = [
  ['<parca-source> with sync-url', explorer('')],
  ['<parca-query-editor>', explorer('<parca-query-editor></parca-query-editor>')],
  ['<parca-metrics>', explorer('<parca-metrics></parca-metrics>')],
  ['<parca-flamegraph>', explorer('<parca-flamegraph search-field></parca-flamegraph>')],
  ['<parca-function-table>', explorer('<parca-function-table></parca-function-table>')],
  ['<parca-calltree>', explorer('<parca-calltree></parca-calltree>')],
  ['<parca-sandwich>', explorer('<parca-sandwich sandwich="main.main"></parca-sandwich>')],
  ['<parca-breakdown>', explorer('<parca-breakdown label="instance"></parca-breakdown>')],
  ['<parca-flamechart>', explorer('<parca-flamechart></parca-flamechart>')],
  [
    '<parca-compare> with its two sources',
    `<div><parca-source id="leak-a" sync-url url="${env.parcaUrl}" profile-type="${CPU_TYPE}"></parca-source>` +
      `<parca-source id="leak-b" sync-url url="${env.parcaUrl}" profile-type="${CPU_TYPE}"><parca-function-table></parca-function-table></parca-source>` +
      '<parca-compare baseline="leak-a" comparison="leak-b" sync-url></parca-compare></div>',
  ],
  ['a whole explorer', explorer('<parca-query-editor></parca-query-editor><parca-metrics></parca-metrics><parca-flamegraph></parca-flamegraph>')],
];

type Updatable = Element & { updateComplete?: Promise<unknown> };

/** Attaches a copy of the template to `host`, waits for its first render, detaches it; answers the copy's root. */
async function cycle(host: HTMLElement, template: HTMLTemplateElement): Promise<Element> {
  const copy = template.content.cloneNode(true) as DocumentFragment;
  const root = copy.firstElementChild!;
  const elements = [...copy.querySelectorAll('*')] as Updatable[];
  host.append(copy);
  await Promise.all(elements.map((el) => el.updateComplete ?? Promise.resolve()));
  host.replaceChildren();
  return root;
}

const mib = (bytes: number) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 / 1024).toFixed(2)} MiB`;

interface Growth {
  heapBytes: number;
  jsBytes: number;
  embedderBytes: number;
  nodes: number;
}

function growth(before: HeapFigures, after: HeapFigures): Growth {
  const jsBytes = after.jsBytes - before.jsBytes;
  const embedderBytes = after.embedderBytes - before.embedderBytes;
  return { heapBytes: jsBytes + embedderBytes, jsBytes, embedderBytes, nodes: after.nodes - before.nodes };
}

function describeGrowth(g: Growth): string {
  return `heap ${mib(g.heapBytes)} (JS ${mib(g.jsBytes)}, DOM ${mib(g.embedderBytes)}), nodes ${g.nodes >= 0 ? '+' : ''}${g.nodes}`;
}

describe('attach/detach cycles', function () {
  this.timeout(120_000);

  it('the measurement sees what it must: a pending timer, a worker, and retained elements', async () => {
    const before = liveHandles();
    const timer = setTimeout(() => undefined, 60_000);
    const frame = requestAnimationFrame(() => undefined);
    const script = URL.createObjectURL(new Blob([''], { type: 'text/javascript' }));
    const worker = new Worker(script);
    URL.revokeObjectURL(script);
    expect(handlesSince(before).counts).to.deep.equal({ timeout: 1, 'animation-frame': 1, worker: 1 });
    clearTimeout(timer);
    cancelAnimationFrame(frame);
    worker.terminate();
    expect(handlesSince(before).counts).to.deep.equal({});

    // A deliberate leak: every detached flame graph is kept. Half the cycles of the real runs, and still far
    // beyond what they allow.
    const host = document.createElement('div');
    document.body.append(host);
    const template = document.createElement('template');
    template.innerHTML = explorer('<parca-flamegraph search-field></parca-flamegraph>');
    for (let i = 0; i < 20; i++) await cycle(host, template);
    const heapBefore = await gcHeap();
    const fetchesBefore = fetchCount();
    const kept: Element[] = [];
    const leakedCycles = CYCLES / 2;
    for (let i = 0; i < leakedCycles; i++) kept.push(await cycle(host, template));
    const allowed = HEAP_NOISE_BYTES + (fetchCount() - fetchesBefore) * HEAP_NOISE_PER_REQUEST;
    const g = growth(heapBefore, await gcHeap());
    host.remove();
    const figures = `${describeGrowth(g)}; heap allowed ${mib(allowed)}`;
    await recordScenario(`resources: control, ${leakedCycles} cycles keeping each flame graph: ${figures}`, leakedCycles, g.heapBytes > allowed ? 0 : 1);
    expect(kept.length).to.equal(leakedCycles);
    expect(g.heapBytes, figures).to.be.greaterThan(allowed);
    expect(g.nodes, figures).to.be.greaterThan(NODE_NOISE);
  });

  for (const [name, markup] of subjects) {
    it(`${name}: ${CYCLES} cycles leave no listener, timer, worker or memory behind`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const template = document.createElement('template');
      template.innerHTML = markup;
      try {
        await expectNothingLeft(name, CYCLES, WARM_UP, () => cycle(host, template));
      } finally {
        host.remove();
      }
    });
  }

  it(`a whole explorer showing data: ${LOADED_CYCLES} cycles leave no listener, timer, worker or memory behind`, async () => {
    // Each cycle waits for the chart, the flame graph, the function table and the call tree to arrive and be
    // drawn: uPlot, the decoded graph (shared by graph and tree), the samples, observers and the accessible table
    // all come and go.
    const { startMs, endMs } = seededRange(env);
    const host = document.createElement('div');
    document.body.append(host);
    const template = document.createElement('template');
    template.innerHTML =
      `<parca-source url="${env.parcaUrl}" profile-type="${CPU_TYPE}" selector='{job="fib"}' ` +
      `from="${new Date(startMs).toISOString()}" to="${new Date(endMs).toISOString()}">` +
      '<parca-query-editor></parca-query-editor><parca-metrics style="display: block; width: 600px"></parca-metrics>' +
      '<parca-flamegraph style="display: block; width: 600px"></parca-flamegraph>' +
      '<parca-function-table></parca-function-table><parca-calltree></parca-calltree></parca-source>';
    const loadedCycle = async () => {
      const copy = template.content.cloneNode(true) as DocumentFragment;
      const metrics = copy.querySelector('parca-metrics') as ParcaMetricsElement;
      const graph = copy.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
      const table = copy.querySelector('parca-function-table')!;
      const tree = copy.querySelector('parca-calltree')!;
      host.append(copy);
      await Promise.all([
        arrived(metrics, () => !!metrics.data),
        arrived(graph, () => !!graph.data),
        arrived(table, () => !!table.functionTable),
        arrived(tree, () => !!tree.data),
      ]);
      await Promise.all([metrics.updateComplete, graph.updateComplete, table.updateComplete, tree.updateComplete]);
      host.replaceChildren();
    };
    try {
      await expectNothingLeft('a whole explorer showing data', LOADED_CYCLES, LOADED_WARM_UP, loadedCycle);
    } finally {
      host.remove();
    }
  });
});

describe('a flame chart showing data, attached and detached', function () {
  this.timeout(10 * 60 * 1000);

  it(`${LOADED_CYCLES} cycles of a chart that loads, draws, zooms and shows a tooltip leave nothing behind`, async () => {
    const startMs = env.seededAtMs - TIMELINE_FIRST_AGO_MS - 5_000;
    const endMs = env.seededAtMs;
    const host = document.createElement('div');
    document.body.append(host);
    const template = document.createElement('template');
    template.innerHTML =
      `<parca-source url="${env.parcaUrl}" profile-type="${LAB_CPU_TYPE}" selector='{job="${TIMELINE_JOB}"}' ` +
      `from="${new Date(startMs).toISOString()}" to="${new Date(endMs).toISOString()}">` +
      '<parca-flamechart style="display: block; width: 600px"></parca-flamechart></parca-source>';
    const loadedCycle = async () => {
      const copy = template.content.cloneNode(true) as DocumentFragment;
      const chart = copy.querySelector('parca-flamechart')!;
      host.append(copy);
      await arrived(chart, () => !!chart.data);
      await chart.settled;
      const viewport = chart.shadowRoot!.querySelector('[part="viewport"]')!;
      viewport.dispatchEvent(new KeyboardEvent('keydown', { key: '+', bubbles: true }));
      const box = viewport.getBoundingClientRect();
      viewport.dispatchEvent(new PointerEvent('pointermove', { clientX: box.left + box.width / 2, clientY: box.top + 5, bubbles: true }));
      await chart.settled;
      host.replaceChildren();
    };
    try {
      await expectNothingLeft('a flame chart showing data', LOADED_CYCLES, LOADED_WARM_UP, loadedCycle);
    } finally {
      host.remove();
    }
  });
});

/** Resolves once `has()` holds, waiting for loads; fails on the first error. */
async function arrived(el: HTMLElement, has: () => boolean): Promise<void> {
  while (!has()) {
    const event = await Promise.race([nextEvent(el, 'parca-load'), nextEvent(el, 'parca-error')]);
    if (event.type === 'parca-error') throw new Error(`${el.localName}: ${(event as ParcaErrorEvent).error.message}`);
  }
}

/**
 * Runs `warmUp` cycles, then `cycles` more while counting listeners on document and window, live timers and
 * workers, and the heap after forced garbage collections; records the figures and asserts nothing grew.
 */
async function expectNothingLeft(name: string, cycles: number, warmUp: number, run: () => Promise<unknown>): Promise<void> {
  for (let i = 0; i < warmUp; i++) await run();
  // The heap reading runs the event loop a while: what the warm-up's last cycle was cancelling is gone.
  const heapBefore = await gcHeap();
  const handlesBefore = liveHandles();
  const fetchesBefore = fetchCount();
  const net = await netListeners([document, window], async () => {
    for (let i = 0; i < cycles; i++) await run();
  });
  const requests = fetchCount() - fetchesBefore;
  const heapAfter = await gcHeap();
  const { counts: handles, stacks } = handlesSince(handlesBefore);

  const g = growth(heapBefore, heapAfter);
  const listeners = Object.fromEntries(net);
  const allowed = HEAP_NOISE_BYTES + requests * HEAP_NOISE_PER_REQUEST;
  const failures = [Object.keys(listeners).length > 0, Object.keys(handles).length > 0, g.heapBytes > allowed, g.nodes > NODE_NOISE].filter(Boolean).length;
  const timers =
    Object.entries(handles)
      .map(([kind, n]) => `${kind} +${n}`)
      .join(', ') || '+0';
  const figures = `${describeGrowth(g)}; heap allowed ${mib(allowed)} (${requests} requests); timers/workers ${timers}`;
  await recordScenario(`resources: ${name}, ${cycles} cycles: ${figures}`, cycles, failures);

  expect(listeners, 'listeners left on document/window').to.deep.equal({});
  expect(handles, `timers or workers left pending, created at\n${stacks.join('\n')}`).to.deep.equal({});
  expect(g.heapBytes, figures).to.be.at.most(allowed);
  expect(g.nodes, figures).to.be.at.most(NODE_NOISE);
}
