// What a strict TypeScript user writes: every element, every event on the element that fires it, every error
// kind. Compiled with skipLibCheck off, so each shipped .d.ts this reaches is checked under these options too.
import 'parca-elements/define.js';
import 'parca-elements/define/flamegraph.js';
import {
  ParcaBreakdownElement,
  ParcaCompareElement,
  type CompareMode,
  ParcaError,
  ParcaFlamechartElement,
  type ParcaErrorKind,
  ParcaErrorEvent,
  ParcaFlamegraphElement,
  ParcaFlamegraphLoadEvent,
  ParcaLoadEvent,
  ParcaMetricsElement,
  ParcaQueryEditorElement,
  ParcaSandwichSelectEvent,
  ParcaSourceElement,
  type QueryState,
  createConnection,
  createQueryState,
} from 'parca-elements';

const PROFILE_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
const seen: unknown[] = [];

// Elements: the tag name map gives each its class.
const source: ParcaSourceElement = document.createElement('parca-source');
const editor: ParcaQueryEditorElement = document.createElement('parca-query-editor');
const metrics: ParcaMetricsElement = document.createElement('parca-metrics');
const graph: ParcaFlamegraphElement = document.createElement('parca-flamegraph');
const found: ParcaFlamegraphElement | null = document.querySelector('parca-flamegraph');
source.url = 'http://localhost:7070';
source.profileType = PROFILE_TYPE;
source.selector = '{job="api"}';
source.from = 'now-1h';
source.to = 'now';
source.connection = createConnection({ url: 'http://localhost:7070', name: 'local', token: 'secret', timeoutMs: 10_000 });
source.append(editor, metrics, graph);
const query: QueryState = createQueryState({ profileType: PROFILE_TYPE, selector: '{job="api"}' });
metrics.query = query;
graph.query = query;
graph.search = 'runtime';
graph.searchField = true;
seen.push(found, source.query.window?.startMs, graph.toPNG());

// Events of <parca-flamegraph>: its parca-load carries the graph's sizes, without a cast.
graph.addEventListener('parca-load', (event) => seen.push(event.total, event.trimmed, event.nodeCount, event.decodeMs, event.durationMs));
graph.addEventListener('parca-frame-select', (event) => {
  seen.push(event.frame.name, event.frame.cumulative, event.unit);
  event.preventDefault();
});
graph.addEventListener('parca-view-change', (event) => seen.push(event.view.focus, event.view.search, event.viewId));
graph.addEventListener('parca-baseline-select', (event) => seen.push(event.range?.from));
graph.addEventListener('parca-point-select', (event) => seen.push(event.point?.timestampMs, event.profileType));
graph.addEventListener('parca-sandwich-select', (event: ParcaSandwichSelectEvent) => seen.push(event.functionName));
graph.addEventListener('parca-error', (event) => seen.push(describe(event.error), event.sourceName));
graph.addEventListener('click', (event) => seen.push(event.clientX));
const onGraphLoad = function (this: ParcaFlamegraphElement, event: ParcaFlamegraphLoadEvent): void {
  seen.push(this.search, event.nodeCount);
};
graph.addEventListener('parca-load', onGraphLoad);
graph.removeEventListener('parca-load', onGraphLoad);

// Events of <parca-metrics>.
metrics.addEventListener('parca-range-select', (event) => seen.push(event.range.from, event.range.to));
metrics.addEventListener('parca-point-select', (event) => seen.push(event.point?.durationMs));
metrics.addEventListener('parca-baseline-select', (event) => seen.push(event.range?.to));
metrics.addEventListener('parca-load', (event) => seen.push(event.durationMs, event.sourceName));
metrics.addEventListener('parca-error', (event) => seen.push(event.error.kind));
// A series' query actions: the new selector, cancelable.
metrics.addEventListener('parca-selector-select', (event) => {
  seen.push(event.selector, event.action, event.labels['job']);
  if (event.action === 'exclude') event.preventDefault();
});
metrics.sumBy = 'job,instance';
seen.push(query.sumBy.length);

// Events of <parca-query-editor>.
editor.addEventListener('parca-query-submit', (event) => seen.push(event.query.profileType, event.query.selector, event.query.kind, event.query.sumBy?.join(',')));
editor.sumBy = 'job';
editor.addEventListener('parca-query-change', (event) => seen.push(event.valid, event.error?.reason, event.query.selector));
editor.addEventListener('parca-range-select', (event) => seen.push(event.range));
editor.addEventListener('parca-refresh-select', (event) => seen.push(event.interval));
editor.addEventListener('parca-load', (event: ParcaLoadEvent) => seen.push(event.durationMs));
editor.addEventListener('parca-error', (event: ParcaErrorEvent) => seen.push(event.error.message));

// <parca-flamechart>: stacks over time; its parca-load carries the chart's sizes, its limit says why not.
const chart: ParcaFlamechartElement = document.createElement('parca-flamechart');
chart.query = query;
chart.colorBy = 'package';
chart.addEventListener('parca-load', (event) => seen.push(event.nodeCount, event.decodeMs));
chart.addEventListener('parca-range-select', (event) => seen.push(event.range.from));
chart.addEventListener('parca-view-change', (event) => seen.push(event.view.search));
chart.zoomTo(0, 1);
seen.push(chart.limit?.reason, chart.limit?.offer?.range, chart.visibleWindow.startMs, chart.visibleTotal);
source.append(chart);

// <parca-breakdown>: a row per value of a label; its include, exclude and open go up as parca-selector-select.
const breakdown: ParcaBreakdownElement = document.createElement('parca-breakdown');
breakdown.label = 'instance';
breakdown.topN = 10;
breakdown.query = query;
source.append(breakdown);
seen.push(breakdown.breakdown.rows.length, breakdown.breakdown.total, breakdown.status);
breakdown.addEventListener('parca-selector-select', (event) => {
  seen.push(event.selector, event.action, event.labels['instance']);
  event.preventDefault();
});
breakdown.addEventListener('parca-load', (event) => seen.push(event.durationMs));
breakdown.addEventListener('parca-error', (event) => seen.push(event.error.kind));

// <parca-compare>: two sources by id; B's views show the diff, A alone or B alone; presets and swap.
const compare: ParcaCompareElement = document.createElement('parca-compare');
compare.baseline = 'a';
compare.comparison = 'b';
const mode: CompareMode = 'diff';
compare.mode = mode;
compare.syncUrl = '';
compare.addEventListener('parca-compare-change', (event) => seen.push(event.mode, event.cause, event.preset, event.baseline?.window, event.comparison?.range));
void compare.applyPreset('1d').then(() => compare.swap());
seen.push(compare.baselineSource?.query.window, compare.comparisonSource?.syncUrl, compare.drivenViews.length);
document.body.append(compare);

// Events of <parca-source>, and what bubbles up to a page.
source.addEventListener('parca-source-change', (event) => seen.push(event.query.window, event.cause, event.sourceName));
document.addEventListener('parca-load', (event) => {
  // From any element, so the base class; the flame graph's fields after a check.
  seen.push(event.durationMs, event instanceof ParcaFlamegraphLoadEvent ? event.total : undefined);
});
document.addEventListener('parca-error', (event) => seen.push(event.error.transient));

// Every error kind a page can act on.
function describe(error: ParcaError): string {
  const kind: ParcaErrorKind = error.kind;
  switch (kind) {
    case 'unreachable':
      return 'Parca is down, the URL is wrong, or it refuses this origin';
    case 'unauthenticated':
    case 'forbidden':
      return 'sign in again';
    case 'invalid-query':
      return `fix the query: ${error.serverMessage ?? error.message}`;
    case 'timeout':
    case 'too-large':
      return 'ask for a shorter range';
    case 'server':
    case 'decode':
      return 'Parca answered with something unusable';
    case 'export':
      return 'the export failed';
    case 'aborted':
      return '';
    default:
      return error.message;
  }
}
seen.push(describe(new ParcaError('timeout', 'took too long')));
console.log(seen.length);
