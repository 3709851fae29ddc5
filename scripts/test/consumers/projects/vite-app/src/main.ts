// A Vite app: the define entry for every tag, one element's own entry, and the package's exports.
import 'parca-elements/define.js';
import 'parca-elements/define/flamegraph.js';
import { ParcaFlamegraphElement, createQueryState } from 'parca-elements';

const graph = document.createElement('parca-flamegraph');
// A query but no connection: in development the element warns about that once the page settles.
graph.query = createQueryState({ profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta' });
document.body.append(graph);

const problems: string[] = [];
for (const tag of ['parca-source', 'parca-query-editor', 'parca-metrics', 'parca-flamegraph']) {
  if (!customElements.get(tag)) problems.push(`<${tag}> is not defined`);
}
// One copy of the library: the class the define entry registered is the one the package exports.
if (customElements.get('parca-flamegraph') !== ParcaFlamegraphElement) problems.push('two copies of ParcaFlamegraphElement');
await graph.updateComplete;
if (!graph.shadowRoot?.childElementCount) problems.push('<parca-flamegraph> rendered nothing');
(window as unknown as { consumerResult: string[] }).consumerResult = problems;
