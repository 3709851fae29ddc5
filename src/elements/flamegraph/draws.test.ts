// One canvas draw per change: new data, a new size or a new view each cost one frame, and a frame whose
// inputs did not change (the resize observer reporting the size the first picture gave the viewport) none.
import { expect, fixture, html } from '@open-wc/testing';
import '../../define/flamegraph.js';
import { PREVIEW_MIN_ROWS } from '../../model/flamegraph/decode.js';
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

  it('draws a large record’s top levels first, pixel for pixel as the whole graph draws them, then the whole graph once', async () => {
    const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph style="width: 600px"></parca-flamegraph>`);
    el.record = { bytes: buildFlamegraphRecord(randomTreeSpec(PREVIEW_MIN_ROWS, 3), { valueWidth: 64, indexWidth: 16 }), unit: 'nanoseconds' };
    while (el.draws === 0) await frames(1);
    // A boolean, not the data: a failure must not print a model of 200,000 rows.
    expect(el.data === undefined, 'drawn before the record is decoded').to.equal(true);
    expect(part(el, 'viewport')!.getAttribute('aria-busy')).to.equal('true');
    const canvas = part<HTMLCanvasElement>(el, 'canvas')!;
    // The top three levels (rows of 20 px), as drawn now and once the whole graph is.
    const topLevels = () => Array.from(canvas.getContext('2d')!.getImageData(0, 0, canvas.width, Math.round(60 * devicePixelRatio)).data);
    const first = topLevels();
    const firstHeight = canvas.height;
    expect(first.some((value, i) => i % 4 === 3 && value > 0)).to.equal(true);

    await shown(el);
    expect(el.data?.model.size).to.equal(PREVIEW_MIN_ROWS);
    expect(el.draws, 'the top levels, then the whole graph').to.equal(2);
    expect(canvas.height, 'more levels').to.be.above(firstHeight);
    const differing = topLevels().filter((value, i) => value !== first[i]).length;
    expect(differing, 'pixel values of the top levels that changed').to.equal(0);
    expect(part(el, 'viewport')!.getAttribute('aria-busy')).to.equal('false');
  });
});
