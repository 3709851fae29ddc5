// Credentials given to a source never show: not in the DOM (shadow roots included), the URL, console output,
// the elements' events, or the query state they share.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);

function deepHtml(root: Element | ShadowRoot): string {
  let text = root instanceof Element ? root.outerHTML : root.innerHTML;
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) text += deepHtml(el.shadowRoot);
  return text;
}

function serializable(event: Event): string {
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(event)) fields[key] = (event as unknown as Record<string, unknown>)[key];
  return JSON.stringify(fields, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? `[${value.length} bytes]` : value,
  );
}

describe('credentials stay secret', () => {
  it('a full explorer with a token and headers shows them nowhere', async () => {
    const logged: string[] = [];
    const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the console's own methods, kept to be put back as they were.
    const originals = methods.map((m) => console[m]);
    methods.forEach((m) => (console[m] = (...args: unknown[]) => logged.push(args.map(String).join(' '))));
    const events: string[] = [];
    const record = (event: Event) => events.push(serializable(event));
    const types = ['parca-load', 'parca-error', 'parca-source-change', 'parca-query-submit', 'parca-range-select'];
    types.forEach((type) => document.addEventListener(type, record));
    const token = `tok-${crypto.randomUUID()}`;
    try {
      // The bearer route of the test proxy only forwards with the right token, so data arriving proves it was sent.
      const source = await fixture<ParcaSourceElement>(html`
        <parca-source sync-url id="secret" url=${`${env.proxyUrl}/bearer`} profile-type=${CPU_TYPE}
          from=${new Date(startMs).toISOString()} to=${new Date(endMs).toISOString()}>
          <parca-query-editor></parca-query-editor>
          <parca-metrics></parca-metrics>
          <parca-flamegraph></parca-flamegraph>
        </parca-source>`);
      source.token = env.bearer;
      source.headers = { 'X-Secret-Header': token };
      const graph = source.querySelector('parca-flamegraph') as ParcaFlamegraphElement;
      const metrics = source.querySelector('parca-metrics') as ParcaMetricsElement;
      while (!graph.data) await nextEvent(graph, 'parca-load');
      while (!metrics.data) await nextEvent(metrics, 'parca-load');
      // A bad selector, so an error path runs too.
      source.selector = '{job=~"("}';
      await nextEvent(graph, 'parca-error');

      // The body, not the head: the test page's head carries the test environment (with the proxy's token) itself.
      const everywhere = [deepHtml(document.body), location.href, logged.join('\n'), events.join('\n'), JSON.stringify(source.query)].join('\n');
      expect(everywhere).not.to.contain(env.bearer);
      expect(everywhere).not.to.contain(token);
      expect(events.length, 'events were seen').to.be.greaterThan(1);
    } finally {
      methods.forEach((m, i) => (console[m] = originals[i]!));
      types.forEach((type) => document.removeEventListener(type, record));
      history.replaceState(null, '', location.pathname + location.search.replace(/[?&]secret\.[^&]*/g, ''));
    }
  });
});
