// What element tests share: mounting a visual element under a source, and waiting for what it shows.
import { fixture, html } from '@open-wc/testing';
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import type { ParcaMetricsElement } from '../elements/metrics/metrics.js';
import type { ParcaSourceElement } from '../elements/source/source.js';
import { CPU_TYPE, seededRange } from './env.js';
import { nextEvent } from './events.js';

export function isoTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** Resolves when a flame graph's next request settles and is drawn; fails the test on an error. */
export async function flamegraphSettled(el: ParcaFlamegraphElement): Promise<void> {
  const result = await Promise.race([nextEvent(el, 'parca-load'), nextEvent(el, 'parca-error')]);
  if (result.type === 'parca-error') throw new Error(`request failed: ${(result as Event & { error: Error }).error.message}`);
  await el.updateComplete;
  await el.drawComplete;
}

export type ChartOrGraph = ParcaFlamegraphElement | ParcaMetricsElement;

/** One flame graph or chart, 800 px wide, under a source at `url` over the seeded hour of the fib job. */
export async function mountUnderSource(tag: 'parca-flamegraph' | 'parca-metrics', url: string) {
  const { startMs, endMs } = seededRange();
  const source = await fixture<ParcaSourceElement>(html`
    <parca-source url=${url} profile-type=${CPU_TYPE} selector='{job="fib"}' from=${isoTime(startMs)} to=${isoTime(endMs)}>
      ${
        tag === 'parca-flamegraph'
          ? html`<parca-flamegraph style="display: block; width: 800px"></parca-flamegraph>`
          : html`<parca-metrics style="display: block; width: 800px"></parca-metrics>`
      }
    </parca-source>`);
  return { source, el: source.querySelector(tag) as ChartOrGraph };
}

/** What the element shows: the flame graph's data or the chart's series (compared by identity). */
export function shownData(el: ChartOrGraph): unknown {
  return el.data;
}

export function errorText(el: Element): string | undefined {
  return el.shadowRoot!.querySelector('[part~="error"]')?.textContent ?? undefined;
}
