import { type PropertyValues, html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ParcaError } from '../../client/errors.js';
import { QueryController } from '../../controllers/query-controller.js';
import { ParcaFlamegraphLoadEvent } from '../../events/flamegraph-load.js';
import { ParcaFrameSelectEvent } from '../../events/frame-select.js';
import { COLOR_BY, type ColorBy, createColorer, splitColorList } from '../../model/flamegraph/colors.js';
import { baseName, frameName } from '../../model/flamegraph/decode.js';
import { frameDetails } from '../../model/flamegraph/details.js';
import { formatPercent, formatValue } from '../../model/flamegraph/format.js';
import { type Direction, isAncestorOrSelf, navigate, pathTo } from '../../model/flamegraph/layout.js';
import { type SearchResult, searchFlamegraph } from '../../model/flamegraph/search.js';
import { styleProps } from '../directives/style-props.js';
import { ParcaElement } from '../parca-element.js';
import { type FlamegraphData, type FlamegraphRecordInput, decodeData, fetchFlamegraph } from './fetch.js';
import { flamegraphStyles } from './flamegraph.styles.js';
import { FlamegraphRenderer, type Orientation, type Theme, rowGeometry } from './renderer.js';

/** Width assumed when the element has no width of its own yet (hidden, not laid out). */
const FALLBACK_WIDTH = 800;
const TOOLTIP_OFFSET = 12;

/** Widths are bucketed to powers of two so resizing re-queries only when the trim threshold really changes. */
function widthClassOf(width: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(64, width || FALLBACK_WIDTH)));
}

/**
 * A flame graph of the source's query: every stack of the merged profile, widths proportional to their value.
 *
 * Hover a frame for its details; click it (or press Enter) to focus it, so it spans the width; the breadcrumb,
 * Reset or Escape go back. Arrow keys move between frames: parent, first child, siblings. With `search`, matching
 * frames are highlighted and the others muted. The canvas is the size of the viewport and only visible frames
 * are drawn, so very large and very deep graphs stay fast; deep graphs scroll vertically.
 *
 * Without a source it shows a saved record given through the `record` property.
 *
 * @tagname parca-flamegraph
 * @summary An interactive, canvas-drawn flame graph of a merged profile.
 * @fires parca-frame-select - A user selected a frame (click or Enter). Cancelable: the default focuses it.
 * @fires parca-load - A new flame graph arrived (total, trimmed, node count, decode time).
 * @fires parca-error - A request or decode failed; the last good graph stays.
 * @csspart toolbar - The row above the graph: search field, search summary, breadcrumb.
 * @csspart search-field - The built-in search input (with `search-field`).
 * @csspart search-summary - How many frames match the search and the share of the total they cover.
 * @csspart breadcrumb - The path from the root to the focused frame.
 * @csspart reset - The button that shows the whole graph again.
 * @csspart note - Says how much value Parca trimmed away as too small to show.
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong with the last request.
 * @csspart viewport - The scrolling area around the canvas.
 * @csspart canvas - The focusable canvas the graph is drawn on.
 * @csspart tooltip - Details of the hovered frame.
 * @cssprop --parca-flamegraph-palette - Comma-separated frame colors (a hash of the binary, package or file picks one).
 * @cssprop --parca-flamegraph-neutral-color - Frames with nothing to color by, such as the root.
 * @cssprop --parca-flamegraph-muted-color - Ancestors of the focused frame and frames that do not match a search.
 * @cssprop --parca-flamegraph-match-color - Frames that match a search.
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
export class ParcaFlamegraphElement extends ParcaElement {
  static override styles = flamegraphStyles;

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

  @state() private focusRow = 0;
  @state() private hovered = -1;
  @state() private selected = -1;
  @state() private announcement = '';
  @state() private widthClass = 0;

  @query('[part="viewport"]') private viewport!: HTMLDivElement;
  @query('canvas') private canvas!: HTMLCanvasElement;
  @query('[part="tooltip"]') private tooltip!: HTMLDivElement | null;
  @query('.frame') private frame!: HTMLDivElement;

  readonly #request = new QueryController(this, {
    args: () => {
      if (this.record) return undefined;
      const connection = this.activeConnection;
      const query = this.activeQuery;
      if (!connection || !query?.profileType || !this.widthClass) return undefined;
      return [connection, query, this.trimThreshold ?? 100 / this.widthClass] as const;
    },
    run: ([connection, query, trim], signal) => fetchFlamegraph(connection, query, trim, signal),
    sourceName: () => this.sourceName,
    loadEvent: (data, durationMs) => new ParcaFlamegraphLoadEvent(this.sourceName, durationMs, data.total, data.trimmed, data.model.size, data.decodeMs),
  });

  readonly #renderer = new FlamegraphRenderer();
  #recordData: FlamegraphData | undefined;
  #recordError: ParcaError | undefined;
  #shown: FlamegraphData | undefined;
  #searchResult: SearchResult | undefined;
  #colorOf: (row: number) => number = () => -1;
  #theme: Theme | undefined;
  #frameRequest = 0;
  #drawWaiters: (() => void)[] = [];
  #resize: ResizeObserver | undefined;
  #media: MediaQueryList[] = [];
  #pointer: { x: number; y: number } | undefined;
  #scrollToEnd = false;

  /** The graph shown now (from the server or from `record`). */
  get data(): FlamegraphData | undefined {
    return this.record ? this.#recordData : this.#request.value;
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

  /** Shows the whole graph again. */
  resetFocus(): void {
    this.focusRow = 0;
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

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    // The host is laid out by now: its width picks the first request's trim threshold.
    if (!this.hasUpdated) this.widthClass = widthClassOf(this.clientWidth);
    if (changed.has('record')) {
      this.#recordData = undefined;
      this.#recordError = undefined;
      if (this.record) {
        try {
          this.#recordData = decodeData(this.record);
        } catch (error) {
          this.#recordError = error as ParcaError;
        }
      }
    }
    const data = this.data;
    const modelChanged = data !== this.#shown;
    if (modelChanged) {
      this.#shown = data;
      this.focusRow = 0;
      this.hovered = -1;
      this.selected = -1;
      this.#scrollToEnd = this.orientation === 'flame';
    }
    if (modelChanged || changed.has('search')) this.#searchResult = data && this.search.trim() ? searchFlamegraph(data.model, this.search) : undefined;
    if (modelChanged || changed.has('colorBy')) this.#updateColorer();
    if (changed.has('orientation')) this.#scrollToEnd = this.orientation === 'flame';
  }

  protected override firstUpdated(): void {
    this.#readTheme();
    this.#observe();
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The theme attribute switches the private tokens; the canvas reads them again.
    if (changed.has('theme') && this.hasUpdated && changed.get('theme') !== undefined) this.#onThemeChange();
    if (this.#scrollToEnd && this.viewport) {
      this.#scrollToEnd = false;
      this.viewport.scrollTop = this.viewport.scrollHeight;
    }
    this.#placeTooltip();
    this.#scheduleDraw();
  }

  protected override render() {
    const data = this.data;
    const error = this.record ? this.#recordError : this.#request.error;
    const loading = !this.record && this.#request.status === 'loading';
    const model = data?.model;
    const rows = model && model.size > 0 ? model.maxDepth + 1 : 0;
    const rowHeight = this.#theme?.rowHeight ?? 20;
    return html`
      <div class="frame" @keydown=${this.#onKeydown}>
        ${this.#renderToolbar()} ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing} ${this.#renderStatus(loading)}
        ${data && data.trimmed > 0
          ? html`<div part="note">${formatValue(data.trimmed, data.unit)} (${formatPercent(data.trimmed, data.total)}) in frames too small to show was trimmed.</div>`
          : nothing}
        <div part="viewport" class=${loading ? 'loading' : ''} aria-busy=${loading ? 'true' : 'false'} @scroll=${this.#onScroll}>
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
              @focus=${this.#onCanvasFocus}
            ></canvas>
          </div>
        </div>
        ${this.#renderTooltip()}
        <div class="sr-only" role="status" aria-live="polite">${this.announcement}</div>
      </div>
    `;
  }

  #renderToolbar() {
    const data = this.data;
    const result = this.#searchResult;
    const path = data && this.focusRow > 0 ? pathTo(data.model, this.focusRow) : [];
    if (!this.searchField && !result && path.length === 0) return nothing;
    return html`<div part="toolbar">
      ${this.searchField
        ? html`<input part="search-field" type="search" aria-label="Search frames" placeholder="Search frames (text or /regex/)" .value=${this.search} @input=${this.#onSearchInput} />`
        : nothing}
      ${result && data
        ? html`<span part="search-summary" role="status"
            >${result.error ??
            `${result.count} matching ${result.count === 1 ? 'frame' : 'frames'}, ${formatPercent(result.value, data.model.total)} of total`}</span
          >`
        : nothing}
      ${path.length > 0 && data
        ? html`<nav part="breadcrumb" aria-label="Focused frame">
            <ol>
              ${path.map(
                (row) =>
                  html`<li>
                    <button aria-current=${row === this.focusRow ? 'true' : 'false'} @click=${() => (this.focusRow = row)}>${frameName(data.model, row)}</button>
                  </li>`,
              )}
            </ol>
            <button part="reset" @click=${this.resetFocus}>Reset</button>
          </nav>`
        : nothing}
    </div>`;
  }

  #renderStatus(loading: boolean) {
    const data = this.data;
    if (data) {
      if (data.model.size <= 1 || data.model.total <= 0) return html`<div part="status">No profile data in this time range.</div>`;
      return nothing;
    }
    if (loading) return html`<div part="status">Loading flame graph…</div>`;
    if (!this.record && !this.activeQuery?.profileType) return html`<div part="status">Choose a profile type to see its flame graph.</div>`;
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
        ${where ? html`<dt>File</dt><dd>${where}</dd>` : nothing}
        ${details.binary ? html`<dt>Binary</dt><dd>${baseName(details.binary)}</dd>` : nothing}
        ${details.buildId ? html`<dt>Build id</dt><dd>${details.buildId}</dd>` : nothing}
        ${details.address ? html`<dt>Address</dt><dd>${details.address}</dd>` : nothing}
        ${details.inlined ? html`<dt>Inlined</dt><dd>yes</dd>` : nothing}
      </dl>
    </div>`;
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
  }

  #updateColorer(): void {
    const data = this.data;
    const by = COLOR_BY.includes(this.colorBy) ? this.colorBy : 'binary';
    this.#colorOf = data ? createColorer(data.model, by, this.#theme?.palette.length ?? 1) : () => -1;
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
      theme,
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

  /** A user chose a frame: tell the page, and focus it unless the page says otherwise. */
  #selectFrame(row: number): void {
    const data = this.data;
    if (!data) return;
    const event = new ParcaFrameSelectEvent(frameDetails(data.model, row), data.unit);
    this.dispatchEvent(event);
    if (!event.defaultPrevented) {
      this.focusRow = row;
      this.#announce(row, 'Focused ');
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
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      if (this.focusRow !== 0) {
        this.focusRow = 0;
        this.announcement = 'Showing the whole graph';
        event.preventDefault();
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
