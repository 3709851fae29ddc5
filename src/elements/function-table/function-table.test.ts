import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { frameName } from '../../model/flamegraph/names.js';
import { exactNameSearch } from '../../model/flamegraph/search.js';
import { sortTable, tableRowName, visibleRows } from '../../model/flamegraph/table.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';
import { LAB_CPU_TYPE, SHRINKING_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { aggregatePprof, pprofReference } from '../../test-support/pprof-reference.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import { part } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFunctionTableElement } from './function-table.js';
import type { ParcaSandwichElement } from '../sandwich/sandwich.js';
import { TABLE_ROW_HEIGHT } from './table-template.js';
import { isoTime } from '../../test-support/elements.js';

const env = testEnv();

/** A function table (and a flame graph beside it, under one source) of a seeded query. */
async function mounted(profileType = CPU_TYPE, selector = '{job="fib"}') {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${profileType} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph search-field trim-threshold="0" style="display: block; width: 900px"></parca-flamegraph>
      <parca-function-table style="display: block; width: 900px"></parca-function-table>
    </parca-source>
  `);
  const el = source.querySelector('parca-function-table')!;
  const graph = source.querySelector('parca-flamegraph')!;
  while (!el.functionTable) await nextEvent(el, 'parca-load');
  await Promise.all([el.settled, graph.settled]);
  return Object.assign(el, { graph });
}

/** The element's table per function name. */
function tableByName(el: ParcaFunctionTableElement): Map<string, { flat: number; cumulative: number }> {
  const { table } = el.functionTable!;
  const byName = new Map<string, { flat: number; cumulative: number }>();
  for (let row = 0; row < table.size; row++) byName.set(tableRowName(table, row), { flat: table.flat[row]!, cumulative: table.cumulative[row]! });
  return byName;
}

const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.table-row')];
const nameOf = (row: HTMLElement) => row.querySelector('.name span[title]')!.textContent.trim();

describe('function table', () => {
  for (const [what, profileType, selector] of [
    ['the seeded Go profile (math/big recurses)', CPU_TYPE, '{job="fib"}'],
    ['a profile recursing directly, through another function and with an inlined frame', LAB_CPU_TYPE, '{job="recursive"}'],
    ['a delta heap profile with negative values', SHRINKING_TYPE, '{job="shrinking"}'],
    ['frames without binaries or symbols, kernel frames, huge and tiny values', LAB_CPU_TYPE, '{job="bare"}'],
  ] as const) {
    it(`shows every function as go tool pprof counts it: ${what}`, async () => {
      const el = await mounted(profileType, selector);
      const range = seededRange();
      const reference = await pprofReference(createConnection({ url: env.parcaUrl }), `${profileType}${selector}`, range.startMs, range.endMs);
      const shown = tableByName(el);
      expect([...shown.keys()].sort()).to.deep.equal(
        [...reference.functions.keys()].map((name) => (name.startsWith('0x') ? ([...shown.keys()].find((k) => k.endsWith(name)) ?? name) : name)).sort(),
      );
      for (const [name, totals] of reference.functions) {
        const key = name.startsWith('0x') ? [...shown.keys()].find((k) => k.endsWith(name))! : name;
        expect(shown.get(key), name).to.deep.equal(totals);
        // Without negative values, no function holds more than every sample: recursion is counted once.
        const negative = [...reference.functions.values()].some((f) => f.flat < 0);
        if (!negative) expect(shown.get(key)!.cumulative, `${name} at most the total`).to.be.at.most(reference.total);
      }
      expect(el.functionTable!.total).to.equal(reference.total);
    });
  }

  it('sorts by any column, ties in their first order, and windows the rows of a scroll position', async () => {
    const { table } = (await mounted()).functionTable!;
    const byFlat = sortTable(table, 'flat', true);
    for (let i = 1; i < byFlat.length; i++) expect(table.flat[byFlat[i - 1]!]!).to.be.at.least(table.flat[byFlat[i]!]!);
    const byCumulativeUp = sortTable(table, 'cumulative', false);
    for (let i = 1; i < byCumulativeUp.length; i++) expect(table.cumulative[byCumulativeUp[i - 1]!]!).to.be.at.most(table.cumulative[byCumulativeUp[i]!]!);
    // Names A→Z, case aside, numbers within names by value (function9 before function10).
    const byName = [...sortTable(table, 'name', false)].map((row) => tableRowName(table, row));
    const natural = (name: string) => name.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(20, '0'));
    for (let i = 1; i < byName.length; i++) expect(natural(byName[i - 1]!) <= natural(byName[i]!), `${byName[i - 1]} before ${byName[i]}`).to.equal(true);
    // The other way round is the reverse, ties in their first order.
    const byNameDown = [...sortTable(table, 'name', true)].map((row) => tableRowName(table, row));
    for (let i = 1; i < byNameDown.length; i++) expect(natural(byNameDown[i - 1]!) >= natural(byNameDown[i]!)).to.equal(true);
    const byFlatUp = sortTable(table, 'flat', false);
    for (let i = 1; i < byFlatUp.length; i++) {
      const [a, b] = [byFlatUp[i - 1]!, byFlatUp[i]!];
      expect(table.flat[a]! < table.flat[b]! || (table.flat[a] === table.flat[b] && a < b), 'ascending, ties by row').to.equal(true);
    }
    expect(visibleRows(0, 240, 24, 1000)).to.deep.equal([0, 18]);
    expect(visibleRows(24 * 500, 240, 24, 1000)).to.deep.equal([492, 518]);
    expect(visibleRows(24 * 995, 240, 24, 1000)).to.deep.equal([987, 1000]);
  });

  it('shows only the lines in view, sorts on a header, and a pick highlights the function in the graph beside it', async () => {
    const el = await mounted();
    const graph = el.graph;
    const result = el.functionTable!;
    const body = part(el, 'table-body')!;
    expect(rows(el).length, 'a window of rows, not all of them').to.be.within(1, result.table.size - 1);
    // The header sits above the first row, not over it.
    const header = part(el, 'table-header')!.getBoundingClientRect();
    expect(rows(el)[0]!.getBoundingClientRect().top).to.be.at.least(header.bottom - 0.5);
    expect(part(el, 'table')!.getAttribute('aria-rowcount')).to.equal(String(result.table.size + 1));

    // Flat, largest first, by default: the first row holds the largest flat value.
    const flatOrder = sortTable(result.table, 'flat', true);
    expect(nameOf(rows(el)[0]!)).to.equal(tableRowName(result.table, flatOrder[0]!));
    expect(result.table.flat[flatOrder[0]!]).to.equal(Math.max(...result.table.flat));

    // Scrolled to the end, the last rows are in the DOM.
    body.scrollTop = body.scrollHeight;
    body.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const indexes = rows(el).map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(Math.max(...indexes)).to.equal(result.table.size + 1);
    expect(rows(el)[0]!.offsetHeight).to.equal(TABLE_ROW_HEIGHT);

    // Sorting by cumulative, then reversing it.
    const cumulative = [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="columnheader"]')].find((h) => h.textContent.includes('Cumulative'))!;
    cumulative.querySelector('button')!.click();
    await el.updateComplete;
    expect(cumulative.getAttribute('aria-sort')).to.equal('descending');
    cumulative.querySelector('button')!.click();
    await el.updateComplete;
    expect(cumulative.getAttribute('aria-sort')).to.equal('ascending');

    // Picking a function: the table reports it, and the graph beside it highlights exactly its frames.
    body.scrollTop = 0;
    body.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const first = rows(el)[0]!;
    const name = nameOf(first);
    const changed = nextEvent(el, 'parca-view-change');
    first.click();
    expect((await changed).view.search).to.equal(exactNameSearch(name));
    await el.updateComplete;
    await graph.updateComplete;
    expect(rows(el)[0]!.getAttribute('aria-selected')).to.equal('true');
    expect(graph.search).to.equal(exactNameSearch(name));
    const summary = part(graph, 'search-summary')!.textContent;
    const frames = [...Array(graph.data!.model.size).keys()].filter((row) => frameName(graph.data!.model, row).toLowerCase() === name.toLowerCase()).length;
    expect(frames).to.be.greaterThan(0);
    expect(summary).to.contain(`${frames} matching frame`);
    expect(part(graph, 'selection')!.textContent).to.contain(name);
  });

  it('shows the direct callers and callees of a function, as the sandwich of the same samples says', async () => {
    const el = await mounted();
    const table = el.functionTable!.table;
    const row = [...Array(table.size).keys()].find((r) => tableRowName(table, r) === 'math/big.nat.add')!;
    const line = el.lines.findIndex((l) => l.kind === 'function' && l.row === row);
    part(el, 'table-body')!.scrollTop = line * TABLE_ROW_HEIGHT;
    part(el, 'table-body')!.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const shown = rows(el).find((r) => nameOf(r) === 'math/big.nat.add')!;
    shown.querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    expect(shown.querySelector('.toggle')!.getAttribute('aria-expanded')).to.equal('true');
    const lines = el.lines.filter((l) => l.row === row && l.kind !== 'function');
    const callers = lines.filter((l) => l.kind === 'caller').map((l) => ('neighbour' in l ? l.neighbour : undefined)!);
    const callees = lines.filter((l) => l.kind === 'callee').map((l) => ('neighbour' in l ? l.neighbour : undefined)!);
    // Against the callers and callees graphs of the sandwich: the function's children there.
    const graph = el.graph;
    graph.sandwich = 'math/big.nat.add';
    await graph.updateComplete;
    await graph.settled;
    const sandwich = part<ParcaSandwichElement>(graph, 'sandwich')!;
    while (!sandwich.callers) await nextEvent(sandwich, 'parca-load');
    for (const [side, shownList] of [
      ['callers', callers],
      ['callees', callees],
    ] as const) {
      const model = sandwich[side]!.model;
      const expected = new Map<string, number>();
      const own = model.childIndex[model.childStart[0]!]!;
      for (let i = model.childStart[own]!; i < model.childStart[own + 1]!; i++) {
        const child = model.childIndex[i]!;
        expected.set(frameName(model, child), (expected.get(frameName(model, child)) ?? 0) + model.cumulative[child]!);
      }
      expect(new Map(shownList.map((n) => [n.name, n.value])), side).to.deep.equal(expected);
      expect(shownList.length, side).to.be.greaterThan(0);
    }
    // The lines under it say which is which.
    const texts = rows(el).map((r) => r.textContent.replace(/\s+/g, ' ').trim());
    expect(texts.some((t) => t.startsWith('Called by'))).to.equal(true);
    expect(texts.some((t) => t.startsWith('Calls'))).to.equal(true);
  });

  it('is used by keyboard alone: move, open, pick, close, and copy a line', async () => {
    const el = await mounted();
    part(el, 'table')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    const active = () => el.shadowRoot!.querySelector<HTMLElement>('.table-row[data-active]')!;
    expect(active().getAttribute('aria-rowindex')).to.equal('3');
    expect(part(el, 'table')!.getAttribute('aria-activedescendant')).to.equal(active().id);
    const name = nameOf(active());
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(active().querySelector('.toggle')!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(active().textContent).to.contain('Called by');
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(nameOf(active())).to.equal(name);
    await sendKeys({ press: 'ArrowLeft' });
    await el.updateComplete;
    expect(active().querySelector('.toggle')!.getAttribute('aria-expanded')).to.equal('false');
    const changed = nextEvent(el, 'parca-view-change');
    await sendKeys({ press: 'Enter' });
    expect((await changed).view.search).to.equal(exactNameSearch(name));
    await sendKeys({ press: 'End' });
    await el.updateComplete;
    expect(active().getAttribute('aria-rowindex')).to.equal(String(el.lines.length + 1));
    // Copying puts the line's text on the clipboard, or says why not: either way the element answers.
    await sendKeys({ press: 'Home' });
    await el.updateComplete;
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'KeyC' });
    await sendKeys({ up: 'Control' });
    await el.settled;
    const said = el.shadowRoot!.querySelector('[role="status"]')!.textContent + (part(el, 'error')?.textContent ?? '');
    expect(said).to.match(/Copied|did not allow copying; the line is/);
  });

  it('a search shared with the graph keeps the matching functions; the column picker shows file and binary', async () => {
    const el = await mounted();
    const graph = el.graph;
    const field = part<HTMLInputElement>(graph, 'search-field')!;
    field.value = 'karatsuba';
    field.dispatchEvent(new Event('input'));
    await graph.updateComplete;
    await el.updateComplete;
    expect(el.search).to.equal('karatsuba');
    const names = rows(el).map(nameOf);
    expect(names.length).to.be.greaterThan(0);
    for (const name of names) expect(name.toLowerCase()).to.contain('karatsuba');
    expect(part(el, 'summary')!.textContent).to.match(/^\d+ of \d+ functions match/);
    // Columns: file and binary on.
    const picker = part(el, 'columns')!;
    for (const label of ['File', 'Binary']) {
      const box = [...picker.querySelectorAll('label')].find((l) => l.textContent.includes(label))!.querySelector('input')!;
      box.click();
      await el.updateComplete;
    }
    expect(el.shownColumns).to.deep.equal(['flat', 'cumulative', 'file', 'binary']);
    expect(part(el, 'error')).to.equal(null);
    const headers = [...el.shadowRoot!.querySelectorAll('[role="columnheader"]')].map((h) => h.textContent.replace('▼', '').trim());
    expect(headers).to.deep.equal(['Function', 'Flat', 'Cumulative', 'File', 'Binary']);
    const table = el.functionTable!.table;
    const row = [...Array(table.size).keys()].find((r) => tableRowName(table, r) === names[0])!;
    const cells = [...rows(el)[0]!.querySelectorAll('[role="gridcell"]')].map((c) => c.textContent.trim());
    expect(cells[3]).to.equal(table.functionFileName.value(row));
  });

  it('shows a saved pprof file with no server, every function as go tool pprof counts it', async () => {
    const bytes = new Uint8Array(await (await fetch('/scripts/parca/fixtures/pprof/cpu-fib.pb.gz')).arrayBuffer());
    const reference = await aggregatePprof(bytes);
    const el = await fixture<ParcaFunctionTableElement>(html`<parca-function-table .pprof=${bytes}></parca-function-table>`);
    while (!el.functionTable) await nextEvent(el, 'parca-load');
    await el.updateComplete;
    expect(part(el, 'status')).to.equal(null);
    const shown = tableByName(el);
    expect(shown.size).to.equal(reference.functions.size);
    for (const [name, totals] of reference.functions) expect(shown.get(name), name).to.deep.equal(totals);
    expect(el.functionTable.total).to.equal(reference.total);
    // Not a pprof file: said in the element and an event; the last good table stays.
    const failed = nextEvent(el, 'parca-error');
    el.pprof = new Uint8Array([1, 2, 3, 4, 5]);
    expect((await failed).error.kind).to.equal('decode');
    await el.updateComplete;
    expect(part(el, 'error')!.textContent).to.contain('could not be read');
    expect(el.functionTable.total).to.equal(reference.total);
  });

  it('says which words of columns name no column, and shows the others', async () => {
    const el = await fixture<ParcaFunctionTableElement>(html`<parca-function-table columns="flat, size, file"></parca-function-table>`);
    expect(el.shownColumns).to.deep.equal(['flat', 'file']);
    expect(part(el, 'error')!.textContent).to.contain('No column is called "size"');
  });

  it('works alone from its own connection and query, and is accessible (axe) with callers and callees open', async () => {
    const range = seededRange();
    const el = await fixture<ParcaFunctionTableElement>(html`<parca-function-table style="display: block; width: 800px"></parca-function-table>`);
    el.connection = createConnection({ url: env.parcaUrl });
    el.query = createQueryState({ profileType: CPU_TYPE, selector: '{job="fib"}', range: absoluteRange(range.startMs, range.endMs) });
    while (!el.functionTable) await nextEvent(el, 'parca-load');
    await el.updateComplete;
    expect(el.functionTable.table.size).to.be.greaterThan(5);
    rows(el)[0]!.querySelector<HTMLButtonElement>('.toggle')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });
});
