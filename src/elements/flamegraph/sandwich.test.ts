import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { nextEvent } from '../../test-support/events.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { isoTime, flamegraphSettled } from '../../test-support/elements.js';
import { pprofReference } from '../../test-support/pprof-reference.js';
import { createConnection } from '../../client/connection.js';
import { part } from '../../test-support/harness.js';

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

/** The two graphs of a sandwich view, once the samples they are built from have arrived and both are drawn. */
async function sandwichGraphs(el: ParcaFlamegraphElement): Promise<[ParcaFlamegraphElement, ParcaFlamegraphElement]> {
  await el.updateComplete;
  await el.settled;
  await el.updateComplete;
  const callers = part<ParcaFlamegraphElement>(el, 'sandwich-callers')!;
  const callees = part<ParcaFlamegraphElement>(el, 'sandwich-callees')!;
  expect(callers, 'callers graph').to.exist;
  expect(callees, 'callees graph').to.exist;
  await Promise.all([callers.updateComplete, callees.updateComplete]);
  await Promise.all([callers.drawComplete, callees.drawComplete]);
  expect(callers.data && callees.data, 'both graphs have data').to.not.equal(undefined);
  return [callers, callees];
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

describe('<parca-flamegraph> sandwich', () => {
  it('shows the real callers above and callees below a seeded function, each holding its cumulative value as pprof counts it', async () => {
    const { el: plain } = await mounted();
    const normal = plain.data!.model;
    const { el } = await mounted(FUNCTION);
    const [callers, callees] = await sandwichGraphs(el);
    const range = seededRange();
    const reference = await pprofReference(createConnection({ url: env.parcaUrl }), `${CPU_TYPE}{job="fib"}`, range.startMs, range.endMs);
    const cumulative = reference.functions.get(FUNCTION)!.cumulative;
    expect(callers.data!.model.total).to.equal(cumulative);
    expect(callees.data!.model.total).to.equal(cumulative);

    expect(callers.orientation, 'callers are drawn root at the bottom, the function above it').to.equal('flame');
    expect(callees.orientation).to.equal('icicle');
    for (const graph of [callers, callees]) {
      const model = graph.data!.model;
      const top = [...Array(model.size).keys()].filter((row) => model.depth[row] === 1);
      expect(
        top.map((row) => frameName(model, row)),
        'the function is the only frame under the root',
      ).to.deep.equal([FUNCTION]);
      expect(model.cumulative[top[0]!]).to.be.greaterThan(0);
    }
    // Every caller / callee the sandwich shows is a parent / child of the function somewhere in the whole graph.
    const callerNames = secondLevel(callers.data!.model);
    const calleeNames = secondLevel(callees.data!.model);
    expect(callerNames).to.include('github.com/polarsignals/pprof-example-app-go/fib.Fibonacci');
    expect(calleeNames.length).to.be.greaterThan(0);
    const realCallers = neighbours(normal, FUNCTION, 'callers');
    const realCallees = neighbours(normal, FUNCTION, 'callees');
    for (const name of callerNames) expect(realCallers.has(name), `${name} calls ${FUNCTION}`).to.equal(true);
    for (const name of calleeNames) expect(realCallees.has(name), `${FUNCTION} calls ${name}`).to.equal(true);
    expect(part(el, 'viewport')!.hidden, 'the whole graph is hidden meanwhile').to.equal(true);
    expect(part(el, 'sandwich-header')!.textContent).to.contain(FUNCTION);
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
    await sandwichGraphs(el);

    const closed = nextEvent(el, 'parca-view-change');
    part(el, 'sandwich')!
      .querySelector<ParcaFlamegraphElement>('[part~="sandwich-callees"]')!
      .shadowRoot!.querySelector('canvas')!
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
    await sandwichGraphs(el);
    part<HTMLButtonElement>(el, 'sandwich-exit')!.click();
    await el.updateComplete;
    expect(el.sandwich).to.equal('');
  });

  it('re-centres on a caller right-clicked in the callers graph', async () => {
    const { el } = await mounted(FUNCTION);
    const [callers] = await sandwichGraphs(el);
    const caller = 'github.com/polarsignals/pprof-example-app-go/fib.Fibonacci';
    const model = callers.data!.model;
    const row = [...Array(model.size).keys()].find((r) => frameName(model, r) === caller && callers.frameRect(r))!;
    const rect = callers.frameRect(row)!;
    const canvas = callers.shadowRoot!.querySelector('canvas')!;
    const bounds = canvas.getBoundingClientRect();
    const changed = nextEvent(el, 'parca-view-change');
    canvas.dispatchEvent(
      new MouseEvent('contextmenu', {
        clientX: bounds.left + rect.x + rect.width / 2,
        clientY: bounds.top + rect.y + rect.height / 2,
        bubbles: true,
        composed: true,
        cancelable: true,
      }),
    );
    expect((await changed).view.sandwich).to.equal(caller);
    expect(el.sandwich).to.equal(caller);
    const [, callees] = await sandwichGraphs(el);
    expect(frameName(callees.data!.model, callees.data!.model.childIndex[callees.data!.model.childStart[0]!]!)).to.equal(caller);
    expect(secondLevel(callees.data!.model)).to.include(FUNCTION);
  });

  it('fires no view change when code sets the sandwich', async () => {
    const { el } = await mounted();
    let fired = 0;
    el.addEventListener('parca-view-change', () => fired++);
    el.sandwich = FUNCTION;
    await sandwichGraphs(el);
    el.sandwich = '';
    await el.updateComplete;
    expect(fired).to.equal(0);
  });
});
