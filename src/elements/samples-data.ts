// What the views computed from a query's samples read: the samples (Parca's pprof answer, so each function has
// pprof's one number), the function table, its order for a sort, the rows a search keeps, the lines with expanded
// callers and callees, and a function's sandwich, each computed once per input. The function table and the
// sandwich ask with the same request (the connection shares one in flight).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ParcaConnection } from '../client/connection.js';
import type { ParcaError } from '../client/errors.js';
import { QueryController } from '../controllers/query-controller.js';
import type { FlamegraphOptions } from '../model/flamegraph/options.js';
import { type TableLine, rowsMatching, tableLines } from '../model/flamegraph/table-rows.js';
import { type FunctionTable, type TableColumn, prepareOrders, sortTable, tableRowName } from '../model/flamegraph/table.js';
import { runStepsSliced } from '../model/steps.js';
import type { Neighbour } from '../model/pprof/sandwich.js';
import { type QueryState, isRefreshOf } from '../model/query-state.js';
import type { FlamegraphModel } from '../model/flamegraph/decode.js';
import type { FlamegraphData } from './flamegraph/fetch.js';
import { type ProfileData, fetchProfile, samplesOptions, savedProfile } from './samples-fetch.js';

/** The function table of a query: one row per function, values as pprof counts them. */
export interface FunctionTableData {
  readonly table: FunctionTable;
  readonly unit: string;
  /** What percentages are of: the sum of every sample. */
  readonly total: number;
  readonly isDiff: boolean;
}

export interface SamplesDataHost extends ReactiveControllerHost, HTMLElement {
  readonly activeConnection: ParcaConnection | undefined;
  readonly activeQuery: QueryState | undefined;
  readonly sourceName: string | undefined;
  readonly options: FlamegraphOptions;
  /** A saved pprof profile shown instead of the query's samples. */
  readonly pprof: Uint8Array | undefined;
}

/** A sandwich's two graphs for one function, built from samples. */
export type SandwichGraphs = readonly [callers: FlamegraphData, callees: FlamegraphData];

type Neighbours = { callers: Neighbour[]; callees: Neighbour[] };

export class SamplesData implements ReactiveController {
  readonly #samples: QueryController<readonly [ParcaConnection, QueryState, FlamegraphOptions], ProfileData>;
  readonly #saved: QueryController<readonly [Uint8Array], ProfileData>;
  #options: FlamegraphOptions;
  #derived: {
    from?: ProfileData;
    table?: FunctionTableData;
    order?: Memo<Uint32Array>;
    rows?: Memo<Uint32Array>;
    lines?: Memo<TableLine[]>;
    sandwich?: Memo<SandwichGraphs | undefined>;
  } = {};

  constructor(private readonly host: SamplesDataHost) {
    host.addController(this);
    this.#options = samplesOptions(host.options);
    this.#samples = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        if (host.pprof || !connection || !query?.profileType || query.kind === 'metrics') return undefined;
        return [connection, query, this.#options] as const;
      },
      run: ([connection, query, options], signal) => fetchProfile(connection, query, options, signal),
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1, o1], [c2, q2, o2]) => c1 === c2 && o1 === o2 && isRefreshOf(q1, q2),
    });
    this.#saved = new QueryController(host, {
      args: () => (host.pprof ? ([host.pprof] as const) : undefined),
      run: ([bytes]) => savedProfile(bytes),
      sourceName: () => host.sourceName,
      retries: 0,
    });
  }

  /** Cancels the orders' idle work, while it waits. */
  #idle: (() => void) | undefined;

  #cancelIdle(): void {
    this.#idle?.();
    this.#idle = undefined;
  }

  hostDisconnected(): void {
    this.#cancelIdle();
  }

  hostUpdate(): void {
    // Before the request reads its inputs: the table depends on filters and the baseline only.
    const next = samplesOptions(this.host.options);
    if (JSON.stringify(next) !== JSON.stringify(this.#options)) this.#options = next;
  }

  /** The saved profile's samples, or the query's (none while the query asks for metrics only). */
  get samples(): ProfileData | undefined {
    if (this.host.pprof) return this.#saved.value;
    return this.host.activeQuery?.kind === 'metrics' ? undefined : this.#samples.value;
  }

  get error(): ParcaError | undefined {
    return this.host.pprof ? this.#saved.error : this.#samples.error;
  }

  get loading(): boolean {
    return (this.host.pprof ? this.#saved : this.#samples).status === 'loading';
  }

  get settled(): Promise<void> {
    return Promise.all([this.#samples.settled, this.#saved.settled]).then(() => undefined);
  }

  /** The table of the samples, computed once per answer. */
  get table(): FunctionTableData | undefined {
    const samples = this.samples;
    if (!samples) return undefined;
    if (this.#derived.from !== samples) this.#derived = { from: samples };
    if (!this.#derived.table) {
      const table = samples.samples.table();
      this.#derived.table = { table, unit: samples.unit, total: samples.total, isDiff: samples.isDiff };
      // The orders a click on a header asks for, computed once the page is idle (see prepareOrders); not for a
      // table that left the page before then.
      this.#cancelIdle();
      const run = () => {
        this.#idle = undefined;
        void runStepsSliced(prepareOrders(table));
      };
      if ('requestIdleCallback' in globalThis) {
        const handle = requestIdleCallback(run);
        this.#idle = () => cancelIdleCallback(handle);
      } else {
        const handle = setTimeout(run, 50);
        this.#idle = () => clearTimeout(handle);
      }
    }
    return this.#derived.table;
  }

  /** The rows in the order of a column that a search keeps, and the lines with the expanded rows' neighbours. */
  lines(sort: { column: TableColumn; descending: boolean }, search: string, expanded: ReadonlySet<number>): TableLine[] {
    const data = this.table;
    if (!data) return [];
    const derived = this.#derived;
    const order = memo(derived.order, [data.table, sort.column, sort.descending], () => sortTable(data.table, sort.column, sort.descending));
    const rows = memo(derived.rows, [order.value, search], () => rowsMatching(data.table, order.value, search));
    const lines = memo(derived.lines, [rows.value, ...expanded], () => {
      const neighbours = new Map<number, Neighbours | undefined>();
      for (const row of expanded) neighbours.set(row, this.neighbours(row));
      return tableLines(rows.value, neighbours);
    });
    Object.assign(derived, { order, rows, lines });
    return lines.value;
  }

  /** The callers and callees graphs of `name` (none for a comparison, which has two profiles). */
  sandwich(name: string): SandwichGraphs | undefined {
    const samples = this.samples;
    if (!samples || samples.isDiff || !name) return undefined;
    if (this.#derived.from !== samples) this.#derived = { from: samples };
    this.#derived.sandwich = memo(this.#derived.sandwich, [samples, name], () => {
      const { callers, callees } = samples.samples.sandwich(name);
      const graph = (model: FlamegraphModel): FlamegraphData => ({ model, unit: samples.unit, total: samples.total, filtered: 0, trimmed: 0, decodeMs: 0 });
      return [graph(callers), graph(callees)] as const;
    });
    return this.#derived.sandwich.value;
  }

  /** The direct callers and callees of a row's function (of the comparison, in a diff). */
  neighbours(row: number): Neighbours | undefined {
    const samples = this.samples;
    const data = this.table;
    if (!samples || !data) return undefined;
    return samples.samples.neighbours(tableRowName(data.table, row));
  }
}

interface Memo<T> {
  readonly key: readonly unknown[];
  readonly value: T;
}

/** `previous` when its key equals `key` item by item, else a new value. */
function memo<T>(previous: Memo<T> | undefined, key: readonly unknown[], make: () => T): Memo<T> {
  if (previous && previous.key.length === key.length && previous.key.every((k, i) => k === key[i])) return previous;
  return { key, value: make() };
}
