import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import '../../define/flamegraph.js';
import { ParcaFrameSelectEvent } from '../../events/frame-select.js';
import { frameName } from '../../model/flamegraph/names.js';
import { searchFlamegraph, stepMatch } from '../../model/flamegraph/search.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { part } from '../../test-support/harness.js';

const env = testEnv();
// Many frames of the seeded fib job's graph are Go runtime frames.
const QUERY = 'runtime';

/** A source over the seeded hour with one flame graph, resolved once its first graph is drawn. */
async function loaded(searchField = true) {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source
      url=${env.parcaUrl}
      profile-type=${CPU_TYPE}
      selector='{job="fib"}'
      from=${new Date(range.startMs).toISOString()}
      to=${new Date(range.endMs).toISOString()}
    >
      <parca-flamegraph style="width: 800px" ?search-field=${searchField}></parca-flamegraph>
    </parca-source>
  `);
  const el = source.querySelector('parca-flamegraph')!;
  if (!el.data) await nextEvent(el, 'parca-load');
  await el.updateComplete;
  await el.drawComplete;
  return { el, model: el.data!.model };
}

function pressInField(el: ParcaFlamegraphElement, shiftKey = false): void {
  part(el, 'search-field')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', shiftKey, bubbles: true, composed: true }));
}

function countEvents(el: ParcaFlamegraphElement): { count: number; selects: number[] } {
  const seen = { count: 0, selects: [] as number[] };
  for (const name of ['parca-load', 'parca-error'] as const) el.addEventListener(name, () => seen.count++);
  el.addEventListener(ParcaFrameSelectEvent.eventName, (event) => {
    seen.count++;
    seen.selects.push(event.frame.row);
  });
  return seen;
}

describe('<parca-flamegraph> search stepping', () => {
  it('shows Next and Previous only while a search matches', async () => {
    const { el } = await loaded();
    expect(part(el, 'search-next')).to.equal(null);
    el.search = QUERY;
    await el.updateComplete;
    expect(part(el, 'search-next')).to.not.equal(null);
    expect(part(el, 'search-previous')).to.not.equal(null);
    el.search = '/^nothing-matches-this$/';
    await el.updateComplete;
    expect(part(el, 'search-next')).to.equal(null, 'nothing to step to');
  });

  it('steps through the matches depth-first, left to right, wrapping, from the buttons and Enter', async () => {
    const { el, model } = await loaded();
    el.search = QUERY;
    await el.updateComplete;
    const order = Array.from(searchFlamegraph(model, QUERY).rows);
    expect(order.length).to.be.greaterThan(2);
    const seen = countEvents(el);
    const n = order.length;

    part(el, 'search-next')!.click();
    await el.updateComplete;
    expect(el.focusedRow).to.equal(order[0]);
    expect(frameName(model, el.focusedRow).toLowerCase()).to.contain(QUERY);
    expect(part(el, 'search-summary')!.textContent).to.contain(`1 of ${n} matching frames`);

    pressInField(el);
    await el.updateComplete;
    expect(el.focusedRow).to.equal(order[1]);
    expect(part(el, 'search-summary')!.textContent).to.contain(`2 of ${n} matching`);

    pressInField(el, true);
    part(el, 'search-previous')!.click();
    await el.updateComplete;
    expect(el.focusedRow).to.equal(order[n - 1], 'wraps around to the last match');
    expect(part(el, 'search-summary')!.textContent).to.contain(`${n} of ${n} matching`);

    part(el, 'search-next')!.click();
    await el.updateComplete;
    expect(el.focusedRow).to.equal(order[0], 'wraps around to the first match');
    expect(seen.selects).to.deep.equal([order[0], order[1], order[0], order[n - 1], order[0]], 'each user step selects its frame');
  });

  it('moves on to the next match when the page keeps the view', async () => {
    const { el, model } = await loaded();
    el.search = QUERY;
    await el.updateComplete;
    const order = Array.from(searchFlamegraph(model, QUERY).rows);
    el.addEventListener(ParcaFrameSelectEvent.eventName, (event) => event.preventDefault());
    part(el, 'search-next')!.click();
    part(el, 'search-next')!.click();
    await el.updateComplete;
    expect(el.focusedRow).to.equal(0);
    expect(part(el, 'search-summary')!.textContent).to.contain(`2 of ${order.length} matching`);
  });

  it('steps from code with stepSearch(), firing nothing', async () => {
    const { el, model } = await loaded(false);
    const seen = countEvents(el);
    el.search = QUERY;
    await el.updateComplete;
    const first = el.stepSearch(1);
    await el.updateComplete;
    const order = Array.from(searchFlamegraph(model, QUERY).rows);
    expect(first).to.equal(order[0]);
    expect(el.focusedRow).to.equal(order[0]);
    expect(el.stepSearch(-1)).to.equal(order[order.length - 1]);
    await el.updateComplete;
    expect(el.focusedRow).to.equal(order[order.length - 1]);
    expect(part(el, 'search-summary')!.textContent).to.contain(`${order.length} of ${order.length} matching`);
    el.search = '';
    await el.updateComplete;
    expect(el.stepSearch(1)).to.equal(-1, 'nothing to step to without a search');
    expect(seen.count).to.equal(0);
  });

  it('starts stepping again from the focused frame after a new search', async () => {
    const { el, model } = await loaded();
    el.search = 'fib';
    await el.updateComplete;
    el.stepSearch(1);
    el.stepSearch(1);
    await el.updateComplete;
    const focused = el.focusedRow;
    expect(frameName(model, focused).toLowerCase()).to.contain('fib');
    el.search = QUERY;
    await el.updateComplete;
    const order = searchFlamegraph(model, QUERY).rows;
    expect(part(el, 'search-summary')!.textContent).to.not.contain(' of ' + order.length, 'no match is current yet');
    expect(el.stepSearch(1)).to.equal(stepMatch(model, order, focused, 1));
  });
});

describe('<parca-flamegraph> accessibility', () => {
  it('is accessible without the search field', async () => {
    const { el } = await loaded(false);
    await expect(el).to.be.accessible();
  });

  it('is accessible with the search field, a search and a focused frame', async () => {
    const { el } = await loaded();
    await expect(el).to.be.accessible();
    el.search = QUERY;
    await el.updateComplete;
    await expect(el).to.be.accessible();
    part(el, 'search-next')!.click();
    await el.updateComplete;
    expect(el.focusedRow).to.be.greaterThan(0);
    expect(part(el, 'breadcrumb')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});
