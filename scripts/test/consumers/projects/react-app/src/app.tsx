// The wrappers with no server: props become properties, `onParca…` props receive the elements' events.
import { useEffect, useRef } from 'react';
import { type ParcaFlamegraphElement, type ParcaSourceElement, createQueryState } from 'parca-elements';
import { ParcaFlamegraph, ParcaMetrics, ParcaQueryEditor, ParcaSource } from 'parca-elements/react';

export const PROFILE_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta';
const query = createQueryState({ profileType: PROFILE_TYPE, selector: '{job="api"}' });

export function App({ onReady }: { onReady: (source: ParcaSourceElement, graph: ParcaFlamegraphElement, heard: string[]) => void }) {
  const source = useRef<ParcaSourceElement>(null);
  const graph = useRef<ParcaFlamegraphElement>(null);
  const heard = useRef<string[]>([]);
  useEffect(() => {
    if (source.current && graph.current) onReady(source.current, graph.current, heard.current);
  }, [onReady]);
  return (
    <ParcaSource ref={source} profileType={PROFILE_TYPE} onParcaSourceChange={(e) => heard.current.push(`${e.type}:${e.cause}`)}>
      <ParcaQueryEditor onParcaQuerySubmit={(e) => heard.current.push(`${e.type}:${e.query.selector}`)} />
      <ParcaMetrics onParcaRangeSelect={(e) => heard.current.push(`${e.type}:${String(e.range.from)}`)} />
      <ParcaFlamegraph ref={graph} query={query} searchField onParcaLoad={(e) => heard.current.push(`${e.type}:${e.total ?? 'no total'}`)} />
    </ParcaSource>
  );
}
