// End to end against a real Parca (scripts/bench/e2e.html): from navigation to the first complete flame graph, in a
// fresh page, split into what the page waited for. Loaded before the library, it records every request the page
// makes and every canvas draw; once the graph is drawn it replays the flame graph's own request a few times, so
// the server's answer time for exactly that request stands beside the page's.
import { recordDraws, untilStable } from './harness.js';
import type { PageValue } from './harness.js';

interface Sent {
  url: string;
  /** performance.now() when the page called fetch, and when the response (headers) came. */
  start: number;
  headers?: number;
  init: RequestInit | undefined;
}

const sent: Sent[] = [];
const pageFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
  const record: Sent = { url: String(input instanceof Request ? input.url : input), start: performance.now(), init };
  sent.push(record);
  const response = await pageFetch(input, init);
  record.headers = performance.now();
  return response;
};

interface LoadDetail {
  sentAt?: number;
  fetchMs?: number;
  decodeMs: number;
  durationMs: number;
}

const values: PageValue[] = [];
const report = (metric: string, value: number, unit: PageValue['unit'] = 'ms') => values.push({ metric, unit, value });
(window as unknown as { __bench: unknown }).__bench = { done: false, values, error: undefined };

async function measure(): Promise<void> {
  let graph: (HTMLElement & { data?: unknown }) | null = null;
  const drawing = recordDraws(() => graph?.data !== undefined);
  const loaded = new Promise<LoadDetail>((resolve) =>
    document.addEventListener('parca-load', (event) => {
      if ((event.target as Element).localName === 'parca-flamegraph') resolve(event as unknown as LoadDetail);
    }),
  );
  await customElements.whenDefined('parca-flamegraph');
  const defined = performance.now();
  graph = document.querySelector('parca-flamegraph');
  const load = await loaded;
  await untilStable(drawing.draws, 0);
  drawing.stop();
  const paint = drawing.draws.find((d) => d.complete)!.end;
  const bundle = performance.getEntriesByType('resource').find((e) => e.name.endsWith('parca-elements.bundle.js')) as PerformanceResourceTiming | undefined;
  const query = sent.find((s) => s.url.endsWith('/parca.query.v1alpha1.QueryService/Query'));
  if (!query || load.sentAt === undefined || load.fetchMs === undefined) throw new Error('no Query request was seen');
  const answered = load.sentAt + load.fetchMs;
  report('first paint', paint);
  // A fresh context's page asks for the bundle only once its renderer is up: when it asked, beside when it had it.
  report('bundle requested', bundle?.requestStart ?? Number.NaN);
  report('bundle loaded', bundle?.responseEnd ?? Number.NaN);
  report('elements defined', defined);
  report('client wait', load.sentAt - defined);
  report('requests before the flame graph', sent.filter((s) => s.start < query.start).length, 'count');
  report('answer', load.fetchMs);
  report('decode', load.decodeMs);
  report('draw', paint - answered - load.decodeMs);
  // The same request again, as the page sent it: what Parca needs to answer it.
  const replays: number[] = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    // Without the page's signal: the transport aborts it once the call is over.
    const response = await pageFetch(query.url, { ...query.init, signal: null });
    await response.arrayBuffer();
    replays.push(performance.now() - start);
  }
  replays.sort((a, b) => a - b);
  report('server answer, same request', replays[2]!);
}

measure()
  .catch((error: unknown) => ((window as unknown as { __bench: { error: string } }).__bench.error = String((error as Error)?.stack ?? error)))
  .finally(() => ((window as unknown as { __bench: { done: boolean } }).__bench.done = true));
