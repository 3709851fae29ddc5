// Development-only warnings: a connected view with no profile type, and attribute values outside the allowed set.
// devWarn says each message once per page, so the tests that expect silence run before the ones that warn.
import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import { createConnection } from '../client/connection.js';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { SETTLE_MS } from '../elements/dev-checks.js';
import { CPU_TYPE, testEnv } from '../test-support/env.js';
import { FakeClock } from '../test-support/fake-clock.js';

const env = testEnv();

/** The clock every fixture runs on: the setup checks wait on it for the page to settle. */
let clock = new FakeClock();

/** Waits until the elements have updated, then lets the time pass that the setup checks wait for. */
async function settle(root: Element): Promise<void> {
  const elements = [root, ...root.querySelectorAll('*')] as Array<Element & { updateComplete?: Promise<unknown> }>;
  await Promise.all(elements.map((el) => el.updateComplete ?? Promise.resolve()));
  clock.advance(SETTLE_MS);
}

describe('development warnings', () => {
  let warnings: string[];
  const originalWarn = console.warn;
  beforeEach(() => {
    clock = new FakeClock();
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => {
    console.warn = originalWarn;
  });

  describe('stay quiet when the setup is valid', () => {
    it('gives none for allowed attribute values and a profile type', async () => {
      const source = await fixture<ParcaSourceElement>(html`
        <parca-source .clock=${clock} url=${env.parcaUrl} credentials="same-origin" profile-type=${CPU_TYPE}>
          <parca-metrics></parca-metrics>
          <parca-flamegraph orientation="flame" color-by="file"></parca-flamegraph>
          <parca-flamegraph orientation="icicle" color-by="package"></parca-flamegraph>
        </parca-source>`);
      await settle(source);
      expect(warnings).to.deep.equal([]);
    });

    it('takes the profile type from a sync-url link', async () => {
      const original = location.href;
      history.replaceState(null, '', `${location.pathname}?dw.type=${encodeURIComponent(CPU_TYPE)}`);
      try {
        const source = await fixture<ParcaSourceElement>(html`
          <parca-source .clock=${clock} sync-url="dw" url=${env.parcaUrl}><parca-metrics></parca-metrics></parca-source>`);
        await settle(source);
        expect(source.query.profileType).to.equal(CPU_TYPE);
        expect(warnings).to.deep.equal([]);
      } finally {
        history.replaceState(null, '', original);
      }
    });
  });

  it('waits for the page to settle: a connection set a moment after load is no reason to warn, one that never comes is', async () => {
    customElements.define('dev-warnings-late', class extends (customElements.get('parca-flamegraph') as typeof ParcaFlamegraphElement) {});
    const late = await fixture<ParcaSourceElement>(
      html`<parca-source .clock=${clock} profile-type=${CPU_TYPE}><dev-warnings-late></dev-warnings-late></parca-source>`,
    );
    await (late.querySelector('dev-warnings-late') as ParcaFlamegraphElement).updateComplete;
    clock.advance(SETTLE_MS / 2);
    // As a page sets it from a config it fetched.
    late.url = env.parcaUrl;
    await late.updateComplete;
    clock.advance(SETTLE_MS);
    expect(warnings.join('\n')).to.not.contain('has no connection');

    customElements.define('dev-warnings-never', class extends (customElements.get('parca-flamegraph') as typeof ParcaFlamegraphElement) {});
    const never = await fixture<ParcaSourceElement>(
      html`<parca-source .clock=${clock} profile-type=${CPU_TYPE}><dev-warnings-never></dev-warnings-never></parca-source>`,
    );
    await (never.querySelector('dev-warnings-never') as ParcaFlamegraphElement).updateComplete;
    clock.advance(SETTLE_MS - 1);
    expect(warnings.join('\n')).to.not.contain('<dev-warnings-never> has no connection');
    clock.advance(1);
    expect(warnings.join('\n')).to.contain('<dev-warnings-never> has no connection');
  });

  it('says how to set a profile type for metrics and flame graph, not the editor', async () => {
    const source = await fixture<ParcaSourceElement>(html`
      <parca-source .clock=${clock} url=${env.parcaUrl}>
        <parca-query-editor></parca-query-editor>
        <parca-metrics></parca-metrics>
        <parca-flamegraph></parca-flamegraph>
      </parca-source>`);
    await settle(source);
    const text = warnings.join('\n');
    for (const tag of ['parca-metrics', 'parca-flamegraph']) {
      expect(text).to.contain(`<${tag}> has a connection but no profile type`);
    }
    expect(text).to.contain('profile-type="…"');
    expect(text).not.to.contain('<parca-query-editor> has a connection');
    expect(text).not.to.contain('has no connection');
  });

  it('warns about an element with its own connection and no query', async () => {
    // A tag of its own, since each message is said once per page.
    customElements.define('dev-warnings-metrics', class extends (customElements.get('parca-metrics') as typeof ParcaMetricsElement) {});
    const el = document.createElement('dev-warnings-metrics') as ParcaMetricsElement;
    el.connection = createConnection({ url: env.parcaUrl });
    el.clock = clock;
    await fixture(el);
    await settle(el);
    expect(warnings.join('\n')).to.contain('<dev-warnings-metrics> has a connection but no profile type');
  });

  it('names the flame graph attribute, the value and the allowed values', async () => {
    const graph = await fixture<ParcaFlamegraphElement>(html`
      <parca-flamegraph orientation="sideways" color-by="rainbow"></parca-flamegraph>`);
    await graph.updateComplete;
    expect(warnings).to.include('parca-elements: <parca-flamegraph> orientation="sideways" is not allowed; use one of: icicle, flame.');
    expect(warnings).to.include('parca-elements: <parca-flamegraph> color-by="rainbow" is not allowed; use one of: binary, package, file.');
  });

  it('checks values set as properties, once each', async () => {
    const graph = await fixture<ParcaFlamegraphElement>(html`<parca-flamegraph></parca-flamegraph>`);
    graph.orientation = 'upside-down' as ParcaFlamegraphElement['orientation'];
    await graph.updateComplete;
    graph.search = 'x';
    await graph.updateComplete;
    const about = warnings.filter((w) => w.includes('orientation="upside-down"'));
    expect(about).to.have.length(1);
    expect(about[0]).to.contain('<parca-flamegraph>');
  });

  it('names the source credentials attribute and its allowed values', async () => {
    const source = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl} credentials="always"></parca-source>`);
    await source.updateComplete;
    expect(warnings).to.include('parca-elements: <parca-source> credentials="always" is not allowed; use one of: omit, same-origin, include.');
  });
});
