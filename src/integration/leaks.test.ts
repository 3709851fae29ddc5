// Attach and detach elements many times: nothing may stay behind on document or window.
import { expect } from '@open-wc/testing';
import '../define.js';
import { testEnv } from '../test-support/env.js';
import { netListeners } from '../test-support/listeners.js';

const env = testEnv();
const CYCLES = 1000;

/** Markup for each element alone and for a whole page of them; grows as elements are added. */
const explorer = (inner: string) =>
  `<parca-source id="leak" sync-url url="${env.parcaUrl}" profile-type="process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta">${inner}</parca-source>`;
const subjects: [name: string, markup: string][] = [
  ['<parca-source> with sync-url', explorer('')],
  ['<parca-query-editor>', explorer('<parca-query-editor></parca-query-editor>')],
  ['<parca-metrics>', explorer('<parca-metrics></parca-metrics>')],
  ['<parca-flamegraph>', explorer('<parca-flamegraph search-field></parca-flamegraph>')],
  [
    'a whole explorer',
    explorer('<parca-query-editor></parca-query-editor><parca-metrics></parca-metrics><parca-flamegraph></parca-flamegraph>'),
  ],
];

describe('attach/detach cycles', function () {
  this.timeout(120_000);

  for (const [name, markup] of subjects) {
    it(`${name}: ${CYCLES} cycles leave no listener on document or window`, async () => {
      const host = document.createElement('div');
      document.body.append(host);
      const template = document.createElement('template');
      template.innerHTML = markup;
      const net = await netListeners([document, window], async () => {
        for (let i = 0; i < CYCLES; i++) {
          const copy = template.content.cloneNode(true) as DocumentFragment;
          const elements = [...copy.querySelectorAll('*')] as (Element & { updateComplete?: Promise<unknown> })[];
          host.append(copy);
          await Promise.all(elements.map((el) => el.updateComplete));
          host.replaceChildren();
        }
      });
      host.remove();
      expect(Object.fromEntries(net)).to.deep.equal({});
    });
  }
});
