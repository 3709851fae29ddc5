import { expect, fixture, html } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import '../../define.js';
import { TIMELINE_FIRST_AGO_MS, TIMELINE_JOB, TIMELINE_PROFILES, TIMELINE_SPIKE, TIMELINE_STEP_MS, LAB_CPU_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { createConnection } from '../../client/connection.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { formatInstant } from '../../model/flamechart/window.js';
import { frameName } from '../../model/flamegraph/names.js';
import { exactNameSearch } from '../../model/flamegraph/search.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange, parseTimeRange } from '../../model/time-range.js';
import { CPU_TYPE, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { nextEvent } from '../../test-support/events.js';
import { part, press, rgbaOf } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamechartElement } from './flamechart.js';

const env = testEnv();
const SELECTOR = `{job="${TIMELINE_JOB}"}`;
/** When second `i` of the timeline series was sampled. */
const secondAt = (i: number) => env.seededAtMs - TIMELINE_FIRST_AGO_MS + i * TIMELINE_STEP_MS;
/** The chart's window: 5 s on either side of the series, 70 s in all. */
const WINDOW = { startMs: secondAt(0) - 5_000, endMs: secondAt(TIMELINE_PROFILES) + 5_000 };
const WIDTH = 700;

async function chart(window = WINDOW, profileType = LAB_CPU_TYPE, selector = SELECTOR): Promise<ParcaFlamechartElement> {
  const el = await fixture<ParcaFlamechartElement>(html`<parca-flamechart style=${`display: block; width: ${WIDTH}px`}></parca-flamechart>`);
  el.connection = createConnection({ url: env.parcaUrl });
  el.query = createQueryState({ profileType, selector, range: absoluteRange(window.startMs, window.endMs) });
  await el.updateComplete;
  if (!el.limit) while (!el.data && !el.shadowRoot!.querySelector('[part="error"]')) await Promise.race([nextEvent(el, 'parca-load'), nextEvent(el, 'parca-error')]);
  await el.settled;
  return el;
}

/** Parca's own total for a merge of the series over a window (what a flame graph of it says). */
async function mergeTotal(startMs: number, endMs: number): Promise<number> {
  const response = await createConnection({ url: env.parcaUrl }).query({
    mode: QueryRequest_Mode.MERGE,
    reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    options: { case: 'merge', value: { query: `${LAB_CPU_TYPE}${SELECTOR}`, start: timestampFromMs(startMs), end: timestampFromMs(endMs) } },
  });
  return Number(response.total);
}

/** The chart's pixel at a time and depth (the middle of the row), [r, g, b, a]. */
function pixelOf(el: ParcaFlamechartElement, ms: number, depth: number): number[] {
  const canvas = part<HTMLCanvasElement>(el, 'chart')!;
  const visible = el.visibleWindow;
  const x = ((ms - visible.startMs) / (visible.endMs - visible.startMs)) * canvas.clientWidth;
  const rowHeight = canvas.clientHeight / el.data!.timeline.model.maxDepth;
  const y = (depth - 0.5) * rowHeight;
  const ratio = canvas.width / canvas.clientWidth;
  return Array.from(canvas.getContext('2d')!.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data);
}

const token = (el: Element, name: string) => getComputedStyle(el).getPropertyValue(name).trim();

describe('<parca-flamechart>', function () {
  this.timeout(60_000);

  it('places each second of the seeded series at its time: the spike from second 20 to 25, and nowhere else', async () => {
    const el = await chart();
    const { timeline } = el.data!;
    // The model: each frame of `spike` starts at a second the seed wrote it at.
    const spikes = [...Array(timeline.model.size).keys()].filter((row) => frameName(timeline.model, row) === 'spike');
    expect(spikes.map((row) => [timeline.startMs[row], timeline.endMs[row]])).to.deep.equal([[secondAt(TIMELINE_SPIKE.from), secondAt(TIMELINE_SPIKE.to)]]);
    // The picture: searched for, the spike is drawn in the match color exactly over its seconds, at depth 3.
    el.search = 'spike';
    await el.settled;
    const match = rgbaOf(token(el, '--_match'));
    const pxMs = (WINDOW.endMs - WINDOW.startMs) / WIDTH;
    const inside = [secondAt(TIMELINE_SPIKE.from) + 2 * pxMs, secondAt(22) + 500, secondAt(TIMELINE_SPIKE.to) - 3 * pxMs];
    const outside = [secondAt(TIMELINE_SPIKE.from) - 2 * pxMs, secondAt(10), secondAt(TIMELINE_SPIKE.to) + 2 * pxMs, secondAt(40)];
    for (const ms of inside) expect(pixelOf(el, ms, 3), `spike at +${(ms - secondAt(0)) / 1000} s`).to.deep.equal(match);
    for (const ms of outside) expect(pixelOf(el, ms, 3), `no spike at +${(ms - secondAt(0)) / 1000} s`).not.to.deep.equal(match);
    // gc runs instead of serve at second 7: depth 2 is drawn there, depth 3 is empty.
    expect(pixelOf(el, secondAt(7) + 500, 3)[3], 'nothing under gc').to.equal(0);
    expect(pixelOf(el, secondAt(6) + 500, 3)[3], 'handle at second 6').to.equal(255);
    // Before the first sample nothing ran.
    expect(pixelOf(el, secondAt(0) - 2_000, 1)[3]).to.equal(0);
  });

  it('totals a zoomed window as Parca merges it: the whole window, and windows of the half-busy seconds', async () => {
    const el = await chart();
    expect(el.visibleTotal).to.equal(await mergeTotal(WINDOW.startMs, WINDOW.endMs));
    expect(el.visibleTotal, 'what the seed wrote').to.equal(30 * 1e9 + 30 * 0.5e9 + 4 * 0.2e9);
    // From second 30 on each sample runs half a second: a window whose ends lie in the gaps holds whole samples.
    for (const [from, to] of [
      [30, 40],
      [33, 34],
      [41, 59],
      [44, 46],
    ] as const) {
      const startMs = secondAt(from) + 750;
      const endMs = secondAt(to) + 750;
      el.zoomTo(startMs, endMs);
      await el.settled;
      expect(el.visibleWindow).to.deep.equal({ startMs, endMs });
      expect(el.visibleTotal, `seconds ${from}–${to}`).to.equal(await mergeTotal(startMs, endMs));
      expect(part(el, 'range')!.textContent).to.contain(`${(el.visibleTotal / 1e9).toFixed(0)}`);
    }
  });

  it('is used by keyboard alone: + and − zoom around the middle, arrows pan, Home shows the whole window', async () => {
    const el = await chart();
    const viewport = part(el, 'viewport')!;
    viewport.focus();
    const span = WINDOW.endMs - WINDOW.startMs;
    press(viewport, '+');
    await el.settled;
    expect(el.visibleWindow).to.deep.equal({ startMs: WINDOW.startMs + span / 4, endMs: WINDOW.endMs - span / 4 });
    press(viewport, 'ArrowRight');
    await el.settled;
    expect(el.visibleWindow.startMs).to.be.closeTo(WINDOW.startMs + span / 4 + span / 20, 1e-6);
    const live = el.shadowRoot!.querySelector('[aria-live]')!;
    expect(live.textContent).to.contain('to');
    press(viewport, '-');
    press(viewport, 'Home');
    await el.settled;
    expect(el.visibleWindow).to.deep.equal(WINDOW);
    // Zooming never asks Parca again.
    const draws = el.draws;
    let loads = 0;
    el.addEventListener('parca-load', () => loads++);
    press(viewport, '+');
    press(viewport, '+');
    await el.settled;
    expect(loads).to.equal(0);
    expect(el.draws - draws, 'one draw per frame of changes').to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('fits a frame on double-click and picks its function for the other views on click', async () => {
    const range = { startMs: WINDOW.startMs, endMs: WINDOW.endMs };
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${LAB_CPU_TYPE} selector=${SELECTOR} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
        <parca-flamechart style=${`display: block; width: ${WIDTH}px`}></parca-flamechart>
        <parca-function-table></parca-function-table>
      </parca-source>
    `);
    const el = source.querySelector('parca-flamechart')!;
    const table = source.querySelector('parca-function-table')!;
    while (!el.data) await nextEvent(el, 'parca-load');
    await el.settled;
    const canvas = part<HTMLCanvasElement>(el, 'chart')!;
    const box = canvas.getBoundingClientRect();
    const rowHeight = box.height / el.data.timeline.model.maxDepth;
    const x = box.left + ((secondAt(22) - WINDOW.startMs) / (WINDOW.endMs - WINDOW.startMs)) * box.width;
    const y = box.top + 2.5 * rowHeight;
    const viewport = part(el, 'viewport')!;
    const at = { clientX: x, clientY: y, bubbles: true, composed: true, pointerId: 1, button: 0 };
    // The tooltip names the frame under the pointer, when it ran and for how long.
    viewport.dispatchEvent(new PointerEvent('pointermove', at));
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!.textContent.replace(/\s+/g, ' ');
    expect(tooltip).to.contain('spike').and.to.contain('ran 5 s');
    expect(tooltip).to.contain(formatInstant(secondAt(TIMELINE_SPIKE.from)));
    viewport.dispatchEvent(new PointerEvent('pointerdown', at));
    viewport.dispatchEvent(new PointerEvent('pointerup', at));
    await el.settled;
    expect(el.search).to.equal(exactNameSearch('spike'));
    await table.updateComplete;
    expect(table.search, 'the table picks it too').to.equal(exactNameSearch('spike'));
    viewport.dispatchEvent(new MouseEvent('dblclick', at));
    await el.settled;
    const fitted = el.visibleWindow;
    const spikeMs = secondAt(TIMELINE_SPIKE.to) - secondAt(TIMELINE_SPIKE.from);
    expect(fitted.startMs).to.be.closeTo(secondAt(TIMELINE_SPIKE.from) - spikeMs * 0.05, 1e-3);
    expect(fitted.endMs).to.be.closeTo(secondAt(TIMELINE_SPIKE.to) + spikeMs * 0.05, 1e-3);
    // A pick in the table selects in the chart.
    table.pick('gc');
    await el.updateComplete;
    expect(el.search).to.equal(exactNameSearch('gc'));
  });

  it('follows the range and the point picked under its source', async () => {
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${LAB_CPU_TYPE} selector=${SELECTOR} from=${isoTime(WINDOW.startMs)} to=${isoTime(WINDOW.endMs)}>
        <parca-flamechart style=${`display: block; width: ${WIDTH}px`}></parca-flamechart>
      </parca-source>
    `);
    const el = source.querySelector('parca-flamechart')!;
    while (!el.data) await nextEvent(el, 'parca-load');
    const narrower = { startMs: secondAt(10), endMs: secondAt(30) };
    el.dispatchEvent(new ParcaRangeSelectEvent(absoluteRange(narrower.startMs, narrower.endMs)));
    await nextEvent(el, 'parca-load');
    await el.settled;
    expect(el.data.window).to.deep.equal(narrower);
    expect(el.visibleTotal).to.equal(await mergeTotal(narrower.startMs, narrower.endMs - 1));
    // A point picked on a chart: the chart shows the span the point sums up.
    el.dispatchEvent(new ParcaPointSelectEvent({ timestampMs: secondAt(20), durationMs: 10_000, selector: SELECTOR, windowMs: 5_000 }));
    await nextEvent(el, 'parca-load');
    await el.settled;
    expect(el.data.window).to.deep.equal({ startMs: secondAt(20), endMs: secondAt(30) - 1 });
  });

  it('says why a query cannot be a flame chart and offers the nearest window that can', async () => {
    // An hour: the last 15 minutes are offered, relative as the range is.
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${LAB_CPU_TYPE} selector=${SELECTOR} from="now-1h" to="now">
        <parca-flamechart style=${`display: block; width: ${WIDTH}px`}></parca-flamechart>
      </parca-source>
    `);
    const el = source.querySelector('parca-flamechart')!;
    await el.updateComplete;
    expect(part(el, 'limit')!.textContent).to.contain('at most 15 min').and.to.contain('1 h');
    expect(el.data).to.equal(undefined);
    await expect(el).to.be.accessible();
    part<HTMLButtonElement>(el, 'limit-offer')!.click();
    await el.updateComplete;
    expect(source.query.range).to.deep.equal(parseTimeRange('now-15m', 'now'));
    expect(part(el, 'limit')).to.equal(null);
    await el.settled;

    // A cumulative type: no window helps.
    const heap = await chart(WINDOW, 'memory:alloc_objects:count:space:bytes', '{job="kube-client"}');
    expect(part(heap, 'limit')!.textContent).to.contain('delta profile type');
    expect(part(heap, 'limit-offer')).to.equal(null);

    // Several series at the same moments: Parca refuses, and the chart says what to do.
    const failed = nextEvent(document, 'parca-error');
    const overlapping = await chart({ startMs: env.seededAtMs - 14 * 60_000, endMs: env.seededAtMs }, CPU_TYPE, '{job="fib"}');
    expect((await failed).error.kind).to.equal('invalid-query');
    expect(part(overlapping, 'error')!.textContent).to.contain('narrow the selector to one series');
  });

  it('shows a saved record alone, with the window it was asked for', async () => {
    const response = await createConnection({ url: env.parcaUrl }).query({
      mode: QueryRequest_Mode.MERGE,
      reportType: QueryRequest_ReportType.FLAMECHART,
      options: { case: 'merge', value: { query: `${LAB_CPU_TYPE}${SELECTOR}`, start: timestampFromMs(WINDOW.startMs), end: timestampFromMs(WINDOW.endMs) } },
    });
    if (response.report.case !== 'flamegraphArrow') throw new Error('no flame chart');
    const el = await fixture<ParcaFlamechartElement>(html`<parca-flamechart style="display: block; width: 600px"></parca-flamechart>`);
    el.record = { bytes: response.report.value.record, unit: response.report.value.unit, ...WINDOW };
    await el.updateComplete;
    await el.settled;
    expect(el.data!.window).to.deep.equal(WINDOW);
    expect(el.visibleTotal).to.equal(Number(response.total));
    // Without a window: from the first frame to the last.
    el.record = { bytes: response.report.value.record };
    await el.updateComplete;
    await el.settled;
    expect(el.data!.window).to.deep.equal({ startMs: secondAt(0), endMs: secondAt(TIMELINE_PROFILES - 1) + 500 });
    await expect(el).to.be.accessible();
  });
});
