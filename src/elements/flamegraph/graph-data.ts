// Everything a flame graph shows comes through here: the graph (Parca's Arrow record for the query and options, or
// a saved `record`, or a sandwich side built from samples), the query's samples behind the sandwich, and the module those need, loaded on first use. One request of each kind at a time; the last good
// value stays through loading, refreshes and errors.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { QueryController } from '../../controllers/query-controller.js';
import { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { type FlamegraphOptions, samplesOptions } from '../../model/flamegraph/options.js';
import { type QueryState, isRefreshOf } from '../../model/query-state.js';
import { type FlamegraphData, type FlamegraphRecordInput, type ProfileData, fetchPprof, fetchProfile, sharedFlamegraph } from './fetch.js';
import { RecordDecoder } from './record-decoder.js';

type OnDemand = typeof import('./on-demand.js');

/** What the data controller reads of its element. */
export interface GraphDataHost extends ReactiveControllerHost, HTMLElement {
  readonly activeConnection: ParcaConnection | undefined;
  readonly activeQuery: QueryState | undefined;
  readonly sourceName: string | undefined;
  readonly record: FlamegraphRecordInput | undefined;
  /** Set on a sandwich's graphs: the graph is given, not asked for. */
  readonly sandwichData: FlamegraphData | undefined;
  readonly sandwichSide: string;
  /** Whether the element shows a sandwich (so needs the samples). */
  readonly wantsSamples: boolean;
  /** Whether the element shows anything of the on-demand module (controls, chips, a legend). */
  readonly wantsOnDemand: boolean;
  /** The trim threshold in percent, or undefined before the width is known. */
  readonly trimPercent: number | undefined;
  readonly options: FlamegraphOptions;
}

/** A sandwich's two graphs for one function, built from samples. */
export type SandwichGraphs = readonly [callers: FlamegraphData, callees: FlamegraphData];

export class GraphData implements ReactiveController {
  readonly #graph: QueryController<readonly [ParcaConnection, QueryState, number, FlamegraphOptions], FlamegraphData>;
  readonly #samples: QueryController<readonly [ParcaConnection, QueryState, FlamegraphOptions], ProfileData>;
  readonly #record: RecordDecoder;
  #samplesOptions: FlamegraphOptions;
  #onDemand: OnDemand | undefined;
  #onDemandLoading: Promise<void> | undefined;
  /** The sandwich last computed from one samples answer. */
  #derived: { from?: ProfileData; sandwich?: { name: string; graphs: SandwichGraphs } } = {};

  constructor(private readonly host: GraphDataHost) {
    host.addController(this);
    this.#record = new RecordDecoder(host);
    this.#samplesOptions = samplesOptions(host.options);
    this.#graph = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        const trim = host.trimPercent;
        if (host.record || host.sandwichSide || !connection || !query?.profileType || query.kind === 'metrics' || trim === undefined) return undefined;
        return [connection, query, trim, host.options] as const;
      },
      run: ([connection, query, trim, options], signal) => sharedFlamegraph(connection, query, trim, trim, signal, options),
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1, t1, o1], [c2, q2, t2, o2]) => c1 === c2 && t1 === t2 && o1 === o2 && isRefreshOf(q1, q2),
      loadEvent: (data, durationMs) =>
        new ParcaFlamegraphLoadEvent(
          host.sourceName,
          durationMs,
          data.total,
          data.trimmed,
          data.model.size,
          data.decodeMs,
          data.request?.fetchMs,
          data.request?.sentAt,
        ),
    });
    this.#samples = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        if (!host.wantsSamples || host.record || host.sandwichSide || !connection || !query?.profileType || query.kind === 'metrics') return undefined;
        return [connection, query, this.#samplesOptions] as const;
      },
      run: ([connection, query, options], signal) => fetchProfile(connection, query, options, signal),
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1, o1], [c2, q2, o2]) => c1 === c2 && o1 === o2 && isRefreshOf(q1, q2),
    });
  }

  hostUpdate(): void {
    // Before the requests read their inputs (controllers update in the order they were added).
    const next = samplesOptions(this.host.options);
    if (JSON.stringify(next) !== JSON.stringify(this.#samplesOptions)) this.#samplesOptions = next;
    if (this.host.wantsOnDemand || this.host.wantsSamples) this.#loadOnDemand();
  }

  /** Decodes a saved record (or clears it), keeping the graph shown until the new one is ready. */
  decodeRecord(record: FlamegraphRecordInput | undefined): void {
    this.#record.decode(record);
  }

  /** The graph shown: the record's, the sandwich's, or the query's; none while the query asks for metrics only. */
  get value(): FlamegraphData | undefined {
    const host = this.host;
    if (host.record) return this.#record.data;
    if (host.sandwichSide) return host.sandwichData;
    return host.activeQuery?.kind === 'metrics' ? undefined : this.#graph.value;
  }

  /** The samples answer for the query shown; none while the query asks for metrics only. */
  get samples(): ProfileData | undefined {
    return this.host.record || this.host.activeQuery?.kind === 'metrics' ? undefined : this.#samples.value;
  }

  /** What failed last: the record's decode, or the graph's or the samples' request. */
  get error(): ParcaError | undefined {
    return this.host.record ? this.#record.error : (this.#graph.error ?? this.#samples.error);
  }

  /** A request for a new graph is under way (not a refresh, which keeps the graph shown without a loading state). */
  get loading(): boolean {
    return !this.host.record && this.#graph.status === 'loading';
  }

  /** Whether the graph's latest request (or the record's decode) has settled. */
  get graphSettled(): boolean {
    return this.host.record ? !this.#record.pending : this.#graph.status !== 'loading';
  }

  get samplesLoading(): boolean {
    return this.#samples.status === 'loading';
  }

  /** Settles when the latest requests (graph, samples) have settled. */
  get settled(): Promise<void> {
    return Promise.all([this.#graph.settled, this.#samples.settled]).then(() => undefined);
  }

  /** What an update still waits for before it shows everything: a record being decoded, the on-demand module. */
  get pending(): Promise<unknown> | undefined {
    if (this.#onDemandLoading && !this.#onDemand) return this.#onDemandLoading;
    return this.#record.pending;
  }

  /** The module of what the graph needs only on demand, once loaded. */
  get onDemand(): OnDemand | undefined {
    return this.#onDemand;
  }

  /** The callers and callees graphs of `name`, built from the samples (none for a diff, which has no sandwich). */
  sandwich(name: string): SandwichGraphs | undefined {
    const samples = this.samples;
    if (!samples || samples.isDiff || !name) return undefined;
    const cached = this.#derived.sandwich;
    if (this.#derived.from === samples && cached?.name === name) return cached.graphs;
    const { callers, callees } = samples.samples.sandwich(name);
    const graph = (model: FlamegraphData['model']): FlamegraphData => ({ model, unit: samples.unit, total: samples.total, filtered: 0, trimmed: 0, decodeMs: 0 });
    const graphs: SandwichGraphs = [graph(callers), graph(callees)];
    if (this.#derived.from !== samples) this.#derived = { from: samples };
    this.#derived.sandwich = { name, graphs };
    return graphs;
  }

  /** The same query (options included) as Parca's pprof: a gzip-compressed perftools Profile. */
  async pprof(): Promise<Blob> {
    const connection = this.host.activeConnection;
    const query = this.host.activeQuery;
    if (!connection || !query?.profileType) throw new ParcaError('invalid-query', 'There is no query to export: choose a profile type first.');
    const bytes = await fetchPprof(connection, query, this.host.options);
    return new Blob([bytes.slice()], { type: 'application/gzip' });
  }

  #loadOnDemand(): void {
    this.#onDemandLoading ??= import('./on-demand.js').then((module) => {
      this.#onDemand = module;
      this.host.requestUpdate();
    });
  }
}
