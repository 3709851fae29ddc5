// Renders the app, then checks what React did to the elements and that the `onParca…` props hear events.
import { createRoot } from 'react-dom/client';
import { flushSync } from 'react-dom';
import type { ParcaFlamegraphElement, ParcaSourceElement } from 'parca-elements';
import { App, PROFILE_TYPE } from './app.js';

async function check(source: ParcaSourceElement, graph: ParcaFlamegraphElement, heard: string[]): Promise<string[]> {
  const problems: string[] = [];
  for (const tag of ['parca-source', 'parca-query-editor', 'parca-metrics', 'parca-flamegraph']) {
    if (!customElements.get(tag)) problems.push(`<${tag}> is not defined`);
  }
  if (source.profileType !== PROFILE_TYPE) problems.push(`source.profileType is ${JSON.stringify(source.profileType)}`);
  if (graph.query?.selector !== '{job="api"}') problems.push('the query prop did not reach the flame graph as a property');
  if (!graph.searchField) problems.push('searchField did not reach the flame graph');
  await graph.updateComplete;
  if (!graph.shadowRoot?.childElementCount) problems.push('<parca-flamegraph> rendered nothing');
  // Events as the elements fire them (bubbling, composed); the handlers only read `type` and what exists.
  graph.dispatchEvent(new Event('parca-load', { bubbles: true, composed: true }));
  source.dispatchEvent(new Event('parca-source-change'));
  const expected = ['parca-load:no total', 'parca-source-change:undefined'];
  if (JSON.stringify(heard) !== JSON.stringify(expected)) problems.push(`the onParca… props heard ${JSON.stringify(heard)}, not ${JSON.stringify(expected)}`);
  return problems;
}

const root = createRoot(document.getElementById('root')!);
flushSync(() =>
  root.render(
    <App
      onReady={(source, graph, heard) => {
        void check(source, graph, heard).then((problems) => ((window as unknown as { consumerResult: string[] }).consumerResult = problems));
      }}
    />,
  ),
);
