import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import '../../define/metrics.js';
import { createConnection } from '../../client/connection.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaQuerySubmitEvent } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaSelectorSelectEvent } from '../../events/selector-select.js';
import { ParcaSourceChangeEvent } from '../../events/source-change.js';
import { type SeriesLabel, formatLabels, labelSetKey, labelsRecord } from '../../model/metrics/labels.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';
import { LAB_CPU_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { recordingConnection } from '../../test-support/recording-connection.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaMetricsElement } from './metrics.js';
import { part, parts } from '../../test-support/harness.js';

const env = testEnv();
const seeded = seededRange();
const FROM = new Date(seeded.startMs).toISOString();
const TO = new Date(seeded.endMs).toISOString();
const MEMORY_TYPE = 'memory:alloc_space:bytes:space:bytes';

/** The label sets Parca has for a type in the seeded range, asked directly (one series per label set). */
async function seededKeys(profileType: string): Promise<string[]> {
  const parca = createConnection({ url: env.parcaUrl });
  const range = { start: timestampFromMs(seeded.startMs), end: timestampFromMs(seeded.endMs) };
  const { labelNames } = await parca.labels({ ...range, profileType, match: [] });
  const { series } = await parca.queryRange({ query: `${profileType}{}`, ...range, step: { seconds: 60n }, sumBy: labelNames });
  return series.map((s) => labelSetKey(s.labelset?.labels ?? []));
}

async function mount(options: { sumBy?: string; profileType?: string; from?: string; to?: string; width?: number } = {}) {
  const root = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${options.profileType ?? CPU_TYPE} from=${options.from ?? FROM} to=${options.to ?? TO}>
      <parca-metrics style="width: ${options.width ?? 800}px" sum-by=${options.sumBy ?? ''}></parca-metrics>
    </parca-source>
  `);
  const el = root.querySelector('parca-metrics')!;
  await loaded(el);
  return { root, el };
}

async function loaded(el: ParcaMetricsElement): Promise<void> {
  await nextEvent(el, 'parca-load');
  await el.updateComplete;
}

function legendKeys(el: ParcaMetricsElement): string[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="legend-item"]')].map((b) => b.dataset.key!);
}

/** The series with the highest peak and the index of that peak: a point no other series sits closer to. */
function tallestPoint(el: ParcaMetricsElement) {
  const data = el.data!;
  const seriesIndex = data.series.reduce((best, s, i) => (s.peak > data.series[best]!.peak ? i : best), 0);
  const series = data.series[seriesIndex]!;
  const index = series.values.indexOf(series.peak);
  return { series, index, timestampMs: Math.round(data.timestamps[index]! * 1000) };
}

function mouse(target: EventTarget, type: string, clientX: number, clientY: number, extra: MouseEventInit = {}): void {
  target.dispatchEvent(new MouseEvent(type, { clientX, clientY, bubbles: true, cancelable: true, composed: true, ...extra }));
}

/** Drags across the plot from one fraction of its width to another, the way a mouse would. */
function drag(el: ParcaMetricsElement, fromFraction: number, toFraction: number, modifiers: MouseEventInit = {}): void {
  const over = el.plot!.over;
  const rect = over.getBoundingClientRect();
  const y = rect.top + rect.height / 2;
  const x1 = rect.left + rect.width * fromFraction;
  const x2 = rect.left + rect.width * toFraction;
  mouse(over, 'mousemove', x1, y, { movementX: 1 });
  mouse(over, 'mousedown', x1, y, modifiers);
  mouse(over, 'mousemove', x2, y, { movementX: x2 - x1, ...modifiers });
  mouse(document, 'mouseup', x2, y, modifiers);
}

/** The span of the chart's time axis, epoch ms. */
function xAxisMs(el: ParcaMetricsElement): [number, number] {
  const x = el.plot!.uplot.scales.x!;
  return [Math.round(x.min! * 1000), Math.round(x.max! * 1000)];
}

function key(el: ParcaMetricsElement, name: string, init: KeyboardEventInit = {}): void {
  part(el, 'chart')!.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, composed: true, cancelable: true, ...init }));
}

describe('<parca-metrics>', () => {
  it('shows one series per seeded label set, named in the legend', async () => {
    const expected = await seededKeys(CPU_TYPE);
    const { el } = await mount();
    expect(expected.length).to.be.greaterThan(4);
    expect(legendKeys(el)).to.have.members(expected);
    expect(el.data!.series.map((s) => s.key)).to.have.members(expected);
    for (const item of el.shadowRoot!.querySelectorAll('[part~="legend-item"]')) {
      expect(item.textContent).to.match(/instance=host-[ab]:6060/);
      expect(item.textContent).to.match(/job=/);
    }
    expect(el.plot!.uplot.series).to.have.length(expected.length + 1);
    expect(el.data!.unit.kind).to.equal('cores');
    await el.tableComplete;
    expect(part(el, 'table')!.querySelectorAll('tbody tr')).to.have.length(expected.length);
  });

  it('asks for a step of at least 1 s that follows the chart width, then none finer than the data', async () => {
    const [narrowCalls, wideCalls] = [recordingConnection(), recordingConnection()];
    const root = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from=${FROM} to=${TO}>
        <parca-metrics id="narrow" style="width: 400px" .connection=${narrowCalls.connection}></parca-metrics>
        <parca-metrics id="wide" style="width: 1600px" .connection=${wideCalls.connection}></parca-metrics>
      </parca-source>
    `);
    const narrow = root.querySelector<ParcaMetricsElement>('#narrow')!;
    const wide = root.querySelector<ParcaMetricsElement>('#wide')!;
    await Promise.all([loaded(narrow), loaded(wide)]);
    await Promise.all([narrow.settled, wide.settled]);
    const steps = (calls: typeof narrowCalls) => calls.of('queryRange').map((call) => Number((call.request.step as { seconds: bigint }).seconds));
    const [narrowFirst] = steps(narrowCalls);
    const [wideFirst] = steps(wideCalls);
    expect(wideFirst).to.be.at.least(1);
    expect(narrowFirst).to.be.greaterThan(wideFirst!);
    // 65 minutes over 400 px at one point per 10 px: about 98 s, rounded up to 2 min.
    expect(narrowFirst).to.equal(120);
    // The seeded profiles are 5 minutes apart: both ask again at 5 minutes, so every bucket holds a profile.
    expect(narrow.stepSeconds).to.equal(300);
    expect(wide.stepSeconds).to.equal(300);
    for (const series of wide.data!.series) expect(series.values.filter((v) => v == null).length, series.key).to.be.at.most(1);
  });

  it('sums series by the labels named in sum-by', async () => {
    const { el } = await mount({ sumBy: 'job' });
    const jobs = new Set((await seededKeys(CPU_TYPE)).map((k) => /job="([^"]+)"/.exec(k)![1]));
    expect(el.data!.series).to.have.length(jobs.size);
    for (const series of el.data!.series) expect(series.labels.map((l) => l.name)).to.deep.equal(['job']);
    expect(part(el, 'note')).to.equal(null);
  });

  it('says that sum-by cannot apply to a non-delta type and shows every series', async () => {
    const { el } = await mount({ sumBy: 'job', profileType: MEMORY_TYPE });
    expect(part(el, 'note')!.textContent).to.contain('delta');
    expect(el.data!.series.map((s) => s.key)).to.have.members(await seededKeys(MEMORY_TYPE));
    expect(el.data!.unit.kind).to.equal('bytes');
  });

  it("narrows the source's range when the user drags across the chart, and goes back on double-click", async () => {
    const { root, el } = await mount();
    const initial = root.query.range;
    const selected = nextEvent(el, ParcaRangeSelectEvent.eventName);
    const changed = nextEvent(root, ParcaSourceChangeEvent.eventName);
    const reloaded = loaded(el);
    drag(el, 0.25, 0.75);
    const { range } = await selected;
    expect(range.from.kind).to.equal('absolute');
    const startMs = range.from.kind === 'absolute' ? range.from.ms : NaN;
    const endMs = range.to.kind === 'absolute' ? range.to.ms : NaN;
    expect(startMs).to.be.greaterThan(seeded.startMs);
    expect(endMs).to.be.lessThan(seeded.endMs);
    expect(endMs - startMs).to.be.closeTo((seeded.endMs - seeded.startMs) / 2, (seeded.endMs - seeded.startMs) / 10);
    expect((await changed).query.range).to.deep.equal(range);
    await reloaded;
    expect(el.data!.timestamps[0]! * 1000).to.be.at.least(startMs - el.stepSeconds * 1000);
    expect(part(el, 'reset')).to.exist;

    const back = nextEvent(el, ParcaRangeSelectEvent.eventName);
    const over = el.plot!.over;
    const rect = over.getBoundingClientRect();
    mouse(over, 'dblclick', rect.left + 10, rect.top + 10, { detail: 2 });
    expect((await back).range).to.deep.equal(initial);
    await el.updateComplete;
    expect(part(el, 'reset')).to.equal(null);
  });

  it('picks a baseline with Shift+drag (or Shift+arrows and B) without narrowing the range, shows it, and clears it', async () => {
    const { root, el } = await mount();
    const range = root.query.range;
    const chosen = nextEvent(el, ParcaBaselineSelectEvent.eventName);
    let rangeEvents = 0;
    el.addEventListener(ParcaRangeSelectEvent.eventName, () => rangeEvents++);
    drag(el, 0.1, 0.4, { shiftKey: true });
    const baseline = (await chosen).range!;
    expect(baseline.from.kind).to.equal('absolute');
    await el.updateComplete;
    expect(rangeEvents, 'the shown range stays').to.equal(0);
    expect(root.query.range).to.equal(range);
    expect(root.query.baseline).to.deep.equal(baseline);
    // The band covers the dragged part of the plot.
    const band = part(el, 'baseline')!;
    const over = el.plot!.over.getBoundingClientRect();
    const box = band.getBoundingClientRect();
    expect(band.hidden).to.equal(false);
    expect(box.left - over.left).to.be.closeTo(over.width * 0.1, 3);
    expect(box.width).to.be.closeTo(over.width * 0.3, 3);
    expect(part(el, 'baseline-note')!.textContent).to.contain('Baseline');

    // Keyboard: Shift+arrows select, B makes it the baseline.
    key(el, 'ArrowRight');
    key(el, 'ArrowLeft', { shiftKey: true });
    key(el, 'ArrowLeft', { shiftKey: true });
    const byKey = nextEvent(el, ParcaBaselineSelectEvent.eventName);
    key(el, 'b');
    const keyed = (await byKey).range!;
    expect(keyed).to.not.deep.equal(baseline);
    expect(rangeEvents).to.equal(0);

    const cleared = nextEvent(el, ParcaBaselineSelectEvent.eventName);
    await el.updateComplete;
    part(el, 'baseline-note')!.querySelector('button')!.click();
    expect((await cleared).range).to.equal(undefined);
    await el.updateComplete;
    expect(root.query.baseline).to.equal(undefined);
    expect(part(el, 'baseline')!.hidden).to.equal(true);
    expect(part(el, 'baseline-note')).to.equal(null);
  });

  it("fires parca-point-select with the series' labels when the user clicks a point", async () => {
    const { el } = await mount();
    const { series, index, timestampMs } = tallestPoint(el);
    const { left, top } = el.plot!.position(index, series.values[index]!);
    const rect = el.plot!.over.getBoundingClientRect();
    const selected = nextEvent(el, ParcaPointSelectEvent.eventName);
    const [x, y] = [rect.left + left, rect.top + top];
    mouse(el.plot!.over, 'mousemove', x, y, { movementX: 1 });
    mouse(el.plot!.over, 'mousedown', x, y);
    mouse(document, 'mouseup', x, y);
    mouse(el.plot!.over, 'click', x, y);
    const event = await selected;
    expect(event.point!.labels).to.deep.equal(labelsRecord(series.labels));
    expect(event.point!.timestampMs).to.equal(timestampMs);
    expect(event.point!.durationMs).to.be.greaterThan(0);
    expect(event.point!.selector).to.equal(series.key);
    expect(event.profileType).to.equal(CPU_TYPE);
    expect(part(el, 'tooltip')!.hidden).to.equal(false);
    expect(part(el, 'tooltip')!.textContent).to.contain('cores');
  });

  it('lets the keyboard move between points, announce them and select one', async () => {
    const { el } = await mount();
    part(el, 'chart')!.focus();
    key(el, 'ArrowRight');
    await el.updateComplete;
    const first = part(el, 'live')!.textContent;
    expect(first).to.contain('cores');
    key(el, 'ArrowLeft');
    await el.updateComplete;
    expect(part(el, 'live')!.textContent).not.to.equal(first);
    const selected = nextEvent(el, ParcaPointSelectEvent.eventName);
    key(el, 'Enter');
    const event = await selected;
    const top = el.data!.series.reduce((a, b) => (b.peak > a.peak ? b : a));
    expect(event.point!.labels).to.deep.equal(labelsRecord(top.labels));

    const ranged = nextEvent(el, ParcaRangeSelectEvent.eventName);
    key(el, 'ArrowLeft', { shiftKey: true });
    key(el, 'ArrowLeft', { shiftKey: true });
    key(el, 'Enter');
    const { range } = await ranged;
    expect(range.from.kind === 'absolute' && range.to.kind === 'absolute' && range.from.ms < range.to.ms).to.equal(true);
  });

  it('isolates a series on legend click and toggles one on shift-click', async () => {
    const { el } = await mount();
    const items = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="legend-item"]')];
    items[1]!.click();
    await el.updateComplete;
    expect(items.map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(items.map((_, i) => String(i === 1)));
    expect(el.plot!.uplot.series.filter((s, i) => i > 0 && s.show)).to.have.length(1);
    items[2]!.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
    await el.updateComplete;
    expect(items.filter((b) => b.getAttribute('aria-pressed') === 'true')).to.have.length(2);
    items[1]!.dispatchEvent(new MouseEvent('click', { shiftKey: true, bubbles: true }));
    items[2]!.click();
    await el.updateComplete;
    // Clicking the only series shown shows every series again.
    items[2]!.click();
    await el.updateComplete;
    expect(items.every((b) => b.getAttribute('aria-pressed') === 'true')).to.equal(true);
  });

  it('lists the top N series by peak and the rest behind show all', async () => {
    const root = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from=${FROM} to=${TO}>
        <parca-metrics style="width: 800px" top-n="3"></parca-metrics>
      </parca-source>
    `);
    const el = root.querySelector('parca-metrics')!;
    await loaded(el);
    expect(legendKeys(el)).to.have.length(3);
    const peaks = el.data!.series.map((s) => s.peak).sort((a, b) => b - a);
    const shown = legendKeys(el).map((k) => el.data!.series.find((s) => s.key === k)!.peak);
    expect(shown).to.deep.equal(peaks.slice(0, 3));
    part(el, 'show-all')!.click();
    await el.updateComplete;
    expect(legendKeys(el)).to.have.length(el.data!.series.length);
  });

  it('fires no user events when code sets its properties', async () => {
    const { root, el } = await mount();
    let fired = 0;
    for (const type of [ParcaRangeSelectEvent.eventName, ParcaPointSelectEvent.eventName, ParcaSourceChangeEvent.eventName]) {
      root.addEventListener(type, () => fired++);
    }
    const reloaded = loaded(el);
    el.sumBy = 'job';
    el.topN = 2;
    await reloaded;
    el.raw = true;
    await el.updateComplete;
    expect(el.data!.unit.kind).to.equal('duration');
    root.from = new Date(seeded.startMs + 600_000).toISOString();
    await loaded(el);
    expect(fired).to.equal(0);
  });

  it('draws new data for the same series into the chart it has', async () => {
    const { root, el } = await mount();
    const plot = el.plot!;
    const before = el.data!;
    root.from = new Date(seeded.startMs + 1_800_000).toISOString();
    await loaded(el);
    expect(el.data).not.to.equal(before);
    expect(el.data!.series).to.have.length(before.series.length);
    expect(el.plot).to.equal(plot);
    expect(Array.from(plot.uplot.data[0])).to.deep.equal(Array.from(el.data!.timestamps));
    expect(plot.uplot.series.slice(1).map((s) => s.label)).to.deep.equal(el.data!.series.map((s) => s.key));
    // Another number of series needs another chart.
    el.sumBy = 'job';
    await loaded(el);
    expect(el.plot).not.to.equal(plot);
    expect(el.plot!.uplot.series).to.have.length(el.data!.series.length + 1);
  });

  it('builds the chart for new series a task after the update that lists them, and completes the update once it is built', async () => {
    const { el } = await mount();
    const plot = el.plot;
    const before = el.data;
    // The chart as the update's own DOM changes are delivered (in the task that rendered the new legend).
    let chartWhenListed: unknown = 'never listed';
    const observer = new MutationObserver(() => {
      const data = el.data;
      if (chartWhenListed === 'never listed' && data && data !== before && legendKeys(el).length === data.series.length) chartWhenListed = el.plot;
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.sumBy = 'job'; // another number of series: another chart
    await loaded(el);
    observer.disconnect();
    expect(chartWhenListed === plot, 'the chart it had, while the legend changed').to.equal(true);
    expect(el.plot !== plot, 'the new chart, once the update is complete').to.equal(true);
    expect(el.plot!.uplot.series).to.have.length(el.data!.series.length + 1);
  });

  it('builds no chart for an element removed before its chart was built', async () => {
    const { root, el } = await mount();
    const before = el.data;
    let removed = false;
    const observer = new MutationObserver(() => {
      const data = el.data;
      if (!removed && data && data !== before && legendKeys(el).length === data.series.length) {
        removed = true;
        el.remove();
      }
    });
    observer.observe(el.shadowRoot!, { childList: true, subtree: true });
    el.sumBy = 'job';
    await nextEvent(el, 'parca-load');
    await el.updateComplete;
    observer.disconnect();
    expect(removed, 'removed in the update that listed the new series').to.equal(true);
    expect(el.plot === undefined, 'no chart').to.equal(true);
    expect(el.shadowRoot!.querySelector('.plot canvas'), 'no canvas').to.equal(null);
    root.append(el);
    await loaded(el);
    expect(el.plot!.uplot.series, 'built again once back in the page').to.have.length(el.data!.series.length + 1);
  });

  it('lists the series shown in the accessible table once the chart is drawn', async () => {
    const { el } = await mount();
    await el.tableComplete;
    const rows = () => [...part(el, 'table')!.querySelectorAll('tbody th')].map((th) => th.textContent.trim());
    expect(rows()).to.have.length(el.data!.series.length);
    el.sumBy = 'job';
    await loaded(el);
    await el.tableComplete;
    expect(rows()).to.have.members(el.data!.series.map((s) => s.labels.map((l) => `${l.name}=${l.value}`).join(', ')));
  });

  it('says so when the range has no data, over an axis that spans the range', async () => {
    const startMs = seeded.startMs - 3 * 86_400_000;
    const endMs = seeded.startMs - 2 * 86_400_000;
    const { el } = await mount({ from: new Date(startMs).toISOString(), to: new Date(endMs).toISOString() });
    expect(part(el, 'status')!.textContent).to.contain('No data');
    expect(xAxisMs(el)).to.deep.equal([startMs, endMs]);
  });

  it('spans the query window on its time axis with one point and with many, drawing a single point where it is', async () => {
    const many = await mount();
    expect(xAxisMs(many.el)).to.deep.equal([seeded.startMs, seeded.endMs]);
    const { el } = await mount({ profileType: LAB_CPU_TYPE });
    const series = el.data!.series.find((s) => s.labels.some((l) => l.value === 'bare'))!;
    expect(series.points).to.equal(1);
    expect(xAxisMs(el)).to.deep.equal([seeded.startMs, seeded.endMs]);
    const index = series.values.findIndex((v) => typeof v === 'number');
    const at = el.plot!.position(index, series.values[index]!);
    const over = el.plot!.over;
    expect(at.left).to.be.within(0, over.clientWidth);
    // The point's time sits where the window puts it, not in a corner of an axis stretched around it.
    const expectedLeft = ((el.data!.timestamps[index]! * 1000 - seeded.startMs) / (seeded.endMs - seeded.startMs)) * over.clientWidth;
    expect(Math.abs(at.left - expectedLeft)).to.be.below(2);
  });

  it('keeps the last chart and says what failed when a request fails', async () => {
    const { root, el } = await mount();
    const before = legendKeys(el);
    const failed = nextEvent(el, 'parca-error');
    root.url = env.closedUrl;
    const { error } = await failed;
    expect(error.kind).to.equal('unreachable');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain(env.closedUrl);
    expect(legendKeys(el)).to.deep.equal(before);
    expect(el.plot).to.exist;
    expect(el.shadowRoot!.querySelector('canvas')).to.exist;
  });

  it('asks for nothing when the query is for profiles only', async () => {
    const root = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from=${FROM} to=${TO} query-kind="profile">
        <parca-metrics style="width: 800px"></parca-metrics>
      </parca-source>
    `);
    const el = root.querySelector('parca-metrics')!;
    await el.updateComplete;
    await el.settled;
    expect(el.status).to.equal('idle');
    expect(el.data).to.equal(undefined);
  });

  it('is accessible', async () => {
    const { el } = await mount();
    await expect(el).to.be.accessible();
  });
});

describe('<parca-metrics> sum by and series query actions', () => {
  const range = () => ({ start: timestampFromMs(seeded.startMs), end: timestampFromMs(seeded.endMs) });

  /** How many series Parca answers for `selector` summed by `sumBy` (empty: every label name, as the chart asks), asked directly. */
  async function parcaSeriesCount(selector: string, sumBy: string[]): Promise<number> {
    const parca = createConnection({ url: env.parcaUrl });
    const by = sumBy.length ? sumBy : (await parca.labels({ ...range(), profileType: CPU_TYPE })).labelNames.filter((name) => !name.startsWith('__'));
    const { series } = await parca.queryRange({ query: `${CPU_TYPE}${selector}`, ...range(), step: { seconds: 60n }, sumBy: by });
    return series.length;
  }

  async function until(condition: () => boolean, what: string): Promise<void> {
    for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 25));
    expect(condition(), what).to.equal(true);
  }

  /** A source with an editor and a chart, both loaded. */
  async function explorer() {
    const root = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} from=${FROM} to=${TO}>
        <parca-query-editor></parca-query-editor>
        <parca-metrics style="width: 800px"></parca-metrics>
      </parca-source>
    `);
    const el = root.querySelector('parca-metrics')!;
    const editor = root.querySelector('parca-query-editor')!;
    await until(() => !!el.data && el.status === 'complete', 'the chart has data');
    await el.updateComplete;
    await editor.settled;
    return { root, el, editor };
  }

  /** `{a="x", b="y"}` (or `!=`) in the order given: the canonical text the actions make. */
  const selectorOf = (labels: readonly SeriesLabel[], op = '=') => `{${labels.map((l) => `${l.name}${op}"${l.value}"`).join(', ')}}`;

  /** The labels of the first listed series that the other series do not all share. */
  function distinctLabels(el: ParcaMetricsElement, series: { labels: readonly SeriesLabel[] }): SeriesLabel[] {
    const all = el.data!.series;
    return series.labels.filter((label) => !all.every((s) => s.labels.some((l) => l.name === label.name && l.value === label.value)));
  }

  const menu = (el: ParcaMetricsElement) => part(el, 'series-menu');
  const items = (el: ParcaMetricsElement) => parts<HTMLButtonElement>(el, 'series-action');

  /** Opens the menu of the first listed series from its legend button; returns the series and the button. */
  async function openFromLegend(el: ParcaMetricsElement) {
    const button = parts<HTMLButtonElement>(el, 'series-actions')[0]!;
    const series = el.data!.series.find((s) => s.key === button.dataset.key)!;
    button.click();
    await until(() => !!menu(el), 'the menu opens');
    await until(() => el.shadowRoot!.activeElement === items(el)[0], 'focus goes to its first action');
    return { series, button };
  }

  it("sums series by the labels of the source's query, and its own sum-by wins over them", async () => {
    const { root, el } = await explorer();
    const reloaded = loaded(el);
    el.dispatchEvent(new ParcaQuerySubmitEvent({ profileType: CPU_TYPE, selector: '{}', kind: 'both', sumBy: ['job'] }));
    await reloaded;
    expect(root.query.sumBy).to.deep.equal(['job']);
    expect(el.data!.series).to.have.length(await parcaSeriesCount('{}', ['job']));
    for (const series of el.data!.series) expect(series.labels.map((l) => l.name)).to.deep.equal(['job']);

    const own = loaded(el);
    el.sumBy = 'instance';
    await own;
    expect(el.data!.series).to.have.length(await parcaSeriesCount('{}', ['instance']));
    for (const series of el.data!.series) expect(series.labels.map((l) => l.name)).to.deep.equal(['instance']);
  });

  it('offers "only this series" from a legend item: the source runs its selector, the editor shows it', async () => {
    const { root, el, editor } = await explorer();
    const { series, button } = await openFromLegend(el);
    expect(button.getAttribute('aria-expanded')).to.equal('true');
    const only = selectorOf(series.labels);
    expect(menu(el)!.getAttribute('aria-label')).to.contain(formatLabels(series.labels));
    expect(items(el)[0]!.textContent).to.contain('Only this series').and.to.contain(only);

    const asked = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    const applied = nextEvent(root, ParcaSourceChangeEvent.eventName);
    items(el)[0]!.click();
    const event = await asked;
    expect(event).to.include({ selector: only, action: 'only', cancelable: true, bubbles: true, composed: true });
    expect(event.labels).to.deep.equal(labelsRecord(series.labels));
    const change = await applied;
    expect(change.cause).to.equal('query');
    expect(change.query.selector).to.equal(only);
    await loaded(el);
    expect(el.data!.series.map((s) => s.key)).to.deep.equal([series.key]);
    await editor.updateComplete;
    expect(part<HTMLInputElement>(editor, 'selector-input')!.value).to.equal(only);
    expect(menu(el)).to.equal(null);
  });

  it('excludes a series by the labels that tell it apart', async () => {
    const { root, el, editor } = await explorer();
    const { series } = await openFromLegend(el);
    const distinct = distinctLabels(el, series);
    expect(distinct.length).to.be.greaterThan(0);
    const exclude = selectorOf(distinct, '!=');
    expect(items(el)[1]!.textContent).to.contain('Exclude this series').and.to.contain(exclude);
    const applied = nextEvent(root, ParcaSourceChangeEvent.eventName);
    items(el)[1]!.click();
    expect((await applied).query.selector).to.equal(exclude);
    await loaded(el);
    expect(el.data!.series).to.have.length(await parcaSeriesCount(exclude, []));
    for (const shown of el.data!.series) {
      for (const label of distinct) expect(shown.labels.some((l) => l.name === label.name && l.value === label.value)).to.equal(false);
    }
    await editor.updateComplete;
    expect(part<HTMLInputElement>(editor, 'selector-input')!.value).to.equal(exclude);
  });

  it('lets a page veto the new selector with preventDefault()', async () => {
    const { root, el, editor } = await explorer();
    const veto = (event: Event) => event.preventDefault();
    document.addEventListener(ParcaSelectorSelectEvent.eventName, veto);
    let changes = 0;
    root.addEventListener(ParcaSourceChangeEvent.eventName, () => changes++);
    try {
      await openFromLegend(el);
      const asked = nextEvent(el, ParcaSelectorSelectEvent.eventName);
      items(el)[0]!.click();
      expect((await asked).defaultPrevented).to.equal(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await editor.updateComplete;
      expect(changes).to.equal(0);
      expect(root.query.selector).to.equal('{}');
      expect(part<HTMLInputElement>(editor, 'selector-input')!.value).to.equal('');
    } finally {
      document.removeEventListener(ParcaSelectorSelectEvent.eventName, veto);
    }
  });

  it("can be used with the keyboard alone: a legend item's menu button, and Shift+F10 on the cursor's point", async () => {
    const { root, el } = await explorer();
    // The cursor's point: Shift+F10 opens its series' actions, arrows move, Escape gives focus back to the chart.
    part(el, 'chart')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'F10' });
    await sendKeys({ up: 'Shift' });
    await until(() => el.shadowRoot!.activeElement === items(el)[0], 'focus goes to the first action');
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement).to.equal(items(el)[1]);
    await sendKeys({ press: 'ArrowDown' });
    expect(el.shadowRoot!.activeElement, 'the arrows wrap').to.equal(items(el)[0]);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(menu(el)).to.equal(null);
    expect(el.shadowRoot!.activeElement).to.equal(part(el, 'chart'));

    // A legend item's menu button, Enter and Enter.
    const button = parts<HTMLButtonElement>(el, 'series-actions')[0]!;
    const series = el.data!.series.find((s) => s.key === button.dataset.key)!;
    button.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.activeElement === items(el)[0], 'focus goes to the first action');
    const applied = nextEvent(root, ParcaSourceChangeEvent.eventName);
    await sendKeys({ press: 'Enter' });
    expect((await applied).query.selector).to.equal(selectorOf(series.labels));
  });

  it('opens on a right-click on a point, for the series under the pointer', async () => {
    const { el } = await explorer();
    const { series, index } = tallestPoint(el);
    const { left, top } = el.plot!.position(index, series.values[index]!);
    const rect = el.plot!.over.getBoundingClientRect();
    const click = new MouseEvent('contextmenu', { clientX: rect.left + left, clientY: rect.top + top, bubbles: true, cancelable: true, composed: true });
    el.plot!.over.dispatchEvent(click);
    expect(click.defaultPrevented, "the browser's own menu stays closed").to.equal(true);
    await until(() => !!menu(el), 'the menu opens');
    expect(menu(el)!.getAttribute('aria-label')).to.equal(`Query actions: ${formatLabels(series.labels)}`);
    expect(items(el)[0]!.textContent).to.contain(selectorOf(series.labels));
  });

  it('applies the new selector to its own query when it has one', async () => {
    const connection = createConnection({ url: env.parcaUrl });
    const query = createQueryState({ profileType: CPU_TYPE, range: absoluteRange(seeded.startMs, seeded.endMs) });
    const el = await fixture<ParcaMetricsElement>(html`<parca-metrics style="width: 800px" .connection=${connection} .query=${query}></parca-metrics>`);
    await el.settled;
    await until(() => !!el.data, 'the chart has data');
    await el.updateComplete;
    const { series } = await openFromLegend(el);
    const reloaded = loaded(el);
    items(el)[0]!.click();
    expect(el.query!.selector).to.equal(selectorOf(series.labels));
    await reloaded;
    expect(el.data!.series.map((s) => s.key)).to.deep.equal([series.key]);
  });

  it('is accessible with the menu open', async () => {
    const { el } = await explorer();
    await openFromLegend(el);
    await expect(el).to.be.accessible();
  });
});
