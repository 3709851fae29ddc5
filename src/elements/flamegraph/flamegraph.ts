import { type PropertyValues, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { ParcaError } from '../../client/errors.js';
import { QueryController } from '../../controllers/query-controller.js';
import { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaFrameSelectEvent } from '../../events/frame-select.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaSandwichSelectEvent } from '../../events/sandwich-select.js';
import { formatTimestamp, formatWindow } from '../../model/metrics/time-format.js';
import { ParcaViewChangeEvent } from '../../events/view-change.js';
import { COLOR_BY, type ColorBy, createColorer, splitColorList } from '../../model/flamegraph/colors.js';
import { baseName, frameName } from '../../model/flamegraph/decode.js';
import { frameDetails } from '../../model/flamegraph/details.js';
import { formatDurationMs, formatPercent, formatValue } from '../../model/units.js';
import { type Direction, isAncestorOrSelf, navigate, pathTo } from '../../model/flamegraph/layout.js';
import { type SearchResult, exactNameSearch, nameOfExactSearch, searchFlamegraph, stepMatch } from '../../model/flamegraph/search.js';
import { type DiffPalette, DIFF_PALETTES, buildDiffPalette, createDiffColorer, formatChange, parseColor, relativeChange } from '../../model/flamegraph/diff-colors.js';
import { type FrameFilter, formatFilters, normalizeFilter, parseFilters, sameFilter } from '../../model/flamegraph/filters.js';
import { parseGroupBy, previousPeriod } from '../../model/flamegraph/request.js';
import { type FlamegraphView, focusPathOf, rowOfFocusPath } from '../../model/flamegraph/view-state.js';
import { type QueryState, isRefreshOf, resolveWindow } from '../../model/query-state.js';
import { type TimeRange, formatTimeBound, parseTimeRange } from '../../model/time-range.js';
import { canvasColor } from '../canvas-color.js';
import { styleProps } from '../directives/style-props.js';
import { ParcaElement } from '../parca-element.js';
import {
  type FlamegraphData,
  type FlamegraphOptions,
  type FlamegraphRecordInput,
  NO_OPTIONS,
  type ProfileData,
  type TableData,
  fetchFlamegraph,
  fetchPprof,
  fetchProfile,
} from './fetch.js';
import { type TableColumn, sortTable, tableRowName } from '../../model/flamegraph/table.js';
import { flamegraphStyles } from './flamegraph.styles.js';
import { RecordDecoder } from './record-decoder.js';
import { FlamegraphRenderer, type Orientation, type Theme, rowGeometry } from './renderer.js';

/** Width assumed when the element has no width of its own yet (hidden, not laid out). */
const FALLBACK_WIDTH = 800;
const TOOLTIP_OFFSET = 12;

/** Widths are bucketed to powers of two so resizing re-queries only when the trim threshold really changes. */
function widthClassOf(width: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(64, width || FALLBACK_WIDTH)));
}

/** `group-by="binary, labels.api"` ⇄ ['binary', 'labels.api']. */
const listConverter = {
  fromAttribute: (value: string | null): string[] => (value ? value.split(',').map((v) => v.trim()).filter((v) => v !== '') : []),
  toAttribute: (value: readonly string[]): string => value.join(', '),
};

/** `filters="function_name ~ runtime; binary != libc.so.6"` ⇄ filter objects; an unreadable attribute is kept as text to report. */
const filtersConverter = {
  fromAttribute: (value: string | null): FrameFilter[] | string => {
    try {
      return parseFilters(value);
    } catch {
      return value ?? '';
    }
  },
  toAttribute: (value: readonly FrameFilter[]): string => formatFilters(value),
};

/** What the trimmed value means: frames too small to draw, or (negative) frames that shrank, which no width can show. */
function trimNote(data: FlamegraphData): string {
  const amount = `${formatValue(data.trimmed, data.unit)} (${formatPercent(data.trimmed, data.total)})`;
  if (data.trimmed > 0) return `${amount} in frames too small to show was trimmed.`;
  return `Frames whose values sum to zero or less are not drawn, since a width cannot be negative: with frames too small to show they come to ${amount}. The function table lists every function.`;
}

/**
 * A flame graph of the source's query: every stack of the merged profile, widths proportional to their value.
 *
 * Hover a frame for its details; click it (or press Enter) to focus it, so it spans the width; the breadcrumb,
 * Reset or Escape go back. Arrow keys move between frames: parent, first child, siblings. With `search`, matching
 * frames are highlighted and the others muted; Next/Previous (Enter / Shift+Enter in the search field, or
 * `stepSearch()`) focus the matches one by one, depth-first and left to right, wrapping around. The canvas is
 * the size of the viewport and only visible frames are drawn, so very large and very deep graphs stay fast;
 * deep graphs scroll vertically.
 *
 * Without a source it shows a saved record given through the `record` property.
 *
 * Analysis options, each an attribute/property and (with `controls`) a control: `invert` (bottom-up stacks),
 * `group-by` (function_name, binary, filename, address, labels.<name>: label rows form their own level),
 * `filters` (stack or frame filters by function name or binary, shown as removable chips with the share they
 * removed), and a diff against a baseline (`compare-from`/`compare-to`, or a `compare` query) colored by
 * relative change. `toPNG()` and `exportPprof()` export the view and the query. Every change re-queries once.
 *
 * Sandwich: `sandwich` (or "Callers and callees" on a selected frame, or a right-click on a frame) shows the
 * function's callers above it and its callees below it, as two flame graphs; the same on a frame of either graph
 * centres the sandwich on that function; Escape or the Back button leaves.
 *
 * With `table`, Parca's function table sits under the graph: sortable, only the rows in view in the DOM; picking
 * a function highlights it in the graph. Under a source with `sync-url`, focus, search, sandwich and options
 * live in the page URL (see `parca-view-change`), so Copy link (or the address bar) shares the view.
 *
 * @tagname parca-flamegraph
 * @summary An interactive, canvas-drawn flame graph of a merged profile.
 * @fires parca-frame-select - A user selected a frame (click or Enter). Cancelable: the default focuses it.
 * @fires parca-load - A new flame graph arrived (total, trimmed, node count, decode time).
 * @fires parca-error - A request or decode failed; the last good graph stays.
 * @fires parca-view-change - A user changed the view (focus, search, sandwich, an analysis option); a source
 *   with `sync-url` keeps it in the page URL.
 * @fires parca-baseline-select - A user turned off a comparison whose baseline came from the source.
 * @fires parca-point-select - A user went back from a picked point to the whole range.
 * @fires parca-sandwich-select - A user asked for a function's callers and callees.
 *
 * @csspart point - Says which one profile is shown when a point was picked on a chart.
 * @csspart point-clear - Goes back from the picked point to the whole range.
 * @csspart toolbar - The row above the graph: search field, search summary, breadcrumb.
 * @csspart selection - Names the selected frame in full with its values (click, arrow keys or a table pick).
 * @csspart search-field - The built-in search input (with `search-field`).
 * @csspart search-summary - How many frames match the search and the share of the total they cover; "k of n"
 *   while stepping through them.
 * @csspart search-next - Focuses the next match (with `search-field` and a search that matches).
 * @csspart search-previous - Focuses the previous match (with `search-field` and a search that matches).
 * @csspart breadcrumb - The path from the root to the focused frame.
 * @csspart reset - The button that shows the whole graph again.
 * @csspart sandwich-button - Shows the selected frame's callers and callees.
 * @csspart sandwich - The sandwich view: a header and the two graphs.
 * @csspart sandwich-header - Names the function and holds the way back.
 * @csspart sandwich-exit - Leaves the sandwich view.
 * @csspart sandwich-callers - The callers graph (a parca-flamegraph, root at the bottom).
 * @csspart sandwich-callees - The callees graph (a parca-flamegraph).
 * @csspart note - Says how much value Parca trimmed away as too small to show.
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong with the last request.
 * @csspart viewport - The scrolling area around the canvas.
 * @csspart canvas - The focusable canvas the graph is drawn on.
 * @csspart tooltip - Details of the hovered frame.
 * @csspart options - The row of analysis controls (with `controls`).
 * @csspart invert - The invert control.
 * @csspart table-toggle - The control that shows the function table.
 * @csspart group-by - The group-by control.
 * @csspart compare - The compare control (baseline, absolute, palette).
 * @csspart diff-absolute - The absolute/relative diff toggle.
 * @csspart diff-palette - The diff palette choice.
 * @csspart export - The PNG and pprof export buttons, and Copy link (under a source with `sync-url`: see viewLink()).
 * @csspart filters - The active filters, the share they removed, and the form to add one.
 * @csspart filter-chip - One active filter.
 * @csspart filter-remove - The button that removes a filter.
 * @csspart filter-form - The form that adds a filter (with `controls`).
 * @csspart filtered - How much of the profile the filters removed.
 * @csspart table - The function table (with `table`): flat and cumulative values per function.
 * @csspart table-header - The table's header row; its buttons sort by a column (again: reverse).
 * @csspart table-body - The table's scrolling rows (only those in view are in the DOM).
 * @csspart legend - The diff colors and what they mean.
 * @csspart legend-swatch - One diff color of the legend.
 * @cssprop --parca-flamegraph-palette - Comma-separated frame colors (a hash of the binary, package or file picks one).
 * @cssprop --parca-flamegraph-neutral-color - Frames with nothing to color by, such as the root.
 * @cssprop --parca-flamegraph-muted-color - Ancestors of the focused frame and frames that do not match a search.
 * @cssprop --parca-flamegraph-match-color - Frames that match a search.
 * @cssprop --parca-flamegraph-diff-growth-color - Diff: frames that grew (full intensity).
 * @cssprop --parca-flamegraph-diff-shrink-color - Diff: frames that shrank (full intensity).
 * @cssprop --parca-flamegraph-row-height - Height of a frame row (default 20px).
 * @cssprop --parca-flamegraph-font - Font of frame labels.
 * @cssprop --parca-flamegraph-max-height - Height beyond which the graph scrolls (default 640px).
 * @cssprop --parca-flamegraph-table-height - Height beyond which the function table scrolls (default 320px).
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-muted - Secondary text color.
 * @cssprop --parca-color-accent - Outline of the hovered and keyboard-selected frame.
 * @cssprop --parca-color-background - Background of the tooltip and inputs.
 * @cssprop --parca-color-border - Borders of the tooltip, buttons and inputs.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font of the controls.
 * @cssprop --parca-font-size - Font size of the controls.
 */
export class ParcaFlamegraphElement extends ParcaElement {
  static override styles = flamegraphStyles;
  protected static override readonly devChecks = { needsProfileType: true, oneOf: { orientation: ['icicle', 'flame'], colorBy: COLOR_BY } };

  /** A saved record to show instead of querying (bytes of FlamegraphArrow.record, with unit and totals). */
  @property({ attribute: false }) record: FlamegraphRecordInput | undefined;
  /** `icicle` (root on top, default) or `flame` (root at the bottom). */
  @property({ reflect: true }) orientation: Orientation = 'icicle';
  /** What picks a frame's color: `binary` (default), `package` or `file`. */
  @property({ attribute: 'color-by' }) colorBy: ColorBy = 'binary';
  /** Highlights frames whose function name contains this (case-insensitive), or matches `/regex/`. */
  @property() search = '';
  /** Shows a built-in search field. */
  @property({ type: Boolean, attribute: 'search-field' }) searchField = false;
  /** Parca's node trim threshold in percent; by default about one pixel of the graph's width. */
  @property({ type: Number, attribute: 'trim-threshold' }) trimThreshold: number | undefined;
  /** Bottom-up call stacks: the root's children are the functions that were running (Parca's invert_call_stack). */
  @property({ type: Boolean, reflect: true }) invert = false;
  /** Group-by fields (attribute: comma-separated): function_name, binary, filename, address, labels.<pprof label>. */
  @property({ attribute: 'group-by', converter: listConverter }) groupBy: string[] = [];
  /**
   * Filters: `{field: 'function_name' | 'binary', match: 'equal' | 'contains' | 'starts_with' | 'not_…', value,
   * scope?: 'stack' | 'frame'}`. Replace the array to change them. Attribute: `function_name ~ runtime; binary != x`.
   */
  @property({ converter: filtersConverter }) filters: FrameFilter[] = [];
  /** A baseline query to diff against (wins over compare-from/compare-to). */
  @property({ attribute: false }) compare: QueryState | undefined;
  /** Start of the baseline range (now-2h, ISO-8601): with compare-to, the graph is a diff against it. */
  @property({ attribute: 'compare-from' }) compareFrom = '';
  @property({ attribute: 'compare-to' }) compareTo = '';
  /** Diff absolute values; by default Parca scales the baseline and comparison to the same total. */
  @property({ type: Boolean, attribute: 'diff-absolute' }) diffAbsolute = false;
  /** `red-green` (default) or `blue-orange` (colour-blind safe). */
  @property({ attribute: 'diff-palette', reflect: true }) diffPalette: DiffPalette = 'red-green';
  /** Shows the analysis controls: invert, group by, filters, compare, export. */
  @property({ type: Boolean }) controls = false;
  /**
   * A function name: shows its callers (above it) and callees (below it) as two flame graphs instead of the
   * whole graph. Empty for the normal view. Diffs do not apply to it (Parca sandwiches merges only).
   */
  @property() sandwich = '';
  /**
   * Shows Parca's function table under the graph: flat and cumulative values and shares per function, sortable;
   * picking a function highlights it in the graph (as a search for exactly that name).
   */
  @property({ type: Boolean }) table = false;
  /**
   * Set on the two graphs of a sandwich view: which side this one draws. Not for pages.
   * @internal
   */
  @property({ attribute: false }) sandwichSide: '' | 'callers' | 'callees' = '';
  /**
   * What one of a sandwich's graphs shows, built by the sandwich from the query's samples. Not for pages.
   * @internal
   */
  @property({ attribute: false }) sandwichData: FlamegraphData | undefined;

  @state() private focusRow = 0;
  @state() private hovered = -1;
  @state() private selected = -1;
  @state() private announcement = '';
  @state() private widthClass = 0;
  @state() private actionError: ParcaError | undefined;
  @state() private tableSort: { column: TableColumn; descending: boolean } = { column: 'flat', descending: true };
  @state() private tableScroll = 0;
  /** Copy link succeeded, until the view changes again. */
  @state() private copied = false;
  /** "A label…" was chosen in the group-by control, before a label was typed. */
  @state() private groupByLabel = false;

  @query('[part="viewport"]') private viewport!: HTMLDivElement;
  @query('canvas') private canvas!: HTMLCanvasElement;
  @query('[part="tooltip"]') private tooltip!: HTMLDivElement | null;
  @query('.frame') private frame!: HTMLDivElement;

  readonly #request = new QueryController(this, {
    args: () => {
      if (this.record) return undefined;
      const connection = this.activeConnection;
      const query = this.activeQuery;
      if (!connection || !query?.profileType || query.kind === 'metrics' || !this.widthClass || this.#inSandwich || this.sandwichSide) return undefined;
      return [connection, query, this.trimThreshold ?? 100 / this.widthClass, this.#options] as const;
    },
    run: ([connection, query, trim, options], signal) => fetchFlamegraph(connection, query, trim, signal, options),
    sourceName: () => this.sourceName,
    isRefresh: ([c1, q1, t1, o1], [c2, q2, t2, o2]) => c1 === c2 && t1 === t2 && o1 === o2 && isRefreshOf(q1, q2),
    loadEvent: (data, durationMs) => new ParcaFlamegraphLoadEvent(this.sourceName, durationMs, data.total, data.trimmed, data.model.size, data.decodeMs),
  });

  /** The query's samples, for the function table and the sandwich (see fetchProfile). */
  readonly #profileRequest = new QueryController(this, {
    args: () => {
      const connection = this.activeConnection;
      const query = this.activeQuery;
      if (!(this.table || this.#inSandwich) || this.record || this.sandwichSide || !connection || !query?.profileType || query.kind === 'metrics') return undefined;
      return [connection, query, this.#profileOptions()] as const;
    },
    run: ([connection, query, options], signal) => fetchProfile(connection, query, options, signal),
    sourceName: () => this.sourceName,
    isRefresh: ([c1, q1, o1], [c2, q2, o2]) => c1 === c2 && o1 === o2 && isRefreshOf(q1, q2),
  });
  /** The module of what the graph needs only on demand (see on-demand.ts), once loaded. */
  #onDemand: typeof import('./on-demand.js') | undefined;
  #onDemandLoading: Promise<void> | undefined;
  /** What the samples answer was turned into: the table (and its row order), and the sandwich's graphs. */
  #derived: { profile?: ProfileData; table?: TableData; order?: { key: unknown[]; order: Uint32Array }; sandwich?: { name: string; graphs: [FlamegraphData, FlamegraphData] } } = {};
  /** The options the samples depend on (not invert or group-by), kept by identity while they are equal. */
  #profileOptionsMemo: FlamegraphOptions = NO_OPTIONS;

  readonly #renderer = new FlamegraphRenderer();
  /** Rebuilt only when an option changes, so the request controller sees a new value exactly then. */
  #options: FlamegraphOptions = NO_OPTIONS;
  #optionsError: string | undefined;
  #diffPalette: string[] = [];
  readonly #recordDecoder = new RecordDecoder(this);
  #shown: FlamegraphData | undefined;
  /** The query the shown graph was asked for. */
  #shownQuery: QueryState | undefined;
  #searchResult: SearchResult | undefined;
  #colorOf: (row: number) => number = () => -1;
  #theme: Theme | undefined;
  #frameRequest = 0;
  #drawWaiters: (() => void)[] = [];
  #resize: ResizeObserver | undefined;
  #media: MediaQueryList[] = [];
  #pointer: { x: number; y: number } | undefined;
  #scrollToEnd = false;
  /** A focus given by path, applied once a graph with that path is shown. */
  #pendingFocus: readonly string[] | undefined;
  /** The source's URL views last applied, and this graph's view before any was (what "no view" restores). */
  #appliedViews: ReadonlyMap<string, FlamegraphView> | undefined;
  #initialView: FlamegraphView | undefined;
  #sourceCompare: TimeRange | undefined;
  #lastQuery: QueryState | undefined;
  /** The two graphs of the sandwich view, made on first use. */
  #sandwichGraphs: [ParcaFlamegraphElement, ParcaFlamegraphElement] | undefined;

  /** The graph shown now (from the server, from `record`, or given by a sandwich); none while the query asks for metrics only. */
  get data(): FlamegraphData | undefined {
    if (this.record) return this.#recordDecoder.data;
    if (this.sandwichSide) return this.sandwichData;
    return this.activeQuery?.kind === 'metrics' ? undefined : this.#request.value;
  }

  /**
   * The function table shown (with `table`): flat and cumulative values per function, each sample counted once
   * per function as pprof does, computed from Parca's pprof answer; for pages that draw their own.
   */
  get functionTable(): TableData | undefined {
    const profile = this.#samples();
    if (!this.table || !profile) return undefined;
    if (this.#derived.profile !== profile || !this.#derived.table) {
      this.#derived = { profile, table: { table: profile.samples.table(), unit: profile.unit, total: profile.total, isDiff: profile.isDiff } };
    }
    return this.#derived.table;
  }

  /** The samples answer for the query shown; none while the query asks for metrics only. */
  #samples(): ProfileData | undefined {
    return this.record || this.activeQuery?.kind === 'metrics' ? undefined : this.#profileRequest.value;
  }

  /** The options that change the samples: filters and the baseline, not how the graph arranges them. */
  #profileOptions(): FlamegraphOptions {
    const { filters, baseline, absolute } = this.#options;
    const next: FlamegraphOptions = { invert: false, groupBy: [], filters, absolute, ...(baseline ? { baseline } : {}) };
    if (JSON.stringify(next) !== JSON.stringify(this.#profileOptionsMemo)) this.#profileOptionsMemo = Object.freeze(next);
    return this.#profileOptionsMemo;
  }

  /** The sandwich's callers and callees graphs for the function shown, built from the samples. */
  #sandwichGraphsData(): [FlamegraphData, FlamegraphData] | undefined {
    const profile = this.#samples();
    if (!profile || profile.isDiff || !this.sandwich) return undefined;
    const cached = this.#derived.sandwich;
    if (this.#derived.profile === profile && cached?.name === this.sandwich) return cached.graphs;
    const { callers, callees } = profile.samples.sandwich(this.sandwich);
    const graph = (model: FlamegraphData['model']): FlamegraphData => ({ model, unit: profile.unit, total: profile.total, filtered: 0, trimmed: 0, decodeMs: 0 });
    const graphs: [FlamegraphData, FlamegraphData] = [graph(callers), graph(callees)];
    if (this.#derived.profile !== profile) this.#derived = { profile };
    this.#derived.sandwich = { name: this.sandwich, graphs };
    return graphs;
  }

  /** Settles when the latest requests (graph, and table when shown) have settled. */
  get settled(): Promise<void> {
    return Promise.all([this.#request.settled, this.#profileRequest.settled]).then(() => undefined);
  }

  /** The row the view is focused on (0: the whole graph). */
  get focusedRow(): number {
    return this.focusRow;
  }

  /** Settles after the next canvas frame is drawn (at once when none is pending). */
  get drawComplete(): Promise<void> {
    if (!this.#frameRequest) return Promise.resolve();
    return new Promise((resolve) => this.#drawWaiters.push(resolve));
  }

  /** Where a frame was drawn in the last frame, in CSS pixels of the canvas; undefined when not visible. */
  frameRect(row: number): { x: number; y: number; width: number; height: number } | undefined {
    const data = this.data;
    const drawn = this.#renderer.drawn.find(row);
    if (!data || !drawn || !this.#theme) return undefined;
    const geometry = rowGeometry(data.model, this.orientation, this.#theme.rowHeight, this.viewport.scrollTop, this.canvas.clientHeight);
    return { x: drawn.x, y: geometry.yOf(drawn.depth), width: drawn.width, height: this.#theme.rowHeight };
  }

  /**
   * The focused frame as function names from the root's child down (empty: the whole graph). Setting it
   * focuses that frame as soon as a graph containing the path is shown; a partial match stops where it ends.
   */
  get focusPath(): string[] {
    const data = this.data;
    return data ? focusPathOf(data.model, this.focusRow) : [...(this.#pendingFocus ?? [])];
  }

  set focusPath(path: readonly string[]) {
    this.#pendingFocus = [...path];
    this.requestUpdate();
  }

  /** What the graph shows, as plain values: what `parca-view-change` reports and a source keeps in the URL. */
  get view(): FlamegraphView {
    return {
      focus: this.#pendingFocus ? [...this.#pendingFocus] : this.focusPath,
      search: this.search,
      sandwich: this.sandwich,
      invert: this.invert,
      groupBy: [...this.groupBy],
      filters: typeof this.filters === 'string' ? this.filters : formatFilters(this.filters),
      compareFrom: this.compareFrom,
      compareTo: this.compareTo,
      diffAbsolute: this.diffAbsolute,
    };
  }

  /** Shows the whole graph again. */
  resetFocus(): void {
    this.focusRow = 0;
  }

  /**
   * Focuses the next (1) or previous (-1) frame matching `search`, depth-first and left to right, wrapping
   * around, as of the last update. Fires nothing. Returns the focused row, or -1 when nothing matches.
   */
  stepSearch(direction: 1 | -1): number {
    return this.#step(direction, false);
  }

  /** What the request asks beyond the shared query (invert, group by, filters, baseline). */
  get options(): FlamegraphOptions {
    return this.#options;
  }

  /** The diff palette in use, slot 0 neutral (for legends drawn by the page). */
  get diffColors(): readonly string[] {
    return this.#diffPalette;
  }

  /** The current view as a PNG at device resolution. */
  async toPNG(): Promise<Blob> {
    await this.updateComplete;
    this.#scheduleDraw();
    await this.drawComplete;
    const canvas = this.canvas;
    return new Promise((resolve, reject) => {
      if (!canvas || canvas.width === 0 || canvas.height === 0) {
        reject(new ParcaError('decode', 'There is no flame graph to export.'));
        return;
      }
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ParcaError('decode', 'The browser could not encode the PNG.'))), 'image/png');
    });
  }

  /**
   * A link that restores this view (query, range, focus, search, options): the page's URL, which a source with
   * `sync-url` keeps current. Undefined without such a source.
   */
  viewLink(): string | undefined {
    return this.sourceController.state?.syncsUrl && !this.sandwichSide ? location.href : undefined;
  }

  /** The same query (options included) as Parca's pprof: a gzip-compressed perftools Profile. */
  async exportPprof(): Promise<Blob> {
    const connection = this.activeConnection;
    const query = this.activeQuery;
    if (!connection || !query?.profileType) throw new ParcaError('invalid-query', 'There is no query to export: choose a profile type first.');
    const bytes = await fetchPprof(connection, query, this.#options);
    return new Blob([bytes.slice()], { type: 'application/gzip' });
  }

  constructor() {
    super();
    // The host's own events, and those of its sandwich graphs (composed up through its shadow root).
    this.addEventListener(ParcaSandwichSelectEvent.eventName, this.#onSandwichSelect);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#media = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) => matchMedia(q));
    for (const media of this.#media) media.addEventListener('change', this.#onThemeChange);
    if (this.hasUpdated) this.#observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const media of this.#media) media.removeEventListener('change', this.#onThemeChange);
    this.#resize?.disconnect();
    this.#resize = undefined;
    if (this.#frameRequest) cancelAnimationFrame(this.#frameRequest);
    this.#frameRequest = 0;
    this.#flushDrawWaiters();
  }

  /** Also waits for a `record` being decoded, and for what the graph loads on demand, and the update that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    if (this.#onDemandLoading && !this.#onDemand) {
      await this.#onDemandLoading;
      complete = await super.getUpdateComplete();
    }
    for (let pending = this.#recordDecoder.pending; pending; pending = this.#recordDecoder.pending) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The host is laid out by now: its width picks the first request's trim threshold.
    if (!this.hasUpdated) this.widthClass = widthClassOf(this.clientWidth);
    this.#applySourceView();
    const optionNames = ['invert', 'groupBy', 'filters', 'compare', 'compareFrom', 'compareTo', 'diffAbsolute', 'sandwich', 'sandwichSide'] as const;
    const sourceCompare = this.activeQuery?.compare;
    const optionsBefore = this.#options;
    if (optionNames.some((name) => changed.has(name)) || sourceCompare !== this.#sourceCompare) {
      this.#sourceCompare = sourceCompare;
      this.#rebuildOptions();
    }
    if (this.#inSandwich) this.#syncSandwichGraphs();
    if (this.#wantsAnalysis) this.#loadOnDemand();
    // Whether this update asks for another graph: a pending focus then waits for it.
    const newRequest = this.#options !== optionsBefore || this.activeQuery !== this.#lastQuery || changed.has('widthClass' as keyof ParcaFlamegraphElement) || changed.has('trimThreshold');
    this.#lastQuery = this.activeQuery;
    // Decoded in slices (no long task); the previous graph stays until the new one is ready.
    if (changed.has('record')) this.#recordDecoder.decode(this.record);
    const data = this.data;
    const modelChanged = data !== this.#shown;
    if (modelChanged) {
      const previous = this.#shown;
      // A refresh brings newer data of the same view: focus and selection follow their frames (by name path).
      const refreshed = previous && data && this.#shownQuery && this.activeQuery && isRefreshOf(this.#shownQuery, this.activeQuery);
      const focusPath = refreshed && this.focusRow > 0 ? focusPathOf(previous.model, this.focusRow) : undefined;
      const selectedPath = refreshed && this.selected > 0 ? focusPathOf(previous.model, this.selected) : undefined;
      this.#shown = data;
      this.#shownQuery = this.activeQuery;
      this.focusRow = focusPath ? rowOfFocusPath(data!.model, focusPath) : 0;
      this.selected = selectedPath ? rowOfFocusPath(data!.model, selectedPath) : -1;
      this.hovered = -1;
      if (!refreshed) this.#scrollToEnd = this.orientation === 'flame';
    }
    const settled = this.record ? !this.#recordDecoder.pending : this.#request.status !== 'loading';
    if (this.#pendingFocus && data && data.model.size > 1 && settled && (modelChanged || !newRequest)) {
      this.focusRow = rowOfFocusPath(data.model, this.#pendingFocus);
      this.#pendingFocus = undefined;
    }
    if (modelChanged || changed.has('search')) this.#searchResult = data && this.search.trim() ? searchFlamegraph(data.model, this.search) : undefined;
    if (modelChanged || changed.has('colorBy')) this.#updateColorer();
    if (changed.has('filters') || changed.has('invert') || changed.has('groupBy')) this.actionError = undefined;
    if (changed.has('orientation')) this.#scrollToEnd = this.orientation === 'flame';
  }

  protected override firstUpdated(): void {
    this.#readTheme();
    this.#observe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The theme attribute switches the private tokens; the canvas reads them again.
    if (changed.has('theme') && this.hasUpdated && changed.get('theme') !== undefined) this.#onThemeChange();
    if (changed.has('diffPalette') && changed.get('diffPalette') !== undefined) this.#onThemeChange();
    if (this.#scrollToEnd && this.viewport) {
      this.#scrollToEnd = false;
      this.viewport.scrollTop = this.viewport.scrollHeight;
    }
    this.#placeTooltip();
    this.#scheduleDraw();
  }

  protected override render() {
    const data = this.data;
    const error = this.record ? this.#recordDecoder.error : (this.actionError ?? this.#request.error ?? this.#profileRequest.error);
    // A refresh keeps the graph as it is until the newer one arrives: no loading state.
    const loading = !this.record && this.#request.status === 'loading';
    const model = data?.model;
    const rows = model && model.size > 0 ? model.maxDepth + 1 : 0;
    const rowHeight = this.#theme?.rowHeight ?? 20;
    return html`
      <div class="frame" @keydown=${this.#onKeydown}>
        ${this.#renderPoint()} ${this.#renderToolbar()} ${this.#renderAnalysis()} ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
        ${this.#optionsError ? html`<div part="error" role="alert">${this.#optionsError}</div>` : nothing}
        ${this.#inSandwich ? this.#renderSandwich() : this.#renderStatus(loading)}
        ${data && data.trimmed !== 0 && !this.#inSandwich ? html`<div part="note">${trimNote(data)}</div>` : nothing}
        <div part="viewport" class=${loading ? 'loading' : ''} aria-busy=${loading ? 'true' : 'false'} ?hidden=${this.#inSandwich} @scroll=${this.#onScroll}>
          <div class="content" ${styleProps({ height: `${rows * rowHeight}px` })}>
            <canvas
              part="canvas"
              tabindex="0"
              role="application"
              aria-roledescription="flame graph"
              aria-label="Flame graph. Arrow keys move between frames, Enter focuses a frame, Escape shows the whole graph."
              @pointermove=${this.#onPointerMove}
              @pointerleave=${this.#onPointerLeave}
              @click=${this.#onClick}
              @contextmenu=${this.#onContextMenu}
              @focus=${this.#onCanvasFocus}
            ></canvas>
          </div>
        </div>
        ${this.#renderSelection()} ${this.#inSandwich ? nothing : this.#renderTooltip()} ${this.#renderFunctionTable()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderToolbar() {
    const data = this.data;
    const result = this.#searchResult;
    const path = data && this.focusRow > 0 && !this.#inSandwich ? pathTo(data.model, this.focusRow) : [];
    // A sandwich asks Parca again: not for a saved record.
    const sandwichable = data && !data.isDiff && !this.record && !this.#inSandwich && this.selected > 0 ? data.model.functionName.value(this.selected) : '';
    if (!this.searchField && !result && path.length === 0 && !sandwichable) return nothing;
    return html`<div part="toolbar">
      ${this.searchField
        ? html`<input
              part="search-field"
              type="search"
              aria-label="Search frames"
              placeholder="Search frames (text or /regex/)"
              .value=${this.search}
              @input=${this.#onSearchInput}
              @keydown=${this.#onSearchKeydown}
            />`
        : nothing}
      ${this.searchField && result?.count ? this.#renderStepButtons() : nothing}
      ${result && data ? html`<span part="search-summary" role="status">${result.error ?? this.#summaryText(result, data.model)}</span>` : nothing}
      ${path.length > 0 && data
        ? html`<nav part="breadcrumb" aria-label="Focused frame">
            <ol>
              ${path.map(
                (row) =>
                  html`<li>
                    <button aria-current=${row === this.focusRow ? 'true' : 'false'} @click=${() => this.#user(() => (this.focusRow = row))}>
                      ${frameName(data.model, row)}
                    </button>
                  </li>`,
              )}
            </ol>
            <button part="reset" @click=${() => this.#user(this.resetFocus)}>Reset</button>
          </nav>`
        : nothing}
      ${sandwichable
        ? html`<button part="sandwich-button" title=${sandwichable} @click=${() => this.#askSandwich(this.selected)}>Callers and callees</button>`
        : nothing}
    </div>`;
  }

  #renderStepButtons() {
    return html`<button part="search-previous" @click=${() => this.#step(-1, true)}>Previous match</button>
      <button part="search-next" @click=${() => this.#step(1, true)}>Next match</button>`;
  }

  /** "n matching frames, x% of total", led by "k of" while the selected (or focused) frame is a match. */
  #summaryText(result: SearchResult, model: FlamegraphData['model']): string {
    const index = result.indexOf(this.#stepStart());
    const frames = `${index >= 0 ? `${index + 1} of ` : ''}${result.count} matching ${result.count === 1 ? 'frame' : 'frames'}`;
    // A function picked in the table: the table's figure, from every sample (the graph may have trimmed some).
    const picked = this.#tableRowOf(nameOfExactSearch(this.search));
    if (picked) return `${frames}; ${picked.name}: ${formatValue(picked.cumulative, picked.unit)}, ${formatPercent(picked.cumulative, picked.total)} of total`;
    return `${frames}, ${formatPercent(result.value, model.total)} of total`;
  }

  /** The function table's figures for a function, when the table has it. */
  #tableRowOf(name: string): { name: string; cumulative: number; total: number; unit: string } | undefined {
    const result = name ? this.functionTable : undefined;
    if (!result) return undefined;
    for (let row = 0; row < result.table.size; row++) {
      if (tableRowName(result.table, row) === name) return { name, cumulative: result.table.cumulative[row]!, total: result.total, unit: result.unit };
    }
    return undefined;
  }

  #renderStatus(loading: boolean) {
    const data = this.data;
    if (data) {
      if (data.total < 0 && data.model.total <= 0) {
        return html`<div part="status">
          The values of this profile sum to ${formatValue(data.total, data.unit)}: a flame graph draws only frames whose values
          sum to more than zero. The function table lists every function.
        </div>`;
      }
      if (data.model.size <= 1 || data.model.total <= 0) return html`<div part="status">No profile data in this time range.</div>`;
      return nothing;
    }
    if (loading) return html`<div part="status">Loading flame graph…</div>`;
    if (!this.record && !this.activeQuery?.profileType) return html`<div part="status">Choose a profile type to see its flame graph.</div>`;
    if (!this.record && this.activeQuery?.kind === 'metrics') return html`<div part="status">The query shows values over time only (Show: Metrics).</div>`;
    return nothing;
  }

  #renderTooltip() {
    const data = this.data;
    if (!data || this.hovered < 0 || !this.#pointer) return nothing;
    const details = frameDetails(data.model, this.hovered);
    const total = data.total || data.model.total;
    const where = details.file ? `${details.file}${details.line ? `:${details.line}` : ''}` : '';
    return html`<div part="tooltip" role="tooltip">
      <div class="name">${details.name}</div>
      <dl>
        <dt>Cumulative</dt>
        <dd>${formatValue(details.cumulative, data.unit)} (${formatPercent(details.cumulative, total)})</dd>
        <dt>Flat</dt>
        <dd>${formatValue(details.flat, data.unit)} (${formatPercent(details.flat, total)})</dd>
        ${data.isDiff
          ? html`<dt>Baseline</dt>
              <dd>${formatValue(details.cumulative - details.diff, data.unit)}</dd>
              <dt>Comparison</dt>
              <dd>${formatValue(details.cumulative, data.unit)}</dd>
              <dt>Change</dt>
              <dd>${details.diff > 0 ? '+' : ''}${formatValue(details.diff, data.unit)} (${formatChange(relativeChange(details.cumulative, details.diff))})</dd>`
          : nothing}
        ${where ? html`<dt>File</dt><dd>${where}</dd>` : nothing}
        ${details.binary ? html`<dt>Binary</dt><dd>${baseName(details.binary)}</dd>` : nothing}
        ${details.buildId ? html`<dt>Build id</dt><dd>${details.buildId}</dd>` : nothing}
        ${details.address ? html`<dt>Address</dt><dd>${details.address}</dd>` : nothing}
        ${details.inlined ? html`<dt>Inlined</dt><dd>yes</dd>` : nothing}
      </dl>
    </div>`;
  }

  // ---- analysis options ----

  /** Normalizes the option properties into the request's options; an unusable option is reported, not sent. */
  #rebuildOptions(): void {
    const errors: string[] = [];
    const { fields, unknown } = parseGroupBy(this.groupBy);
    if (unknown.length) errors.push(`Cannot group by ${unknown.join(', ')}: use function_name, binary, filename, address or labels.<name>.`);
    const filters: FrameFilter[] = [];
    if (typeof this.filters === 'string') {
      errors.push(`The filters "${this.filters}" could not be read: write e.g. "function_name ~ runtime; binary != libc.so.6".`);
    } else {
      for (const filter of this.filters ?? []) {
        try {
          filters.push(normalizeFilter(filter));
        } catch (error) {
          errors.push(`Filter ignored: ${(error as Error).message}.`);
        }
      }
    }
    let range: TimeRange | undefined;
    if (!this.compare && (this.compareFrom || this.compareTo)) {
      try {
        range = parseTimeRange(this.compareFrom || 'now', this.compareTo || 'now');
      } catch (error) {
        errors.push(`The baseline range is not valid: ${(error as Error).message}.`);
      }
    }
    const sourceRange = this.#sourceCompare;
    const baseline = this.compare ? { query: this.compare } : range ? { range } : sourceRange ? { range: sourceRange } : undefined;
    const options: FlamegraphOptions = Object.freeze({
      invert: this.invert,
      groupBy: fields,
      filters,
      absolute: this.diffAbsolute,
      ...(baseline ? { baseline } : {}),
    });
    // Equal options keep their identity, so setting a property to what it was does not query again.
    if (JSON.stringify(options) !== JSON.stringify(this.#options)) this.#options = options;
    this.#optionsError = errors.length ? errors.join(' ') : undefined;
  }

  /** Whether the graph shows anything of the on-demand module: controls, filter chips, a diff legend. */
  get #wantsAnalysis(): boolean {
    return this.controls || this.#options.filters.length > 0 || !!this.#options.baseline;
  }

  /** Loads the on-demand module (once) and shows what needed it; updateComplete waits for it. */
  #loadOnDemand(): void {
    this.#onDemandLoading ??= import('./on-demand.js').then((module) => {
      this.#onDemand = module;
      this.requestUpdate();
    });
  }

  #renderAnalysis() {
    const data = this.data;
    const diffing = !!this.#options.baseline;
    const views = this.#onDemand;
    if (!views) return nothing;
    const { renderOptions, renderFilters, renderLegend } = views;
    return html`${this.controls
      ? renderOptions({
          invert: this.invert,
          table: this.table,
          groupBy: this.groupBy,
          diffing,
          absolute: this.diffAbsolute,
          palette: this.diffPalette,
          baselineText: this.#baselineText(),
          canExport: !this.record && !!this.activeConnection,
          onInvert: (invert) => this.#user(() => (this.invert = invert)),
          onTable: (table) => (this.table = table),
          onGroupBy: (text) => {
            this.groupByLabel = false;
            this.#user(() => (this.groupBy = listConverter.fromAttribute(text)));
          },
          onCompareToggle: (compare) => this.#user(() => this.#toggleCompare(compare)),
          onAbsolute: (absolute) => this.#user(() => (this.diffAbsolute = absolute)),
          onPalette: (palette) => (this.diffPalette = DIFF_PALETTES.includes(palette) ? palette : 'red-green'),
          onExportPng: () => void this.#download(() => this.toPNG(), 'flamegraph.png'),
          onExportPprof: () => void this.#download(() => this.exportPprof(), 'profile.pb.gz'),
          onCopyLink: this.viewLink() ? () => void this.#copyLink() : undefined,
          copied: this.copied,
          groupNote: this.#groupNote(),
          groupByLabel: this.groupByLabel,
          onGroupByLabel: () => (this.groupByLabel = true),
        })
      : nothing}
    ${renderFilters({
      filters: this.#validFilters(),
      editable: this.controls,
      totals: data && !this.record ? { total: data.total, filtered: data.filtered, unit: data.unit } : undefined,
      onRemove: (index) => this.#user(() => (this.filters = this.#validFilters().filter((_, i) => i !== index))),
      onAdd: (filter) => {
        const current = this.#validFilters();
        if (!current.some((f) => sameFilter(f, filter))) this.#user(() => (this.filters = [...current, filter]));
      },
    })}
    ${data?.isDiff ? renderLegend(this.#diffPalette, this.diffAbsolute) : nothing}`;
  }

  /** The function table part (with `table`), once Parca has sent one. */
  #renderFunctionTable() {
    const result = this.functionTable;
    const views = this.#samples()?.views;
    if (!result || !views) return nothing;
    const { column, descending } = this.tableSort;
    const key = [result.table, column, descending];
    if (!this.#derived.order || this.#derived.order.key.some((k, i) => k !== key[i])) {
      this.#derived.order = { key, order: sortTable(result.table, column, descending) };
    }
    const body = this.renderRoot.querySelector<HTMLElement>('[part~="table-body"]');
    return views.renderTable({
      ...result,
      order: this.#derived.order.order,
      sort: this.tableSort,
      scrollTop: this.tableScroll,
      viewportHeight: body?.clientHeight || 320,
      highlighted: nameOfExactSearch(this.search),
      onSort: (next) => (this.tableSort = { column: next, descending: next === column ? !descending : next !== 'name' }),
      onScroll: (top) => (this.tableScroll = top),
      onPick: (name) => this.#user(() => this.#pickFunction(name)),
    });
  }

  /**
   * A function picked in the table becomes the selection every action uses (Callers and callees, Enter): its
   * widest frame is selected and every frame of it highlighted.
   */
  #pickFunction(name: string): void {
    this.search = exactNameSearch(name);
    const model = this.data?.model;
    if (!model) return;
    let widest = -1;
    for (let row = 1; row < model.size; row++) {
      if (model.functionName.value(row) === name && (widest < 0 || model.cumulative[row]! > model.cumulative[widest]!)) widest = row;
    }
    this.selected = widest;
    if (widest > 0) this.#announce(widest, 'Selected ');
  }

  /** Whether this element shows a sandwich (through two graphs of its own) instead of a graph. */
  get #inSandwich(): boolean {
    return !!this.sandwich && !this.sandwichSide;
  }

  /** Applies the view a source read from the page URL, once per reading (load, back/forward). */
  #applySourceView(): void {
    const views = this.sourceController.state?.views;
    if (!views || views === this.#appliedViews || this.sandwichSide) return;
    this.#appliedViews = views;
    this.#initialView ??= this.view;
    const view = views.get(this.id) ?? this.#initialView;
    this.search = view.search;
    this.sandwich = view.sandwich;
    this.invert = view.invert;
    this.groupBy = [...view.groupBy];
    this.filters = filtersConverter.fromAttribute(view.filters) as FrameFilter[];
    this.compareFrom = view.compareFrom;
    this.compareTo = view.compareTo;
    this.diffAbsolute = view.diffAbsolute;
    this.#pendingFocus = view.focus;
  }

  /** Why grouping by binary changes nothing on this graph, when it does not. */
  #groupNote(): string {
    const model = this.data?.model;
    if (!model || !this.#options.groupBy.includes('mapping_file')) return '';
    const binaries = new Set<string>();
    for (let row = 1; row < model.size && binaries.size < 2; row++) {
      const binary = model.mappingFile.value(row);
      if (binary) binaries.add(binary);
    }
    if (binaries.size > 1) return '';
    const [only] = binaries;
    return only ? `Every frame is in one binary (${baseName(only)}): grouping by binary changes nothing.` : 'No frame names a binary: grouping by binary changes nothing.';
  }

  /** Tells the page (and a source with `sync-url`) that a user changed the view. */
  #viewChanged(): void {
    this.copied = false;
    if (!this.sandwichSide) this.dispatchEvent(new ParcaViewChangeEvent(this.view, this.id));
  }

  /** Asks for the sandwich of the row's function: this graph shows it, or the sandwich this graph is part of. */
  #askSandwich(row: number): void {
    const name = this.data?.model.functionName.value(row) ?? '';
    if (name) this.dispatchEvent(new ParcaSandwichSelectEvent(name));
  }

  /** A sandwich asked for here or in one of the sandwich's own graphs: this element shows it. */
  #onSandwichSelect = (event: ParcaSandwichSelectEvent): void => {
    if (this.sandwichSide) return;
    const origin = event.composedPath()[0];
    if (origin !== this && !this.#sandwichGraphs?.includes(origin as ParcaFlamegraphElement)) return;
    this.sandwich = event.functionName;
    this.#viewChanged();
  };

  #exitSandwich = (): void => {
    this.sandwich = '';
    this.#viewChanged();
  };

  /** The callers graph (root at the bottom, the function just above it) over the callees graph. */
  #renderSandwich() {
    const graphs = this.#sandwichGraphs!;
    const loading = !graphs[0].sandwichData && this.#profileRequest.status === 'loading';
    return html`<div part="sandwich">
      <div part="sandwich-header">
        <span>Callers and callees of <strong>${this.sandwich}</strong></span>
        <button part="sandwich-exit" @click=${this.#exitSandwich}>Back to the flame graph</button>
      </div>
      ${loading ? html`<div part="status">Loading callers and callees…</div>` : nothing} ${graphs[0]} ${graphs[1]}
    </div>`;
  }

  /**
   * Hands the sandwich's two graphs what they show, built from the query's samples, and what they share with this
   * one (made on first use). A search that only names the table's pick stays out: it would grey both graphs.
   */
  #syncSandwichGraphs(): void {
    this.#sandwichGraphs ??= [this.#makeSandwichGraph('callers'), this.#makeSandwichGraph('callees')];
    const data = this.#sandwichGraphsData();
    this.#sandwichGraphs.forEach((graph, i) =>
      Object.assign(graph, {
        sandwichData: data?.[i],
        theme: this.theme,
        colorBy: this.colorBy,
        search: nameOfExactSearch(this.search) ? '' : this.search,
      }),
    );
  }

  #makeSandwichGraph(side: 'callers' | 'callees'): ParcaFlamegraphElement {
    const graph = new (this.constructor as typeof ParcaFlamegraphElement)();
    graph.sandwichSide = side;
    graph.orientation = side === 'callers' ? 'flame' : 'icicle';
    graph.setAttribute('part', `sandwich-${side}`);
    graph.setAttribute('aria-label', side === 'callers' ? 'Callers' : 'Callees');
    return graph;
  }

  /** The filters in effect (normalized); an unreadable `filters` attribute counts as none. */
  #validFilters(): FrameFilter[] {
    return [...this.#options.filters];
  }

  /** The baseline as people read it: its window in local time (a query baseline by its text). */
  #baselineText(): string {
    if (this.compare) return `${this.compare.profileType}${this.compare.selector}`;
    const range = this.#options.baseline?.range;
    const query = this.activeQuery;
    const resolved = range && query && resolveWindow(range, query.now);
    return resolved ? formatWindow(resolved.startMs, resolved.endMs) : '';
  }

  /**
   * The selected frame, named in full with its values, under the graph (so the graph does not move when a frame is
   * clicked): a keyboard user on a frame too narrow for its label (and anyone) reads what is selected here.
   */
  #renderSelection() {
    const data = this.data;
    const row = this.selected;
    if (!data || row <= 0 || row >= data.model.size || this.#inSandwich) return nothing;
    const value = data.model.cumulative[row]!;
    return html`<div part="selection">
      Selected: <strong>${frameName(data.model, row)}</strong>, ${formatValue(value, data.unit)} (${formatPercent(value, data.total || data.model.total)})
    </div>`;
  }

  /** Says which one profile is shown when a point was picked on a chart, with the way back to the whole range. */
  #renderPoint() {
    const point = this.activeQuery?.point;
    if (!point || this.record || this.sandwichSide) return nothing;
    const labels = Object.entries(point.labels ?? {})
      .map(([name, value]) => `${name}=${value}`)
      .join(', ');
    const span = Math.max(point.durationMs, point.windowMs ?? 0);
    return html`<div part="point" role="status">
      <span>Profile at <strong>${formatTimestamp(point.timestampMs)}</strong>${labels ? `, ${labels}` : ''}${span ? `, ${formatDurationMs(span)}` : ''}</span>
      <button part="point-clear" @click=${() => this.dispatchEvent(new ParcaPointSelectEvent(undefined))}>Whole range</button>
    </div>`;
  }

  /** The compare control: the previous period of the same length as the shown range, or no baseline. */
  #toggleCompare(compare: boolean): void {
    if (!compare) {
      this.compare = undefined;
      this.compareFrom = '';
      this.compareTo = '';
      // A baseline chosen on a chart belongs to the source: ask it to drop it.
      if (this.#sourceCompare) this.dispatchEvent(new ParcaBaselineSelectEvent(undefined));
      return;
    }
    const query = this.activeQuery;
    if (!query?.window) return;
    const previous = previousPeriod(query.range, query.window);
    this.compareFrom = formatTimeBound(previous.from);
    this.compareTo = formatTimeBound(previous.to);
  }

  async #copyLink(): Promise<void> {
    const link = this.viewLink()!;
    try {
      await navigator.clipboard.writeText(link);
      this.actionError = undefined;
      this.copied = true;
    } catch {
      this.actionError = new ParcaError('decode', `The browser did not allow copying; the link is ${link}`);
    }
  }

  async #download(make: () => Promise<Blob>, filename: string): Promise<void> {
    try {
      const blob = await make();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = filename;
      link.click();
      // The download has started by the next task; the URL is no longer needed then.
      setTimeout(() => URL.revokeObjectURL(url));
      this.actionError = undefined;
    } catch (error) {
      this.actionError = error instanceof ParcaError ? error : new ParcaError('decode', (error as Error).message);
    }
  }

  // ---- drawing ----

  #observe(): void {
    if (this.#resize || !this.viewport) return;
    this.#resize = new ResizeObserver(() => {
      const widthClass = widthClassOf(this.viewport.clientWidth);
      if (widthClass !== this.widthClass) this.widthClass = widthClass;
      this.#scheduleDraw();
    });
    this.#resize.observe(this.viewport);
  }

  #onThemeChange = (): void => {
    this.#readTheme();
    this.#updateColorer();
    this.requestUpdate();
  };

  #readTheme(): void {
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const palette = splitColorList(read('--_palette', ''));
    this.#theme = {
      palette: palette.length ? palette : ['#cccccc'],
      neutral: read('--_neutral', '#d4d4d8'),
      muted: read('--_muted', '#ececef'),
      match: read('--_match', '#f5a623'),
      text: read('--_text', '#000'),
      mutedText: read('--_muted-text', '#888'),
      outline: read('--_outline', '#0b57d0'),
      font: read('--_label-font', '12px monospace'),
      rowHeight: parseFloat(read('--_row-height', '20')) || 20,
    };
    const rgb = (name: string, fallback: string) => parseColor(canvasColor(read(name, fallback))) ?? parseColor(fallback)!;
    this.#diffPalette = buildDiffPalette(rgb('--_neutral', '#d4d4d8'), rgb('--_diff-growth', '#dc2626'), rgb('--_diff-shrink', '#16a34a'));
  }

  #updateColorer(): void {
    const data = this.data;
    const by = COLOR_BY.includes(this.colorBy) ? this.colorBy : 'binary';
    if (data?.isDiff) this.#colorOf = createDiffColorer(data.model);
    else this.#colorOf = data ? createColorer(data.model, by, this.#theme?.palette.length ?? 1) : () => -1;
  }

  #scheduleDraw(): void {
    if (this.#frameRequest || !this.isConnected) return;
    this.#frameRequest = requestAnimationFrame(() => {
      this.#frameRequest = 0;
      this.#draw();
      this.#flushDrawWaiters();
    });
  }

  #flushDrawWaiters(): void {
    const waiters = this.#drawWaiters;
    this.#drawWaiters = [];
    for (const resolve of waiters) resolve();
  }

  #draw(): void {
    const canvas = this.canvas;
    const theme = this.#theme;
    const data = this.data;
    if (!canvas || !theme) return;
    const width = this.viewport.clientWidth;
    const model = data?.model;
    const contentHeight = model && model.size > 0 ? (model.maxDepth + 1) * theme.rowHeight : 0;
    const height = Math.min(contentHeight, this.viewport.clientHeight || contentHeight);
    const ratio = globalThis.devicePixelRatio || 1;
    canvas.style.height = `${height}px`;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    if (!ctx || !model) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.#renderer.draw(
      ctx,
      {
        model,
        focus: this.focusRow,
        orientation: this.orientation,
        widthPx: width,
        heightPx: height,
        scrollTop: this.viewport.scrollTop,
        colorOf: this.#colorOf,
        matches: this.#searchResult?.mask,
        hovered: this.hovered,
        selected: this.selected,
      },
      // A diff draws with the diff palette through the same slot mechanism.
      data?.isDiff ? { ...theme, palette: this.#diffPalette } : theme,
    );
  }

  #placeTooltip(): void {
    const tooltip = this.tooltip;
    const pointer = this.#pointer;
    if (!tooltip || !pointer) return;
    const bounds = this.frame.getBoundingClientRect();
    const width = tooltip.offsetWidth;
    const height = tooltip.offsetHeight;
    let left = pointer.x + TOOLTIP_OFFSET;
    if (left + width > bounds.width) left = pointer.x - TOOLTIP_OFFSET - width;
    let top = pointer.y + TOOLTIP_OFFSET;
    if (top + height > bounds.height) top = pointer.y - TOOLTIP_OFFSET - height;
    tooltip.style.left = `${Math.max(0, Math.min(left, bounds.width - width))}px`;
    tooltip.style.top = `${Math.max(0, top)}px`;
  }

  // ---- interaction ----

  /** The row under a point given in canvas coordinates, or -1. */
  #rowAt(x: number, y: number): number {
    const data = this.data;
    if (!data || !this.#theme) return -1;
    const geometry = rowGeometry(data.model, this.orientation, this.#theme.rowHeight, this.viewport.scrollTop, this.canvas.clientHeight);
    const depth = geometry.depthAt(y);
    return depth < 0 ? -1 : this.#renderer.drawn.hit(depth, x);
  }

  #onPointerMove = (event: PointerEvent): void => {
    const canvasBounds = this.canvas.getBoundingClientRect();
    const row = this.#rowAt(event.clientX - canvasBounds.left, event.clientY - canvasBounds.top);
    const frameBounds = this.frame.getBoundingClientRect();
    this.#pointer = row >= 0 ? { x: event.clientX - frameBounds.left, y: event.clientY - frameBounds.top } : undefined;
    if (row !== this.hovered) this.hovered = row;
    else this.#placeTooltip();
  };

  #onPointerLeave = (): void => {
    this.#pointer = undefined;
    this.hovered = -1;
  };

  #onScroll = (): void => {
    this.#pointer = undefined;
    this.hovered = -1;
    this.#scheduleDraw();
  };

  #onClick = (event: MouseEvent): void => {
    const bounds = this.canvas.getBoundingClientRect();
    const row = this.#rowAt(event.clientX - bounds.left, event.clientY - bounds.top);
    if (row < 0) return;
    this.selected = row;
    this.#selectFrame(row);
  };

  /** A user chose a frame: tell the page, and focus it unless the page says otherwise. `quiet`: code chose it. */
  #selectFrame(row: number, quiet = false): void {
    const data = this.data;
    if (!data) return;
    const event = new ParcaFrameSelectEvent(frameDetails(data.model, row), data.unit);
    if (!quiet) this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      this.focusRow = row;
      this.#announce(row, 'Focused ');
      if (!quiet) this.#viewChanged();
    }
  }

  #onCanvasFocus = (): void => {
    if (this.selected < 0 && this.data && this.data.model.size > 0) {
      this.selected = this.focusRow;
      this.#announce(this.selected);
    }
  };

  #onSearchInput = (event: Event): void => {
    this.search = (event.target as HTMLInputElement).value;
    this.#viewChanged();
  };

  /** Runs a user's change, then reports the view. */
  #user(change: () => void): void {
    change.call(this);
    this.#viewChanged();
  }

  /** The context action on a frame: its callers and callees (the browser's menu stays for empty space). */
  #onContextMenu = (event: MouseEvent): void => {
    const bounds = this.canvas.getBoundingClientRect();
    const row = this.#rowAt(event.clientX - bounds.left, event.clientY - bounds.top);
    if (row <= 0 || this.record || this.data?.isDiff || !this.data?.model.functionName.value(row)) return;
    event.preventDefault();
    this.#askSandwich(row);
  };

  #onSearchKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Enter' || event.isComposing) return;
    event.preventDefault();
    this.#step(event.shiftKey ? -1 : 1, true);
  };

  // ---- search stepping ----

  /** Where a step starts: the selected frame (last stepped to, clicked or reached by arrow keys), else the focus. */
  #stepStart(): number {
    return this.selected >= 0 ? this.selected : this.focusRow;
  }

  /**
   * Selects the next or previous match after where a step starts. A user's step is like a click on the match:
   * the page hears of it and may keep the view; a step by code fires nothing and focuses it.
   */
  #step(direction: 1 | -1, byUser: boolean): number {
    const result = this.#searchResult;
    // The result was found for the graph shown at the last update.
    const row = result ? stepMatch(this.#shown!.model, result.rows, this.#stepStart(), direction) : -1;
    if (row < 0) return row;
    this.selected = row;
    this.#scrollIntoView(row);
    this.#selectFrame(row, !byUser);
    return row;
  }

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.focusRow !== 0 && !this.#inSandwich) {
        this.focusRow = 0;
        this.announcement = 'Showing the whole graph';
        event.preventDefault();
        this.#viewChanged();
      } else if (this.#inSandwich && !event.defaultPrevented) {
        // A sandwich graph's own Escape (leaving its focus) comes first.
        event.preventDefault();
        this.#exitSandwich();
      }
      return;
    }
    if (event.composedPath()[0] !== this.canvas) return;
    const data = this.data;
    if (!data || data.model.size === 0) return;
    const current = this.selected >= 0 ? this.selected : this.focusRow;
    const up: Direction = this.orientation === 'icicle' ? 'parent' : 'child';
    const down: Direction = this.orientation === 'icicle' ? 'child' : 'parent';
    const moves: Record<string, Direction> = { ArrowUp: up, ArrowDown: down, ArrowLeft: 'previous', ArrowRight: 'next' };
    const direction = moves[event.key];
    if (direction) {
      event.preventDefault();
      const next = navigate(data.model, current, direction);
      // Stay among drawn frames: the focused frame's ancestors and its subtree.
      const drawn = isAncestorOrSelf(data.model, next, this.focusRow) || isAncestorOrSelf(data.model, this.focusRow, next);
      const sideways = direction === 'next' || direction === 'previous';
      if (next === current || !drawn || (sideways && isAncestorOrSelf(data.model, current, this.focusRow))) return;
      this.selected = next;
      this.#scrollIntoView(next);
      this.#announce(next);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.selected = current;
      this.#selectFrame(current);
    }
  };

  #scrollIntoView(row: number): void {
    const data = this.data;
    if (!data || !this.#theme) return;
    const rowHeight = this.#theme.rowHeight;
    const geometry = rowGeometry(data.model, this.orientation, rowHeight, 0, 0);
    const top = geometry.yOf(data.model.depth[row]!);
    const viewport = this.viewport;
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + rowHeight > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + rowHeight - viewport.clientHeight;
  }

  #announce(row: number, prefix = ''): void {
    const data = this.data;
    if (!data) return;
    const model = data.model;
    const total = data.total || model.total;
    this.announcement = `${prefix}${frameName(model, row)}: ${formatValue(model.cumulative[row]!, data.unit)}, ${formatPercent(model.cumulative[row]!, total)} of total`;
  }
}
