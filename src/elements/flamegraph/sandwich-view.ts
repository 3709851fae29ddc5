// The sandwich: a function's callers over its callees, as two flame graphs of the element's own kind, built from
// the query's samples. The two graphs talk to the element by events only: "Callers and callees" on one of their
// frames (parca-sandwich-select) re-centres the sandwich, as it opens one on the element itself.
import { html, nothing } from 'lit';
import { ParcaSandwichSelectEvent } from '../../events/sandwich-select.js';
import { nameOfExactSearch } from '../../model/flamegraph/search.js';
import type { FlamegraphData } from './fetch.js';
import type { SandwichGraphs } from './graph-data.js';
import type { FrameLook } from './options.js';

/** One of the two graphs: a flame graph element told which side it draws and what it shows. */
export interface SandwichGraph extends HTMLElement {
  sandwichSide: '' | 'callers' | 'callees';
  sandwichData: FlamegraphData | undefined;
  orientation: string;
  theme: string;
  search: string;
}

/** What the sandwich reads of its element. */
export interface SandwichHost extends HTMLElement {
  sandwich: string;
  readonly sandwichSide: string;
  readonly theme: string;
  /** How frames are drawn: the two graphs draw theirs the same way. */
  readonly frameLook: FrameLook;
  readonly search: string;
  /** A user changed the view: the element reports it. */
  viewChanged(): void;
}

export class SandwichView {
  #graphs: readonly [SandwichGraph, SandwichGraph] | undefined;

  constructor(
    private readonly host: SandwichHost,
    /** Makes one of the two graphs (an element of the host's own kind). */
    private readonly make: () => SandwichGraph,
  ) {
    // The host's own requests, and its sandwich graphs' (composed up through its shadow root).
    host.addEventListener(ParcaSandwichSelectEvent.eventName, this.#onSelect);
  }

  /** Whether the host shows a sandwich (through two graphs of its own) instead of its graph. */
  get shown(): boolean {
    return !!this.host.sandwich && !this.host.sandwichSide;
  }

  /**
   * Hands the two graphs what they show and what they share with the host (made on first use). A search that only
   * names the table's pick stays out: it would grey both graphs.
   */
  sync(graphs: SandwichGraphs | undefined): void {
    if (!this.shown) return;
    this.#graphs ??= [this.#graph('callers'), this.#graph('callees')];
    const search = nameOfExactSearch(this.host.search) ? '' : this.host.search;
    this.#graphs.forEach((graph, i) => Object.assign(graph, { sandwichData: graphs?.[i], theme: this.host.theme, search, ...this.host.frameLook }));
  }

  /** The callers graph (root at the bottom, the function just above it) over the callees graph. */
  render(loading: boolean) {
    const graphs = this.#graphs;
    if (!this.shown || !graphs) return nothing;
    return html`<div part="sandwich">
      <div part="sandwich-header">
        <span>Callers and callees of <strong>${this.host.sandwich}</strong></span>
        <button part="sandwich-exit" @click=${this.exit}>Back to the flame graph</button>
      </div>
      ${loading && !graphs[0].sandwichData ? html`<div part="status">Loading callers and callees…</div>` : nothing} ${graphs[0]} ${graphs[1]}
    </div>`;
  }

  /** Leaves the sandwich by a user's action. */
  exit = (): void => {
    this.host.sandwich = '';
    this.host.viewChanged();
  };

  #graph(side: 'callers' | 'callees'): SandwichGraph {
    const graph = this.make();
    graph.sandwichSide = side;
    graph.orientation = side === 'callers' ? 'flame' : 'icicle';
    graph.setAttribute('part', `sandwich-${side}`);
    graph.setAttribute('aria-label', side === 'callers' ? 'Callers' : 'Callees');
    return graph;
  }

  #onSelect = (event: ParcaSandwichSelectEvent): void => {
    if (this.host.sandwichSide) return;
    const origin = event.composedPath()[0];
    if (origin !== this.host && !this.#graphs?.includes(origin as SandwichGraph)) return;
    this.host.sandwich = event.functionName;
    this.host.viewChanged();
  };
}
