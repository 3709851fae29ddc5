// An answer past the 64 MiB limit, made by the proxy's /huge/ route from Parca's real answer: each element says
// so in its error part, fires parca-error, keeps the view it had, and recovers on the next query.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { recordScenario } from '../test-support/scenarios.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const FAST = `${env.proxyUrl}/parca`;
const HUGE = `${env.proxyUrl}/huge`;

type Subject = ParcaFlamegraphElement | ParcaMetricsElement;

async function mount(tag: 'parca-flamegraph' | 'parca-metrics', url: string) {
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${url} profile-type=${CPU_TYPE} selector='{job="fib"}'
      from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
      ${tag === 'parca-flamegraph'
        ? html`<parca-flamegraph style="display: block; width: 800px"></parca-flamegraph>`
        : html`<parca-metrics style="display: block; width: 800px"></parca-metrics>`}
    </parca-source>`);
  return { source, el: source.querySelector(tag) as Subject };
}

/** What the element shows: the flame graph's data or the chart's series (compared by identity). */
function shown(el: Subject): unknown {
  return 'chartData' in el ? el.chartData : el.data;
}

function errorText(el: Subject): string | undefined {
  return el.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? undefined;
}

for (const tag of ['parca-flamegraph', 'parca-metrics'] as const) {
  describe(`<${tag}> given an answer past 64 MiB`, function () {
    // Each refused answer is 64 MiB on the wire.
    this.timeout(30_000);

    it('shows a too-large error, fires parca-error, keeps its last good view, and recovers', async () => {
      const { source, el } = await mount(tag, FAST);
      while (!shown(el)) await nextEvent(el, 'parca-load');
      const good = shown(el);

      const failed = nextEvent(el, 'parca-error');
      source.url = HUGE;
      const { error } = await failed;
      await el.updateComplete;
      expect(error.kind).to.equal('too-large');
      expect(errorText(el)).to.contain('too large (more than 64 MiB)');
      expect(errorText(el)).to.contain('Narrow the time range');
      expect(shown(el), 'the last good view stays').to.equal(good);

      const loaded = nextEvent(el, 'parca-load');
      source.url = FAST;
      await loaded;
      await el.updateComplete;
      expect(errorText(el)).to.equal(undefined);
      expect(shown(el)).to.not.equal(undefined);
      await recordScenario(`fault: answer past 64 MiB, <${tag}> with a view: error shown, 0 views lost, recovered`, 1, 0);
    });

    it('with no view yet, shows the error instead of a blank or a spinner', async () => {
      const { el } = await mount(tag, HUGE);
      const { error } = await nextEvent(el, 'parca-error');
      await el.updateComplete;
      expect(error.kind).to.equal('too-large');
      expect(errorText(el)).to.contain('more than 64 MiB');
      expect(shown(el)).to.equal(undefined);
      const status = el.shadowRoot!.querySelector('[part~="status"]')?.textContent ?? '';
      expect(status).to.not.match(/loading/i);
      await recordScenario(`fault: answer past 64 MiB, <${tag}> before any view: error shown`, 1, 0);
    });
  });
}
