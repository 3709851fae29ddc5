// The call tree element: a shell that wires its parts. The graph it shows comes from the flame graph request a
// graph of the same query shares (fetch.ts sharedFlamegraph), the lines from model/flamegraph/calltree.ts, the
// template from tree-template.ts; what is shared with the source's other views from ProfileViewElement.
import { type PropertyValues, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../../client/connection.js';
import { ActiveLine } from '../../controllers/active-line.js';
import { QueryController } from '../../controllers/query-controller.js';
import type { ListenerMethods, ParcaCalltreeEvents } from '../../events/event-maps.js';
import { type TreeLines, ancestorsOf, hasChildren, hottestPath, lineStartingWith, treeLines, widestRowOf } from '../../model/flamegraph/calltree.js';
import { frameName } from '../../model/flamegraph/names.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { exactNameSearch, nameOfExactSearch } from '../../model/flamegraph/search.js';
import { type QueryState, isRefreshOf } from '../../model/query-state.js';
import { type FlamegraphData, type FlamegraphRecordInput, flamegraphLoadEvent, sharedFlamegraph } from '../flamegraph/fetch.js';
import { RecordDecoder } from '../flamegraph/record-decoder.js';
import { trimNote } from '../flamegraph/templates.js';
import { ProfileViewElement } from '../profile-view.js';
import { calltreeStyles } from './calltree.styles.js';
import { TREE_ROW_HEIGHT, renderTree, valueText } from './tree-template.js';

/** The trim threshold (percent) the tree asks with when no graph of the same query already asked. */
const TREE_TRIM_PERCENT = 0.05;

/**
 * The source's profile as an expandable tree: each call path with its cumulative and flat value and share,
 * children largest first. Top-down, or bottom-up with `invert` (shared with the other views, as Parca's
 * invert_call_stack). Beside a `<parca-flamegraph>` of the same query it reads the graph's own decoded answer, so
 * no second request or decode is made.
 *
 * Keyboard (an ARIA treegrid): Up/Down, Page Up/Down, Home/End move; Right opens a line or goes to its first
 * child, Left closes it or goes to its parent; typing a name jumps to the next line starting with it; Enter picks
 * the function for every view of the source; `*` (or the button) opens the hottest path below the line. A
 * function picked in another view is revealed: its widest call path opens and the line becomes active.
 *
 * Without a source it shows a saved record given through `record`, like `<parca-flamegraph>`.
 *
 * @tagname parca-calltree
 * @summary An expandable call tree of a merged profile, sharing the picked function with the other views.
 * @fires parca-load - A new graph arrived (total, trimmed, node count; fetch and decode times).
 * @fires parca-error - A request or a saved record failed; the last good tree stays.
 * @fires parca-view-change - A user picked a function (`view.search` is its exact-name search).
 *
 * @csspart toolbar - The row above the tree: the hottest-path button.
 * @csspart hottest - Opens the hottest path below the active line.
 * @csspart tree - The treegrid: header and lines.
 * @csspart tree-header - The header row.
 * @csspart tree-body - The scrolling lines (only those in view are in the DOM).
 * @csspart note - How much Parca trimmed away as too small.
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong.
 * @cssprop --parca-calltree-height - Height beyond which the lines scroll (default 480px).
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-muted - Secondary text color.
 * @cssprop --parca-color-accent - Outline of the line the keyboard is on.
 * @cssprop --parca-color-border - Border of the header.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Spacing between the toolbar and the tree.
 */
export class ParcaCalltreeElement extends ProfileViewElement {
  static override styles = calltreeStyles;
  protected static override readonly devChecks = { needsProfileType: true };

  /** Parca's node trim threshold in percent when the tree asks itself; by default the graph's beside it, else 0.05. */
  @property({ type: Number, attribute: 'trim-threshold' }) trimThreshold: number | undefined;
  /** A saved record to show instead of querying (bytes of FlamegraphArrow.record, with unit and totals). */
  @property({ attribute: false }) record: FlamegraphRecordInput | undefined;

  readonly #record = new RecordDecoder(this);

  readonly #graph = new QueryController<readonly [ParcaConnection, QueryState, FlamegraphOptions, number | undefined], FlamegraphData>(this, {
    args: () => {
      const connection = this.activeConnection;
      const query = this.activeQuery;
      if (this.record || !connection || !query?.profileType || query.kind === 'metrics') return undefined;
      return [connection, query, this.options, this.trimThreshold] as const;
    },
    run: async ([connection, query, options, trim], signal) => {
      // Elements of one page update in turn: a graph updated after this tree asks within the same task, and the
      // tree joins its request instead of making its own.
      await new Promise((resolve) => setTimeout(resolve));
      return sharedFlamegraph(connection, query, trim, trim ?? TREE_TRIM_PERCENT, signal, options);
    },
    sourceName: () => this.sourceName,
    isRefresh: ([c1, q1, o1, t1], [c2, q2, o2, t2]) => c1 === c2 && o1 === o2 && t1 === t2 && isRefreshOf(q1, q2),
    loadEvent: (data, durationMs) => flamegraphLoadEvent(this.sourceName, data, durationMs),
  });
  #shown: FlamegraphData | undefined;
  #open = new Set<number>([0]);
  #lines: TreeLines | undefined;
  readonly #line = new ActiveLine(this, () => this.#body(), TREE_ROW_HEIGHT, 480);
  #typed = '';
  #typedAt = 0;
  #announcement = '';

  /** The graph the tree shows: the record's, or the query's (none while the query asks for metrics only). */
  get data(): FlamegraphData | undefined {
    if (this.record) return this.#record.data;
    return this.activeQuery?.kind === 'metrics' ? undefined : this.#graph.value;
  }

  /** Settles when the latest request (or the record's decode) has settled and its tree is rendered. */
  get settled(): Promise<void> {
    return this.#graph.settled
      .then(() => this.#record.pending)
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** The rows of the graph shown as lines, in order (row numbers of `data.model`). */
  get visibleRows(): readonly number[] {
    return this.#lines ? Array.from(this.#lines.rows) : [];
  }

  /** The row of the active line (-1: none). */
  get activeRow(): number {
    return this.#lines && this.#line.index >= 0 ? this.#lines.rows[this.#line.index]! : -1;
  }

  /** Opens or closes a row's children. */
  toggle(row: number): void {
    const open = new Set(this.#open);
    if (!open.delete(row)) open.add(row);
    this.#setOpen(open);
  }

  /** Opens the hottest path below a row (by default the active line's) and makes its end active. */
  openHottestPath(row = Math.max(0, this.activeRow)): void {
    const model = this.data?.model;
    if (!model || model.size === 0) return;
    const path = hottestPath(model, row);
    const open = new Set(this.#open);
    for (const r of path.slice(0, -1)) open.add(r);
    this.#setOpen(open);
    this.#moveTo(this.#lines!.rows.indexOf(path[path.length - 1]!));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.applySourceView(() => []);
    this.readOptions();
    if (changed.has('record')) this.#record.decode(this.record);
    const data = this.data;
    if (data !== this.#shown) {
      const refresh = !!data && !!this.#shown;
      this.#shown = data;
      // A new graph starts closed; a refresh of the same one keeps what is open by path of names.
      this.#open = refresh ? this.#reopen(data) : new Set([0]);
      this.#lines = data ? treeLines(data.model, this.#open) : undefined;
      this.#line.index = -1;
      this.#revealPicked();
    } else if (changed.has('search')) {
      this.#revealPicked();
    }
  }

  protected override render() {
    const data = this.data;
    const error = this.record ? this.#record.error : this.#graph.error;
    const loading = this.record ? !!this.#record.pending : this.#graph.status === 'loading';
    const status = this.#status(data, loading);
    const lines = this.#lines;
    return html`
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${this.optionsErrors.length ? html`<div part="error" role="alert">${this.optionsErrors.join(' ')}</div>` : nothing}
      ${status ? html`<div part="status">${status}</div>` : nothing}
      ${
        data && lines && data.model.size > 1
          ? html`<div part="toolbar"><button part="hottest" @click=${() => this.openHottestPath()}>Open hottest path</button></div>
            ${data.trimmed !== 0 ? html`<div part="note">${trimNote(data)}</div>` : nothing}
            ${renderTree({
              model: data.model,
              unit: data.unit,
              total: data.total || data.model.total,
              isDiff: !!data.isDiff,
              lines,
              open: this.#open,
              active: this.#line.index,
              picked: nameOfExactSearch(this.search),
              scrollTop: this.#line.scrollTop,
              viewportHeight: this.#line.viewportHeight,
              onScroll: (top) => {
                this.#line.scrolled(top);
              },
              onLine: (index) => {
                this.#moveTo(index);
                this.#pick();
              },
              onToggle: (row) => this.toggle(row),
              onKey: this.#onKey,
            })}`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    `;
  }

  /** Loading, empty and no-query messages. */
  #status(data: FlamegraphData | undefined, loading: boolean): string {
    if (data) return data.model.size <= 1 ? 'No profile data in this time range.' : '';
    if (loading) return 'Loading call tree…';
    if (!this.record && !this.activeQuery?.profileType) return 'Choose a profile type to see its call tree.';
    return '';
  }

  #body(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="tree-body"]');
  }

  #setOpen(open: Set<number>): void {
    const model = this.data?.model;
    if (!model) return;
    const activeRow = this.activeRow;
    this.#open = open;
    this.#lines = treeLines(model, open);
    // The active line stays on its row, or its nearest shown ancestor when closed away.
    let row = activeRow;
    while (row > 0 && this.#lines.rows.indexOf(row) < 0) row = model.parent[row]!;
    this.#line.index = activeRow < 0 ? -1 : this.#lines.rows.indexOf(row);
    this.requestUpdate();
  }

  /** The open rows of the last graph, found again in a refreshed one by their path of names. */
  #reopen(data: FlamegraphData): Set<number> {
    const previous = this.#shown!.model;
    const model = data.model;
    const open = new Set([0]);
    const byPath = new Map<number, number>([[0, 0]]);
    const lines = this.#lines ? Array.from(this.#lines.rows) : [];
    for (const row of lines) {
      if (row === 0 || !this.#open.has(row)) continue;
      const parentHere = byPath.get(previous.parent[row]!);
      if (parentHere === undefined) continue;
      const name = frameName(previous, row);
      for (let i = model.childStart[parentHere]!; i < model.childStart[parentHere + 1]!; i++) {
        const child = model.childIndex[i]!;
        if (frameName(model, child) === name) {
          byPath.set(row, child);
          open.add(child);
          break;
        }
      }
    }
    return open;
  }

  /** A function picked in any view: its widest path opens and its line becomes active. */
  #revealPicked(): void {
    const name = nameOfExactSearch(this.search);
    const model = this.data?.model;
    if (!name || !model) return;
    const row = widestRowOf(model, name);
    if (row < 0 || row === this.activeRow) return;
    const open = new Set(this.#open);
    for (const ancestor of ancestorsOf(model, row)) open.add(ancestor);
    this.#setOpen(open);
    this.#moveTo(this.#lines!.rows.indexOf(row), false);
  }

  #moveTo(index: number, announce = true): void {
    if (!this.#line.moveTo(index, this.#lines?.length ?? 0)) return;
    if (announce) this.#announce(this.activeRow);
  }

  #announce(row: number, prefix = ''): void {
    const data = this.data;
    if (!data || row < 0) return;
    const total = data.total || data.model.total;
    this.#announcement = `${prefix}${frameName(data.model, row)}: ${valueText(data.model.cumulative[row]!, data.unit, total)} of total`;
    this.requestUpdate();
  }

  /** Picks the active line's function for every view of the source. */
  #pick(): void {
    const model = this.data?.model;
    const row = this.activeRow;
    if (!model || row <= 0) return;
    const name = model.functionName.value(row);
    if (!name) return;
    this.search = exactNameSearch(name);
    this.reportView();
    this.#announce(row, 'Picked ');
  }

  #onKey = (event: KeyboardEvent): void => {
    const model = this.data?.model;
    const lines = this.#lines;
    if (!model || !lines) return;
    const row = this.activeRow;
    const page = this.#line.page;
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in moves) this.#moveTo(this.#line.index < 0 ? 0 : this.#line.index + moves[event.key]!);
    else if (event.key === 'Home') this.#moveTo(0);
    else if (event.key === 'End') this.#moveTo(lines.length - 1);
    else if (event.key === 'ArrowRight' && row >= 0) {
      if (hasChildren(model, row) && !this.#open.has(row)) this.toggle(row);
      else if (hasChildren(model, row)) this.#moveTo(this.#line.index + 1);
    } else if (event.key === 'ArrowLeft' && row >= 0) {
      if (this.#open.has(row) && hasChildren(model, row)) this.toggle(row);
      else if (row > 0) this.#moveTo(lines.rows.indexOf(model.parent[row]!));
    } else if (event.key === 'Enter') this.#pick();
    else if (event.key === '*') this.openHottestPath();
    else if (event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey && event.key !== ' ') {
      // Typing jumps to a name: letters typed within a second add up.
      const now = performance.now();
      this.#typed = now - this.#typedAt < 1000 ? this.#typed + event.key : event.key;
      this.#typedAt = now;
      const from = this.#typed.length > 1 ? this.#line.index - 1 : this.#line.index;
      const index = lineStartingWith(model, lines, Math.max(-1, from), this.#typed);
      if (index >= 0) this.#moveTo(index);
    } else return;
    event.preventDefault();
  };
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaCalltreeElement {
  addEventListener: ListenerMethods<ParcaCalltreeEvents, ParcaCalltreeElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaCalltreeEvents, ParcaCalltreeElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-calltree': ParcaCalltreeElement;
  }
}
