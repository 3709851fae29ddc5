// The README's React example, type-checked as written (it needs a Parca, so the page renders app.tsx instead).
import { useMemo } from 'react';
import { createConnection, createQueryState } from 'parca-elements';
import { ParcaFlamegraph, ParcaMetrics, ParcaQueryEditor, ParcaSource } from 'parca-elements/react';

const connection = createConnection({ url: 'https://parca.internal' });

export function Explorer() {
  return (
    <ParcaSource
      connection={connection}
      profileType="process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta"
      onParcaSourceChange={(e) => console.log(e.cause, e.query.window)}
    >
      <ParcaQueryEditor />
      <ParcaMetrics onParcaPointSelect={(e) => console.log(e.point?.timestampMs)} />
      <ParcaFlamegraph searchField onParcaLoad={(e) => console.log(e.total, e.nodeCount)} />
    </ParcaSource>
  );
}

export function Profile({ selector }: { selector: string }) {
  const query = useMemo(() => createQueryState({ profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta', selector }), [selector]);
  return <ParcaFlamegraph connection={connection} query={query} onParcaFrameSelect={(e) => console.log(e.frame)} />;
}
