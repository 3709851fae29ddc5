// The explorer as a user drives it: metrics and flame graph under one source. A range brushed on the chart
// narrows the flame graph; a point picked on the chart shows that one profile; a new query clears the point.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { ParcaPointSelectEvent } from '../events/point-select.js';
import { ParcaQuerySubmitEvent } from '../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../events/range-select.js';
import { absoluteRange } from '../model/time-range.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);

async function explorer() {
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${env.parcaUrl} profile-type=${CPU_TYPE} selector='{job="fib"}'
      from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
      <parca-metrics style="width: 800px"></parca-metrics>
      <parca-flamegraph style="width: 800px"></parca-flamegraph>
    </parca-source>`);
  const metrics = source.querySelector('parca-metrics') as ParcaMetricsElement;
  const graph = source.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
  while (!metrics.data) await nextEvent(metrics, 'parca-load');
  while (!graph.data) await nextEvent(graph, 'parca-load');
  // At rest: a chart asks once more when the data is sparser than its first step.
  await Promise.all([metrics.settled, graph.settled]);
  await Promise.all([metrics.updateComplete, graph.updateComplete]);
  return { source, metrics, graph };
}

describe('explorer: metrics and flame graph under one source', () => {
  it('a point picked on the chart shows that one profile, without re-querying the chart', async () => {
    const { metrics, graph } = await explorer();
    const wholeRange = graph.data!.total;
    let chartLoads = 0;
    metrics.addEventListener('parca-load', () => chartLoads++);

    const data = metrics.data!;
    const series = data.series[0]!;
    const i = series.values.findIndex((v) => typeof v === 'number');
    const timestampMs = data.timestamps[i]! * 1000;
    const durationMs = series.durationsMs[i]!;
    const labels = Object.fromEntries(series.labels.map((l) => [l.name, l.value]));
    const loaded = nextEvent(graph, 'parca-load');
    metrics.dispatchEvent(new ParcaPointSelectEvent({ labels, timestampMs, durationMs, selector: series.key, windowMs: metrics.stepSeconds * 1000 }, CPU_TYPE));
    await loaded;
    expect(graph.data!.total > 0n, 'the point has a profile').to.equal(true);
    expect(graph.data!.total < wholeRange, 'one profile is less than the whole range').to.equal(true);
    expect(chartLoads).to.equal(0);

    // A new query forgets the point: the flame graph covers the range again.
    const again = nextEvent(graph, 'parca-load');
    metrics.dispatchEvent(new ParcaQuerySubmitEvent({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'both' }));
    await again;
    expect(graph.data!.total).to.equal(wholeRange);
  });

  it('a range brushed on the chart narrows the flame graph', async () => {
    const { metrics, graph } = await explorer();
    const wholeRange = graph.data!.total;
    const loaded = nextEvent(graph, 'parca-load');
    metrics.dispatchEvent(new ParcaRangeSelectEvent(absoluteRange(startMs, startMs + 20 * 60_000)));
    await loaded;
    expect(graph.data!.total > 0n).to.equal(true);
    expect(graph.data!.total < wholeRange).to.equal(true);
  });
});
