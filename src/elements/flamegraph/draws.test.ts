// One canvas draw per change: new data, a new size or a new view each cost one frame, and a frame whose
// inputs did not change (the resize observer reporting the size the first picture gave the viewport) none.
import { expect, fixture, html } from '@open-wc/testing';
import '../../define/flamegraph.js';
import { buildFlamegraphRecord, randomTreeSpec } from '../../test-support/flamegraph-record.js';
import { part } from '../../test-support/harness.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

/** Lets `count` animation frames pass (the resize observer's report comes between frames). */
async function frames(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

async function shown(el: ParcaFlamegraphElement): Promise<void> {
  await el.settled;
  await frames(4);
}

describe('<parca-flamegraph> draws per change', () => {
  it('draws new data once, and again only when the size or the view changes', async () => {
    const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph style="width: 600px"></parca-flamegraph>`);
    el.record = { bytes: buildFlamegraphRecord(randomTreeSpec(2000, 1)), unit: 'nanoseconds' };
    await shown(el);
    expect(el.draws, 'the first data').to.equal(1);

    el.requestUpdate();
    await shown(el);
    expect(el.draws, 'an update that changes nothing').to.equal(1);

    el.record = { bytes: buildFlamegraphRecord(randomTreeSpec(3000, 2)), unit: 'nanoseconds' };
    await shown(el);
    expect(el.draws, 'new data').to.equal(2);

    el.style.width = '500px';
    await shown(el);
    expect(el.draws, 'a new width').to.equal(3);

    el.search = 'a';
    await shown(el);
    expect(el.draws, 'a search').to.equal(4);
    expect(part<HTMLCanvasElement>(el, 'canvas')!.width).to.be.above(0);
  });
});
