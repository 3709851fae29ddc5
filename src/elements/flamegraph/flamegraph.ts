// The flame graph element: a shell that wires its parts. What it shows comes from GraphData (requests, decode),
// what a user looks at from GraphView (focus, selection, search), the picture from GraphCanvas, the controls from
// analysis-controls.ts and the sandwich (a <parca-sandwich>) from the on-demand module, and the parts around the
// canvas from templates.ts. Its option properties are in options.ts.
import { type PropertyValues, html, nothing } from 'lit';
import type { ParcaViewChangeEvent } from '../../events/view-change.js';
import { property, state } from 'lit/decorators.js';
import { ParcaError } from '../../client/errors.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaSandwichSelectEvent } from '../../events/sandwich-select.js';
import { pathTo } from '../../model/flamegraph/layout.js';
import { nameOfExactSearch } from '../../model/flamegraph/search.js';
import type { FlamegraphView } from '../../model/flamegraph/view-state.js';
import type { FlamegraphData, FlamegraphRecordInput } from './fetch.js';
import { flamegraphStyles } from './flamegraph.styles.js';
import { GraphCanvas, widthClassOf } from './graph-canvas.js';
import type { FocusDetail } from './focus-detail.js';
import { GraphData } from './graph-data.js';
import { GraphInput } from './graph-input.js';
import { GraphView } from './graph-view.js';
import { FlamegraphOptionsElement } from './options.js';
import { colorNote, renderPoint, renderSelection, renderTooltip, renderToolbar, renderViewport, searchSummary, statusText, trimNote } from './templates.js';
import type { ListenerMethods, ParcaFlamegraphEvents } from '../../events/event-maps.js';

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
 * removed), and a diff against a baseline (`baseline-from`/`baseline-to`, or a `baselineQuery`) colored by
 * relative change. `toPNG()` and `exportPprof()` export the view and the query. Every change re-queries once.
 *
 * Sandwich: `sandwich` (or "Callers and callees" on a selected frame, or a right-click on a frame) shows the
 * function's callers above it and its callees below it in place of the graph, through a `<parca-sandwich>` (part
 * `sandwich`); a click on a frame of either of its graphs centres it on that function; Escape or Back returns.
 * Under a source the function is shared: a `<parca-sandwich>` elsewhere on the page shows it too.
 *
 * Under a source, the graph shares its view (focus, search, options) with the source's other views of the same
 * `view-id` (a function picked in `<parca-function-table>` or `<parca-calltree>` is highlighted here); with
 * `sync-url` the view lives in the page URL (see `parca-view-change`), so Copy link (or the address bar) shares it.
 *
 * @tagname parca-flamegraph
 * @summary An interactive, canvas-drawn flame graph of a merged profile.
 * @fires parca-frame-select - A user selected a frame (click or Enter). Cancelable: the default focuses it.
 * @fires parca-load - A new flame graph arrived (total, trimmed, node count; fetch and decode times).
 * @fires parca-error - A request, its decode or a saved record failed; the last good graph stays.
 * @fires parca-view-change - A user changed the view (focus, search, sandwich, an analysis option); a source
 *   with `sync-url` keeps it in the page URL.
 * @fires parca-baseline-select - A user turned off a comparison whose baseline came from the source.
 * @fires parca-point-select - A user went back from a picked point to the whole range.
 * @fires parca-sandwich-select - A user asked for a function's callers and callees.
 *
 * @csspart point - Says which one profile is shown when a point was picked on a chart.
 * @csspart point-clear - Goes back from the picked point to the whole range.
 * @csspart toolbar - The row above the graph: search field, search summary, breadcrumb.
 * @csspart selection - Names the selected frame in full with its values (click, arrow keys or a pick in another view).
 * @csspart search-field - The built-in search input (with `search-field`).
 * @csspart search-summary - How many frames match the search and the share of the total they cover; "k of n"
 *   while stepping through them.
 * @csspart search-next - Focuses the next match (with `search-field` and a search that matches).
 * @csspart search-previous - Focuses the previous match (with `search-field` and a search that matches).
 * @csspart breadcrumb - The path from the root to the focused frame.
 * @csspart reset - The button that shows the whole graph again.
 * @csspart sandwich-button - Shows the selected frame's callers and callees.
 * @csspart sandwich - The sandwich shown in place of the graph (a parca-sandwich: style its own parts through it).
 * @csspart sandwich-exit - Goes back from the sandwich to the graph.
 * @csspart note - Says how much value Parca trimmed away as too small to show.
 * @csspart binaries - The binary legend (with `controls`): each binary of the profile with its color; a toggle hides its frames.
 * @csspart binary - One binary of the legend (aria-pressed: its frames are shown).
 * @csspart detail-note - Says the focused frame's finer detail is asked for, then shown (detail on focus).
 * @csspart color-note - Says what frames are colored by when most lack the `color-by` key (no binaries: by package).
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong with the last request.
 * @csspart viewport - The scrolling area around the canvas.
 * @csspart canvas - The focusable canvas the graph is drawn on.
 * @csspart tooltip - Details of the hovered frame.
 * @cssprop --parca-flamegraph-palette - Comma-separated frame colors (a hash of the binary, package or file picks one).
 * @cssprop --parca-flamegraph-neutral-color - Frames with nothing to color by, such as the root.
 * @cssprop --parca-flamegraph-muted-color - Ancestors of the focused frame and frames that do not match a search.
 * @cssprop --parca-flamegraph-match-color - Frames that match a search.
 * @cssprop --parca-flamegraph-diff-growth-color - Diff: frames that grew (full intensity).
 * @cssprop --parca-flamegraph-diff-shrink-color - Diff: frames that shrank (full intensity).
 * @cssprop --parca-flamegraph-row-height - Height of a frame row (default 20px).
 * @cssprop --parca-flamegraph-font - Font of frame labels.
 * @cssprop --parca-flamegraph-max-height - Height beyond which the graph scrolls (default 640px).
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-muted - Secondary text color.
 * @cssprop --parca-color-accent - Outline of the hovered and keyboard-selected frame.
 * @cssprop --parca-color-background - Background of the tooltip and inputs.
 * @cssprop --parca-color-border - Borders of the tooltip, buttons and inputs.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font of the controls.
 * @cssprop --parca-font-size - Font size of the controls.
 */
export class ParcaFlamegraphElement extends FlamegraphOptionsElement {
  static override styles = flamegraphStyles;

  /** A saved record to show instead of querying (bytes of FlamegraphArrow.record, with unit and totals). */
  @property({ attribute: false }) record: FlamegraphRecordInput | undefined;

  @state() private widthClass = 0;
  @state() private actionError: ParcaError | undefined;
  /** The analysis controls' own state (analysis-controls.ts). @internal */
  readonly controlState = { copied: false, groupByLabel: false };

  readonly #data = new GraphData(this);
  /** Detail on focus, made once a frame of a trimmed graph is focused (it comes with the on-demand module). */
  #detail: FocusDetail | undefined;
  readonly #view = new GraphView(this);
  readonly #canvas = new GraphCanvas(
    this,
    () => this.#scene(),
    (width) => {
      const widthClass = widthClassOf(width);
      if (widthClass !== this.widthClass) this.widthClass = widthClass;
    },
  );
  readonly #input = new GraphInput(this, {
    view: this.#view,
    canvas: () => this.#canvas.canvas,
    rowAt: (x, y) => this.#canvas.rowAt(x, y),
    // A preview is a picture only: pointer and keys wait for the graph.
    model: () => (this.#data.preview ? undefined : this.data?.model),
    sandwichable: () => !this.record && !this.data?.isDiff,
    askSandwich: (row) => this.#askSandwich(row),
    inSandwich: () => this.#inSandwich,
    exitSandwich: () => this.#exitSandwich(),
    redraw: () => this.#canvas.schedule(),
  });
  #scrollToEnd = false;

  /** The graph shown now (from the server or from `record`); none while the query asks for metrics only. */
  get data(): FlamegraphData | undefined {
    return this.#detail ? this.#detail.pick(this.#data.value, nameOfExactSearch(this.search)) : this.#data.value;
  }

  /**
   * Settles when what the latest request brought is on screen: the request settled, the update applied and the
   * canvas drawn (and, while a sandwich is shown, the sandwich settled). The one readiness promise of every element.
   */
  get settled(): Promise<void> {
    return Promise.all([this.#data.settled, this.#detail?.settled])
      .then(() => this.updateComplete)
      .then(() => this.#canvas.drawComplete)
      .then(() => this.#sandwichElement()?.settled);
  }

  /** Settles after the next canvas frame is drawn (at once when none is pending). @internal */
  get drawComplete(): Promise<void> {
    return this.#canvas.drawComplete;
  }

  /** Canvas frames drawn so far; a frame that would repeat the picture on the canvas is skipped, not counted. @internal */
  get draws(): number {
    return this.#canvas.draws;
  }

  /** The row the view is focused on (0: the whole graph). */
  get focusedRow(): number {
    return this.#view.focus;
  }

  /** Where a frame was drawn in the last frame, in CSS pixels of the canvas; undefined when not visible. */
  frameRect(row: number): { x: number; y: number; width: number; height: number } | undefined {
    return this.#canvas.rectOf(row);
  }

  /**
   * The focused frame as function names from the root's child down (empty: the whole graph). Setting it focuses
   * that frame as soon as a graph containing the path is shown; a partial match stops where it ends.
   */
  get focusPath(): string[] {
    return this.#view.focusPath;
  }

  set focusPath(path: readonly string[]) {
    this.#view.pendingFocus = [...path];
    this.requestUpdate();
  }

  /** What the graph shows, as plain values: what `parca-view-change` reports and a source keeps in the URL. */
  override get view(): FlamegraphView {
    return Object.freeze({ ...super.view, focus: this.focusPath });
  }

  /** Shows the whole graph again. */
  resetFocus(): void {
    this.#view.focus = 0;
    this.requestUpdate();
  }

  /**
   * Focuses the next (1) or previous (-1) frame matching `search`, depth-first and left to right, wrapping around,
   * as of the last update. Fires nothing. Returns the focused row, or -1 when nothing matches.
   */
  stepSearch(direction: 1 | -1): number {
    return this.#view.step(direction, false);
  }

  /** The profile's binaries and label names (asked while `controls` show). @internal */
  get metadata() {
    return this.#data.metadata;
  }

  /** The frame palette the canvas draws with. @internal */
  get framePalette(): readonly string[] {
    return this.#canvas.theme.palette;
  }

  /** The diff palette in use, slot 0 neutral (for legends drawn by the page). */
  get diffColors(): readonly string[] {
    return this.#canvas.diffPalette;
  }

  /** The current view as a PNG at device resolution. */
  async toPNG(): Promise<Blob> {
    await this.updateComplete;
    return this.#canvas.png();
  }

  /**
   * A link that restores this view (query, range, focus, search, options): the page's URL, which a source with
   * `sync-url` keeps current. Undefined without such a source.
   */
  viewLink(): string | undefined {
    return this.sourceController.state?.syncsUrl ? location.href : undefined;
  }

  /** The same query (options included) as Parca's pprof: a gzip-compressed perftools Profile. */
  exportPprof(): Promise<Blob> {
    return this.#data.pprof();
  }

  /** Whether the on-demand module is needed besides: controls, filter chips or a diff legend. @internal */
  get wantsOnDemand(): boolean {
    return this.controls || this.options.filters.length > 0 || this.presets.length > 0 || !!this.options.baseline || this.#inSandwich || this.#wantsDetail;
  }

  /** A frame below the root of a trimmed graph is focused: detail on focus may show more. */
  get #wantsDetail(): boolean {
    return this.#view.focus > 0 && (this.#data.value?.trimmed ?? 0) > 0 && !this.record;
  }

  /** The trim threshold in percent, once the width is known. @internal */
  get trimPercent(): number | undefined {
    return this.widthClass ? (this.trimThreshold ?? 100 / this.widthClass) : undefined;
  }

  /** Applies a user's change and reports the view (parca-view-change). @internal */
  userChange(change: () => void): void {
    change();
    this.viewChanged();
  }

  /** Runs what a user asked for (an export, a copy), showing a failure in the element. @internal */
  perform(action: () => Promise<void>): void {
    action().then(
      () => {
        this.actionError = undefined;
        // What the action changed (a copy confirmed) is the element's to show.
        this.requestUpdate();
      },
      (error: unknown) => (this.actionError = error instanceof ParcaError ? error : new ParcaError('export', (error as Error).message)),
    );
  }

  /** Tells the page (and a source with `sync-url`) that a user changed the view. @internal */
  viewChanged(): void {
    this.controlState.copied = false;
    this.reportView();
    this.requestUpdate();
  }

  /** Scrolls a row's level into view. @internal */
  scrollToRow(row: number): void {
    this.#canvas.scrollIntoView(row);
  }

  /** Also waits for a `record` being decoded and for what the graph loads on demand, and the update that shows them. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    for (let pending = this.#data.pending; pending; pending = this.#data.pending) {
      await pending;
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The host is laid out by now: its width picks the first request's trim threshold.
    if (!this.hasUpdated) this.widthClass = widthClassOf(this.clientWidth);
    const restored = this.applySourceView(() => this.focusPath);
    if (restored) this.#view.pendingFocus = restored.focus;
    this.readOptions();
    if (changed.has('record')) this.#data.decodeRecord(this.record);
    // The focus as of the last update (a click changed it since) picks the detail the graph shows now.
    if (!this.#detail && this.#wantsDetail && this.#data.onDemand) this.#detail = new this.#data.onDemand.FocusDetail(this);
    this.#detail?.follow(this.#data.value, this.#view.model, this.#view.focus, !this.record);
    const shown = this.#view.update({
      data: this.data,
      query: this.activeQuery,
      ask: [this.options, this.activeQuery, this.trimPercent],
      settled: this.#data.graphSettled,
      searchChanged: changed.has('search'),
    });
    // Another graph (not a refresh of this one) starts at its root: at the bottom of a flame orientation.
    if (shown === 'new' || changed.has('orientation')) this.#scrollToEnd = this.orientation === 'flame';
    // The attribute switches the diff tokens; reflected now (Lit would after render) so this render's legend and the
    // next draw read the new palette.
    if (changed.has('diffPalette') && this.hasUpdated) {
      this.setAttribute('diff-palette', this.diffPalette);
      this.#canvas.readTheme();
    }
    if (changed.has('filters') || changed.has('invert') || changed.has('groupBy')) this.actionError = undefined;
  }

  protected override updated(): void {
    const viewport = this.#canvas.viewport;
    if (this.#scrollToEnd && viewport) {
      this.#scrollToEnd = false;
      viewport.scrollTop = viewport.scrollHeight;
    }
    this.#input.placeTooltip();
    this.#canvas.schedule();
  }

  protected override render() {
    const data = this.data;
    const error = this.actionError ?? this.#data.error;
    const loading = this.#data.loading;
    const preview = this.#data.preview;
    const model = preview?.model ?? data?.model;
    const rows = model && model.size > 0 ? model.maxDepth + 1 : 0;
    const inSandwich = this.#inSandwich;
    const query = this.activeQuery;
    const status = statusText({ data, loading, record: !!this.record, profileType: query?.profileType ?? '', metricsOnly: query?.kind === 'metrics' });
    const onDemand = this.#data.onDemand;
    return html`
      <div class="frame" @keydown=${this.#input.keydown}>
        ${query?.point && !this.record ? renderPoint(query.point, () => this.dispatchEvent(new ParcaPointSelectEvent(undefined))) : nothing}
        ${this.#renderToolbar()} ${onDemand && (this.wantsOnDemand || data?.isDiff) ? onDemand.renderAnalysis(this) : nothing}
        ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
        ${this.optionsErrors.length ? html`<div part="error" role="alert">${this.optionsErrors.join(' ')}</div>` : nothing}
        ${inSandwich ? this.#renderSandwich() : status ? html`<div part="status">${status}</div>` : nothing}
        ${data && data.trimmed !== 0 && !inSandwich ? html`<div part="note">${trimNote(data)}</div>` : nothing}
        ${data && !inSandwich && !data.isDiff && data.model.size > 1 ? this.#renderColorNote(data) : nothing} ${inSandwich ? nothing : this.#renderDetailNote(data)}
        ${renderViewport({ loading: loading || !!preview, hidden: inSandwich, height: rows * this.#canvas.theme.rowHeight, input: this.#input, onFocus: () => this.#view.focusCanvas() })}
        ${data && !inSandwich && this.#view.selected > 0 && this.#view.selected < data.model.size ? renderSelection(data, this.#view.selected) : nothing}
        ${data && !inSandwich && this.#view.hovered >= 0 && this.#input.pointer ? renderTooltip(data, this.#view.hovered) : nothing}
        <div class="visually-hidden" role="status" aria-live="polite">${this.#view.announcement}</div>
      </div>
    `;
  }

  #renderToolbar() {
    const data = this.data;
    const view = this.#view;
    const inSandwich = this.#inSandwich;
    const result = view.search;
    return renderToolbar({
      searchField: this.searchField,
      search: this.search,
      result,
      summary: result && data ? searchSummary(result, view.stepStart, data.model.total) : '',
      model: data?.model,
      path: data && view.focus > 0 && !inSandwich ? pathTo(data.model, view.focus) : [],
      focus: view.focus,
      // A sandwich asks Parca again: not for a saved record or a diff.
      sandwichable: data && !data.isDiff && !this.record && !inSandwich && view.selected > 0 ? data.model.functionName.value(view.selected) : '',
      onSearch: (text) => this.userChange(() => (this.search = text)),
      onStep: (direction) => view.step(direction, true),
      onFocus: (row) => view.focusBy(row),
      onSandwich: () => this.#askSandwich(view.selected),
    });
  }

  #renderDetailNote(data: FlamegraphData | undefined) {
    const loading = this.#detail?.loading;
    const shownFor = this.#detail?.shownFor(data);
    if (loading) return html`<div part="detail-note" role="status">Asking Parca for the frames under ${loading} that were too small to show…</div>`;
    if (shownFor) return html`<div part="detail-note">Showing the stacks through ${shownFor} in finer detail.</div>`;
    return nothing;
  }

  #renderColorNote(data: FlamegraphData) {
    const note = colorNote(data.model, this.colorBy);
    return note ? html`<div part="color-note">${note}</div>` : nothing;
  }

  /** What the canvas draws: the graph, or the top levels of a large one still decoding. */
  #scene() {
    const data = this.data;
    const view = this.#view;
    const preview = this.#data.preview;
    if (preview) {
      return {
        model: preview.model,
        focus: 0,
        orientation: this.orientation,
        look: this.frameLook,
        matches: undefined,
        hovered: -1,
        selected: -1,
        diff: !!preview.isDiff,
      };
    }
    return {
      model: data?.model,
      focus: view.focus,
      orientation: this.orientation,
      look: this.frameLook,
      matches: view.search?.mask,
      hovered: view.hovered,
      selected: view.selected,
      diff: !!data?.isDiff,
    };
  }

  /** Shows the sandwich of the row's function in place of the graph (and in every sandwich of the source). */
  #askSandwich(row: number): void {
    const name = this.data?.model.functionName.value(row) ?? '';
    if (!name) return;
    this.dispatchEvent(new ParcaSandwichSelectEvent(name));
    this.userChange(() => (this.sandwich = name));
  }

  /** A sandwich is shown in place of the graph: not for a saved record, whose samples cannot be asked for. */
  get #inSandwich(): boolean {
    return !!this.sandwich && !this.record;
  }

  #exitSandwich(): void {
    this.userChange(() => (this.sandwich = ''));
  }

  #sandwichElement(): (HTMLElement & { settled: Promise<void> }) | null {
    return this.#inSandwich ? this.renderRoot.querySelector('parca-sandwich') : null;
  }

  /**
   * The sandwich in place of the graph: a <parca-sandwich> (defined by the on-demand module) given what this graph
   * shows. Its user's changes (another function, Clear) come back as its view changes.
   */
  #renderSandwich() {
    return html`<div part="sandwich-header"><button part="sandwich-exit" @click=${() => this.#exitSandwich()}>Back to the flame graph</button></div>
      <parca-sandwich
        part="sandwich"
        view-id=${this.viewId}
        theme=${this.theme}
        .connection=${this.connection}
        .query=${this.query}
        .clock=${this.clock}
        .source=${this.source}
        .sandwich=${this.sandwich}
        .filters=${this.filters}
        .baselineQuery=${this.baselineQuery}
        .baselineFrom=${this.baselineFrom}
        .baselineTo=${this.baselineTo}
        .diffAbsolute=${this.diffAbsolute}
        .colorBy=${this.colorBy}
        .labelAlign=${this.labelAlign}
        @parca-view-change=${this.#onSandwichChange}
      ></parca-sandwich>`;
  }

  /** The sandwich centred on another function or was cleared: this graph follows (the event goes on to the page). */
  #onSandwichChange = (event: ParcaViewChangeEvent): void => {
    this.sandwich = event.view.sandwich;
  };
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaFlamegraphElement {
  addEventListener: ListenerMethods<ParcaFlamegraphEvents, ParcaFlamegraphElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaFlamegraphEvents, ParcaFlamegraphElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-flamegraph': ParcaFlamegraphElement;
  }
}
