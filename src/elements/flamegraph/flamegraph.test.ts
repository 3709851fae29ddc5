import { expect, fixture, html } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import '../../define.js';
import '../../define/flamegraph.js';
import { createConnection } from '../../client/connection.js';
import { ParcaFrameSelectEvent } from '../../events/frame-select.js';
import type { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { createColorer, splitColorList } from '../../model/flamegraph/colors.js';
import { previewLimits } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { spanOf } from '../../model/flamegraph/layout.js';
import { searchFlamegraph } from '../../model/flamegraph/search.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import { buildFlamegraphRecord, chainSpec } from '../../test-support/flamegraph-record.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { isoTime } from '../../test-support/elements.js';
import { canvasOf, part, pixelAt, press, rgbaOf } from '../../test-support/harness.js';

const env = testEnv();
const ROW_HEIGHT = 20;

/** A source over the seeded hour of every CPU profile with a flame graph 640 px wide, as soon as it is there. */
async function cpuGraph() {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph style="width: 640px"></parca-flamegraph>
    </parca-source>
  `);
  return source.querySelector('parca-flamegraph')!;
}

/** A source over the seeded hour with one flame graph, resolved once its first graph is drawn. */
async function loaded(selector = '{job="fib"}', attributes: { orientation?: string } = {}) {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph style="width: 800px" orientation=${attributes.orientation ?? 'icicle'}></parca-flamegraph>
    </parca-source>
  `);
  const el = source.querySelector('parca-flamegraph')!;
  if (!el.data) await nextEvent(el, 'parca-load');
  await el.updateComplete;
  await el.drawComplete;
  return { source, el, model: el.data!.model };
}

/** The widest row at `depth`. */
function widestAt(model: ParcaFlamegraphElement['data'] & {}, depth: number): number {
  let best = -1;
  for (let row = 0; row < model.model.size; row++) {
    if (model.model.depth[row] === depth && (best < 0 || model.model.cumulative[row]! > model.model.cumulative[best]!)) best = row;
  }
  return best;
}

function clickAt(el: ParcaFlamegraphElement, x: number, y: number): void {
  const bounds = canvasOf(el).getBoundingClientRect();
  canvasOf(el).dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: bounds.left + x, clientY: bounds.top + y }));
}

describe('<parca-flamegraph> top levels first', () => {
  const defaults = { ...previewLimits };
  afterEach(() => Object.assign(previewLimits, defaults));

  it('shows the top levels of Parca’s answer while the rest decodes, then the whole graph, with one parca-load', async () => {
    // Parca's answer here is small: preview it from its first 40 rows, as a large one would be from its first 8,192.
    // It decodes within a frame, so what is checked is what the element lays out for it (its levels' height) before
    // the graph is there; draws.test.ts checks a large record's pixels.
    Object.assign(previewLimits, { minRows: 50, rows: 40 });
    const el = await cpuGraph();
    await el.updateComplete;
    const content = el.shadowRoot!.querySelector<HTMLElement>('.content')!;
    const heightsBeforeData: number[] = [];
    const observer = new MutationObserver(() => {
      if (el.data === undefined) heightsBeforeData.push(parseFloat(content.style.height));
    });
    observer.observe(content, { attributes: true, attributeFilter: ['style'] });
    const load = await nextEvent(el, 'parca-load');
    await el.settled;
    observer.disconnect();
    const whole = (el.data!.model.maxDepth + 1) * ROW_HEIGHT;
    const preview = heightsBeforeData.filter((height) => height > 0);
    expect(preview, 'levels laid out before the graph was decoded').to.have.length(1);
    expect(preview[0]).to.be.within(2 * ROW_HEIGHT, whole - ROW_HEIGHT);
    expect(parseFloat(content.style.height)).to.equal(whole);
    expect(load.type).to.equal('parca-load');
    expect(el.draws).to.be.at.least(1);
  });

  it('keeps the whole graph on screen through a refresh: no top levels then', async () => {
    const { source, el } = await loaded('{}');
    Object.assign(previewLimits, { minRows: 50, rows: 40 });
    const content = el.shadowRoot!.querySelector<HTMLElement>('.content')!;
    const whole = parseFloat(content.style.height);
    const heights: number[] = [];
    const observer = new MutationObserver(() => heights.push(parseFloat(content.style.height)));
    observer.observe(content, { attributes: true, attributeFilter: ['style'] });
    const refreshed = nextEvent(el, 'parca-load');
    source.refresh();
    await refreshed;
    await el.settled;
    observer.disconnect();
    expect(
      heights.filter((height) => height < whole),
      'levels laid out during the refresh',
    ).to.deep.equal([]);
  });
});

describe('<parca-flamegraph>', () => {
  it('renders the source’s profile and reports what it loaded', async () => {
    const el = await cpuGraph();
    const event = await nextEvent(el, 'parca-load');
    await el.updateComplete;
    await el.drawComplete;
    const data = el.data!;
    expect(data.model.size).to.be.greaterThan(10);
    expect(data.unit).to.equal('nanoseconds');
    // With trimming on, the root holds what was kept; the response's total also counts what was trimmed.
    expect(data.model.total)
      .to.be.at.most(data.total)
      .and.at.least(data.total * 0.9);
    expect(data.trimmed).to.be.greaterThan(0);
    expect(part(el, 'note')!.textContent).to.contain('trimmed');
    expect(event).to.include({ nodeCount: data.model.size, total: data.total });
    // Where the time went: the answer's arrival and the decode are parts of the whole.
    const load = event as ParcaFlamegraphLoadEvent;
    expect(load.fetchMs).to.be.above(0);
    expect(load.sentAt).to.be.within(0, performance.now());
    expect(load.fetchMs + load.decodeMs).to.be.at.most(load.durationMs + 1);
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'status')).to.equal(null);
    const canvas = canvasOf(el);
    expect(canvas.clientWidth).to.equal(640);
    expect(canvas.width).to.equal(Math.round(640 * devicePixelRatio));
    expect(canvas.clientHeight).to.equal(Math.min(640, (data.model.maxDepth + 1) * ROW_HEIGHT));
  });

  it('draws a frame where the model’s layout puts it, in its palette color', async () => {
    const { el, model } = await loaded();
    const data = el.data!;
    const row = widestAt(data, 2);
    const span = spanOf(model, row);
    const width = canvasOf(el).clientWidth;
    const x = span.x * width + (span.width * width) / 2;
    const y = 2 * ROW_HEIGHT + 3;
    const palette = splitColorList(getComputedStyle(el).getPropertyValue('--_palette'));
    const slot = createColorer(model, 'binary', palette.length)(row);
    const expected = slot >= 0 ? palette[slot]! : getComputedStyle(el).getPropertyValue('--_neutral').trim();
    expect(pixelAt(el, x, y)).to.deep.equal(rgbaOf(expected));
    expect(el.frameRect(row)).to.deep.include({ y: 2 * ROW_HEIGHT });
  });

  it('focuses a clicked frame, shows its path, and resets with Escape', async () => {
    const { el, model } = await loaded();
    const row = widestAt(el.data!, 3);
    const span = spanOf(model, row);
    const width = canvasOf(el).clientWidth;
    setTimeout(() => clickAt(el, span.x * width + 2, 3 * ROW_HEIGHT + 5));
    const event = await nextEvent(el, ParcaFrameSelectEvent.eventName);
    expect(event.frame.row).to.equal(row);
    expect(event.frame.name).to.equal(frameName(model, row));
    expect(event.cancelable).to.equal(true);
    await el.updateComplete;
    expect(el.focusedRow).to.equal(row);
    const crumbs = part(el, 'breadcrumb')!.querySelectorAll('li');
    expect(crumbs.length).to.equal(4, 'root and three levels');
    await el.drawComplete;
    // The focused frame spans the whole width.
    expect(el.frameRect(row)).to.deep.include({ x: 0, width });
    press(canvasOf(el), 'Escape');
    await el.updateComplete;
    expect(el.focusedRow).to.equal(0);
    expect(part(el, 'breadcrumb')).to.equal(null);
  });

  it('keeps the view when the page cancels frame selection', async () => {
    const { el, model } = await loaded();
    el.addEventListener(ParcaFrameSelectEvent.eventName, (event) => event.preventDefault());
    const row = widestAt(el.data!, 2);
    const span = spanOf(model, row);
    setTimeout(() => clickAt(el, span.x * canvasOf(el).clientWidth + 2, 2 * ROW_HEIGHT + 5));
    const event = await nextEvent(el, ParcaFrameSelectEvent.eventName);
    expect(event.defaultPrevented).to.equal(true);
    await el.updateComplete;
    expect(el.focusedRow).to.equal(0);
  });

  it('highlights search matches and counts them, firing nothing when code sets the search', async () => {
    const { el, model } = await loaded('{}');
    let fired = 0;
    for (const name of ['parca-load', 'parca-error', 'parca-frame-select'] as const) el.addEventListener(name, () => fired++);
    el.search = 'runtime.';
    await el.updateComplete;
    const expected = searchFlamegraph(model, 'runtime.');
    expect(expected.count).to.be.greaterThan(0);
    const summary = part(el, 'search-summary')!.textContent;
    expect(summary).to.contain(`${expected.count} matching frames`);
    expect(summary).to.match(/\d+(\.\d+)?% of total/);
    el.search = '/^nomatch$/';
    await el.updateComplete;
    expect(part(el, 'search-summary')!.textContent).to.contain('0 matching frames');
    expect(fired).to.equal(0);
  });

  it('searches from its built-in field', async () => {
    const { el, model } = await loaded();
    el.searchField = true;
    await el.updateComplete;
    const input = part(el, 'search-field') as HTMLInputElement;
    input.value = 'fib';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(el.search).to.equal('fib');
    expect(part(el, 'search-summary')!.textContent).to.contain(`${searchFlamegraph(model, 'fib').count} matching`);
  });

  it('moves between frames with the keyboard and announces them', async () => {
    const { el, model } = await loaded();
    canvasOf(el).focus();
    await el.updateComplete;
    const live = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).to.contain('root');
    press(canvasOf(el), 'ArrowDown');
    await el.updateComplete;
    const child = model.childIndex[model.childStart[0]!]!;
    expect(live.textContent).to.contain(frameName(model, child));
    expect(live.textContent).to.match(/% of total/);
    press(canvasOf(el), 'ArrowDown');
    press(canvasOf(el), 'ArrowUp');
    await el.updateComplete;
    expect(live.textContent).to.contain(frameName(model, child));
    setTimeout(() => press(canvasOf(el), 'Enter'));
    const event = await nextEvent(el, ParcaFrameSelectEvent.eventName);
    expect(event.frame.row).to.equal(child);
    await el.updateComplete;
    expect(el.focusedRow).to.equal(child);
  });

  it('draws the root at the bottom in flame orientation', async () => {
    const { el, model } = await loaded('{job="fib"}', { orientation: 'flame' });
    const height = canvasOf(el).clientHeight;
    expect(height).to.equal((model.maxDepth + 1) * ROW_HEIGHT);
    expect(el.frameRect(0)).to.deep.include({ y: height - ROW_HEIGHT });
  });

  it('says so when the range holds no profiles', async () => {
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from="2001-01-01T00:00:00Z" to="2001-01-01T01:00:00Z">
        <parca-flamegraph></parca-flamegraph>
      </parca-source>
    `);
    const el = source.querySelector('parca-flamegraph')!;
    await Promise.race([nextEvent(el, 'parca-load'), nextEvent(el, 'parca-error')]);
    await el.updateComplete;
    expect(part(el, 'error')).to.equal(null);
    expect(part(el, 'status')!.textContent).to.contain('No profile data');
  });

  it('shows an error and keeps the last graph when the server goes away', async () => {
    const { source, el, model } = await loaded();
    source.url = env.closedUrl;
    const event = await nextEvent(el, 'parca-error');
    expect(event.error.kind).to.equal('unreachable');
    await el.updateComplete;
    await el.drawComplete;
    expect(part(el, 'error')!.textContent).to.contain('could not be reached');
    expect(el.data!.model).to.equal(model);
    expect(el.frameRect(0)).to.not.equal(undefined);
  });

  it('shows a saved record without a server, and a decode error for a corrupt one', async () => {
    const range = seededRange();
    const response = await createConnection({ url: env.parcaUrl }).query({
      mode: QueryRequest_Mode.MERGE,
      options: { case: 'merge', value: { query: `${CPU_TYPE}{}`, start: timestampFromMs(range.startMs), end: timestampFromMs(range.endMs) } },
      reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    });
    const arrow = response.report.value as { record: Uint8Array; unit: string };
    const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph style="width: 500px"></parca-flamegraph>`);
    let fired = 0;
    el.addEventListener('parca-load', () => fired++);
    el.record = { bytes: arrow.record, unit: arrow.unit, total: response.total };
    await el.updateComplete;
    await el.drawComplete;
    expect(el.data!.model.total).to.equal(Number(response.total));
    expect(el.frameRect(0)).to.deep.include({ x: 0, y: 0, width: 500 });
    // A sandwich needs the server: a saved record offers none, on a click or a right-click.
    const rect = el.frameRect(el.data!.model.childIndex[el.data!.model.childStart[0]!]!)!;
    const canvas = part(el, 'canvas')!;
    const bounds = canvas.getBoundingClientRect();
    const at = { clientX: bounds.left + rect.x + 2, clientY: bounds.top + rect.y + rect.height / 2, bubbles: true, composed: true, cancelable: true };
    canvas.dispatchEvent(new MouseEvent('click', at));
    await el.updateComplete;
    expect(part(el, 'sandwich-button')).to.equal(null);
    const menu = new MouseEvent('contextmenu', at);
    canvas.dispatchEvent(menu);
    expect(menu.defaultPrevented).to.equal(false);
    expect(el.sandwich).to.equal('');
    const errors: string[] = [];
    el.addEventListener('parca-error', (event) => errors.push(event.error.kind));
    el.record = { bytes: arrow.record.subarray(0, 100), unit: 'nanoseconds' };
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('could not be decoded');
    expect(errors).to.deep.equal(['decode'], 'the page hears of it too');
    expect(el.data?.model.total, 'the last good graph stays').to.equal(Number(response.total));
    expect(fired).to.equal(0, 'no parca-load for a record');
  });

  it('shows the hovered frame’s details in a tooltip that stays inside the element', async () => {
    const { el, model } = await loaded();
    const row = widestAt(el.data!, 2);
    const span = spanOf(model, row);
    const width = canvasOf(el).clientWidth;
    const bounds = canvasOf(el).getBoundingClientRect();
    // Near the right edge, so the tooltip has to flip to stay inside.
    const x = Math.min(width - 2, (span.x + span.width) * width - 2);
    canvasOf(el).dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: bounds.left + x, clientY: bounds.top + 2 * ROW_HEIGHT + 5 }));
    await el.updateComplete;
    const tooltip = part(el, 'tooltip')!;
    expect(tooltip.textContent).to.contain(frameName(model, row));
    expect(tooltip.textContent).to.contain('Cumulative');
    expect(tooltip.textContent).to.match(/\d+(\.\d+)? (ns|µs|ms|s|min)/);
    const tip = tooltip.getBoundingClientRect();
    const host = el.getBoundingClientRect();
    expect(tip.right).to.be.at.most(host.right + 0.5);
    expect(tip.left).to.be.at.least(host.left - 0.5);
    canvasOf(el).dispatchEvent(new PointerEvent('pointerleave'));
    await el.updateComplete;
    expect(part(el, 'tooltip')).to.equal(null);
  });

  it('scrolls a 5,000-deep graph and draws the rows in view', async () => {
    const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph style="width: 400px"></parca-flamegraph>`);
    el.record = { bytes: buildFlamegraphRecord(chainSpec(5000)), unit: 'count' };
    await el.updateComplete;
    await el.drawComplete;
    const viewport = part(el, 'viewport')!;
    expect(viewport.scrollHeight).to.equal(5001 * ROW_HEIGHT);
    expect(canvasOf(el).clientHeight).to.equal(640, 'the canvas is the viewport, not the graph');
    expect(el.frameRect(4000)).to.equal(undefined);
    viewport.scrollTop = 4000 * ROW_HEIGHT;
    await nextEvent(viewport, 'scroll');
    await el.drawComplete;
    expect(el.frameRect(4000)).to.deep.include({ y: 0, x: 0, width: 400 });
    expect(pixelAt(el, 200, 5)[3]).to.equal(255);
  });
});
