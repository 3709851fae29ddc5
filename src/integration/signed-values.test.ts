// Delta profiles can shrink: a heap profile's frames can hold less than before, so values are negative. Parca
// writes them into unsigned columns of its flame graph record; every view must show the signed value that
// Parca's own pprof answer gives, sign and unit included, and draw sensibly where a width cannot be negative.
import { expect, fixture, html } from '@open-wc/testing';
import { SHRINKING_TYPE } from '../../scripts/parca/adversarial-plan.js';
import '../define.js';
import { createConnection } from '../client/connection.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { ParcaPointSelectEvent } from '../events/point-select.js';
import { frameName } from '../model/flamegraph/names.js';
import { createQueryState } from '../model/query-state.js';
import { absoluteRange } from '../model/time-range.js';
import { formatValue } from '../model/units.js';
import { seededRange, testEnv } from '../test-support/env.js';
import { isoTime } from '../test-support/elements.js';
import { nextEvent } from '../test-support/events.js';
import { pprofReference } from '../test-support/pprof-reference.js';
import { part } from '../test-support/harness.js';

const env = testEnv();
const SELECTOR = '{job="shrinking"}';

function rowNamed(el: ParcaFlamegraphElement, name: string): number {
  const model = el.data!.model;
  for (let row = 0; row < model.size; row++) if (frameName(model, row) === name) return row;
  throw new Error(`no frame ${name}`);
}

async function hover(el: ParcaFlamegraphElement, row: number): Promise<string> {
  const rect = el.frameRect(row)!;
  const canvas = part(el, 'canvas')!;
  const bounds = canvas.getBoundingClientRect();
  canvas.dispatchEvent(new PointerEvent('pointermove', { bubbles: true, clientX: bounds.left + rect.x + 2, clientY: bounds.top + rect.y + rect.height / 2 }));
  await el.updateComplete;
  return part(el, 'tooltip')!.textContent.replace(/\s+/g, ' ');
}

describe('negative values of a delta profile that shrank', () => {
  it('the flame graph reads them signed, as Parca’s pprof sums them, and keeps children inside their parent', async () => {
    const { startMs, endMs } = seededRange();
    const connection = createConnection({ url: env.parcaUrl });
    const reference = await pprofReference(connection, `${SHRINKING_TYPE}${SELECTOR}`, startMs, endMs);
    const mainFlat = reference.functions.get('main')!.flat;
    expect(mainFlat, 'the seeded profile has a frame that shrank').to.be.lessThan(0);

    const query = createQueryState({ profileType: SHRINKING_TYPE, selector: SELECTOR, range: absoluteRange(startMs, endMs) });
    const el = await fixture<ParcaFlamegraphElement>(
      html`<parca-flamegraph style="display: block; width: 800px" .connection=${connection} .query=${query}></parca-flamegraph>`,
    );
    await nextEvent(el, 'parca-load');
    await el.updateComplete;
    await el.drawComplete;
    const model = el.data!.model;
    const main = rowNamed(el, 'main');
    const grow = rowNamed(el, 'grow');
    expect(model.flat[main]).to.equal(mainFlat);
    expect(model.cumulative[grow]).to.equal(reference.functions.get('grow')!.cumulative);
    expect(el.data!.total).to.equal(reference.total);

    const tooltip = await hover(el, main);
    expect(tooltip).to.contain(`Flat ${formatValue(mainFlat, 'bytes')}`);
    expect(formatValue(mainFlat, 'bytes')).to.match(/^−\d/);
    expect(tooltip).to.not.contain('EiB');

    // grow holds more than main (main's own samples are negative): it is drawn inside main, not past it.
    const outer = el.frameRect(main)!;
    const inner = el.frameRect(grow)!;
    expect(inner.x).to.be.at.least(outer.x);
    expect(inner.x + inner.width).to.be.at.most(outer.x + outer.width + 0.001);
    // The frame that only shrank has no width: the note says so rather than calling it "too small".
    expect(part(el, 'note')!.textContent).to.contain('zero or less');
  });

  it('a point that sums below zero: the chart goes below zero, and the flame graph says why it draws nothing', async () => {
    const { startMs, endMs } = seededRange();
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} profile-type=${SHRINKING_TYPE} selector=${SELECTOR} from=${isoTime(startMs)} to=${isoTime(endMs)}>
        <parca-metrics style="display: block; width: 800px"></parca-metrics>
        <parca-flamegraph style="display: block; width: 800px"></parca-flamegraph>
      </parca-source>`);
    const metrics = source.querySelector('parca-metrics')!;
    const graph = source.querySelector('parca-flamegraph')!;
    if (!metrics.data) await nextEvent(metrics, 'parca-load');
    await metrics.updateComplete;
    const series = metrics.data!.series[0]!;
    const lowest = series.values.reduce<number>((low, v) => (typeof v === 'number' && v < low ? v : low), 0);
    expect(lowest, 'a point below zero').to.be.lessThan(0);
    expect(series.trough).to.equal(lowest);
    expect(metrics.plot!.uplot.scales.y!.min!).to.be.lessThan(lowest);

    const index = series.values.indexOf(lowest);
    const loaded = nextEvent(graph, 'parca-load');
    metrics.dispatchEvent(
      new ParcaPointSelectEvent(
        {
          timestampMs: Math.round(metrics.data!.timestamps[index]! * 1000),
          durationMs: series.durationsMs[index]!,
          windowMs: metrics.stepSeconds * 1000,
          selector: series.key,
          labels: Object.fromEntries(series.labels.map((l) => [l.name, l.value])),
        },
        SHRINKING_TYPE,
      ),
    );
    await loaded;
    await graph.updateComplete;
    expect(graph.data!.total).to.be.lessThan(0);
    const status = part(graph, 'status')!.textContent.replace(/\s+/g, ' ');
    expect(status).to.contain(`sum to ${formatValue(graph.data!.total, 'bytes')}`);
    expect(status).to.contain('more than zero');
  });
});
