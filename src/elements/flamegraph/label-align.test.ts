// Frame names aligned left (default) or right: an analysis option like the others, kept in the view and the URL,
// with its control, and drawn where it says.
import { expect, fixture, html } from '@open-wc/testing';
import '../../define/flamegraph.js';
import { ParcaViewChangeEvent } from '../../events/view-change.js';
import { frameName } from '../../model/flamegraph/names.js';
import { EMPTY_VIEW, readViewParams, writeViewParams } from '../../model/flamegraph/view-state.js';
import { nextEvent } from '../../test-support/events.js';
import { part, pixelAt, rgbaOf } from '../../test-support/harness.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

const TEXT = '#102030';

async function savedGraph(attributes: { labelAlign?: string; controls?: boolean } = {}) {
  const [bytes, meta] = await Promise.all([
    fetch('/demo/data/cpu-profile.arrow').then((r) => r.arrayBuffer()),
    fetch('/demo/data/cpu-profile.json').then((r) => r.json() as Promise<{ unit: string; total: string }>),
  ]);
  const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph
    style="display: block; width: 600px; --parca-color-text: ${TEXT}; --parca-flamegraph-font: 12px monospace"
    label-align=${attributes.labelAlign ?? 'left'}
    ?controls=${attributes.controls}
    .record=${{ bytes: new Uint8Array(bytes), unit: meta.unit, total: BigInt(meta.total) }}
  ></parca-flamegraph>`);
  await el.settled;
  return el;
}

/** The x span of text-colored pixels along the middle of a frame's row, or undefined when there are none. */
function inkSpan(el: ParcaFlamegraphElement, row: number): { first: number; last: number } | undefined {
  const rect = el.frameRect(row)!;
  const text = rgbaOf(TEXT);
  let first: number | undefined;
  let last = -1;
  for (let x = Math.ceil(rect.x); x < rect.x + rect.width; x++) {
    for (const dy of [-2, 0, 2]) {
      const pixel = pixelAt(el, x, rect.y + rect.height / 2 + dy);
      if (pixel[3]! > 200 && pixel.slice(0, 3).every((c, i) => Math.abs(c - text[i]!) < 60)) {
        first ??= x;
        last = x;
      }
    }
  }
  return first === undefined ? undefined : { first, last };
}

/** The widest drawn frame whose name fits with at least 80 px to spare. */
function roomyFrame(el: ParcaFlamegraphElement): number {
  const model = el.data!.model;
  const ctx = document.createElement('canvas').getContext('2d')!;
  ctx.font = '12px monospace';
  let best = -1;
  for (let row = 1; row < model.size; row++) {
    const rect = el.frameRect(row);
    if (!rect || ctx.measureText(frameName(model, row)).width + 80 > rect.width) continue;
    if (best < 0 || model.cumulative[row]! > model.cumulative[best]!) best = row;
  }
  expect(best, 'a frame with room beside its name').to.be.greaterThan(0);
  return best;
}

describe('<parca-flamegraph> label-align', () => {
  it('draws names from the frame start by default and against its end with label-align="right"', async () => {
    const left = await savedGraph();
    const row = roomyFrame(left);
    const rect = left.frameRect(row)!;
    const leftInk = inkSpan(left, row)!;
    expect(leftInk.first - rect.x).to.be.lessThan(10);
    expect(rect.x + rect.width - leftInk.last).to.be.greaterThan(40);

    const right = await savedGraph({ labelAlign: 'right' });
    const rightInk = inkSpan(right, row)!;
    expect(rect.x + rect.width - rightInk.last).to.be.lessThan(10);
    expect(rightInk.first - rect.x).to.be.greaterThan(40);
    // The same name, moved: about as wide in ink either way (glyph edges fall on other subpixels).
    expect(Math.abs(rightInk.last - rightInk.first - (leftInk.last - leftInk.first))).to.be.at.most(8);
  });

  it('is part of the view and of the link', async () => {
    const el = await savedGraph({ labelAlign: 'right' });
    expect(el.view.labelAlign).to.equal('right');
    const params = writeViewParams(new URLSearchParams(), 'p', el.view);
    expect(params.get('p.align')).to.equal('right');
    expect(readViewParams(params, 'p')!.labelAlign).to.equal('right');
    // The default leaves no key.
    expect(writeViewParams(new URLSearchParams(), 'p', EMPTY_VIEW).has('p.align')).to.equal(false);
  });

  it('has a control that changes it and reports the view', async () => {
    const el = await savedGraph({ controls: true });
    const select = part(el, 'label-align')!.querySelector('select')!;
    const reported = nextEvent(el, ParcaViewChangeEvent.eventName);
    select.value = 'right';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    expect((await reported).view.labelAlign).to.equal('right');
    expect(el.labelAlign).to.equal('right');
  });
});
