import { createConnection } from '../src/client/connection.js';
import type { ParcaFlamegraphElement } from '../src/elements/flamegraph/flamegraph.js';
import { createQueryState } from '../src/model/query-state.js';
import { parseTimeRange } from '../src/model/time-range.js';
import { parcaUrl } from './config.js';

const graph = document.querySelector<ParcaFlamegraphElement>('#graph')!;
const job = document.querySelector<HTMLSelectElement>('#job')!;
graph.connection = createConnection({ url: new URLSearchParams(location.search).get('url') ?? parcaUrl });

function show(): void {
  graph.query = createQueryState({
    profileType: 'process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta',
    selector: `{job="${job.value}"}`,
    range: parseTimeRange('now-1h', 'now'),
  });
}
job.addEventListener('change', show);
show();
