import type { ParcaFlamegraphElement } from '../src/elements/flamegraph/flamegraph.js';

const graph = document.querySelector<ParcaFlamegraphElement>('#graph')!;
const [bytes, meta] = await Promise.all([
  fetch(new URL('./data/cpu-profile.arrow', import.meta.url)).then((r) => r.arrayBuffer()),
  fetch(new URL('./data/cpu-profile.json', import.meta.url)).then((r) => r.json() as Promise<{ unit: string; total: string }>),
]);
graph.record = { bytes: new Uint8Array(bytes), unit: meta.unit, total: BigInt(meta.total) };
