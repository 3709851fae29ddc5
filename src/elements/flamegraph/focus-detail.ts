// Detail on focus: when the focused frame's subtree was trimmed (Parca dropped frames too small for the whole
// graph's width), the graph asks again for the stacks through the focused function with a trim threshold scaled to
// the frame's share of the total, and shows that finer answer focused on the same path; going back to a wider
// focus shows the coarse graph again without asking. Every stack through the focused path passes through its
// function, so the stack filter keeps all of the focused subtree's samples.
import type { ReactiveControllerHost } from 'lit';
import type { ParcaConnection } from '../../client/connection.js';
import { QueryController } from '../../controllers/query-controller.js';
import { widestRowOf } from '../../model/flamegraph/calltree.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { focusPathOf } from '../../model/flamegraph/view-state.js';
import { type QueryState, isRefreshOf } from '../../model/query-state.js';
import { type FlamegraphData, fetchFlamegraph } from './fetch.js';

export interface DetailHost extends ReactiveControllerHost, HTMLElement {
  readonly activeConnection: ParcaConnection | undefined;
  readonly activeQuery: QueryState | undefined;
  readonly sourceName: string | undefined;
  readonly options: FlamegraphOptions;
  /** The whole graph's trim threshold in percent. */
  readonly trimPercent: number | undefined;
}

/** A request for the detail of one focused path. */
interface DetailAsk {
  /** Function names from the root's child to the focused frame. */
  readonly path: readonly string[];
  readonly functionName: string;
  readonly trimPercent: number;
  readonly options: FlamegraphOptions;
}

const isPrefix = (prefix: readonly string[], path: readonly string[]) => prefix.length <= path.length && prefix.every((name, i) => name === path[i]);

export class FocusDetail {
  #ask: DetailAsk | undefined;
  readonly #request: QueryController<readonly [ParcaConnection, QueryState, DetailAsk], { ask: DetailAsk; data: FlamegraphData }>;

  constructor(private readonly host: DetailHost) {
    this.#request = new QueryController(host, {
      args: () => {
        const connection = host.activeConnection;
        const query = host.activeQuery;
        return this.#ask && connection && query ? ([connection, query, this.#ask] as const) : undefined;
      },
      run: async ([connection, query, ask], signal) => ({ ask, data: await fetchFlamegraph(connection, query, ask.trimPercent, signal, ask.options) }),
      sourceName: () => host.sourceName,
      isRefresh: ([c1, q1, a1], [c2, q2, a2]) => c1 === c2 && a1 === a2 && isRefreshOf(q1, q2),
      // A side request of the graph shown: its figures are those of the graph's own load.
      loadEvent: () => null,
    });
  }

  /**
   * The graph to show: the detail of the focus (or of a frame it lies under) once it arrived, else `base`; also
   * `base` while a function picked in another view (`picked`) lies outside the detail, which holds only the stacks
   * through the focused function.
   */
  pick(base: FlamegraphData | undefined, picked: string): FlamegraphData | undefined {
    const detail = this.#request.value;
    if (!this.#ask || !detail || !isPrefix(detail.ask.path, this.#ask.path)) return base;
    if (picked && !this.#holds(detail.data, picked)) return base;
    return detail.data;
  }

  #holding: { data: FlamegraphData; name: string; holds: boolean } | undefined;

  /** Whether a graph has a frame of the function (remembered for the last graph and name asked). */
  #holds(data: FlamegraphData, name: string): boolean {
    if (this.#holding?.data !== data || this.#holding.name !== name) this.#holding = { data, name, holds: widestRowOf(data.model, name) >= 0 };
    return this.#holding.holds;
  }

  /** Whether detail is being asked for, and for which function. */
  get loading(): string {
    return this.#ask && this.#request.status === 'loading' ? this.#ask.functionName : '';
  }

  /** The function whose detail is shown, if any. */
  shownFor(data: FlamegraphData | undefined): string {
    const detail = this.#request.value;
    return detail && data === detail.data ? detail.ask.functionName : '';
  }

  /** Settles when the latest detail request has settled. */
  get settled(): Promise<void> {
    return this.#request.settled;
  }

  /**
   * Follows the focus of the graph shown (`focus` is a row of `model`): asks for detail when `base`, the coarse
   * graph, was trimmed and a frame below the root is focused; asks nothing for the root, a record or a diff.
   */
  follow(base: FlamegraphData | undefined, model: FlamegraphModel | undefined, focus: number, enabled: boolean): void {
    const name = model && focus > 0 && focus < model.size ? model.functionName.value(focus) : '';
    const total = base ? base.total || base.model.total : 0;
    const trim = this.host.trimPercent;
    if (!enabled || !base || !model || !name || base.isDiff || base.trimmed <= 0 || !trim || total <= 0) {
      this.#ask = undefined;
      return;
    }
    const path = focusPathOf(model, focus);
    if (this.#ask && this.#ask.options === this.#optionsFor(name) && path.join('\0') === this.#ask.path.join('\0')) return;
    const share = Math.min(1, Math.abs(model.cumulative[focus]!) / total);
    this.#ask = { path, functionName: name, trimPercent: trim * share, options: this.#optionsFor(name) };
  }

  #options: { base: FlamegraphOptions; name: string; options: FlamegraphOptions } | undefined;

  /** The graph's options with a stack filter on the focused function (the same object while both are the same). */
  #optionsFor(name: string): FlamegraphOptions {
    const base = this.host.options;
    if (this.#options?.base !== base || this.#options.name !== name) {
      const options = Object.freeze({ ...base, filters: [...base.filters, { field: 'function_name', match: 'equal', value: name, scope: 'stack' } as const] });
      this.#options = { base, name, options };
    }
    return this.#options.options;
  }
}
