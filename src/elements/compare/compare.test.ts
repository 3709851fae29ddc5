// The compare workspace against the seeded Parca: two sources, a flame graph (and a table) under B, and
// <parca-compare> driving them. What the views show is checked against Parca asked directly for the same windows.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import type { ParcaConnection } from '../../client/connection.js';
import type { ParcaCompareChangeEvent } from '../../events/compare-change.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { type FlamegraphModel, decodeFlamegraph } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { buildQueryRequest } from '../../model/flamegraph/request.js';
import { systemClock } from '../../model/clock.js';
import { absoluteRange } from '../../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { nextEvent } from '../../test-support/events.js';
import { FakeClock } from '../../test-support/fake-clock.js';
import { part, parts } from '../../test-support/harness.js';
import type { ParcaFlamegraphElement } from '../flamegraph/flamegraph.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaCompareElement } from './compare.js';

const env = testEnv();
const HOUR = 3_600_000;
const FIB = 'github.com/polarsignals/pprof-example-app-go/fib.Fibonacci';

interface Side {
  selector: string;
  from: string;
  to: string;
}

interface Setup {
  a: Side;
  b: Side;
  mode?: string;
  /** With `sync-url` on the sources and the compare element (`id="cmp"`). */
  url?: boolean;
  clock?: FakeClock;
}

/** The seeded hour in two halves, as ISO bounds. */
function halves() {
  const { startMs, endMs } = seededRange();
  const middle = Math.round((startMs + endMs) / 2);
  return { first: { startMs, endMs: middle }, second: { startMs: middle, endMs } };
}

const side = (selector: string, w: { startMs: number; endMs: number }): Side => ({ selector, from: isoTime(w.startMs), to: isoTime(w.endMs) });

/** A button before the toolbar (where keyboard use starts), the compare element, source A, and source B with a graph and a table. */
async function workspace(setup: Setup) {
  const graph = document.createElement('parca-flamegraph');
  graph.style.width = '800px';
  graph.trimThreshold = 0;
  const table = document.createElement('parca-function-table');
  const root = await fixture<HTMLElement>(html`
    <div>
      <button id="start">start</button>
      <parca-compare id="cmp" baseline="a" comparison="b" mode=${setup.mode ?? 'diff'} sync-url=${setup.url ? '' : nothing}></parca-compare>
      <parca-source id="a" url=${env.parcaUrl} profile-type=${CPU_TYPE} selector=${setup.a.selector} from=${setup.a.from} to=${setup.a.to}
        .clock=${setup.clock ?? systemClock}
        sync-url=${setup.url ? '' : nothing}
      ></parca-source>
      <parca-source id="b" url=${env.parcaUrl} profile-type=${CPU_TYPE} selector=${setup.b.selector} from=${setup.b.from} to=${setup.b.to}
        .clock=${setup.clock ?? systemClock}
        sync-url=${setup.url ? '' : nothing}
        >${graph}${table}</parca-source
      >
    </div>
  `);
  const compare = root.querySelector('parca-compare')!;
  const a = root.querySelector<ParcaSourceElement>('#a')!;
  const b = root.querySelector<ParcaSourceElement>('#b')!;
  await waitUntil(() => compare.drivenViews.length === 2, 'the compare element drives the graph and the table');
  await settled(compare, graph);
  return { root, compare, a, b, graph, table };
}

/** Waits until the compare element has applied and the graph shows what it asks for now. */
async function settled(compare: ParcaCompareElement, graph: ParcaFlamegraphElement): Promise<void> {
  await compare.updateComplete;
  await graph.updateComplete;
  await graph.settled;
}

/** Parca asked directly: B's window merged, or diffed against A's window. */
async function direct(connection: ParcaConnection, b: { query: string; startMs: number; endMs: number }, a?: { query: string; startMs: number; endMs: number }) {
  const options = { invert: false, groupBy: [], filters: [], absolute: false, ...(a ? { baseline: a } : {}) };
  const response = await connection.query(buildQueryRequest(b, options, QueryRequest_ReportType.FLAMEGRAPH_ARROW, 0));
  if (response.report.case !== 'flamegraphArrow') throw new Error(`unexpected ${response.report.case} report`);
  return { total: Number(response.total), model: decodeFlamegraph(response.report.value.record) };
}

/** A source's window as a direct request names it. */
function windowOf(source: ParcaSourceElement) {
  return { query: `${source.query.profileType}${source.query.selector}`, ...source.query.window! };
}

/** Sums a column by frame name over every row. */
function byName(model: FlamegraphModel, values: ArrayLike<number>): Map<string, number> {
  const sums = new Map<string, number>();
  for (let row = 1; row < model.size; row++) sums.set(frameName(model, row), (sums.get(frameName(model, row)) ?? 0) + values[row]!);
  return sums;
}

function expectSameGraph(graph: ParcaFlamegraphElement, expected: { total: number; model: FlamegraphModel }, diff: boolean): void {
  const shown = graph.data!;
  expect(shown.isDiff, 'a diff').to.equal(diff);
  expect(shown.total).to.equal(expected.total);
  expect(shown.model.total).to.equal(expected.model.total);
  expect(byName(shown.model, shown.model.cumulative)).to.deep.equal(byName(expected.model, expected.model.cumulative));
  if (diff) expect(byName(shown.model, shown.model.diff)).to.deep.equal(byName(expected.model, expected.model.diff));
}

function button(compare: ParcaCompareElement, text: string): HTMLButtonElement {
  const found = [...compare.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === text);
  if (!found) throw new Error(`no button "${text}"`);
  return found;
}

const pressed = (compare: ParcaCompareElement) => parts(compare, 'mode').map((b) => `${b.textContent.trim()}:${b.getAttribute('aria-pressed')}`);

describe('<parca-compare>', () => {
  const original = location.href;
  afterEach(() => history.replaceState(null, '', original));

  it('diffs B against A: the graph and a frame’s diff equal Parca’s diff of the two windows', async () => {
    const { first, second } = halves();
    const { compare, a, b, graph, table } = await workspace({ a: side('{job="fib"}', first), b: side('{job="fib"}', second) });
    expect(compare.drivenViews).to.deep.equal([graph, table]);
    expect(graph.baselineQuery).to.equal(a.query);
    expect(table.baselineQuery).to.equal(a.query);
    expect(graph.query).to.equal(undefined);
    const expected = await direct(b.connection!, windowOf(b), windowOf(a));
    expectSameGraph(graph, expected, true);
    // The fib job grows over the hour (seed-plan's drift): the frame changed, by exactly Parca's figure.
    const fib = byName(graph.data!.model, graph.data!.model.diff).get(FIB)!;
    expect(fib).to.not.equal(0);
    expect(fib).to.equal(byName(expected.model, expected.model.diff).get(FIB));
    // The table is a diff too.
    await table.settled;
    expect(table.functionTable?.isDiff).to.equal(true);
  });

  it('"A alone" and "B alone" show their merges; a change of A reaches the views', async () => {
    const { first, second } = halves();
    const { compare, a, b, graph } = await workspace({ a: side('{job="api"}', first), b: side('{job="fib"}', second) });
    const changes: ParcaCompareChangeEvent[] = [];
    compare.addEventListener('parca-compare-change', (event) => changes.push(event));

    button(compare, 'A alone').click();
    await settled(compare, graph);
    expect(compare.mode).to.equal('a');
    expect(pressed(compare)).to.deep.equal(['Diff:false', 'A alone:true', 'B alone:false']);
    expect(graph.query).to.equal(a.query);
    expect(graph.baselineQuery).to.equal(undefined);
    expectSameGraph(graph, await direct(a.connection!, windowOf(a)), false);

    // A's range changed by its own chart: the graph follows A.
    const child = document.createElement('span');
    a.append(child);
    child.dispatchEvent(new ParcaRangeSelectEvent(absoluteRange(first.startMs, first.startMs + 10 * 60_000)));
    await settled(compare, graph);
    expect(graph.query).to.equal(a.query);
    expectSameGraph(graph, await direct(a.connection!, windowOf(a)), false);

    button(compare, 'B alone').click();
    await settled(compare, graph);
    expect(compare.getAttribute('mode')).to.equal('b');
    expect(graph.query).to.equal(undefined);
    expect(graph.baselineQuery).to.equal(undefined);
    expectSameGraph(graph, await direct(b.connection!, windowOf(b)), false);
    expect(changes.map((e) => [e.mode, e.cause])).to.deep.equal([
      ['a', 'mode'],
      ['b', 'mode'],
    ]);
    expect(changes[1]!.comparison).to.equal(b.query);

    // Setting the mode from code fires nothing; removing the element gives the views back to B.
    compare.mode = 'diff';
    await settled(compare, graph);
    expect(graph.data!.isDiff).to.equal(true);
    compare.remove();
    await settled(compare, graph);
    expect(graph.baselineQuery).to.equal(undefined);
    expect(graph.data!.isDiff).to.equal(false);
    expect(changes.length).to.equal(2);
  });

  it('a preset sets A to B an hour, a day or a week earlier: relative bounds stay relative, windows at one moment', async () => {
    const clock = new FakeClock(env.seededAtMs);
    const { compare, a, b, graph } = await workspace({ a: side('{job="api"}', halves().first), b: { selector: '{job="fib"}', from: 'now-30m', to: 'now' }, clock });
    clock.advance(60_000);
    const change = nextEvent(compare, 'parca-compare-change');
    button(compare, 'B vs 1 hour earlier').click();
    const event = await change;
    await settled(compare, graph);
    expect([event.cause, event.preset, event.mode]).to.deep.equal(['preset', '1h', 'diff']);
    expect([a.profileType, a.selector, a.from, a.to]).to.deep.equal([CPU_TYPE, '{job="fib"}', 'now-90m', 'now-1h']);
    // B was applied again at the same moment, so the windows are exactly an hour apart, ending now.
    expect(b.query.window).to.deep.equal({ startMs: clock.now() - 30 * 60_000, endMs: clock.now() });
    expect(a.query.window).to.deep.equal({ startMs: clock.now() - 90 * 60_000, endMs: clock.now() - HOUR });
    expect(event.baseline).to.equal(a.query);
    expectSameGraph(graph, await direct(b.connection!, windowOf(b), windowOf(a)), true);

    await compare.applyPreset('1d');
    expect([a.from, a.to]).to.deep.equal(['now-1470m', 'now-1d']);
    expect(a.query.window).to.deep.equal({ startMs: clock.now() - 30 * 60_000 - 24 * HOUR, endMs: clock.now() - 24 * HOUR });
    await compare.applyPreset('1w');
    expect([a.from, a.to]).to.deep.equal(['now-10110m', 'now-1w']);
    expect(a.query.window).to.deep.equal({ startMs: clock.now() - 30 * 60_000 - 7 * 24 * HOUR, endMs: clock.now() - 7 * 24 * HOUR });
  });

  it('a preset over an absolute range moves it by the milliseconds, and the diff is Parca’s for those windows', async () => {
    const { first, second } = halves();
    const { compare, a, b, graph } = await workspace({ a: side('{job="api"}', first), b: side('{job="fib"}', second) });
    const change = nextEvent(compare, 'parca-compare-change');
    button(compare, 'B vs 1 hour earlier').click();
    await change;
    await settled(compare, graph);
    expect([a.profileType, a.selector]).to.deep.equal([CPU_TYPE, '{job="fib"}']);
    expect([a.from, a.to]).to.deep.equal([isoTime(second.startMs - HOUR), isoTime(second.endMs - HOUR)]);
    expect(a.query.window).to.deep.equal({ startMs: second.startMs - HOUR, endMs: second.endMs - HOUR });
    expect(b.query.window).to.deep.equal(second);
    expectSameGraph(graph, await direct(b.connection!, windowOf(b), windowOf(a)), true);
  });

  it('swaps A and B: type, selector and range exchanged, and the diff turned around', async () => {
    const { first, second } = halves();
    const { compare, a, b, graph } = await workspace({ a: side('{job="api"}', first), b: side('{job="fib"}', second) });
    const [beforeA, beforeB] = [windowOf(a), windowOf(b)];
    const change = nextEvent(compare, 'parca-compare-change');
    button(compare, 'Swap A and B').click();
    expect((await change).cause).to.equal('swap');
    await settled(compare, graph);
    expect([a.selector, a.from, a.to]).to.deep.equal(['{job="fib"}', isoTime(second.startMs), isoTime(second.endMs)]);
    expect([b.selector, b.from, b.to]).to.deep.equal(['{job="api"}', isoTime(first.startMs), isoTime(first.endMs)]);
    expect(windowOf(a)).to.deep.equal(beforeB);
    expect(windowOf(b)).to.deep.equal(beforeA);
    expect(graph.baselineQuery).to.equal(a.query);
    expectSameGraph(graph, await direct(b.connection!, beforeA, beforeB), true);
  });

  it('restores both sources and the mode from a link, writes a preset as one entry, and follows back', async () => {
    const { first, second } = halves();
    const link = new URLSearchParams(location.search);
    for (const [prefix, selector, w] of [
      ['a', '{job="api"}', first],
      ['b', '{job="fib"}', second],
    ] as const) {
      link.set(`${prefix}.type`, CPU_TYPE);
      link.set(`${prefix}.selector`, selector);
      link.set(`${prefix}.from`, isoTime(w.startMs));
      link.set(`${prefix}.to`, isoTime(w.endMs));
    }
    link.set('cmp.mode', 'a');
    history.replaceState(null, '', `${location.pathname}?${link}`);
    // The page's own attributes say otherwise: the link wins.
    const { compare, a, b, graph } = await workspace({ a: side('{job="nodejs"}', second), b: side('{job="native"}', first), url: true });
    expect(compare.mode).to.equal('a');
    expect([a.selector, a.query.window]).to.deep.equal(['{job="api"}', first]);
    expect([b.selector, b.query.window]).to.deep.equal(['{job="fib"}', second]);
    expect(graph.query).to.equal(a.query);
    expectSameGraph(graph, await direct(a.connection!, windowOf(a)), false);

    // A user's mode and preset: an entry each; the preset writes A's keys and the mode together.
    const steps = { push: 0 };
    // The entries this test made, to go back through them: a real history.back() past a push the browser dropped
    // (Chromium throttles a page's history calls) would leave the test page.
    const visited = [location.href];
    const goBack = () => {
      visited.pop();
      history.replaceState(null, '', visited.at(-1));
      dispatchEvent(new PopStateEvent('popstate'));
    };
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the original, called with history as `this`.
    const { pushState } = history;
    history.pushState = (...args) => {
      steps.push++;
      pushState.apply(history, args);
      visited.push(location.href);
    };
    try {
      button(compare, 'Diff').click();
      expect(new URLSearchParams(location.search).get('cmp.mode')).to.equal('diff');
      await compare.applyPreset('1h');
      await settled(compare, graph);
      let params = new URLSearchParams(location.search);
      expect([params.get('a.selector'), params.get('a.from'), params.get('a.to'), params.get('cmp.mode')]).to.deep.equal([
        '{job="fib"}',
        isoTime(second.startMs - HOUR),
        isoTime(second.endMs - HOUR),
        'diff',
      ]);
      expect(steps.push).to.equal(2);

      // B's own URL writes keep A's keys and the mode, and the other way round.
      graph.dispatchEvent(new ParcaRangeSelectEvent(absoluteRange(second.startMs, second.startMs + 20 * 60_000)));
      await settled(compare, graph);
      params = new URLSearchParams(location.search);
      expect([params.get('b.to'), params.get('a.selector'), params.get('cmp.mode')]).to.deep.equal([isoTime(second.startMs + 20 * 60_000), '{job="fib"}', 'diff']);
      expect(steps.push).to.equal(3);
    } finally {
      Reflect.deleteProperty(history, 'pushState');
    }

    // Back twice: before the range, then before the preset (A as the link had it).
    goBack();
    goBack();
    await settled(compare, graph);
    expect([a.selector, a.query.window]).to.deep.equal(['{job="api"}', first]);
    expect(b.query.window).to.deep.equal(second);
    expect(compare.mode).to.equal('diff');
    // Back once more: the link's mode.
    const event = nextEvent(compare, 'parca-compare-change');
    goBack();
    expect([(await event).mode, (await event).cause]).to.deep.equal(['a', 'history']);
    await settled(compare, graph);
    expect(graph.query).to.equal(a.query);
  });

  it('finds sources that come later, and says which one is missing meanwhile', async () => {
    const compare = await fixture<ParcaCompareElement>(html`<parca-compare baseline="late-a" comparison="late-b"></parca-compare>`);
    expect(part(compare, 'status')!.textContent).to.equal('No source "late-a" or "late-b" on the page yet.');
    expect(parts(compare, 'preset').every((b) => (b as HTMLButtonElement).disabled)).to.equal(true);
    const { first, second } = halves();
    const graph = document.createElement('parca-flamegraph');
    graph.trimThreshold = 0;
    const holder = document.createElement('div');
    holder.innerHTML =
      `<parca-source id="late-a" url="${env.parcaUrl}" profile-type="${CPU_TYPE}" selector='{job="fib"}' from="${isoTime(first.startMs)}" to="${isoTime(first.endMs)}"></parca-source>` +
      `<parca-source id="late-b" url="${env.parcaUrl}" profile-type="${CPU_TYPE}" selector='{job="fib"}' from="${isoTime(second.startMs)}" to="${isoTime(second.endMs)}"></parca-source>`;
    compare.after(holder);
    await waitUntil(() => !!compare.baselineSource && !!compare.comparisonSource, 'both sources found');
    await compare.updateComplete;
    expect(part(compare, 'status')!.textContent).to.equal('');
    // A view added to B later is driven too.
    holder.querySelector('#late-b')!.append(graph);
    const a = holder.querySelector<ParcaSourceElement>('#late-a')!;
    await waitUntil(() => graph.baselineQuery === a.query, 'the late view is driven');
    await settled(compare, graph);
    const b = holder.querySelector<ParcaSourceElement>('#late-b')!;
    expect(graph.baselineQuery).to.equal(a.query);
    expectSameGraph(graph, await direct(b.connection!, windowOf(b), windowOf(a)), true);
    holder.remove();
  });

  it('is usable with the keyboard alone and accessible (axe)', async () => {
    const { first, second } = halves();
    const { root, compare, a, graph } = await workspace({ a: side('{job="api"}', first), b: side('{job="fib"}', second) });
    root.querySelector<HTMLButtonElement>('#start')!.focus();
    const focused = () => compare.shadowRoot!.activeElement?.textContent?.trim();
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('Diff');
    await sendKeys({ press: 'Tab' });
    expect(focused()).to.equal('A alone');
    await sendKeys({ press: 'Space' });
    await settled(compare, graph);
    expect(compare.mode).to.equal('a');
    expect(graph.query).to.equal(a.query);
    for (const expected of ['B alone', 'B vs 1 hour earlier', '1 day earlier', '1 week earlier', 'Swap A and B']) {
      await sendKeys({ press: 'Tab' });
      expect(focused()).to.equal(expected);
    }
    const swapped = nextEvent(compare, 'parca-compare-change');
    await sendKeys({ press: 'Enter' });
    expect((await swapped).cause).to.equal('swap');
    expect(a.selector).to.equal('{job="fib"}');
    await sendKeys({ down: 'Shift' });
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    expect(focused()).to.equal('Diff');
    await sendKeys({ press: 'Enter' });
    await settled(compare, graph);
    expect(pressed(compare)).to.deep.equal(['Diff:true', 'A alone:false', 'B alone:false']);
    await expect(compare).to.be.accessible();
  });
  it('gives the two charts one y-axis with shared-y: each reaches the higher peak, and back to its own when off', async () => {
    const { first, second } = halves();
    const chartOf = () => {
      const chart = document.createElement('parca-metrics');
      chart.style.width = '600px';
      return chart;
    };
    const [chartA, chartB] = [chartOf(), chartOf()];
    const root = await fixture<HTMLElement>(html`
      <div>
        <parca-compare id="cmp" baseline="ya" comparison="yb" sync-url></parca-compare>
        <parca-source id="ya" url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="api"}' from=${isoTime(first.startMs)} to=${isoTime(first.endMs)}
          >${chartA}</parca-source
        >
        <parca-source id="yb" url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(second.startMs)} to=${isoTime(second.endMs)}
          >${chartB}</parca-source
        >
      </div>
    `);
    const compare = root.querySelector('parca-compare')!;
    await waitUntil(() => chartA.data && chartB.data && chartA.plot && chartB.plot, 'both charts drawn');
    const top = (chart: typeof chartA) => chart.plot!.uplot.scales.y!.max!;
    const peak = (chart: typeof chartA) => Math.max(...chart.data!.series.map((s) => s.peak));
    // Alone, each fits its own values: the two jobs differ.
    expect(top(chartA)).to.not.equal(top(chartB));
    const shared = parts(compare, 'shared-y')[0]!;
    expect(shared.getAttribute('aria-pressed')).to.equal('false');
    const changed = nextEvent(compare, 'parca-compare-change');
    shared.click();
    expect((await changed).cause).to.equal('shared-y');
    await compare.updateComplete;
    await Promise.all([chartA.updateComplete, chartB.updateComplete]);
    const higher = Math.max(peak(chartA), peak(chartB));
    expect(chartA.yMax).to.equal(higher);
    expect(chartB.yMax).to.equal(higher);
    expect(top(chartA)).to.equal(top(chartB));
    expect(top(chartA)).to.be.at.least(higher);
    expect(shared.getAttribute('aria-pressed')).to.equal('true');
    expect(new URLSearchParams(location.search).get('cmp.y')).to.equal('shared');
    // Off: each chart its own scale again.
    shared.click();
    await compare.updateComplete;
    await Promise.all([chartA.updateComplete, chartB.updateComplete]);
    expect([chartA.yMax, chartB.yMax]).to.deep.equal([undefined, undefined]);
    expect(top(chartA)).to.not.equal(top(chartB));
    expect(new URLSearchParams(location.search).has('cmp.y')).to.equal(false);
    await expect(compare).to.be.accessible();
  });
});
