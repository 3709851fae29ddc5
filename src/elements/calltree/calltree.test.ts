import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../define.js';
import { createConnection } from '../../client/connection.js';
import { hottestPath } from '../../model/flamegraph/calltree.js';
import { frameName } from '../../model/flamegraph/names.js';
import { exactNameSearch } from '../../model/flamegraph/search.js';
import { tableRowName } from '../../model/flamegraph/table.js';
import { focusPathOf, rowOfFocusPath } from '../../model/flamegraph/view-state.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { nextEvent } from '../../test-support/events.js';
import { part } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaCalltreeElement } from './calltree.js';
import type { ParcaFlamegraphElement } from '../flamegraph/flamegraph.js';
import { valueText } from './tree-template.js';

const env = testEnv();

/** A source with a flame graph, a call tree and a function table of the seeded Go profile. */
async function views(attributes = '') {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph search-field controls trim-threshold="0" style="display: block; width: 900px"></parca-flamegraph>
      <parca-calltree style="display: block; width: 900px"></parca-calltree>
      <parca-function-table style="display: block; width: 900px"></parca-function-table>
    </parca-source>
  `);
  const graph = source.querySelector('parca-flamegraph')!;
  if (attributes === 'invert') {
    // A user's change is what the other views of the source follow.
    await graph.updateComplete;
    part<HTMLInputElement>(graph, 'invert')!.querySelector('input')!.click();
  }
  const tree = source.querySelector('parca-calltree')!;
  const table = source.querySelector('parca-function-table')!;
  while (!tree.data || !graph.data || !table.functionTable || tree.invert !== graph.invert || tree.data !== graph.data) await nextEvent(source, 'parca-load');
  await Promise.all([graph.settled, tree.settled, table.settled]);
  return { source, graph, tree, table };
}

const lines = (tree: HTMLElement) => [...tree.shadowRoot!.querySelectorAll<HTMLElement>('.tree-row')];
const active = (tree: HTMLElement) => tree.shadowRoot!.querySelector<HTMLElement>('.tree-row[data-active]');

describe('<parca-calltree>', function () {
  this.timeout(60_000);

  it('reads the flame graph beside it (no second request or decode), its values equal to the graph of its own request', async () => {
    const { tree, graph } = await views();
    expect(tree.data, 'the same decoded answer').to.equal(graph.data);
    // A tree alone asks itself, untrimmed; every line it opens has the value of the graph's frame on that path.
    const range = seededRange();
    const alone = await fixture<ParcaCalltreeElement>(html`<parca-calltree trim-threshold="0" style="display: block; width: 800px"></parca-calltree>`);
    alone.connection = createConnection({ url: env.parcaUrl });
    alone.query = createQueryState({ profileType: CPU_TYPE, selector: '{job="fib"}', range: absoluteRange(range.startMs, range.endMs) });
    while (!alone.data) await nextEvent(alone, 'parca-load');
    await alone.updateComplete;
    const model = alone.data.model;
    // Open every line down to depth 6, and the hottest path to its end.
    for (let depth = 1; depth < 6; depth++) for (const row of alone.visibleRows) if (model.depth[row] === depth) alone.toggle(row);
    alone.openHottestPath(0);
    await alone.updateComplete;
    const shown = alone.visibleRows;
    expect(shown.length).to.be.greaterThan(10);
    expect(shown).to.include(hottestPath(model, 0).at(-1));
    const graphModel = graph.data!.model;
    for (const row of shown) {
      const there = rowOfFocusPath(graphModel, focusPathOf(model, row));
      expect(focusPathOf(graphModel, there), focusPathOf(model, row).join(' > ')).to.deep.equal(focusPathOf(model, row));
      expect(graphModel.cumulative[there], frameName(model, row)).to.equal(model.cumulative[row]);
      expect(graphModel.flat[there], frameName(model, row)).to.equal(model.flat[row]);
    }
    // What a line says is its value and share.
    const first = lines(alone).find((line) => line.getAttribute('aria-level') === '2')!;
    const row = shown[Number(first.id.slice('line-'.length))]!;
    expect(first.textContent).to.contain(valueText(model.cumulative[row]!, alone.data.unit, alone.data.total));
  });

  it('bottom-up (invert, shared with the graph): the functions at its top hold their flat values, as the function table says', async () => {
    const { tree, table } = await views('invert');
    expect(tree.invert).to.equal(true);
    const model = tree.data!.model;
    // A running line inlined into its caller is a child of the caller's line (marked inlined) at the top of the
    // tree: what the function itself ran is its line's value less its inlined children's, as pprof counts flat.
    const tops = new Map<string, number>();
    const add = (row: number) => {
      let own = model.cumulative[row]!;
      for (let i = model.childStart[row]!; i < model.childStart[row + 1]!; i++) {
        const child = model.childIndex[i]!;
        if (!model.inlined[child]) continue;
        own -= model.cumulative[child]!;
        add(child);
      }
      if (own !== 0) tops.set(frameName(model, row), (tops.get(frameName(model, row)) ?? 0) + own);
    };
    for (let i = model.childStart[0]!; i < model.childStart[1]!; i++) add(model.childIndex[i]!);
    const { table: functions } = table.functionTable!;
    const flat = new Map<string, number>();
    for (let row = 0; row < functions.size; row++) if (functions.flat[row] !== 0) flat.set(tableRowName(functions, row), functions.flat[row]!);
    const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    expect(sorted(tops)).to.deep.equal(sorted(flat));
  });

  it('a pick in any view selects the same function in all the others', async () => {
    const { graph, tree, table } = await views();
    const name = 'math/big.karatsuba';
    // From the table: the graph highlights it, the tree reveals its widest path.
    table.pick(name);
    await Promise.all([graph.updateComplete, tree.updateComplete, table.updateComplete]);
    expect(graph.search).to.equal(exactNameSearch(name));
    expect(part(graph, 'selection')!.textContent).to.contain(name);
    expect(frameName(tree.data!.model, tree.activeRow)).to.equal(name);
    expect(active(tree)!.getAttribute('aria-selected')).to.equal('true');
    // From the tree: Enter on another line picks it for the graph and the table.
    const other = tree.visibleRows.find((row) => row > 0 && frameName(tree.data!.model, row) !== name && tree.data!.model.functionName.value(row))!;
    part(tree, 'tree')!.focus();
    await sendKeys({ press: 'Home' });
    while (tree.activeRow !== other) await sendKeys({ press: 'ArrowDown' });
    const picked = frameName(tree.data!.model, other);
    await sendKeys({ press: 'Enter' });
    await Promise.all([graph.updateComplete, tree.updateComplete, table.updateComplete]);
    expect(graph.search).to.equal(exactNameSearch(picked));
    expect(table.search).to.equal(exactNameSearch(picked));
    expect(table.shadowRoot!.querySelector('.table-row[aria-selected="true"] [title]')!.textContent).to.equal(picked);
    // From the graph's search field: the table keeps the matches, the tree marks none.
    const field = part<HTMLInputElement>(graph, 'search-field')!;
    field.value = 'nat';
    field.dispatchEvent(new Event('input'));
    await Promise.all([graph.updateComplete, tree.updateComplete, table.updateComplete]);
    expect(tree.search).to.equal('nat');
    expect(tree.shadowRoot!.querySelector('.tree-row[aria-selected="true"]')).to.equal(null);
  });

  it('is used by keyboard alone: move, open, go in and out, type to jump, open the hottest path; the live region says value and share', async () => {
    const { tree } = await views();
    const model = tree.data!.model;
    part(tree, 'tree')!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await tree.updateComplete;
    expect(tree.activeRow).to.equal(0);
    expect(part(tree, 'tree')!.getAttribute('aria-activedescendant')).to.equal(active(tree)!.id);
    // The root is open: Right goes to its first (largest) child.
    await sendKeys({ press: 'ArrowRight' });
    await tree.updateComplete;
    const child = tree.activeRow;
    expect(model.parent[child]).to.equal(0);
    // Right opens it, Right again goes in, Left goes back out, Left closes.
    await sendKeys({ press: 'ArrowRight' });
    await tree.updateComplete;
    expect(active(tree)!.getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'ArrowRight' });
    await tree.updateComplete;
    expect(model.parent[tree.activeRow]).to.equal(child);
    await sendKeys({ press: 'ArrowLeft' });
    await tree.updateComplete;
    expect(tree.activeRow).to.equal(child);
    await sendKeys({ press: 'ArrowLeft' });
    await tree.updateComplete;
    expect(active(tree)!.getAttribute('aria-expanded')).to.equal('false');
    const status = tree.shadowRoot!.querySelector('[role="status"]')!.textContent;
    expect(status).to.equal(`${frameName(model, child)}: ${valueText(model.cumulative[child]!, tree.data!.unit, tree.data!.total)} of total`);
    // `*` opens the hottest path below.
    await sendKeys({ press: '*' });
    await tree.updateComplete;
    expect(tree.activeRow).to.equal(hottestPath(model, child).at(-1));
    // Typing jumps to the next line whose name starts with it.
    await sendKeys({ press: 'Home' });
    const target = tree.visibleRows.find((row) => frameName(model, row).startsWith('runtime.'));
    if (target !== undefined) {
      await sendKeys({ type: 'runtime.' });
      await tree.updateComplete;
      expect(frameName(model, tree.activeRow).startsWith('runtime.')).to.equal(true);
    }
  });

  it('shows a saved record with no server, line for line the flame graph of the same record', async () => {
    const [buffer, meta] = await Promise.all([
      fetch('/demo/data/cpu-profile.arrow').then((r) => r.arrayBuffer()),
      fetch('/demo/data/cpu-profile.json').then((r) => r.json() as Promise<{ unit: string; total: string }>),
    ]);
    const record = { bytes: new Uint8Array(buffer), unit: meta.unit, total: BigInt(meta.total) };
    const tree = await fixture<ParcaCalltreeElement>(html`<parca-calltree .record=${record} style="display: block; width: 700px"></parca-calltree>`);
    const graph = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph .record=${record} style="display: block; width: 700px"></parca-flamegraph>`);
    await Promise.all([tree.settled, graph.settled]);
    expect(part(tree, 'status')).to.equal(null);
    tree.openHottestPath(0);
    await tree.updateComplete;
    const model = tree.data!.model;
    for (const row of tree.visibleRows) {
      const there = rowOfFocusPath(graph.data!.model, focusPathOf(model, row));
      expect(graph.data!.model.cumulative[there], frameName(model, row)).to.equal(model.cumulative[row]);
    }
    expect(lines(tree)[0]!.textContent).to.contain(valueText(model.cumulative[0]!, meta.unit, Number(meta.total)));
  });

  it('is accessible (axe) with lines open, and says so when there is no profile type', async () => {
    const { tree } = await views();
    tree.openHottestPath(0);
    await tree.updateComplete;
    await expect(tree).to.be.accessible();
    const empty = await fixture<ParcaCalltreeElement>(html`<parca-calltree></parca-calltree>`);
    expect(part(empty, 'status')!.textContent).to.contain('Choose a profile type');
  });
});
