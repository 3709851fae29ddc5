import { expect, fixture, html } from '@open-wc/testing';
import '../define.js';
import { addressedTo, sourceOf } from './source-rule.js';

/** One rule decides where an element binds and which source hears its events: they must agree everywhere. */
function agree(element: Element, expected: Element | undefined): void {
  expect(sourceOf(element, element.getAttribute('source'))).to.equal(expected);
  const event = new CustomEvent('probe', { bubbles: true, composed: true });
  let heard: Element[] = [];
  const sources = [...document.querySelectorAll('parca-source')];
  const listeners = sources.map((source) => {
    const listener = (e: Event) => addressedTo(source, e) && heard.push(source);
    document.addEventListener('probe', listener);
    return listener;
  });
  element.dispatchEvent(event);
  for (const listener of listeners) document.removeEventListener('probe', listener);
  expect(heard).to.deep.equal(expected ? [expected] : []);
  heard = [];
}

describe('which source an element belongs to', () => {
  it('is the named source, before the one around it', async () => {
    const root = await fixture(html`<div>
      <parca-source id="outer"><span source="other"></span><i></i></parca-source>
      <parca-source id="other"></parca-source>
    </div>`);
    agree(root.querySelector('span')!, root.querySelector('#other')!);
    agree(root.querySelector('i')!, root.querySelector('#outer')!);
  });

  it('is the nearest source of nested ones, also from inside a shadow root', async () => {
    const root = await fixture(html`<parca-source id="a"><parca-source id="b"><div class="host"></div></parca-source></parca-source>`);
    const host = root.querySelector('.host')!;
    const inner = host.attachShadow({ mode: 'open' });
    inner.innerHTML = '<em></em>';
    agree(inner.querySelector('em')!, root.querySelector('#b')!);
  });

  it('is the page default source for an element under none, and none without one', async () => {
    const root = await fixture(html`<div><b></b><parca-source id="d" default></parca-source></div>`);
    agree(root.querySelector('b')!, root.querySelector('#d')!);
    root.querySelector('#d')!.removeAttribute('default');
    agree(root.querySelector('b')!, undefined);
  });

  it('is nothing when the id names no source', async () => {
    const root = await fixture(html`<div><u source="nowhere"></u><p id="nowhere"></p></div>`);
    agree(root.querySelector('u')!, undefined);
  });
});
