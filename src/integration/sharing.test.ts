// Twenty panels on one page showing the same query ask Parca once.
import { expect, fixture } from '@open-wc/testing';
import { html } from 'lit';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { proxyCount } from '../test-support/scenarios.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);

describe('twenty elements, one source, one query', () => {
  it('share one request', async () => {
    // A counting route of its own on the proxy: the proxy counts the calls that really reached Parca.
    const tag = `share-${crypto.randomUUID()}`;
    const base = `${env.proxyUrl}/count/${tag}`;
    const source = await fixture(html`
      <parca-source url=${base} profile-type=${CPU_TYPE} selector='{job="fib"}'
        from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
        ${Array.from({ length: 20 }, () => html`<parca-flamegraph style="width: 600px; display: block"></parca-flamegraph>`)}
      </parca-source>`);
    const graphs = [...source.querySelectorAll('parca-flamegraph')] as ParcaFlamegraphElement[];
    await Promise.all(
      graphs.map(async (graph) => {
        while (!graph.data) await nextEvent(graph, 'parca-load');
      }),
    );
    expect(await proxyCount(tag)).to.equal(1);
    expect(new Set(graphs.map((g) => g.data!.total)).size).to.equal(1);
  });
});
