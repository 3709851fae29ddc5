// Answers slower than the source's timeout, made by the proxy's /slow/<tag>/<ms>/ route in front of the real
// Parca, which counts the requests that arrive and those the browser abandoned. Each element shows a timeout
// error and keeps its view; every attempt is really cancelled; and a slow answer never replaces a later one.
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect } from '@open-wc/testing';
import '../define.js';
import { createConnection } from '../client/connection.js';
import { seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { type ChartOrGraph, errorText, mountUnderSource, shownData } from '../test-support/elements.js';
import { proxyCount, recordScenario } from '../test-support/scenarios.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const FAST = `${env.proxyUrl}/parca`;
/** How long the slow route holds each request: well past TIMEOUT_MS. */
const SLOW_MS = 1500;
const TIMEOUT_MS = 400;
/** The first try and the query controller's two retries (a timeout is transient). */
const MAX_ATTEMPTS = 3;

/** A fresh tag on the slow route, so counts are this test's alone. */
function slowRoute(): { tag: string; url: string } {
  const tag = `slow-${crypto.randomUUID()}`;
  return { tag, url: `${env.proxyUrl}/slow/${tag}/${SLOW_MS}` };
}

/** Asks the proxy until `done` holds for its count under `tag` (each ask is a round trip, not a timed wait). */
async function proxySees(tag: string, done: (count: number) => boolean): Promise<number> {
  for (;;) {
    const count = await proxyCount(tag);
    if (done(count)) return count;
  }
}

/**
 * Waits as long as an abandoned slow request would have taken to answer: a request sent now on the same slow
 * route answers after everything the element sent there before. A late answer would be shown by then.
 */
async function outlastSlowAnswers(): Promise<void> {
  const twin = createConnection({ url: slowRoute().url });
  await twin.profileTypes({ start: timestampFromMs(startMs), end: timestampFromMs(endMs) });
}

/** Counts the element's parca-load and parca-error events from now on. */
function countEvents(el: ChartOrGraph): { loads: number; errors: number } {
  const counts = { loads: 0, errors: 0 };
  el.addEventListener('parca-load', () => counts.loads++);
  el.addEventListener('parca-error', () => counts.errors++);
  return counts;
}

for (const tag of ['parca-flamegraph', 'parca-metrics'] as const) {
  describe(`<${tag}> with answers slower than the timeout`, function () {
    this.timeout(30_000);

    it('shows a timeout error, cancels every attempt, keeps its view, and a slow answer never overwrites a later one', async () => {
      const { source, el } = await mountUnderSource(tag, FAST);
      while (!shownData(el)) await nextEvent(el, 'parca-load');
      const good = shownData(el);

      const slow = slowRoute();
      const failed = nextEvent(el, 'parca-error');
      source.url = slow.url;
      source.timeout = TIMEOUT_MS;
      const { error } = await failed;
      await el.updateComplete;
      expect(error.kind).to.equal('timeout');
      expect(errorText(el)).to.contain(`did not answer within ${TIMEOUT_MS / 1000} s`);
      expect(shownData(el), 'the last good view stays').to.equal(good);

      const attempts = await proxyCount(slow.tag);
      expect(attempts).to.be.within(1, MAX_ATTEMPTS);
      // The browser closed each request when its time was up: the proxy saw every one abandoned.
      const aborted = await proxySees(`${slow.tag}/aborted`, (n) => n >= attempts);
      expect(aborted).to.equal(attempts);

      // A later, fast query for another job...
      const loaded = nextEvent(el, 'parca-load');
      source.url = FAST;
      source.timeout = 30_000;
      source.selector = '{job="runtime"}';
      await loaded;
      // Settled: a chart asks once more when the data is sparser than its first step.
      await el.settled;
      await el.updateComplete;
      const fresh = shownData(el);
      expect(fresh).to.not.equal(good);
      expect(errorText(el)).to.equal(undefined);

      // ...stays on screen after the slow answers would have come.
      const events = countEvents(el);
      await outlastSlowAnswers();
      await el.updateComplete;
      expect(shownData(el), 'no late overwrite').to.equal(fresh);
      expect(events).to.deep.equal({ loads: 0, errors: 0 });
      expect(await proxyCount(slow.tag), 'no attempt after the error').to.equal(attempts);
      await recordScenario(
        `fault: answers slower than the timeout, <${tag}>: ${attempts} attempts, ${aborted} cancelled, 0 late overwrites, 0 views lost`,
        attempts,
        0,
      );
    });

    it('a slow request superseded by a fast query is cancelled and never shown', async () => {
      const slow = slowRoute();
      const { source, el } = await mountUnderSource(tag, slow.url);
      // The element's request is held at the proxy.
      await proxySees(slow.tag, (n) => n >= 1);

      const loaded = nextEvent(el, 'parca-load');
      source.url = FAST;
      source.selector = '{job="runtime"}';
      await loaded;
      // Settled: a chart asks once more when the data is sparser than its first step.
      await el.settled;
      await el.updateComplete;
      const fresh = shownData(el);
      expect(fresh).to.not.equal(undefined);
      expect(await proxySees(`${slow.tag}/aborted`, (n) => n >= 1)).to.equal(1);

      const events = countEvents(el);
      await outlastSlowAnswers();
      await el.updateComplete;
      expect(shownData(el), 'no late overwrite').to.equal(fresh);
      expect(events).to.deep.equal({ loads: 0, errors: 0 });
      expect(errorText(el)).to.equal(undefined);
      expect(await proxyCount(slow.tag)).to.equal(1);
      await recordScenario(`fault: slow answer superseded by a fast query, <${tag}>: cancelled, 0 late overwrites`, 1, 0);
    });
  });
}
