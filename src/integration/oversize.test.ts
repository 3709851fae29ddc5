// An answer past the 64 MiB limit, made by the proxy's /huge/ route from Parca's real answer: each element says
// so in its error part, fires parca-error, keeps the view it had, and recovers on the next query.
import { expect } from '@open-wc/testing';
import '../define.js';
import { testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { errorText, mountUnderSource, shownData } from '../test-support/elements.js';
import { recordScenario } from '../test-support/scenarios.js';

const env = testEnv();
const FAST = `${env.proxyUrl}/parca`;
const HUGE = `${env.proxyUrl}/huge`;

for (const tag of ['parca-flamegraph', 'parca-metrics'] as const) {
  describe(`<${tag}> given an answer past 64 MiB`, function () {
    // Each refused answer is 64 MiB on the wire.
    this.timeout(30_000);

    it('shows a too-large error, fires parca-error, keeps its last good view, and recovers', async () => {
      const { source, el } = await mountUnderSource(tag, FAST);
      while (!shownData(el)) await nextEvent(el, 'parca-load');
      const good = shownData(el);

      const failed = nextEvent(el, 'parca-error');
      source.url = HUGE;
      const { error } = await failed;
      await el.updateComplete;
      expect(error.kind).to.equal('too-large');
      expect(errorText(el)).to.contain('too large (more than 64 MiB)');
      expect(errorText(el)).to.contain('Narrow the time range');
      expect(shownData(el), 'the last good view stays').to.equal(good);

      const loaded = nextEvent(el, 'parca-load');
      source.url = FAST;
      await loaded;
      await el.updateComplete;
      expect(errorText(el)).to.equal(undefined);
      expect(shownData(el)).to.not.equal(undefined);
      await recordScenario(`fault: answer past 64 MiB, <${tag}> with a view: error shown, 0 views lost, recovered`, 1, 0);
    });

    it('with no view yet, shows the error instead of a blank or a spinner', async () => {
      const { el } = await mountUnderSource(tag, HUGE);
      const { error } = await nextEvent(el, 'parca-error');
      await el.updateComplete;
      expect(error.kind).to.equal('too-large');
      expect(errorText(el)).to.contain('more than 64 MiB');
      expect(shownData(el)).to.equal(undefined);
      const status = el.shadowRoot!.querySelector('[part~="status"]')?.textContent ?? '';
      expect(status).to.not.match(/loading/i);
      await recordScenario(`fault: answer past 64 MiB, <${tag}> before any view: error shown`, 1, 0);
    });
  });
}
