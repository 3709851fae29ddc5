// Twenty panels on one page showing the same query ask Parca once.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);

describe('twenty elements, one source, one query', () => {
  it('share one request', async () => {
    // A path of its own on the proxy, so the resource entries counted are this test's alone.
    const base = `${env.proxyUrl}/delay/${200 + Math.floor(Math.random() * 100)}`;
    // The resource timing buffer holds 250 entries by default; earlier tests may have filled it.
    performance.clearResourceTimings();
    const source = await fixture(html`
      <parca-source url=${base} profile-type=${CPU_TYPE} selector='{job="fib"}'
        from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
        ${Array.from({ length: 20 }, () => html`<parca-flamegraph style="width: 600px; display: block"></parca-flamegraph>`)}
      </parca-source>`);
    const graphs = [...source.querySelectorAll('parca-flamegraph')] as ParcaFlamegraphElement[];
    await Promise.all(graphs.map(async (graph) => {
      while (!graph.data) await nextEvent(graph, 'parca-load');
    }));
    const calls = performance.getEntriesByType('resource').filter((entry) => entry.name.startsWith(base));
    expect(calls).to.have.length(1);
    expect(new Set(graphs.map((g) => g.data!.total)).size).to.equal(1);
  });
});
