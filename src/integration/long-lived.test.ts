// Pages that stay open for hours (dashboards, portals): one resolved window per query for every element, Run
// that always asks again, and auto-refresh across a simulated day — paused while hidden, backing off while
// Parca is down, recovering when it is back, keeping the view and the memory in bounds throughout.
import { expect, fixture, html } from '@open-wc/testing';
// First: the timer, worker and fetch globals are wrapped before any element code runs.
import { type HeapFigures, gcHeap } from '../test-support/resources.js';
import '../define.js';
import { createConnection } from '../client/connection.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import { frameName } from '../model/flamegraph/names.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaQueryEditorElement } from '../elements/query-editor/query-editor.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { CPU_TYPE, testEnv } from '../test-support/env.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { type Method, type RecordedCall, recordingConnection } from '../test-support/recording-connection.js';
import { recordScenario, startChaosParca, stopChaosParca } from '../test-support/scenarios.js';

const env = testEnv();
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

interface Page {
  source: ParcaSourceElement;
  editor: ParcaQueryEditorElement;
  metrics: ParcaMetricsElement;
  graph: ParcaFlamegraphElement;
  /** The function table and the call tree, when asked for. */
  views: (HTMLElement & { settled: Promise<void>; updateComplete: Promise<boolean> })[];
  clock: FakeClock;
  recording: ReturnType<typeof recordingConnection>;
}

/** An explorer on a fake clock that starts now, its requests recorded. */
async function openPage(options: { url?: string; refresh?: string; from?: string; table?: boolean } = {}): Promise<Page> {
  const clock = new FakeClock(Date.now());
  const recording = recordingConnection(createConnection({ url: options.url ?? env.parcaUrl }));
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source .clock=${clock} .connection=${recording.connection} profile-type=${CPU_TYPE} selector='{job="fib"}'
      from=${options.from ?? 'now-1h'} to="now" refresh=${options.refresh ?? ''}>
      <parca-query-editor></parca-query-editor>
      <parca-metrics style="display: block; width: 800px"></parca-metrics>
      <parca-flamegraph style="display: block; width: 800px"></parca-flamegraph>
      ${options.table ? html`<parca-function-table></parca-function-table><parca-calltree></parca-calltree>` : ''}
    </parca-source>`);
  const page = {
    source,
    editor: source.querySelector('parca-query-editor')!,
    metrics: source.querySelector('parca-metrics')!,
    graph: source.querySelector('parca-flamegraph')!,
    views: [source.querySelector('parca-function-table'), source.querySelector('parca-calltree')].filter((el) => el !== null),
    clock,
    recording,
  };
  await settle(page);
  return page;
}

/**
 * Waits until every request has been answered (their retries wait in real time) and every element shows what
 * it got: the page is at rest until the clock moves again.
 */
async function settle(page: Page): Promise<void> {
  const elements = [page.editor, page.metrics, page.graph, ...page.views];
  for (let round = 0; round < 100; round++) {
    await Promise.all(elements.map((el) => el.settled));
    await Promise.all(elements.map((el) => el.updateComplete));
    const busy = page.recording.calls.some((call) => !call.settled) || page.metrics.status === 'loading' || page.metrics.status === 'refreshing';
    if (!busy) return;
    await new Promise((resolve) => requestAnimationFrame(resolve));
  }
  throw new Error('the page did not come to rest');
}

/** Lets `ms` of the page's time pass, settling after every timer that fires on the way. */
async function pass(page: Page, ms: number): Promise<void> {
  const target = page.clock.now() + ms;
  for (let next = page.clock.nextTimerAt(); next !== undefined && next <= target; next = page.clock.nextTimerAt()) {
    page.clock.advanceTo(next);
    await settle(page);
  }
  page.clock.advanceTo(target);
}

/** The page's visibility, as the Page Visibility API reports it. */
function setHidden(hidden: boolean): void {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
  document.dispatchEvent(new Event('visibilitychange'));
}

function callsSince(page: Page, from: number, method?: Method): RecordedCall[] {
  return page.recording.calls.slice(from).filter((call) => !method || call.method === method);
}

/** Calls of one method that started before an earlier one of the same method was answered. */
function overlaps(calls: readonly RecordedCall[]): number {
  let count = 0;
  calls.forEach((call, i) => {
    if (calls.slice(0, i).some((earlier) => earlier.settledSeq > call.startedSeq)) count++;
  });
  return count;
}

describe('pages that stay open', function () {
  this.timeout(240_000);

  afterEach(() => {
    // Back to the document's own visibility.
    delete (document as { visibilityState?: unknown }).visibilityState;
  });

  it('asks every element for the same window, resolved at Run: ten minutes later, all of them end at the new now', async () => {
    const page = await openPage({ table: true });
    const first = page.recording.calls.filter((call) => call.window);
    const opened = first[0]!.window!;
    expect(
      first.every((call) => call.window!.startMs === opened.startMs && call.window!.endMs === opened.endMs),
      'one window at load',
    ).to.equal(true);

    const before = page.recording.calls.length;
    page.clock.advance(10 * MINUTE);
    await settle(page);
    expect(page.recording.calls.length, 'time passing alone asks nothing (refresh is off)').to.equal(before);

    page.editor.submit();
    await settle(page);
    const now = page.clock.now();
    const after = callsSince(page, before);
    // Exactly one new request per element: the editor's types, the chart's series (with the label names it sums
    // by), the graph and the function table; the call tree reads the graph's answer and asks nothing.
    expect(after.map((call) => call.method).sort()).to.deep.equal(['labels', 'profileTypes', 'query', 'query', 'queryRange']);
    for (const call of after) expect(call.window, call.method).to.deep.equal({ startMs: now - HOUR, endMs: now });
    expect(page.source.query.window).to.deep.equal({ startMs: now - HOUR, endMs: now });
  });

  it('runs again after a failure: Parca down, Run fails and says so; Parca back, Run recovers at once', async function () {
    this.timeout(120_000);
    const url = await startChaosParca();
    const page = await openPage({ url });
    const chart = page.metrics.data;
    const graph = page.graph.data;
    expect(chart && graph).to.not.equal(undefined);

    await stopChaosParca();
    const before = page.recording.calls.length;
    page.editor.submit();
    await settle(page);
    expect(callsSince(page, before, 'query').length, 'Run asks even though nothing changed').to.be.greaterThan(0);
    expect(callsSince(page, before, 'labels').length, 'the chart asks too').to.be.greaterThan(0);
    const shown = (el: Element) => el.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? '';
    expect(shown(page.metrics)).to.contain('could not be reached');
    expect(shown(page.graph)).to.contain('could not be reached');
    expect(page.metrics.data, 'the last good chart stays').to.equal(chart);
    expect(page.graph.data, 'the last good graph stays').to.equal(graph);

    await startChaosParca();
    const again = page.recording.calls.length;
    page.editor.submit();
    await settle(page);
    expect(callsSince(page, again, 'queryRange').length).to.equal(1);
    expect(callsSince(page, again, 'query').length).to.equal(1);
    expect(shown(page.metrics)).to.equal('');
    expect(shown(page.graph)).to.equal('');
    expect(page.graph.data).to.not.equal(graph);
  });

  it('refreshes without a loading state and keeps the focused frame, the search and the scroll', async () => {
    const page = await openPage({ refresh: '30s', table: true });
    const graph = page.graph;
    graph.search = 'big';
    const model = graph.data!.model;
    const child = model.childIndex[model.childStart[0]!]!;
    const grandchild = model.childIndex[model.childStart[child]!]!;
    graph.focusPath = [frameName(model, child), frameName(model, grandchild)];
    // At rest again: a focus in a trimmed graph asks for its detail.
    await settle(page);
    const focus = graph.focusPath;
    expect(focus.length).to.equal(2);
    // The focused frame, in the graph shown (its finer detail when the graph was trimmed).
    expect(frameName(graph.data!.model, graph.focusedRow)).to.equal(frameName(model, grandchild));
    const shownBefore = graph.data;
    const chartBefore = page.metrics.data;

    page.recording.hold();
    page.clock.advance(30_000);
    await Promise.all([graph.updateComplete, page.metrics.updateComplete]);
    expect(
      page.recording.calls.some((call) => !call.settled),
      'a refresh is under way',
    ).to.equal(true);
    expect(page.metrics.status).to.equal('refreshing');
    expect(page.metrics.shadowRoot!.querySelector('[part~="status"]')!.textContent.trim()).to.equal('');
    expect(graph.shadowRoot!.querySelector('[part~="viewport"]')!.classList.contains('loading')).to.equal(false);
    expect(graph.data, 'the graph stays while the refresh loads').to.equal(shownBefore);
    page.recording.release();
    await settle(page);

    expect(graph.data, 'newer data arrived').to.not.equal(shownBefore);
    expect(page.metrics.data).to.not.equal(chartBefore);
    expect(graph.focusPath).to.deep.equal(focus);
    expect(graph.focusedRow).to.be.greaterThan(0);
    expect(graph.search).to.equal('big');
  });

  it('over a simulated day with refresh="30s": the interval while shown, nothing while hidden, back-off while Parca is down, recovery after', async function () {
    this.timeout(600_000);
    const url = await startChaosParca();
    // A range that keeps the seeded hour in view all day, so every refresh has data to show.
    const page = await openPage({ url, refresh: '30s', from: 'now-2d' });
    const start = page.clock.now();
    const rounds = (from: number) => callsSince(page, from, 'query').length;
    const failures: string[] = [];
    const check = (ok: boolean, what: string) => ok || failures.push(what);

    // An hour in view: one round every 30 s.
    let mark = page.recording.calls.length;
    await pass(page, 10 * MINUTE);
    const heapBefore: HeapFigures = await gcHeap();
    const requestsBefore = page.recording.calls.length;
    await pass(page, 50 * MINUTE);
    check(Math.abs(rounds(mark) - 120) <= 1, `1 h shown: ${rounds(mark)} rounds, 120 expected`);
    check(Math.abs(callsSince(page, mark, 'queryRange').length - 120) <= 1, 'the chart refreshes with the graph');

    // Twenty-one hours hidden: nothing at all; shown again, one round at once.
    setHidden(true);
    mark = page.recording.calls.length;
    await pass(page, 21 * HOUR);
    check(page.recording.calls.length === mark, `hidden: ${page.recording.calls.length - mark} requests, none expected`);
    setHidden(false);
    await settle(page);
    check(rounds(mark) === 1, `shown again: ${rounds(mark)} rounds at once, 1 expected`);
    const chart = page.metrics.data;
    const graph = page.graph.data;

    // Parca down for 30 minutes: rounds fail further and further apart; the last good view stays.
    await stopChaosParca();
    mark = page.recording.calls.length;
    const attempts: number[] = [];
    const onRound = () => attempts.push(page.clock.now());
    page.metrics.addEventListener('parca-error', onRound);
    await pass(page, 30 * MINUTE);
    page.metrics.removeEventListener('parca-error', onRound);
    const gaps = attempts.slice(1).map((t, i) => (t - attempts[i]!) / 1000);
    // The wait doubles from the interval after each failed round, up to 5 minutes: 60, 120, 240, 300, 300… s.
    const doubling = gaps.map((_, i) => Math.min(30 * 2 ** (i + 1), 300));
    check(attempts.length >= 5, `down 30 min: ${attempts.length} failed rounds`);
    check(JSON.stringify(gaps) === JSON.stringify(doubling), `gaps ${gaps.join(', ')} s, expected ${doubling.join(', ')} s`);
    check(page.metrics.data === chart && page.graph.data === graph, 'the last good view stays while Parca is down');
    check(overlaps(callsSince(page, mark, 'queryRange')) === 0, 'no overlapping requests while down');

    // Back: within the longest back-off the view is fresh again, then one round every 30 s.
    await startChaosParca();
    const backAt = page.clock.now();
    let recoveredAt: number | undefined;
    const onLoad = () => (recoveredAt ??= page.clock.now());
    page.graph.addEventListener('parca-load', onLoad);
    await pass(page, 5 * MINUTE);
    page.graph.removeEventListener('parca-load', onLoad);
    check(
      recoveredAt !== undefined && recoveredAt - backAt <= 5 * MINUTE,
      `recovered ${recoveredAt === undefined ? 'never' : `${(recoveredAt - backAt) / 1000} s after Parca came back`}`,
    );
    check(page.graph.data !== graph, 'newer data shown after recovery');
    check(!page.metrics.shadowRoot!.querySelector('[part~="error"]'), 'the error is gone after recovery');
    mark = page.recording.calls.length;
    const remaining = start + 24 * HOUR - page.clock.now();
    await pass(page, remaining);
    const expected = Math.round(remaining / 30_000);
    check(Math.abs(rounds(mark) - expected) <= 1, `after recovery: ${rounds(mark)} rounds in ${remaining / MINUTE} min, ${expected} expected`);

    for (const method of ['query', 'queryRange'] as const) {
      check(overlaps(page.recording.calls.filter((call) => call.method === method)) === 0, `no ${method} overlaps another`);
    }
    const heap = await gcHeap();
    const requests = page.recording.calls.length - requestsBefore;
    const growth = heap.jsBytes + heap.embedderBytes - heapBefore.jsBytes - heapBefore.embedderBytes;
    const allowed = 2 * 1024 * 1024 + requests * 1024;
    check(growth <= allowed, `heap grew ${(growth / 1024 / 1024).toFixed(2)} MiB over ${requests} requests (allowed ${(allowed / 1024 / 1024).toFixed(2)})`);
    const simulated = (page.clock.now() - start) / HOUR;
    await recordScenario(
      `time: refresh="30s" over ${simulated.toFixed(0)} simulated hours (21 hidden, 30 min Parca down): ${page.recording.calls.length} requests, heap ${growth >= 0 ? '+' : ''}${(growth / 1024 / 1024).toFixed(2)} MiB`,
      page.recording.calls.length,
      failures.length,
    );
    expect(failures).to.deep.equal([]);
  });
});
