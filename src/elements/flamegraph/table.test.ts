import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { frameName } from '../../model/flamegraph/names.js';
import { exactNameSearch } from '../../model/flamegraph/search.js';
import { sortTable, tableRowName, visibleRows } from '../../model/flamegraph/table.js';
import { LAB_CPU_TYPE, SHRINKING_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { pprofReference } from '../../test-support/pprof-reference.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { TABLE_ROW_HEIGHT } from './function-table.js';
import { isoTime } from '../../test-support/elements.js';

const env = testEnv();

async function mounted(profileType = CPU_TYPE, selector = '{job="fib"}') {
  const range = seededRange();
  const el = document.createElement('parca-flamegraph');
  Object.assign(el, { trimThreshold: 0, table: true, searchField: true });
  el.style.width = '900px';
  await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${profileType} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>${el}</parca-source>
  `);
  while (!el.functionTable || !el.data) await nextEvent(el, 'parca-load');
  await el.updateComplete;
  return el;
}

/** The element's table per function name. */
function tableByName(el: ParcaFlamegraphElement): Map<string, { flat: number; cumulative: number }> {
  const { table } = el.functionTable!;
  const byName = new Map<string, { flat: number; cumulative: number }>();
  for (let row = 0; row < table.size; row++) byName.set(tableRowName(table, row), { flat: table.flat[row]!, cumulative: table.cumulative[row]! });
  return byName;
}

function shadow(el: ParcaFlamegraphElement): ShadowRoot {
  return el.shadowRoot!;
}

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
    const byName = [...sortTable(table, 'name', false)].map((row) => tableRowName(table, row));
    expect(byName).to.deep.equal([...byName].sort((a, b) => new Intl.Collator(undefined, { numeric: true }).compare(a, b)));
    expect(visibleRows(0, 240, 24, 1000)).to.deep.equal([0, 18]);
    expect(visibleRows(24 * 500, 240, 24, 1000)).to.deep.equal([492, 518]);
    expect(visibleRows(24 * 995, 240, 24, 1000)).to.deep.equal([987, 1000]);
  });

  it('shows the table under the graph with only the rows in view, sorts on a header, and highlights a picked function', async () => {
    const el = await mounted();
    const result = el.functionTable!;
    const body = shadow(el).querySelector<HTMLElement>('[part~="table-body"]')!;
    const rows = () => [...shadow(el).querySelectorAll<HTMLElement>('.table-row')];
    expect(rows().length, 'a window of rows, not all of them').to.be.within(1, result.table.size - 1);
    // The header sits above the first row, not over it.
    const header = shadow(el).querySelector<HTMLElement>('[part~="table-header"]')!.getBoundingClientRect();
    expect(rows()[0]!.getBoundingClientRect().top).to.be.at.least(header.bottom - 0.5);
    expect(shadow(el).querySelector('[part~="table"]')!.getAttribute('aria-rowcount')).to.equal(String(result.table.size + 1));

    // Flat, largest first, by default: the first row holds the largest flat value.
    const maxFlat = Math.max(...result.table.flat);
    const firstName = rows()[0]!.querySelector('button')!.textContent!.trim();
    const flatOrder = sortTable(result.table, 'flat', true);
    expect(firstName).to.equal(tableRowName(result.table, flatOrder[0]!));
    expect(result.table.flat[flatOrder[0]!]).to.equal(maxFlat);

    // Scrolled to the end, the last rows are in the DOM.
    body.scrollTop = body.scrollHeight;
    body.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const indexes = rows().map((row) => Number(row.getAttribute('aria-rowindex')));
    expect(Math.max(...indexes)).to.equal(result.table.size + 1);
    expect(rows()[0]!.offsetHeight).to.equal(TABLE_ROW_HEIGHT);

    // Sorting by cumulative, then reversing it.
    const headers = [...shadow(el).querySelectorAll<HTMLElement>('[role="columnheader"]')];
    const cumulative = headers.find((h) => h.textContent!.includes('Cumulative'))!;
    cumulative.querySelector('button')!.click();
    await el.updateComplete;
    expect(cumulative.getAttribute('aria-sort')).to.equal('descending');
    cumulative.querySelector('button')!.click();
    await el.updateComplete;
    expect(cumulative.getAttribute('aria-sort')).to.equal('ascending');

    // Picking a function searches for exactly it: the graph highlights its frames.
    body.scrollTop = 0;
    body.dispatchEvent(new Event('scroll'));
    await el.updateComplete;
    const pick = rows()[0]!.querySelector('button')!;
    const name = pick.textContent!.trim();
    const changed = nextEvent(el, 'parca-view-change');
    pick.click();
    expect((await changed).view.search).to.equal(exactNameSearch(name));
    await el.updateComplete;
    expect(rows()[0]!.getAttribute('aria-current')).to.equal('true');
    const summary = shadow(el).querySelector('[part~="search-summary"]')!.textContent!;
    const frames = [...Array(el.data!.model.size).keys()].filter((row) => frameName(el.data!.model, row).toLowerCase() === name.toLowerCase()).length;
    expect(frames).to.be.greaterThan(0);
    expect(summary).to.contain(`${frames} matching frame`);
  });

  it('is switched on and off by its control, and asks Parca for nothing while off', async () => {
    const el = await mounted();
    el.controls = true;
    await el.updateComplete;
    const toggle = shadow(el).querySelector<HTMLInputElement>('[part~="table-toggle"] input')!;
    expect(toggle.checked).to.equal(true);
    toggle.click();
    await el.updateComplete;
    expect(el.table).to.equal(false);
    expect(shadow(el).querySelector('[part~="table"]')).to.equal(null);
    expect(el.functionTable).to.equal(undefined);
    toggle.click();
    await el.updateComplete;
    while (!el.functionTable) await nextEvent(el, 'parca-load');
    await el.updateComplete;
    expect(shadow(el).querySelector('[part~="table"]')).to.exist;
  });

  it('is accessible (axe) with the table and controls shown, and in the sandwich view', async () => {
    const el = await mounted();
    el.controls = true;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const first = shadow(el).querySelector<HTMLButtonElement>('.table-row button')!;
    first.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    el.sandwich = first.textContent!.trim();
    await el.updateComplete;
    const callees = shadow(el).querySelector<ParcaFlamegraphElement>('[part~="sandwich-callees"]')!;
    while (!callees.data) await nextEvent(callees, 'parca-load');
    await expect(el).to.be.accessible();
  });
});
