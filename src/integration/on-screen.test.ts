// What is on screen says what it shows: the point picked on the chart is marked there, named over the flame
// graph and kept in the link; a function has one number wherever it appears; a table pick is the selection
// every action uses; the range in effect is always shown and current; controls say what they did.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaQueryEditorElement } from '../elements/query-editor/query-editor.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { TABLE_ROW_HEIGHT } from '../elements/function-table/table-template.js';
import type { ParcaFunctionTableElement } from '../elements/function-table/function-table.js';
import type { ParcaSandwichElement } from '../elements/sandwich/sandwich.js';
import { ParcaQuerySubmitEvent } from '../events/query-submit.js';
import { frameName } from '../model/flamegraph/names.js';
import { sortTable } from '../model/flamegraph/table.js';
import { formatTimestamp, formatWindow } from '../model/metrics/time-format.js';
import { formatPercent } from '../model/units.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { FakeClock } from '../test-support/fake-clock.js';
import { aggregatePprof } from '../test-support/pprof-reference.js';
import { clickFrame, part } from '../test-support/harness.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const PREFIX = 'screen';

async function explorer(attributes: { table?: boolean } = {}) {
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source id="screen" sync-url=${PREFIX} url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}'
      from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
      <parca-metrics style="display: block; width: 800px"></parca-metrics>
      <parca-flamegraph search-field controls style="display: block; width: 900px"></parca-flamegraph>
      ${attributes.table ? html`<parca-function-table style="display: block; width: 900px"></parca-function-table>` : ''}
    </parca-source>`);
  const metrics = source.querySelector('parca-metrics') as ParcaMetricsElement;
  const graph = source.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
  const table = source.querySelector('parca-function-table') as ParcaFunctionTableElement;
  while (!metrics.data) await nextEvent(metrics, 'parca-load');
  await Promise.all([metrics.settled, graph.settled, table?.settled]);
  await Promise.all([metrics.updateComplete, graph.updateComplete]);
  return { source, metrics, graph, table };
}

describe('what is on screen says what it shows', function () {
  this.timeout(60_000);

  afterEach(() => history.replaceState(null, '', location.pathname));

  it('a point picked on the chart is marked there, named over the flame graph with a way back, and kept in the link', async () => {
    const { source, metrics, graph } = await explorer();
    const whole = graph.data!.total;
    part(metrics, 'chart')!.focus();
    await sendKeys({ press: 'ArrowRight' });
    const loaded = nextEvent(graph, 'parca-load');
    await sendKeys({ press: 'Enter' });
    await loaded;
    await Promise.all([graph.updateComplete, metrics.updateComplete]);
    const point = source.query.point!;
    expect(point).to.not.equal(undefined);
    expect(graph.data!.total).to.be.below(whole);

    // The chart marks the point's bucket where its time is.
    const band = part(metrics, 'picked')!;
    expect(band.hidden).to.equal(false);
    const over = metrics.plot!.over;
    const x = metrics.plot!.xOf(point.timestampMs) + over.offsetLeft;
    expect(Math.abs(band.offsetLeft - x)).to.be.below(2);
    // The graph says which profile it shows.
    const label = part(graph, 'point')!.textContent.replace(/\s+/g, ' ');
    expect(label).to.contain(formatTimestamp(point.timestampMs));
    for (const [name, value] of Object.entries(point.labels!)) expect(label).to.contain(`${name}=${value}`);
    // The link opens the same profile.
    const link = new URLSearchParams(location.search);
    expect(link.get(`${PREFIX}.point`)).to.equal(String(point.timestampMs));
    const copy = await fixture<ParcaSourceElement>(html`<parca-source sync-url=${PREFIX} url=${env.parcaUrl}></parca-source>`);
    expect(copy.query.point).to.deep.include({ timestampMs: point.timestampMs, durationMs: point.durationMs, selector: point.selector });

    // Back to the whole range.
    const back = nextEvent(graph, 'parca-load');
    part<HTMLButtonElement>(graph, 'point-clear')!.click();
    await back;
    await Promise.all([graph.updateComplete, metrics.updateComplete]);
    expect(source.query.point).to.equal(undefined);
    expect(graph.data!.total).to.equal(whole);
    expect(part(graph, 'point')).to.equal(null);
    expect(part(metrics, 'picked')!.hidden).to.equal(true);
    expect(new URLSearchParams(location.search).has(`${PREFIX}.point`)).to.equal(false);
  });

  it('a table pick is the selection every action uses, and the function has one number in the table, the search summary and the export', async () => {
    const { graph, table: tableElement } = await explorer({ table: true });
    const model = graph.data!.model;
    const rowOf = (name: string) => [...Array(model.size).keys()].find((row) => frameName(model, row) === name && graph.frameRect(row))!;
    // A frame is selected first...
    clickFrame(graph, rowOf('math/big.nat.add'));
    await graph.updateComplete;
    expect(part(graph, 'selection')!.textContent).to.contain('math/big.nat.add');
    // ...then a row of the table is picked: it becomes the selection.
    const picked = 'math/big.karatsuba';
    const table = tableElement.functionTable!;
    const tableRow = [...Array(table.table.size).keys()].find((row) => table.table.functionName.value(row) === picked)!;
    const cumulative = table.table.cumulative[tableRow]!;
    // Scrolled to its row (only rows in view are in the DOM), as a user would.
    const body = part(tableElement, 'table-body')!;
    body.scrollTop = [...sortTable(table.table, 'flat', true)].indexOf(tableRow) * TABLE_ROW_HEIGHT;
    body.dispatchEvent(new Event('scroll'));
    await tableElement.updateComplete;
    const line = [...tableElement.shadowRoot!.querySelectorAll<HTMLElement>('.table-row')].find((r) => r.querySelector('[title]')!.textContent.trim() === picked);
    expect(line, 'the row is in view').to.exist;
    line!.click();
    await tableElement.updateComplete;
    await graph.updateComplete;
    expect(part(graph, 'selection')!.textContent).to.contain(picked);
    expect(part(graph, 'search-summary')!.textContent).to.contain(formatPercent(cumulative, table.total));
    // The export holds the same number for it.
    const exported = await aggregatePprof(new Uint8Array(await (await graph.exportPprof()).arrayBuffer()));
    expect(exported.functions.get(picked)!.cumulative).to.equal(cumulative);
    // Callers and callees opens the picked function, without the pick's highlight greying both graphs.
    part<HTMLButtonElement>(graph, 'sandwich-button')!.click();
    await graph.updateComplete;
    expect(graph.sandwich).to.equal(picked);
    await graph.settled;
    const sandwich = part<ParcaSandwichElement>(graph, 'sandwich')!;
    while (!sandwich.callers) await nextEvent(sandwich, 'parca-load');
    await sandwich.settled;
    for (const side of ['callers', 'callees'] as const) expect(sandwich[side]!.model.total, side).to.equal(cumulative);
  });

  it('says when grouping by binary changes nothing, marks the sorted column and confirms nothing it did not do', async () => {
    const { graph, table } = await explorer({ table: true });
    const select = part(graph, 'group-by')!.querySelector('select')!;
    select.value = 'binary';
    const grouped = nextEvent(graph, 'parca-load');
    select.dispatchEvent(new Event('change'));
    await grouped;
    await graph.updateComplete;
    const binaries = new Set([...Array(graph.data!.model.size).keys()].map((row) => graph.data!.model.mappingFile.value(row)).filter((b) => b));
    const note = part(graph, 'options')!.querySelector('.group-note');
    if (binaries.size <= 1) expect(note!.textContent).to.contain('changes nothing');
    else expect(note).to.equal(null);
    const header = part(table, 'table-header')!;
    const sorted = () =>
      [...header.querySelectorAll('[role="columnheader"]')].filter((h) => h.querySelector('.sort-mark')).map((h) => h.textContent.replace(/\s+/g, ' ').trim());
    expect(sorted()).to.deep.equal(['Flat ▼']);
    [...header.querySelectorAll('button')].find((b) => b.textContent.includes('Cumulative'))!.click();
    await table.updateComplete;
    expect(sorted()).to.deep.equal(['Cumulative ▼']);
  });

  it('names the frame the arrow keys select in full under the graph, and marks a graph that the query kind hides', async () => {
    const { source, graph } = await explorer();
    part(graph, 'canvas')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await graph.updateComplete;
    const selected = graph.shadowRoot!.querySelector('[part~="selection"]')!.textContent.replace(/\s+/g, ' ');
    const model = graph.data!.model;
    const row = [...Array(model.size).keys()].find((r) => model.depth[r] === 2 && selected.includes(frameName(model, r)));
    expect(row, selected).to.not.equal(undefined);
    // Metrics only: the graph no longer shows a profile of another query.
    const changed = nextEvent(source, 'parca-source-change');
    source.querySelector('parca-metrics')!.dispatchEvent(new ParcaQuerySubmitEvent({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'metrics' }));
    await changed;
    await graph.updateComplete;
    expect(graph.data).to.equal(undefined);
    expect(part(graph, 'status')!.textContent).to.contain('values over time only');
  });

  it('keeps the editor where it is while a selector error comes and goes', async () => {
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE}><parca-query-editor style="display: block; width: 900px"></parca-query-editor></parca-source>`);
    const editor = source.querySelector('parca-query-editor') as ParcaQueryEditorElement;
    await editor.settled;
    await editor.updateComplete;
    const height = editor.getBoundingClientRect().height;
    const input = part<HTMLInputElement>(editor, 'selector-input')!;
    input.focus();
    await sendKeys({ type: '{job=fib' });
    await editor.updateComplete;
    expect(part(editor, 'selector-error')).to.not.equal(null);
    expect(editor.getBoundingClientRect().height).to.equal(height);
  });

  it('says that Copy link copied the link, or why it could not', async () => {
    const { graph } = await explorer();
    const copy = [...part(graph, 'export')!.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Copy link')!;
    copy.click();
    // The browser may allow the clipboard or not: either way the page says what happened.
    for (let i = 0; i < 20 && !graph.shadowRoot!.querySelector('.copied, [part~="error"]'); i++)
      await graph.updateComplete.then(() => new Promise((r) => requestAnimationFrame(r)));
    const said = graph.shadowRoot!.querySelector('.copied, [part~="error"]')!.textContent;
    expect(said).to.satisfy((text: string) => text.includes('Link copied') || text.includes(location.href));
  });

  it('shows the range in effect, named and resolved, and keeps it current as the query is run again', async () => {
    const clock = new FakeClock(Date.now());
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source .clock=${clock} url=${env.parcaUrl} profile-type=${CPU_TYPE} from="now-1h" to="now">
        <parca-query-editor></parca-query-editor>
      </parca-source>`);
    const editor = source.querySelector('parca-query-editor') as ParcaQueryEditorElement;
    await editor.settled;
    await editor.updateComplete;
    const summary = () => part(editor, 'range-summary')!.textContent.replace(/\s+/g, ' ').trim();
    const window = () => formatWindow(source.query.window!.startMs, source.query.window!.endMs);
    expect(summary()).to.equal(`Last hour ${window()}`);
    const before = part<HTMLInputElement>(editor, 'range-to')!.value;
    clock.advance(10 * 60_000);
    editor.submit();
    await editor.settled;
    await editor.updateComplete;
    expect(summary()).to.equal(`Last hour ${window()}`);
    expect(part<HTMLInputElement>(editor, 'range-to')!.value).to.not.equal(before);
  });
});
