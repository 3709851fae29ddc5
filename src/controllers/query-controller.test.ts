import { expect, fixture, html } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { createConnection, type ParcaConnection } from '../client/connection.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { nextEvent } from '../test-support/events.js';
import { QueryController } from './query-controller.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);

/** Asks QueryRange for `job` over the seeded hour: the smallest element with a real request. */
class TestRangeElement extends LitElement {
  @property({ attribute: false }) connection: ParcaConnection | undefined;
  @property() job = '';
  inFlight = 0;
  started = 0;

  readonly request = new QueryController(this, {
    args: () => (this.connection && this.job ? ([this.connection, this.job] as const) : undefined),
    run: async ([connection, job], signal) => {
      this.started++;
      this.inFlight++;
      try {
        return await connection.queryRange(
          {
            query: `${CPU_TYPE}{job="${job}"}`,
            start: timestampFromMs(startMs),
            end: timestampFromMs(endMs),
            step: { seconds: 60n },
            sumBy: ['job'],
          },
          { signal },
        );
      } finally {
        this.inFlight--;
      }
    },
    retries: 0,
  });

  jobShown(): string | undefined {
    const response = this.request.value;
    return response?.series[0]?.labelset?.labels.find((l) => l.name === 'job')?.value;
  }
}
customElements.define('test-range', TestRangeElement);

describe('QueryController', () => {
  it('after 100 rapid changes shows exactly the last answer, with at most one request in flight', async () => {
    const connection = createConnection({ url: env.parcaUrl });
    const el = await fixture<TestRangeElement>(html`<test-range .connection=${connection}></test-range>`);
    let mostCallsInFlight = 0;
    const jobs = ['fib', 'api', 'runtime', 'single-stack', 'two-stacks'];
    for (let i = 0; i < 100; i++) {
      el.job = jobs[i % jobs.length]!;
      await el.updateComplete;
      // Network calls, not promises: an aborted call leaves at once, its promise settles a little later.
      mostCallsInFlight = Math.max(mostCallsInFlight, connection.callsInFlight);
    }
    await el.request.settled;
    expect(el.request.status).to.equal('complete');
    expect(el.jobShown()).to.equal(jobs[99 % jobs.length]);
    expect(mostCallsInFlight).to.equal(1);
    expect(el.started).to.equal(100);
  });

  it('keeps the last good value and reports the error when a later request fails', async () => {
    const el = await fixture<TestRangeElement>(html`<test-range .connection=${createConnection({ url: env.parcaUrl })} job="fib"></test-range>`);
    await el.request.settled;
    expect(el.jobShown()).to.equal('fib');
    const failed = nextEvent(el, 'parca-error');
    el.connection = createConnection({ url: env.closedUrl });
    const event = await failed;
    expect(event.error.kind).to.equal('unreachable');
    expect(el.request.status).to.equal('error');
    expect(el.jobShown(), 'last good value kept').to.equal('fib');
    // Recovers on the next change, without a reload.
    const loaded = nextEvent(el, 'parca-load');
    el.connection = createConnection({ url: env.parcaUrl });
    await loaded;
    expect(el.request.status).to.equal('complete');
    expect(el.request.error).to.equal(undefined);
  });

  it('retries a transient failure a bounded number of times and never retries an invalid query', async () => {
    let runs = 0;
    class Flaky extends LitElement {
      @property() kind: 'transient' | 'invalid' = 'transient';
      readonly request = new QueryController(this, {
        args: () => [this.kind] as const,
        run: async ([kind]) => {
          runs++;
          const { ParcaError } = await import('../client/errors.js');
          throw kind === 'transient' ? new ParcaError('unreachable', 'down') : new ParcaError('invalid-query', 'bad');
        },
        retries: 2,
        retryDelayMs: 1,
      });
    }
    customElements.define('test-flaky', Flaky);
    const el = await fixture<Flaky>(html`<test-flaky></test-flaky>`);
    await nextEvent(el, 'parca-error');
    expect(runs).to.equal(3);
    runs = 0;
    el.kind = 'invalid';
    await nextEvent(el, 'parca-error');
    expect(runs).to.equal(1);
  });

  it('cancels its request when the element is removed', async () => {
    const el = await fixture<TestRangeElement>(html`<test-range .connection=${createConnection({ url: `${env.proxyUrl}/delay/2000` })} job="fib"></test-range>`);
    expect(el.request.status).to.equal('loading');
    let events = 0;
    el.addEventListener('parca-load', () => events++);
    el.addEventListener('parca-error', () => events++);
    el.remove();
    await el.request.settled;
    expect(el.inFlight).to.equal(0);
    expect(events).to.equal(0);
  });
});
