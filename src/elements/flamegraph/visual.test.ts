// Visual baselines of <parca-flamegraph>: a profile recorded from the real Parca (demo/data, written by
// scripts/demo/record-profile.ts), drawn at a fixed CSS size, device pixel ratio and theme, compared pixel by
// pixel with PNGs in ./baselines. (Re)create them with UPDATE_BASELINES=1 (see HOW_TO_UPDATE).
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, setViewport } from '@web/test-runner-commands';
import '../../define/flamegraph.js';
import { createColorer, splitColorList } from '../../model/flamegraph/colors.js';
import { frameName } from '../../model/flamegraph/names.js';
import {
  type PixelTolerance,
  actualPathOf,
  canvasPixels,
  clearActual,
  comparePixels,
  expectCanvasToMatchBaseline,
  loadPng,
  withinTolerance,
} from '../../test-support/visual.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';
import { canvasOf } from '../../test-support/harness.js';

const BASELINES = 'src/elements/flamegraph/baselines';
const HOW_TO_UPDATE = 'UPDATE_BASELINES=1 WTR_FILES=src/elements/flamegraph/visual.test.ts npm test';
const WIDTH = 600;
const MAX_HEIGHT = 300;
const PIXEL_RATIO = 2;
const SEARCH = 'runtime.';

/**
 * On one machine and Chromium the pictures come out identical run after run (measured: largest difference 0).
 * The slack is for what may move with nothing wrong: rounding (premultiplied alpha, PNG round trip) and
 * anti-aliased text edges after a font or Skia update. 6/255 per channel is below the closest two colors the
 * theme uses (10 apart: #f2b8a2 and #e8c2a4), so a frame drawn in the wrong color counts; 0.3% of 1200×600 is
 * ~2,000 pixels, a few labels' worth of glyph edges, while focus or search change tens of percent.
 */
const TOLERANCE: PixelTolerance = { channel: 6, fraction: 0.003 };

/** Every color token the canvas reads, set on the element so neither prefers-color-scheme nor defaults change them. */
const THEME = [
  '--parca-flamegraph-palette: #f2b8a2, #f5cf8a, #c9dc8e, #9fd9b4, #94d3d6, #a9c4ef, #c3b4ee, #e6b1d8, #e8c2a4, #b9d1a8, #a8c9d9, #d7b8c9',
  '--parca-flamegraph-neutral-color: #d4d4d8',
  '--parca-flamegraph-muted-color: #ececef',
  '--parca-flamegraph-match-color: #f5a623',
  '--parca-flamegraph-diff-growth-color: #dc2626',
  '--parca-flamegraph-diff-shrink-color: #16a34a',
  '--parca-flamegraph-row-height: 20px',
  '--parca-flamegraph-font: 12px monospace',
  `--parca-flamegraph-max-height: ${MAX_HEIGHT}px`,
  '--parca-color-text: #1f2328',
  '--parca-color-muted: #59636e',
  '--parca-color-accent: #0969da',
  '--parca-color-background: #ffffff',
  '--parca-color-border: #8c959f',
  '--parca-color-error: #cf222e',
  '--parca-font-family: sans-serif',
  '--parca-font-size: 13px',
  `width: ${WIDTH}px`,
].join('; ');

const baseline = (name: string) => `${BASELINES}/${name}.png`;

let saved: { bytes: Uint8Array; unit: string; total: bigint } | undefined;

/** The checked-in record of a merged CPU profile from the seeded Parca, with its unit and total. */
async function savedProfile() {
  if (!saved) {
    const [bytes, meta] = await Promise.all([
      fetch('/demo/data/cpu-profile.arrow').then((r) => r.arrayBuffer()),
      fetch('/demo/data/cpu-profile.json').then((r) => r.json() as Promise<{ unit: string; total: string }>),
    ]);
    saved = { bytes: new Uint8Array(bytes), unit: meta.unit, total: BigInt(meta.total) };
  }
  return saved;
}

/** Resolves once the element has drawn and no further draw is pending (a resize may schedule one more). */
async function settled(el: ParcaFlamegraphElement): Promise<void> {
  await el.updateComplete;
  await el.drawComplete;
  await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  await el.updateComplete;
  await el.drawComplete;
}

async function showSaved(): Promise<ParcaFlamegraphElement> {
  const record = await savedProfile();
  const el = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph style=${THEME} .record=${record}></parca-flamegraph>`);
  await settled(el);
  expect(el.data?.model.size, 'the saved profile decoded').to.be.greaterThan(100);
  return el;
}

/** `#rrggbb` with every channel lowered by `by`. */
function darker(hex: string, by: number): string {
  const channels = [1, 3, 5].map((i) => Math.max(0, parseInt(hex.slice(i, i + 2), 16) - by));
  return `#${channels.map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

/** The children of the root, widest first: a stable choice of frames for this record. */
function rootChildrenByWidth(el: ParcaFlamegraphElement): number[] {
  const model = el.data!.model;
  const children: number[] = [];
  for (let k = model.childStart[0]!; k < model.childStart[1]!; k++) children.push(model.childIndex[k]!);
  return children.sort((a, b) => model.cumulative[b]! - model.cumulative[a]!);
}

/** Focuses a frame the way a user does: a click in its middle. */
async function focusByClick(el: ParcaFlamegraphElement, row: number): Promise<void> {
  const rect = el.frameRect(row)!;
  const bounds = canvasOf(el).getBoundingClientRect();
  const at = { bubbles: true, composed: true, clientX: bounds.left + rect.x + rect.width / 2, clientY: bounds.top + rect.y + rect.height / 2 };
  canvasOf(el).dispatchEvent(new MouseEvent('click', at));
  await settled(el);
  expect(el.focusedRow).to.equal(row);
}

function expectFixedSize(el: ParcaFlamegraphElement): void {
  const canvas = canvasOf(el);
  expect(devicePixelRatio).to.equal(PIXEL_RATIO);
  expect(canvas.height).to.equal(MAX_HEIGHT * PIXEL_RATIO);
  expect(canvas.width).to.equal(Math.round(canvas.clientWidth * PIXEL_RATIO));
}

const match = (el: ParcaFlamegraphElement, name: string) =>
  expectCanvasToMatchBaseline(canvasOf(el), baseline(name), { tolerance: TOLERANCE, howToUpdate: HOW_TO_UPDATE });

describe('<parca-flamegraph> visual baselines', () => {
  before(async () => {
    await setViewport({ width: 800, height: 600, deviceScaleFactor: PIXEL_RATIO });
    await emulateMedia({ colorScheme: 'light' });
  });

  after(async () => {
    await emulateMedia({ colorScheme: 'light' });
    await setViewport({ width: 800, height: 600, deviceScaleFactor: 1 });
  });

  it('draws the whole graph as an icicle like the default baseline', async () => {
    const el = await showSaved();
    expectFixedSize(el);
    await match(el, 'default');
  });

  it('draws a focused frame like the focused baseline', async () => {
    const el = await showSaved();
    // The second widest call path: focused, a small subtree spans the width and the rest turns muted.
    const row = rootChildrenByWidth(el)[1]!;
    expect(frameName(el.data!.model, row)).to.not.equal('');
    await focusByClick(el, row);
    await match(el, 'focused');
  });

  it('draws an active search like the search baseline', async () => {
    const el = await showSaved();
    el.search = SEARCH;
    await settled(el);
    expect(el.shadowRoot!.querySelector('[part="search-summary"]')!.textContent).to.match(/^[1-9]\d* matching frames?/);
    await match(el, 'search');
  });

  it('keeps the baseline under prefers-color-scheme: dark, since every color token is set', async () => {
    await emulateMedia({ colorScheme: 'dark' });
    try {
      const el = await showSaved();
      await match(el, 'default');
    } finally {
      await emulateMedia({ colorScheme: 'light' });
    }
  });

  describe('fails when the picture changes', () => {
    it('tells a different view from a baseline: the whole graph against the focused one', async () => {
      const el = await showSaved();
      const focused = await loadPng(baseline('focused'));
      expect(focused, 'the focused baseline exists').to.not.equal(undefined);
      const diff = comparePixels(canvasPixels(canvasOf(el)), focused!, TOLERANCE.channel);
      expect(diff.sameSize).to.equal(true);
      expect(diff.fraction).to.be.greaterThan(0.2);
      expect(withinTolerance(diff, TOLERANCE)).to.equal(false);
    });

    it('tells a small change from the baseline: one palette color a shade darker', async () => {
      const el = await showSaved();
      // The color of the widest call path's binary, 16/255 darker per channel (a barely visible shade).
      const palette = splitColorList(THEME.match(/palette: ([^;]+)/)![1]!);
      const slot = createColorer(el.data!.model, 'binary', palette.length)(rootChildrenByWidth(el)[0]!);
      expect(slot).to.be.at.least(0);
      palette[slot] = darker(palette[slot]!, 16);
      el.style.setProperty('--parca-flamegraph-palette', palette.join(', '));
      el.theme = 'light'; // a theme change makes the element read its color tokens again
      await settled(el);
      const expected = await loadPng(baseline('default'));
      const diff = comparePixels(canvasPixels(canvasOf(el)), expected!, TOLERANCE.channel);
      expect(diff.sameSize).to.equal(true);
      expect(withinTolerance(diff, TOLERANCE), `${diff.differing} pixels differ`).to.equal(false);
    });

    it('tells a local change from the baseline: the outline of a hovered frame', async () => {
      const el = await showSaved();
      const row = rootChildrenByWidth(el)[0]!;
      const rect = el.frameRect(row)!;
      const bounds = canvasOf(el).getBoundingClientRect();
      canvasOf(el).dispatchEvent(
        new PointerEvent('pointermove', { bubbles: true, composed: true, clientX: bounds.left + rect.x + 10, clientY: bounds.top + rect.y + rect.height / 2 }),
      );
      await settled(el);
      const diff = comparePixels(canvasPixels(canvasOf(el)), (await loadPng(baseline('default')))!, TOLERANCE.channel);
      expect(diff.differing, 'some pixels changed').to.be.greaterThan(0);
      expect(withinTolerance(diff, TOLERANCE), `${diff.differing} pixels differ`).to.equal(false);
    });

    it('rejects, saying why, and writes the actual picture beside the baseline', async () => {
      const el = await showSaved();
      let message = '';
      try {
        await expectCanvasToMatchBaseline(canvasOf(el), baseline('focused'), { tolerance: TOLERANCE, howToUpdate: HOW_TO_UPDATE, update: false });
      } catch (error) {
        message = (error as Error).message;
      }
      try {
        expect(message).to.contain(`differs from ${baseline('focused')}`);
        expect(message).to.contain(actualPathOf(baseline('focused')));
        expect(message).to.contain(HOW_TO_UPDATE);
        const written = await loadPng(actualPathOf(baseline('focused')));
        expect(written, 'the actual picture was written').to.not.equal(undefined);
        expect(comparePixels(canvasPixels(canvasOf(el)), written!, 0).differing).to.equal(0);
      } finally {
        await clearActual(baseline('focused'));
      }
    });

    it('fails with how to create it when a baseline is missing', async () => {
      const el = await showSaved();
      let message = '';
      try {
        await expectCanvasToMatchBaseline(canvasOf(el), baseline('missing-on-purpose'), { tolerance: TOLERANCE, howToUpdate: HOW_TO_UPDATE, update: false });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).to.contain(`There is no baseline at ${baseline('missing-on-purpose')}`);
      expect(message).to.contain(HOW_TO_UPDATE);
    });
  });
});
