import { expect, fixture, html } from '@open-wc/testing';
import '../../define.js';
import { LAB_CPU_TYPE, SHRINKING_TYPE } from '../../../scripts/parca/adversarial-plan.js';
import { LIGHT_PALETTE } from '../../model/flamegraph/colors.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { isoTime } from '../../test-support/elements.js';
import { part, pixelAt, rgbaOf } from '../../test-support/harness.js';
import type { ParcaSourceElement } from '../source/source.js';
import type { ParcaFlamegraphElement } from './flamegraph.js';

const env = testEnv();

async function graphOf(profileType: string, selector: string): Promise<ParcaFlamegraphElement> {
  const range = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${profileType} selector=${selector} from=${isoTime(range.startMs)} to=${isoTime(range.endMs)}>
      <parca-flamegraph theme="light" trim-threshold="0" style="display: block; width: 900px"></parca-flamegraph>
    </parca-source>
  `);
  const graph = source.querySelector('parca-flamegraph')!;
  await graph.settled;
  return graph;
}

/** The palette colors the frames are drawn in (each frame's fill, read a few pixels in from its left edge). */
function paletteHues(graph: ParcaFlamegraphElement): Set<string> {
  const palette = new Set(LIGHT_PALETTE.map((color) => rgbaOf(color).join(',')));
  const hues = new Set<string>();
  const model = graph.data!.model;
  for (let row = 1; row < model.size; row++) {
    const rect = graph.frameRect(row);
    if (!rect || rect.width < 4) continue;
    const color = pixelAt(graph, rect.x + 2, rect.y + 2).join(',');
    if (palette.has(color)) hues.add(color);
  }
  return hues;
}

describe('<parca-flamegraph> colors that never go flat', function () {
  this.timeout(60_000);

  it('colors a heap profile whose frames have no binaries by package, says so, and draws several hues', async () => {
    const graph = await graphOf(SHRINKING_TYPE, '{job="nobinary"}');
    const model = graph.data!.model;
    expect(
      [...Array(model.size).keys()].filter((row) => model.mappingFile.value(row)),
      'frames with a binary',
    ).to.deep.equal([]);
    expect(paletteHues(graph).size, 'distinct palette hues').to.be.at.least(3);
    expect(part(graph, 'color-note')!.textContent).to.equal('Colored by package: most of the profile has no binary to color by.');
    await expect(graph).to.be.accessible();
  });

  it('keeps the asked coloring when no other key covers the profile either (unsymbolized frames), with no note', async () => {
    const graph = await graphOf(LAB_CPU_TYPE, '{job="bare"}');
    expect(part(graph, 'color-note')).to.equal(null);
  });

  it('keeps coloring by binary when the frames have binaries, with no note', async () => {
    const graph = await graphOf(CPU_TYPE, '{job="fib"}');
    expect(part(graph, 'color-note')).to.equal(null);
    expect(paletteHues(graph).size).to.be.at.least(1);
  });
});
