// Everything a flame graph shows comes through here: the graph (Parca's Arrow record for the query and options, or
// a saved `record`) and the module of what it shows only on demand, loaded on first use. One request at a time
// (shared with a call tree of the same query); the last good value stays through loading, refreshes and errors.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParcaConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { QueryController } from '../../controllers/query-controller.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { type QueryState, isRefreshOf } from '../../model/query-state.js';
import { type FlamegraphData, type FlamegraphRecordInput, decodeDataSliced, fetchPprof, flamegraphLoadEvent, sharedFlamegraph } from './fetch.js';
import type { ProfileMetadataInfo } from './metadata.js';
import { RecordDecoder } from './record-decoder.js';

type OnDemand = typeof import('./on-demand.js');

/** What the data controller reads of its element. */
export interface GraphDataHost extends ReactiveControllerHost, HTMLElement {
  readonly activeConnection: ParcaConnection | undefined;
  readonly activeQuery: QueryState | undefined;
  readonly sourceName: string | undefined;
  readonly record: FlamegraphRecordInput | undefined;
  /** Whether the element shows the analysis controls (which list the profile's binaries and label names). */
  readonly controls: boolean;
  /** Whether the element shows anything of the on-demand module (controls, chips, a legend). */
  readonly wantsOnDemand: boolean;
  /** The trim threshold in percent, or undefined before the width is known. */
  readonly trimPercent: number | undefined;
  readonly options: FlamegraphOptions;
}

export class GraphData implements ReactiveController {
  readonly #graph: QueryController<readonly [ParcaConnection, QueryState, number, FlamegraphOptions], FlamegraphData>;
  readonly #metadata: QueryController<readonly [ParcaConnection, QueryState], ProfileMetadataInfo>;
  readonly #record: RecordDecoder;
  /** The top levels of the graph's answer while it decodes. */
  #preview: FlamegraphData | undefined;
  #onDemand: OnDemand | undefined;
  #onDemandLoading: Promise<void> | undefined;

  constructor(private readonly host: GraphDataHost) {
    host.addController(this);
    this.#record = new RecordDecoder(host, decodeDataSliced, true);
    this.#graph = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        const trim = host.trimPercent;
        if (host.record || !connection || !query?.profileType || query.kind === 'metrics' || trim === undefined) return undefined;
        return [connection, query, trim, host.options] as const;
      },
      run: ([connection, query, trim, options], signal) => {
        const showPreview = (preview: FlamegraphData) => {
          if (signal.aborted) return;
          this.#preview = preview;
          host.requestUpdate();
        };
        const settled = () => {
          if (!signal.aborted) this.#preview = undefined;
        };
        this.#preview = undefined;
        const answer = sharedFlamegraph(connection, query, trim, trim, signal, options, showPreview);
        answer.then(settled, settled);
        return answer;
      },
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1, t1, o1], [c2, q2, t2, o2]) => c1 === c2 && t1 === t2 && o1 === o2 && isRefreshOf(q1, q2),
      loadEvent: (data, durationMs) => flamegraphLoadEvent(host.sourceName, data, durationMs),
    });
    // The controls' binary legend and group-by list, asked only while the controls show (no parca-load of its own).
    this.#metadata = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        if (!host.controls || host.record || !connection || !query?.profileType || query.kind === 'metrics') return undefined;
        return [connection, query] as const;
      },
      run: async ([connection, query], signal) => (await import('./on-demand.js')).fetchMetadata(connection, query, signal),
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1], [c2, q2]) => c1 === c2 && isRefreshOf(q1, q2),
      loadEvent: () => null,
    });
  }

  hostUpdate(): void {
    if (this.host.wantsOnDemand) this.#loadOnDemand();
  }

  /** Decodes a saved record (or clears it), keeping the graph shown until the new one is ready. */
  decodeRecord(record: FlamegraphRecordInput | undefined): void {
    this.#record.decode(record);
  }

  /** The graph shown: the record's or the query's; none while the query asks for metrics only. */
  get value(): FlamegraphData | undefined {
    const host = this.host;
    if (host.record) return this.#record.data;
    return host.activeQuery?.kind === 'metrics' ? undefined : this.#graph.value;
  }

  /**
   * The top levels of a large graph being decoded (a record, or a new query's answer), to draw until it is.
   */
  get preview(): FlamegraphData | undefined {
    if (this.host.record) return this.#record.preview;
    // Not while refreshing: the graph shown stays whole until the new one is.
    return this.#graph.status === 'loading' && this.host.activeQuery?.kind !== 'metrics' ? this.#preview : undefined;
  }

  /** What failed last: the record's decode, or the graph's request. */
  get error(): ParcaError | undefined {
    return this.host.record ? this.#record.error : this.#graph.error;
  }

  /** A request for a new graph is under way (not a refresh, which keeps the graph shown without a loading state). */
  get loading(): boolean {
    return !this.host.record && this.#graph.status === 'loading';
  }

  /** The profile's binaries and label names (with `controls`), once they arrived. */
  get metadata(): ProfileMetadataInfo | undefined {
    return this.host.record || !this.host.controls ? undefined : this.#metadata.value;
  }

  /** Whether the graph's latest request (or the record's decode) has settled. */
  get graphSettled(): boolean {
    return this.host.record ? !this.#record.pending : this.#graph.status !== 'loading';
  }

  /** Settles when the latest request has settled. */
  get settled(): Promise<void> {
    return Promise.all([this.#graph.settled, this.#metadata.settled]).then(() => undefined);
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
