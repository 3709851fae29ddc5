// What a user looks at in a flame graph: the focused frame, the selected one, the hovered one, the search and its
// matches, and the announcements a screen reader hears. It keeps them through new data (a refresh keeps focus and
// selection by their path of names), applies a view a source read from the URL, and tells the page of a user's
// changes through the element's events.
import type { ReactiveControllerHost } from 'lit';
import { ParcaFrameSelectEvent } from '../../events/frame-select.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { widestRowOf } from '../../model/flamegraph/calltree.js';
import { frameName } from '../../model/flamegraph/names.js';
import { frameDetails } from '../../model/flamegraph/details.js';
import { type SearchResult, nameOfExactSearch, searchFlamegraph, stepMatch } from '../../model/flamegraph/search.js';
import { focusPathOf, rowOfFocusPath } from '../../model/flamegraph/view-state.js';
import { isRefreshOf, type QueryState } from '../../model/query-state.js';
import { formatPercent, formatValue } from '../../model/units.js';
import type { FlamegraphData } from './fetch.js';

/** What the view reads of its element. */
export interface ViewHost extends ReactiveControllerHost, HTMLElement {
  search: string;
  /** A user changed the view: the element reports it (parca-view-change). */
  viewChanged(): void;
  /** Scrolls a row's level into view. */
  scrollToRow(row: number): void;
}

/** The new data and what asked for it, as an update sees them. */
export interface ViewInput {
  readonly data: FlamegraphData | undefined;
  /** The query in effect: newer data of a refresh of the same query keeps focus and selection. */
  readonly query: QueryState | undefined;
  /** What the graph's request depends on: when any changes, a focus waiting for its graph waits for the next. */
  readonly ask: readonly unknown[];
  /** The graph's latest request has settled: a focus waiting for its graph may apply. */
  readonly settled: boolean;
  readonly searchChanged: boolean;
}

export class GraphView {
  /** The row spanning the width (0: the whole graph). */
  focus = 0;
  /** The row a click, the arrow keys or a step selected (-1: none). */
  selected = -1;
  hovered = -1;
  /** What the screen reader's live region says. */
  announcement = '';
  search: SearchResult | undefined;
  /** A focus given by path, applied once a graph with that path is shown. */
  pendingFocus: readonly string[] | undefined;
  #shown: FlamegraphData | undefined;
  #shownQuery: QueryState | undefined;
  #lastAsk: readonly unknown[] = [];

  constructor(private readonly host: ViewHost) {}

  /**
   * Takes the new data of an update. Says what the graph shows now: the same data, a refresh of it (newer data of
   * the same query, focus and selection kept by path), or a new graph.
   */
  update({ data, query, ask, settled, searchChanged }: ViewInput): 'same' | 'refresh' | 'new' {
    const asking = ask.some((value, i) => value !== this.#lastAsk[i]);
    this.#lastAsk = ask;
    const changed = data !== this.#shown;
    const refreshed = changed && !!this.#shownQuery && !!query && isRefreshOf(this.#shownQuery, query);
    if (changed) {
      const previous = this.#shown;
      const keep = refreshed && previous && data;
      const focusPath = keep && this.focus > 0 ? focusPathOf(previous.model, this.focus) : undefined;
      const selectedPath = keep && this.selected > 0 ? focusPathOf(previous.model, this.selected) : undefined;
      this.#shown = data;
      this.#shownQuery = query;
      this.focus = focusPath ? rowOfFocusPath(data!.model, focusPath) : 0;
      this.selected = selectedPath ? rowOfFocusPath(data!.model, selectedPath) : -1;
      this.hovered = -1;
    }
    if (this.pendingFocus && data && data.model.size > 1 && settled && (changed || !asking)) {
      this.focus = rowOfFocusPath(data.model, this.pendingFocus);
      this.pendingFocus = undefined;
    }
    if (changed || searchChanged) this.search = data && this.host.search.trim() ? searchFlamegraph(data.model, this.host.search) : undefined;
    // A function picked in another view (an exact-name search) selects its widest frame here too.
    const picked = searchChanged ? nameOfExactSearch(this.host.search) : '';
    if (picked && data) this.selected = widestRowOf(data.model, picked);
    return !changed ? 'same' : refreshed ? 'refresh' : 'new';
  }

  get model(): FlamegraphModel | undefined {
    return this.#shown?.model;
  }

  /** The focused frame as function names from the root's child down, or the focus waiting for its graph. */
  get focusPath(): string[] {
    const model = this.model;
    return this.pendingFocus ? [...this.pendingFocus] : model ? focusPathOf(model, this.focus) : [];
  }

  /** Where a search step starts: the selected frame (last stepped to, clicked or reached by keys), else the focus. */
  get stepStart(): number {
    return this.selected >= 0 ? this.selected : this.focus;
  }

  /** Says a frame's name, value and share in the live region. */
  announce(row: number, prefix = ''): void {
    const data = this.#shown;
    if (!data) return;
    const model = data.model;
    const total = data.total || model.total;
    this.announcement = `${prefix}${frameName(model, row)}: ${formatValue(model.cumulative[row]!, data.unit)}, ${formatPercent(model.cumulative[row]!, total)} of total`;
    this.host.requestUpdate();
  }

  /**
   * A frame chosen by a user (`quiet`: by code): the page hears of it (parca-frame-select, cancelable) and, unless
   * it says otherwise, the frame is focused.
   */
  choose(row: number, quiet = false): void {
    const data = this.#shown;
    if (!data) return;
    this.selected = row;
    const event = new ParcaFrameSelectEvent(frameDetails(data.model, row), data.unit);
    if (!quiet) this.host.dispatchEvent(event);
    if (!event.defaultPrevented) {
      this.focus = row;
      this.announce(row, 'Focused ');
      if (!quiet) this.host.viewChanged();
    }
    this.host.requestUpdate();
  }

  /** Selects a row without focusing it (arrow keys), in view and announced. */
  select(row: number): void {
    this.selected = row;
    this.host.scrollToRow(row);
    this.announce(row);
  }

  /** Focuses a row by a user's action (breadcrumb, Reset, Escape) and reports the view. */
  focusBy(row: number, announcement?: string): void {
    this.focus = row;
    if (announcement) this.announcement = announcement;
    this.host.viewChanged();
    this.host.requestUpdate();
  }

  /**
   * Selects the next or previous match after where a step starts. A user's step is like a click on the match: the
   * page hears of it and may keep the view; a step by code fires nothing and focuses it. The row, or -1.
   */
  step(direction: 1 | -1, byUser: boolean): number {
    const result = this.search;
    const model = this.model;
    const row = result && model ? stepMatch(model, result.rows, this.stepStart, direction) : -1;
    if (row < 0) return row;
    this.host.scrollToRow(row);
    this.choose(row, !byUser);
    return row;
  }

  /** The canvas got keyboard focus: select the focused frame so the arrow keys start there. */
  focusCanvas(): void {
    const model = this.model;
    if (this.selected < 0 && model && model.size > 0) {
      this.selected = this.focus;
      this.announce(this.selected);
    }
  }
}
