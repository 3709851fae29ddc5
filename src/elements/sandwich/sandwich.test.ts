import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from '../flamegraph/flamegraph.js';
import type { ParcaSandwichElement } from './sandwich.js';
import { isoTime, flamegraphSettled } from '../../test-support/elements.js';
import { exactNameSearch } from '../../model/flamegraph/search.js';
import { pprofReference } from '../../test-support/pprof-reference.js';
import { createConnection } from '../../client/connection.js';
import { part } from '../../test-support/harness.js';
import { createQueryState } from '../../model/query-state.js';
import { absoluteRange } from '../../model/time-range.js';

const env = testEnv();
// A function of the seeded fib profile with both callers and callees.
const FUNCTION = 'math/big.(*Int).Add';

async function mounted(sandwich = '') {
  const range = seededRange();
  const el = document.createElement('parca-flamegraph');
  Object.assign(el, { trimThreshold: 0, sandwich });
  el.style.width = '800px';
  const first = sandwich ? undefined : flamegraphSettled(el);
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>${el}</parca-source>
  `);
  await first;
  return { source, el };
}

/** The sandwich a flame graph shows in place of its graph, once its samples have arrived and both graphs are drawn. */
async function shownSandwich(el: ParcaFlamegraphElement): Promise<ParcaSandwichElement> {
  await el.updateComplete;
  await el.settled;
  const sandwich = part<ParcaSandwichElement>(el, 'sandwich')!;
  expect(sandwich, 'the sandwich').to.exist;
  while (!sandwich.callers) await nextEvent(sandwich, 'parca-load');
  await sandwich.settled;
  expect(sandwich.callers && sandwich.callees, 'both graphs have data').to.not.equal(undefined);
  return sandwich;
}

/** A frame of one of the sandwich's graphs as a mouse event's coordinates. */
function pointAt(sandwich: ParcaSandwichElement, side: 'callers' | 'callees', row: number) {
  const rect = sandwich.frameRect(side, row)!;
  const canvas = part(sandwich, side)!.querySelector('canvas')!;
  const bounds = canvas.getBoundingClientRect();
  return {
    canvas,
    at: { clientX: bounds.left + rect.x + rect.width / 2, clientY: bounds.top + rect.y + rect.height / 2, bubbles: true, composed: true, cancelable: true },
  };
}

/** Names of the frames right next to every frame named `name`: its parents (callers) or children (callees). */
function neighbours(model: FlamegraphModel, name: string, side: 'callers' | 'callees'): Set<string> {
  const names = new Set<string>();
  for (let row = 1; row < model.size; row++) {
    if (frameName(model, row) !== name) continue;
    if (side === 'callers') {
      const parent = model.parent[row]!;
      if (parent > 0) names.add(frameName(model, parent));
    } else {
      for (let i = model.childStart[row]!; i < model.childStart[row + 1]!; i++) names.add(frameName(model, model.childIndex[i]!));
    }
  }
  return names;
}

/** Names at depth 2 under the single depth-1 frame (the sandwiched function). */
function secondLevel(model: FlamegraphModel): string[] {
  const names: string[] = [];
  for (let row = 0; row < model.size; row++) if (model.depth[row] === 2) names.push(frameName(model, row));
  return names;
}

describe('<parca-sandwich>', function () {
  this.timeout(60_000);

  it('shows the real callers above and callees below a seeded function, each holding its cumulative value as pprof counts it', async () => {
    const { el: plain } = await mounted();
    const normal = plain.data!.model;
    const { el } = await mounted(FUNCTION);
    const sandwich = await shownSandwich(el);
    const range = seededRange();
    const reference = await pprofReference(createConnection({ url: env.parcaUrl }), `${CPU_TYPE}{job="fib"}`, range.startMs, range.endMs);
    const cumulative = reference.functions.get(FUNCTION)!.cumulative;
    const callers = sandwich.callers!.model;
    const callees = sandwich.callees!.model;
    expect(callers.total).to.equal(cumulative);
    expect(callees.total).to.equal(cumulative);
    for (const model of [callers, callees]) {
      const top = [...Array(model.size).keys()].filter((row) => model.depth[row] === 1);
      expect(
        top.map((row) => frameName(model, row)),
        'the function is the only frame under the root',
      ).to.deep.equal([FUNCTION]);
      expect(model.cumulative[top[0]!]).to.be.greaterThan(0);
    }
    // Callers are drawn root at the bottom, the function above it: the function's frame is below its callers'.
    const fn = callers.childIndex[callers.childStart[0]!]!;
    const caller = callers.childIndex[callers.childStart[fn]!]!;
    expect(sandwich.frameRect('callers', fn)!.y).to.be.greaterThan(sandwich.frameRect('callers', caller)!.y);
    const fnBelow = callees.childIndex[callees.childStart[0]!]!;
    const callee = callees.childIndex[callees.childStart[fnBelow]!]!;
    expect(sandwich.frameRect('callees', fnBelow)!.y).to.be.lessThan(sandwich.frameRect('callees', callee)!.y);
    // Every caller / callee the sandwich shows is a parent / child of the function somewhere in the whole graph.
    const callerNames = secondLevel(callers);
    const calleeNames = secondLevel(callees);
    expect(callerNames).to.include('github.com/polarsignals/pprof-example-app-go/fib.Fibonacci');
    expect(calleeNames.length).to.be.greaterThan(0);
    const realCallers = neighbours(normal, FUNCTION, 'callers');
    const realCallees = neighbours(normal, FUNCTION, 'callees');
    for (const name of callerNames) expect(realCallers.has(name), `${name} calls ${FUNCTION}`).to.equal(true);
    for (const name of calleeNames) expect(realCallees.has(name), `${FUNCTION} calls ${name}`).to.equal(true);
    expect(part(el, 'viewport')!.hidden, 'the whole graph is hidden meanwhile').to.equal(true);
    expect(part(sandwich, 'header')!.textContent).to.contain(FUNCTION);
    // No nested flame graph: the sandwich draws its two graphs itself.
    expect(sandwich.shadowRoot!.querySelector('parca-flamegraph')).to.equal(null);
    expect(sandwich.shadowRoot!.querySelectorAll('canvas').length).to.equal(2);
  });

  it('opens on a right-click on a frame and on the toolbar button, and closes with Escape and Back, telling the page', async () => {
    const { el } = await mounted();
    const model = el.data!.model;
    const row = [...Array(model.size).keys()].find((r) => frameName(model, r) === FUNCTION && el.frameRect(r))!;
    const rect = el.frameRect(row)!;
    const canvas = part<HTMLCanvasElement>(el, 'canvas')!;
    const bounds = canvas.getBoundingClientRect();
    const at = { clientX: bounds.left + rect.x + rect.width / 2, clientY: bounds.top + rect.y + rect.height / 2, bubbles: true, cancelable: true, composed: true };

    const opened = nextEvent(el, 'parca-view-change');
    const menu = new MouseEvent('contextmenu', at);
    canvas.dispatchEvent(menu);
    expect(menu.defaultPrevented, 'the browser menu gives way on a frame').to.equal(true);
    expect((await opened).view.sandwich).to.equal(FUNCTION);
    const sandwich = await shownSandwich(el);

    const closed = nextEvent(el, 'parca-view-change');
    part(sandwich, 'callees')!
      .querySelector('canvas')!
      .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true, cancelable: true }));
    expect((await closed).view.sandwich).to.equal('');
    await el.updateComplete;
    expect(part(el, 'sandwich')).to.equal(null);
    expect(part(el, 'viewport')!.hidden).to.equal(false);
    await el.drawComplete;

    // Clicking selects the frame; the toolbar then offers its callers and callees.
    canvas.dispatchEvent(new MouseEvent('click', at));
    await el.updateComplete;
    const button = part<HTMLButtonElement>(el, 'sandwich-button')!;
    expect(button.title).to.equal(FUNCTION);
    button.click();
    await el.updateComplete;
    expect(el.sandwich).to.equal(FUNCTION);
    await shownSandwich(el);
    part<HTMLButtonElement>(el, 'sandwich-exit')!.click();
    await el.updateComplete;
    expect(el.sandwich).to.equal('');
  });

  it('re-centres on a caller clicked in the callers graph, and on a callee reached by keyboard', async () => {
    const { el } = await mounted(FUNCTION);
    const sandwich = await shownSandwich(el);
    const caller = 'github.com/polarsignals/pprof-example-app-go/fib.Fibonacci';
    const model = sandwich.callers!.model;
    const row = [...Array(model.size).keys()].find((r) => frameName(model, r) === caller && sandwich.frameRect('callers', r))!;
    const { canvas, at } = pointAt(sandwich, 'callers', row);
    const changed = nextEvent(el, 'parca-view-change');
    canvas.dispatchEvent(new MouseEvent('click', at));
    expect((await changed).view.sandwich).to.equal(caller);
    await el.updateComplete;
    expect(el.sandwich).to.equal(caller);
    const again = await shownSandwich(el);
    const callees = again.callees!.model;
    expect(frameName(callees, callees.childIndex[callees.childStart[0]!]!)).to.equal(caller);
    expect(secondLevel(callees)).to.include(FUNCTION);
    // Keyboard: the callees canvas starts at the function; Down moves to its first callee, Enter centres on it.
    const calleesCanvas = part(again, 'callees')!.querySelector('canvas')!;
    calleesCanvas.focus();
    await again.updateComplete;
    const keyed = nextEvent(el, 'parca-view-change');
    calleesCanvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }));
    calleesCanvas.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, cancelable: true }));
    const next = (await keyed).view.sandwich;
    expect(next).to.not.equal(caller);
    expect(secondLevel(callees)).to.include(next);
  });

  it('fires no view change when code sets the sandwich', async () => {
    const { el } = await mounted();
    let fired = 0;
    el.addEventListener('parca-view-change', () => fired++);
    el.sandwich = FUNCTION;
    await shownSandwich(el);
    el.sandwich = '';
    await el.updateComplete;
    expect(fired).to.equal(0);
  });

  it('as its own element, shows the function picked in any view of its source; works alone; is accessible (axe)', async () => {
    const range = seededRange();
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
        <parca-function-table></parca-function-table>
        <parca-sandwich style="display: block; width: 700px"></parca-sandwich>
      </parca-source>
    `);
    const table = source.querySelector('parca-function-table')!;
    const sandwich = source.querySelector('parca-sandwich')!;
    while (!table.functionTable) await nextEvent(table, 'parca-load');
    await sandwich.updateComplete;
    expect(part(sandwich, 'status')!.textContent).to.contain('Pick a function');
    table.pick(FUNCTION);
    await sandwich.updateComplete;
    expect(sandwich.search).to.equal(exactNameSearch(FUNCTION));
    await sandwich.settled;
    expect(sandwich.functionName).to.equal(FUNCTION);
    const reference = table.functionTable.table;
    const tableRow = [...Array(reference.size).keys()].find((r) => reference.functionName.value(r) === FUNCTION)!;
    expect(sandwich.callers!.model.total, 'the table and the sandwich give the function one number').to.equal(reference.cumulative[tableRow]);
    await expect(sandwich).to.be.accessible();

    const alone = await fixture<ParcaSandwichElement>(html`<parca-sandwich style="display: block; width: 600px"></parca-sandwich>`);
    alone.connection = createConnection({ url: env.parcaUrl });
    alone.query = createQueryState({ profileType: CPU_TYPE, selector: '{job="fib"}', range: absoluteRange(range.startMs, range.endMs) });
    alone.sandwich = FUNCTION;
    while (!alone.callers) await nextEvent(alone, 'parca-load');
    await alone.settled;
    expect(alone.callers.model.total).to.equal(sandwich.callers!.model.total);
  });
});
