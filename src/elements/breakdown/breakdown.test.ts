// First: the timer, worker and fetch globals are wrapped before any element code runs (the leak cycle counts them).
import { gcHeap, handlesSince, liveHandles } from '../../test-support/resources.js';
import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define/source.js';
import '../../define/breakdown.js';
import { type ParcaConnection, createConnection } from '../../client/connection.js';
import { ParcaSelectorSelectEvent } from '../../events/selector-select.js';
import { ParcaSourceChangeEvent } from '../../events/source-change.js';
import { type QueryRangeResponse, QueryRangeResponseSchema } from '../../gen/parca/query/v1alpha1/query_pb.js';
import type { OtherRow, ValueRow } from '../../model/breakdown/rank.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import { part, parts } from '../../test-support/harness.js';
import { netListeners } from '../../test-support/listeners.js';
import { memoryConnection } from '../../test-support/memory-connection.js';
import { recordingConnection } from '../../test-support/recording-connection.js';
import { SEED_INSTANCES } from '../../../scripts/parca/seed-plan.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaBreakdownElement } from './breakdown.js';

const env = testEnv();
const seeded = seededRange();
const FROM = new Date(seeded.startMs).toISOString();
const TO = new Date(seeded.endMs).toISOString();
/** Not a delta type: Parca cannot sum it by a label, so the element groups the series itself. */
const MEMORY_TYPE = 'memory:alloc_space:bytes:space:bytes';

async function loaded(el: ParcaBreakdownElement): Promise<void> {
  const result = await Promise.race([nextEvent(el, 'parca-load'), nextEvent(el, 'parca-error')]);
  if (result.type === 'parca-error') throw new Error(`request failed: ${(result as Event & { error: Error }).error.message}`);
  await el.settled;
}

async function mount(options: { label?: string; selector?: string; profileType?: string; topN?: number; connection?: ParcaConnection } = {}) {
  const root = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${options.profileType ?? CPU_TYPE} selector=${options.selector ?? ''} from=${FROM} to=${TO}>
      <button id="before">before</button>
      <parca-breakdown
        style="width: 800px"
        label=${options.label ?? 'instance'}
        top-n=${options.topN ?? 20}
        .connection=${options.connection}
      ></parca-breakdown>
      <button id="after">after</button>
    </parca-source>
  `);
  const el = root.querySelector('parca-breakdown')!;
  await loaded(el);
  return { root, el };
}

const valueRows = (el: ParcaBreakdownElement) => el.breakdown.rows.filter((r): r is ValueRow => r.kind === 'value');
const names = (el: ParcaBreakdownElement) => parts(el, 'name').map((n) => n.textContent.trim());
const rowOf = (el: ParcaBreakdownElement, value: string) => parts(el, 'row').find((r) => r.querySelector('[part~="name"]')!.textContent.trim() === value)!;
const button = (el: ParcaBreakdownElement, value: string, name: 'open' | 'include' | 'exclude') =>
  rowOf(el, value).querySelector<HTMLButtonElement>(`[part~="${name}"]`)!;

/** The sum of every point Parca answers for one query over the seeded window at `stepSeconds`. */
async function parcaTotal(profileType: string, selector: string, stepSeconds: number): Promise<number> {
  const parca = createConnection({ url: env.parcaUrl });
  const { series } = await parca.queryRange({
    query: `${profileType}${selector}`,
    start: timestampFromMs(seeded.startMs),
    end: timestampFromMs(seeded.endMs),
    step: { seconds: BigInt(stepSeconds) },
    sumBy: [],
  });
  return series.reduce((sum, s) => sum + s.samples.reduce((t, sample) => t + Number(sample.value), 0), 0);
}

async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** The values of `label` Parca has for the CPU type over the seeded window (one QueryRange summed by it). */
async function parcaValues(label: string): Promise<string[]> {
  const parca = createConnection({ url: env.parcaUrl });
  const { series } = await parca.queryRange({
    query: `${CPU_TYPE}{}`,
    start: timestampFromMs(seeded.startMs),
    end: timestampFromMs(seeded.endMs),
    step: { seconds: 300n },
    sumBy: [label],
  });
  return series.map((s) => s.labelset?.labels.find((l) => l.name === label)?.value ?? '');
}

/** The element's focused part, through its shadow root. */
const focused = (el: ParcaBreakdownElement) => el.shadowRoot!.activeElement as HTMLElement | null;

/** A delta CPU answer with `count` values of `instance`, `points` points 10 s apart ending at `endMs`. */
function manyValues(count: number, points: number, endMs: number): QueryRangeResponse {
  return create(QueryRangeResponseSchema, {
    series: Array.from({ length: count }, (_, s) => ({
      labelset: { labels: [{ name: 'instance', value: `host-${String(s).padStart(3, '0')}` }] },
      sampleType: { type: 'cpu', unit: 'nanoseconds' },
      samples: Array.from({ length: points }, (_, i) => ({
        timestamp: timestampFromMs(endMs - (points - i) * 10_000),
        value: BigInt((count - s) * 1_000_000 + i),
        valuePerSecond: 0,
        duration: 10_000_000_000n,
        count: 1,
      })),
    })),
  });
}

/** A connection answering from memory, counting its QueryRange calls. */
function countingMemory(response: QueryRangeResponse) {
  const asked: unknown[] = [];
  return { connection: memoryConnection(response, ['instance'], (request) => asked.push(request)), asked };
}

describe('<parca-breakdown>', () => {
  it("asks Parca once, summed by the label, and each value's total equals a query for that value alone", async () => {
    const calls = recordingConnection();
    const { el } = await mount({ label: 'instance', connection: calls.connection });
    // One request per answer, whatever the number of values (a second only when the data is sparser than the
    // first step: see SeriesData), each summed by the label.
    const ranges = calls.of('queryRange');
    expect(ranges.length).to.be.within(1, 2);
    for (const call of ranges) {
      expect(call.request.sumBy).to.deep.equal(['instance']);
      expect(call.request.query).to.equal(`${CPU_TYPE}{}`);
    }
    expect(new Set(ranges.map((call) => String((call.request.step as { seconds: bigint }).seconds))).size).to.equal(ranges.length);
    expect(calls.of('labels')).to.have.length(0);

    const rows = valueRows(el);
    expect(rows.map((r) => r.group.value)).to.have.members([...SEED_INSTANCES]);
    for (const row of rows) {
      const expected = await parcaTotal(CPU_TYPE, `{instance="${row.group.value}"}`, el.stepSeconds);
      expect(expected, row.group.value).to.be.greaterThan(0);
      expect(row.group.total, row.group.value).to.be.closeTo(expected, expected * 1e-12);
    }
    // Ranked by total, and the shares add up to the whole.
    expect(rows[0]!.group.total).to.be.at.least(rows[1]!.group.total);
    expect(el.breakdown.total).to.equal(rows.reduce((sum, r) => sum + r.group.total, 0));
    expect(names(el)).to.deep.equal(rows.map((r) => r.group.value));
    expect(part(el, 'summary')!.textContent).to.contain('2 values of instance');
    expect(part(el, 'total')!.textContent).to.match(/\d/);
  });

  it('groups the series of a type Parca cannot sum by the label, with the same per-value totals', async () => {
    const { el } = await mount({ label: 'job', profileType: MEMORY_TYPE });
    const rows = valueRows(el);
    expect(rows.length).to.be.greaterThan(0);
    for (const row of rows) {
      const expected = await parcaTotal(MEMORY_TYPE, `{job="${row.group.value}"}`, el.stepSeconds);
      expect(row.group.total, row.group.value).to.be.closeTo(expected, Math.abs(expected) * 1e-9);
    }
    // One row per job, though Parca answered one series per instance of each.
    expect(rows.every((r) => r.group.series === SEED_INSTANCES.length)).to.equal(true);
  });

  it('lists the top N values by total and folds the rest into one row that lists them on click', async () => {
    const { el } = await mount({ label: 'job', topN: 3 });
    const jobs = await parcaValues('job');
    expect(jobs.length).to.be.greaterThan(4);
    const rows = el.breakdown.rows;
    expect(rows.map((r) => r.kind)).to.deep.equal(['value', 'value', 'value', 'other']);
    const other = rows[3] as OtherRow;
    expect(other.count).to.equal(jobs.length - 3);
    expect(names(el)).to.have.length(4);
    expect(names(el)[3]).to.equal(`other ${jobs.length - 3} values`);
    expect(part(el, 'other')).to.equal(parts(el, 'row')[3]);
    expect(part(el, 'other')!.querySelector('[part~="include"]')).to.equal(null);
    // Each value's total is counted once: in its row or in the fold.
    const listed = valueRows(el).reduce((sum, r) => sum + r.group.total, 0);
    expect(listed + other.total).to.be.closeTo(el.breakdown.total, el.breakdown.total * 1e-12);
    const totals = valueRows(el).map((r) => r.group.total);
    expect([...totals].sort((a, b) => b - a)).to.deep.equal(totals);
    expect(part(el, 'summary')!.textContent).to.contain(`${jobs.length} values of job, top 3 listed`);

    part(el, 'other')!.querySelector<HTMLButtonElement>('[part~="open"]')!.click();
    await el.settled;
    expect(names(el)).to.have.members(jobs);
    expect(part(el, 'other')).to.equal(null);
    part(el, 'show-top')!.click();
    await el.settled;
    expect(names(el)).to.have.length(4);
  });

  it('includes and excludes a value: the selector text, the source runs it, and the rows follow', async () => {
    const { root, el } = await mount({ label: 'instance', selector: '{job="fib"}' });
    const [a, b] = SEED_INSTANCES as [string, string];

    let selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    let changed = nextEvent(root, ParcaSourceChangeEvent.eventName);
    let reloaded = loaded(el);
    button(el, a, 'include').click();
    let event = await selected;
    expect(event.selector).to.equal(`{job="fib", instance="${a}"}`);
    expect(event.action).to.equal('only');
    expect(event.labels).to.deep.equal({ instance: a });
    expect(event.cancelable && event.bubbles && event.composed).to.equal(true);
    expect((await changed).query.selector).to.equal(`{job="fib", instance="${a}"}`);
    await reloaded;
    expect(names(el)).to.deep.equal([a]);

    // Exclude replaces the matcher on the same label.
    selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    changed = nextEvent(root, ParcaSourceChangeEvent.eventName);
    reloaded = loaded(el);
    button(el, a, 'exclude').click();
    event = await selected;
    expect(event.selector).to.equal(`{job="fib", instance!="${a}"}`);
    expect(event.action).to.equal('exclude');
    expect((await changed).query.selector).to.equal(`{job="fib", instance!="${a}"}`);
    await reloaded;
    expect(names(el)).to.deep.equal([b]);

    // A click on the value itself opens it in the main views: the same event, including it.
    selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    changed = nextEvent(root, ParcaSourceChangeEvent.eventName);
    button(el, b, 'open').click();
    expect((await selected).selector).to.equal(`{job="fib", instance="${b}"}`);
    expect((await changed).query.selector).to.equal(`{job="fib", instance="${b}"}`);
  });

  it('leaves the query as it is when a listener prevents the default', async () => {
    const { root, el } = await mount({ label: 'instance', selector: '{job="fib"}' });
    const before = root.query;
    let changes = 0;
    root.addEventListener(ParcaSourceChangeEvent.eventName, () => changes++);
    const veto = (event: ParcaSelectorSelectEvent) => event.preventDefault();
    root.parentElement!.addEventListener(ParcaSelectorSelectEvent.eventName, veto);
    const selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    button(el, SEED_INSTANCES[0]!, 'exclude').click();
    const event = await selected;
    // The source applies it after every listener had its say: a task later, it has decided.
    await new Promise((resolve) => setTimeout(resolve));
    expect(event.defaultPrevented).to.equal(true);
    expect(changes).to.equal(0);
    expect(root.query).to.equal(before);
    expect(el.status).to.equal('complete');
    root.parentElement!.removeEventListener(ParcaSelectorSelectEvent.eventName, veto);
  });

  it('applies include to its own query when used alone (no source)', async () => {
    const el = await fixture<ParcaBreakdownElement>(html`
      <parca-breakdown
        style="width: 800px"
        label="instance"
        .connection=${createConnection({ url: env.parcaUrl })}
        .query=${createQueryState({ profileType: CPU_TYPE, selector: '{job="fib"}', range: absoluteRange(seeded.startMs, seeded.endMs) })}
      ></parca-breakdown>
    `);
    await loaded(el);
    expect(names(el)).to.have.members([...SEED_INSTANCES]);
    const reloaded = loaded(el);
    button(el, SEED_INSTANCES[1]!, 'include').click();
    await reloaded;
    expect(el.query!.selector).to.equal(`{job="fib", instance="${SEED_INSTANCES[1]}"}`);
    expect(names(el)).to.deep.equal([SEED_INSTANCES[1]]);
  });

  it('is usable with the keyboard alone: arrows move between rows, Tab reaches include and exclude, Enter acts', async () => {
    const { root, el } = await mount({ label: 'job', selector: '{}', topN: 3 });
    const values = valueRows(el).map((r) => r.group.value);
    root.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    // One row is in the Tab order: the first row's value.
    expect(focused(el)!.getAttribute('part')).to.equal('open');
    expect(focused(el)!.closest('[part~="row"]')!.querySelector('[part~="name"]')!.textContent.trim()).to.equal(values[0]);
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.textContent).to.contain(values[1]);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.equal('include');
    expect(focused(el)!.getAttribute('aria-label')).to.equal(`Include ${values[1]}`);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('part')).to.equal('exclude');
    // The arrows keep to the same button of the next row.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.getAttribute('aria-label')).to.equal(`Exclude ${values[2]}`);
    // Tab leaves the list after the row's last button (for the page's next control: leaving the page would take the
    // browser window's focus away from the pages of later tests).
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(null);
    expect(document.activeElement).to.equal(root.querySelector('#after'));
    await shiftTab();
    expect(focused(el)!.getAttribute('aria-label')).to.equal(`Exclude ${values[2]}`);

    // Down from the last listed value reaches the folded row (it has no exclude: its own button); Enter lists
    // every value and keeps the keyboard on the first value it folded.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(focused(el)!.closest('[part~="row"]')!.getAttribute('part')).to.equal('row other');
    expect(focused(el)!.getAttribute('part')).to.equal('open');
    await sendKeys({ press: 'Enter' });
    await el.settled;
    expect(part(el, 'other')).to.equal(null);
    expect(focused(el)!.closest<HTMLElement>('[part~="row"]')!.dataset.index).to.equal('3');
    const all = valueRows(el).map((r) => r.group.value);
    expect(focused(el)!.textContent).to.contain(all[3]);
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(focused(el)!.textContent).to.contain(all[all.length - 1]);
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    expect(focused(el)!.textContent).to.contain(all[0]);

    // Enter on a row's exclude button: the value goes, and the keyboard stays on the row that takes its place.
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(focused(el)!.getAttribute('aria-label')).to.equal(`Exclude ${all[1]}`);
    let selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    let reloaded = loaded(el);
    await sendKeys({ press: 'Enter' });
    expect((await selected).selector).to.equal(`{job!="${all[1]}"}`);
    await reloaded;
    expect(names(el)).not.to.include(all[1]);
    expect(focused(el)!.getAttribute('part')).to.equal('open');
    expect(focused(el)!.closest<HTMLElement>('[part~="row"]')!.dataset.index).to.equal('1');

    // Enter on a value opens it: its matcher replaces the one on the label.
    const next = valueRows(el)[1]!.group.value;
    selected = nextEvent(el, ParcaSelectorSelectEvent.eventName);
    reloaded = loaded(el);
    await sendKeys({ press: 'Enter' });
    expect((await selected).selector).to.equal(`{job="${next}"}`);
    await reloaded;
    expect(names(el)).to.deep.equal([next]);
  });

  it('renders only the rows in view of hundreds of values, and the keyboard reaches the last', async () => {
    const endMs = seeded.endMs;
    const memory = countingMemory(manyValues(300, 200, endMs));
    const el = await fixture<ParcaBreakdownElement>(html`
      <parca-breakdown
        style="width: 800px; --parca-breakdown-height: 300px"
        label="instance"
        top-n="1000"
        .connection=${memory.connection}
        .query=${createQueryState({ profileType: CPU_TYPE, range: absoluteRange(endMs - 2_000_000, endMs) })}
      ></parca-breakdown>
    `);
    await loaded(el);
    expect(memory.asked).to.have.length(1);
    expect(el.breakdown.rows).to.have.length(300);
    const rendered = parts(el, 'row');
    expect(rendered.length).to.be.within(5, 30);
    expect(parts(el, 'chart')).to.have.length(rendered.length);
    expect(names(el)[0]).to.equal('host-000');
    // The mini charts are drawn: some pixel of the first one is not blank.
    const canvas = parts<HTMLCanvasElement>(el, 'chart')[0]!;
    expect(canvas.width).to.be.greaterThan(0);
    const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    expect(pixels.some((v, i) => i % 4 === 3 && v > 0)).to.equal(true);
    const draws = el.draws;

    parts(el, 'open')[0]!.focus();
    await sendKeys({ press: 'End' });
    await el.settled;
    expect(focused(el)!.textContent).to.contain('host-299');
    expect(parts(el, 'row').length).to.be.within(5, 30);
    expect(names(el)).not.to.include('host-000');
    expect(el.draws).to.be.greaterThan(draws);
  });

  it('says so when no series has the label, and when the range has no data', async () => {
    const { el } = await mount({ label: 'no_such_label' });
    expect(part(el, 'status')!.textContent).to.equal('No values of label no_such_label in this range.');
    expect(parts(el, 'row')).to.have.length(0);
    const root = el.closest('parca-source')!;
    root.from = new Date(seeded.startMs - 3 * 86_400_000).toISOString();
    root.to = new Date(seeded.startMs - 2 * 86_400_000).toISOString();
    el.label = 'instance';
    await loaded(el);
    expect(part(el, 'status')!.textContent).to.equal('No values of label instance in this range.');
  });

  it('keeps the last rows and says what failed when a request fails', async () => {
    const { root, el } = await mount();
    const before = names(el);
    const failed = nextEvent(el, 'parca-error');
    root.url = env.closedUrl;
    const { error } = await failed;
    expect(error.kind).to.equal('unreachable');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain(env.closedUrl);
    expect(names(el)).to.deep.equal(before);
    expect(el.status).to.equal('error');
  });

  it('fires no user events when code sets its properties', async () => {
    const { root, el } = await mount({ label: 'instance' });
    let fired = 0;
    for (const type of [ParcaSelectorSelectEvent.eventName, ParcaSourceChangeEvent.eventName]) root.addEventListener(type, () => fired++);
    const reloaded = loaded(el);
    el.label = 'job';
    el.topN = 2;
    await reloaded;
    expect(el.breakdown.rows.map((r) => r.kind)).to.deep.equal(['value', 'value', 'other']);
    expect(fired).to.equal(0);
  });

  it('leaves no listener, timer, frame or node behind after cycles that load, draw, scroll and focus', async function () {
    this.timeout(120_000);
    const host = document.createElement('div');
    document.body.append(host);
    const template = document.createElement('template');
    template.innerHTML =
      `<parca-source url="${env.parcaUrl}" profile-type="${CPU_TYPE}" from="${FROM}" to="${TO}">` +
      '<parca-breakdown label="job" top-n="3" style="display: block; width: 600px; --parca-breakdown-height: 80px"></parca-breakdown></parca-source>';
    const cycle = async () => {
      const copy = template.content.cloneNode(true) as DocumentFragment;
      const el = copy.querySelector('parca-breakdown')!;
      host.append(copy);
      await loaded(el);
      parts(el, 'open')[0]!.focus();
      part(el, 'list')!.scrollTop = 40;
      part(el, 'list')!.dispatchEvent(new Event('scroll'));
      await el.settled;
      host.replaceChildren();
    };
    try {
      for (let i = 0; i < 3; i++) await cycle();
      const before = await gcHeap();
      const handles = liveHandles();
      const net = await netListeners([document, window], async () => {
        for (let i = 0; i < 30; i++) await cycle();
      });
      const after = await gcHeap();
      expect(Object.fromEntries(net), 'listeners left on document/window').to.deep.equal({});
      const left = handlesSince(handles);
      expect(left.counts, left.stacks.join('\n')).to.deep.equal({});
      expect(after.nodes - before.nodes, 'DOM nodes').to.be.at.most(200);
    } finally {
      host.remove();
    }
  });

  it('is accessible', async () => {
    const { el } = await mount({ label: 'job', topN: 3 });
    await expect(el).to.be.accessible();
  });
});
