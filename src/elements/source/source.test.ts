import { expect, fixture, html } from '@open-wc/testing';
import { SETTLE_MS } from '../dev-checks.js';
import { FakeClock } from '../../test-support/fake-clock.js';
import { nextEvent } from '../../test-support/events.js';
import '../../define.js';
import { ParcaQuerySubmitEvent } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaSourceChangeEvent } from '../../events/source-change.js';
import { absoluteRange, formatTimeBound } from '../../model/time-range.js';
import { CPU_TYPE, testEnv } from '../../test-support/env.js';
import { ParcaElement } from '../parca-element.js';
import { ParcaSourceElement } from './source.js';

const env = testEnv();

/** The smallest element that uses a source, to observe what it is given. */
class TestConsumerElement extends ParcaElement {
  override render() {
    return this.activeQuery?.profileType ?? '';
  }
}
customElements.define('test-consumer', TestConsumerElement);

function consumer(root: ParentNode, selector = 'test-consumer'): TestConsumerElement {
  return root.querySelector(selector) as TestConsumerElement;
}

function submit(from: Element, profileType: string, selector = '{}'): void {
  from.dispatchEvent(new ParcaQuerySubmitEvent({ profileType, selector, kind: 'both' }));
}

describe('<parca-source>', () => {
  it('renders only its slot and provides its connection and query', async () => {
    const el = await fixture<ParcaSourceElement>(html`
      <parca-source url=${env.parcaUrl} name="local" profile-type=${CPU_TYPE} selector='{job="fib"}'>
        <test-consumer></test-consumer>
      </parca-source>
    `);
    expect(el.shadowRoot!.querySelector('slot')).to.exist;
    expect(getComputedStyle(el).display).to.equal('contents');
    const child = consumer(el);
    expect(child.activeConnection).to.equal(el.connection);
    expect(child.activeConnection!.url).to.equal(env.parcaUrl);
    expect(child.sourceName).to.equal('local');
    expect(child.activeQuery).to.include({ profileType: CPU_TYPE, selector: '{job="fib"}', kind: 'both' });
    expect(formatTimeBound(child.activeQuery!.range.from)).to.equal('now-1h');
    expect(Object.isFrozen(child.activeQuery)).to.equal(true);
  });

  it('the connection it provides talks to Parca', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    const { types } = await consumer(el).activeConnection!.profileTypes({});
    expect(types.length).to.be.greaterThan(0);
  });

  it('applies a query submitted by a descendant and announces it', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    const child = consumer(el);
    const before = child.activeQuery;
    setTimeout(() => submit(child, CPU_TYPE, '{job="api"}'));
    const event = await nextEvent(el, ParcaSourceChangeEvent.eventName);
    expect(event.query).to.include({ profileType: CPU_TYPE, selector: '{job="api"}' });
    await child.updateComplete;
    expect(child.activeQuery).to.equal(event.query);
    expect(child.activeQuery).not.to.equal(before);
    expect(el.profileType).to.equal(CPU_TYPE);
  });

  it('narrows the range when a descendant selects one', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    const range = absoluteRange(Date.UTC(2026, 0, 1, 10), Date.UTC(2026, 0, 1, 11));
    setTimeout(() => consumer(el).dispatchEvent(new ParcaRangeSelectEvent(range)));
    const event = await nextEvent(el, ParcaSourceChangeEvent.eventName);
    expect(event.query.range).to.deep.equal(range);
    expect(el.from).to.equal('2026-01-01T10:00:00.000Z');
    expect(el.to).to.equal('2026-01-01T11:00:00.000Z');
  });

  it('fires no event when code sets its properties, but still provides the new state', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    let fired = 0;
    el.addEventListener(ParcaSourceChangeEvent.eventName, () => fired++);
    el.profileType = CPU_TYPE;
    el.from = 'now-15m';
    await el.updateComplete;
    await consumer(el).updateComplete;
    expect(fired).to.equal(0);
    expect(consumer(el).activeQuery!.profileType).to.equal(CPU_TYPE);
    expect(formatTimeBound(consumer(el).activeQuery!.range.from)).to.equal('now-15m');
  });

  it('keeps the last good range when from/to do not parse', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl} from="now-6h"></parca-source>`);
    el.from = 'yesterday-ish';
    await el.updateComplete;
    expect(formatTimeBound(el.query.range.from)).to.equal('now-6h');
  });

  it('keeps several sources on one page apart', async () => {
    const root = await fixture(html`<div>
      <parca-source id="a" url=${env.parcaUrl} profile-type="a:x:y:z:w"><test-consumer></test-consumer></parca-source>
      <parca-source id="b" url=${env.proxyUrl + '/parca'} profile-type="b:x:y:z:w"><test-consumer></test-consumer></parca-source>
    </div>`);
    const [a, b] = root.querySelectorAll<TestConsumerElement>('test-consumer');
    expect(a!.activeQuery!.profileType).to.equal('a:x:y:z:w');
    expect(b!.activeQuery!.profileType).to.equal('b:x:y:z:w');
    expect(b!.activeConnection!.url).to.equal(`${env.proxyUrl}/parca`);
    setTimeout(() => submit(a!, CPU_TYPE));
    await nextEvent(root.querySelector('#a')!, ParcaSourceChangeEvent.eventName);
    await b!.updateComplete;
    expect(b!.activeQuery!.profileType).to.equal('b:x:y:z:w');
  });

  it('lets the nearest of nested sources win', async () => {
    const root = await fixture(html`
      <parca-source id="outer" url=${env.parcaUrl} profile-type="outer:x:y:z:w">
        <parca-source id="inner" url=${env.parcaUrl} profile-type="inner:x:y:z:w"><test-consumer></test-consumer></parca-source>
      </parca-source>`);
    const child = consumer(root);
    expect(child.activeQuery!.profileType).to.equal('inner:x:y:z:w');
    let outerChanged = 0;
    root.addEventListener(ParcaSourceChangeEvent.eventName, (e) => e.target === root && outerChanged++);
    setTimeout(() => submit(child, CPU_TYPE));
    const event = await nextEvent(root.querySelector('#inner')!, ParcaSourceChangeEvent.eventName);
    expect(event.target).to.equal(root.querySelector('#inner'));
    expect(outerChanged).to.equal(0);
    expect((root as ParcaSourceElement).profileType).to.equal('outer:x:y:z:w');
  });

  it('serves an element elsewhere on the page that names it with source="id"', async () => {
    const root = await fixture(html`<div>
      <parca-source id="prod" url=${env.parcaUrl} profile-type="prod:x:y:z:w"></parca-source>
      <section><test-consumer source="prod"></test-consumer></section>
    </div>`);
    const child = consumer(root);
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal('prod:x:y:z:w');
    setTimeout(() => submit(child, CPU_TYPE));
    const event = await nextEvent(root.querySelector('#prod')!, ParcaSourceChangeEvent.eventName);
    expect(event.query.profileType).to.equal(CPU_TYPE);
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal(CPU_TYPE);
  });

  it('follows a change of the source attribute', async () => {
    const root = await fixture(html`<div>
      <parca-source id="one" url=${env.parcaUrl} profile-type="one:x:y:z:w"></parca-source>
      <parca-source id="two" url=${env.parcaUrl} profile-type="two:x:y:z:w"></parca-source>
      <test-consumer source="one"></test-consumer>
    </div>`);
    const child = consumer(root);
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal('one:x:y:z:w');
    child.source = 'two';
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal('two:x:y:z:w');
  });

  it('serves elements under no source from the default source', async () => {
    const root = await fixture(html`<div>
      <parca-source id="other" url=${env.parcaUrl} profile-type="other:x:y:z:w"></parca-source>
      <parca-source default url=${env.parcaUrl} profile-type="default:x:y:z:w"></parca-source>
      <test-consumer></test-consumer>
    </div>`);
    const child = consumer(root);
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal('default:x:y:z:w');
    const fallback = root.querySelector('[default]')!;
    setTimeout(() => submit(child, CPU_TYPE));
    const event = await nextEvent(fallback, ParcaSourceChangeEvent.eventName);
    expect(event.query.profileType).to.equal(CPU_TYPE);
    expect((root.querySelector('#other') as ParcaSourceElement).profileType).to.equal('other:x:y:z:w');
  });

  it('reaches elements that were there before the source was defined', async () => {
    const tag = 'late-parca-source';
    const root = await fixture(
      html`<div><late-parca-source id="late" url=${env.parcaUrl} profile-type="late:x:y:z:w"><test-consumer></test-consumer></late-parca-source></div>`,
    );
    const child = consumer(root);
    expect(child.activeQuery).to.equal(undefined);
    customElements.define(tag, class extends ParcaSourceElement {});
    await (root.querySelector(tag) as ParcaSourceElement).updateComplete;
    await new Promise((resolve) => queueMicrotask(() => resolve(undefined)));
    await child.updateComplete;
    expect(child.activeQuery!.profileType).to.equal('late:x:y:z:w');
  });

  it("lets an element's own connection and query win over its source's", async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl} profile-type="src:x:y:z:w"><test-consumer></test-consumer></parca-source>`);
    const child = consumer(el);
    const { createQueryState } = await import('../../model/query-state.js');
    child.query = createQueryState({ profileType: 'own:x:y:z:w' });
    expect(child.activeQuery!.profileType).to.equal('own:x:y:z:w');
  });

  it('stops serving a child that leaves and keeps no listener once removed', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    const child = consumer(el);
    child.remove();
    expect(child.activeQuery).to.equal(undefined);
    el.remove();
    let fired = 0;
    el.addEventListener(ParcaSourceChangeEvent.eventName, () => fired++);
    document.body.append(child);
    submit(child, CPU_TYPE);
    expect(fired).to.equal(0);
    child.remove();
  });

  it('keeps credentials out of the DOM and its events', async () => {
    const el = await fixture<ParcaSourceElement>(html`<parca-source url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
    el.user = 'me';
    el.password = 'pw-very-secret';
    el.token = 'token-very-secret';
    el.headers = { 'X-Api-Key': 'header-very-secret' };
    await el.updateComplete;
    setTimeout(() => submit(consumer(el), CPU_TYPE));
    const event = await nextEvent(el, ParcaSourceChangeEvent.eventName);
    const visible = el.outerHTML + JSON.stringify(event) + JSON.stringify(event.query) + JSON.stringify(consumer(el).activeConnection);
    for (const secret of ['pw-very-secret', 'token-very-secret', 'header-very-secret']) expect(visible).not.to.contain(secret);
    expect(el.connection!.authenticated).to.equal(true);
  });

  it('warns in development about an element that has no source and no connection', async () => {
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      const clock = new FakeClock();
      const el = await fixture<TestConsumerElement>(html`<test-consumer .clock=${clock}></test-consumer>`);
      clock.advance(SETTLE_MS);
      expect(el.activeConnection).to.equal(undefined);
      expect(warnings.join('\n')).to.contain('<test-consumer> has no connection');
    } finally {
      console.warn = warn;
    }
  });

  describe('sync-url', () => {
    const original = location.href;
    afterEach(() => history.replaceState(null, '', original));

    it('writes applied queries into the URL under its own key and restores them in a new page', async () => {
      const root = await fixture(html`<div>
        <parca-source id="a" sync-url url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>
        <parca-source id="b" sync-url="other" url=${env.parcaUrl} profile-type="b:x:y:z:w"><test-consumer></test-consumer></parca-source>
      </div>`);
      const [a] = root.querySelectorAll('test-consumer');
      setTimeout(() => submit(a!, CPU_TYPE, '{job="api"}'));
      await nextEvent(root.querySelector('#a')!, 'parca-source-change');
      const params = new URLSearchParams(location.search);
      expect(params.get('a.type')).to.equal(CPU_TYPE);
      expect(params.get('a.selector')).to.equal('{job="api"}');
      expect(params.get('wtr-session-id'), 'other keys are kept').to.exist;
      expect(params.has('other.type'), 'the other source wrote nothing').to.equal(false);

      const restored = await fixture<ParcaSourceElement>(html`<parca-source id="a" sync-url url=${env.parcaUrl} profile-type="ignored:x:y:z:w"></parca-source>`);
      expect(restored.query.profileType).to.equal(CPU_TYPE);
      expect(restored.query.selector).to.equal('{job="api"}');
    });

    it('goes back to the previous query on history back, and announces it', async () => {
      const el = await fixture<ParcaSourceElement>(html`<parca-source id="h" sync-url url=${env.parcaUrl}><test-consumer></test-consumer></parca-source>`);
      const child = consumer(el);
      setTimeout(() => submit(child, CPU_TYPE, '{job="fib"}'));
      await nextEvent(el, 'parca-source-change');
      setTimeout(() => submit(child, CPU_TYPE, '{job="api"}'));
      await nextEvent(el, 'parca-source-change');
      expect(el.query.selector).to.equal('{job="api"}');
      setTimeout(() => history.back());
      const event = await nextEvent(el, 'parca-source-change');
      expect(event.query.selector).to.equal('{job="fib"}');
      await child.updateComplete;
      expect(child.activeQuery!.selector).to.equal('{job="fib"}');
    });
  });
});
