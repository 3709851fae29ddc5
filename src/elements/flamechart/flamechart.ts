// The flame chart element: a shell that wires its parts. The timeline comes from fetch.ts (Parca's
// REPORT_TYPE_FLAMECHART) or a saved record; the limits and the visible window from model/flamechart/window.ts;
// drawing from ChartCanvas; pointer and keys from ChartInput; what is shared with the source's other views
// (search, the picked function, filters) from ProfileViewElement.
import { type PropertyValues, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../../client/connection.js';
import { QueryController } from '../../controllers/query-controller.js';
import type { ListenerMethods, ParcaFlamechartEvents } from '../../events/event-maps.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { type Timeline, overlapMs, rowAt, windowTotal } from '../../model/flamechart/timeline.js';
import {
  type ChartLimit,
  type TimeWindow,
  chartLimit,
  clampWindow,
  fitWindow,
  formatInstant,
  panWindow,
  timeOfX,
  zoomWindow,
} from '../../model/flamechart/window.js';
import type { ColorBy } from '../../model/flamegraph/colors.js';
import { frameName } from '../../model/flamegraph/names.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { exactNameSearch, nameOfExactSearch, searchFlamegraph } from '../../model/flamegraph/search.js';
import { type QueryState, isRefreshOf, profileWindow, withQuery } from '../../model/query-state.js';
import { placeOverlay } from '../../model/overlay.js';
import { formatDurationMs, formatPercent, formatValue } from '../../model/units.js';
import { RecordDecoder } from '../flamegraph/record-decoder.js';
import { ProfileViewElement } from '../profile-view.js';
import { ChartCanvas } from './chart-canvas.js';
import { ChartInput } from './chart-input.js';
import { type FlamechartData, type FlamechartRecordInput, chartLoadEvent, decodeChartSliced, fetchFlamechart } from './fetch.js';
import { flamechartStyles } from './flamechart.styles.js';

/**
 * The source's profiles over time: x is time across the query's window, y the stack depth, each frame as wide as
 * it ran, so the one spike a merged flame graph averages away stands out. Frames are colored like the flame
 * graph's; names are drawn where they fit. Parca's REPORT_TYPE_FLAMECHART answers it: a delta profile type
 * measured in nanoseconds, over at most 15 minutes. Outside these limits the chart says why and offers the nearest
 * window it can show (the last 15 minutes, or the 15 minutes around a point picked on a chart).
 *
 * Wheel zooms around the pointer (Shift+wheel or a horizontal swipe pans), drag pans, a double-click fits a frame,
 * a click picks its function for every view of the source; the overview strip above shows the whole window with
 * the visible part outlined (press or drag there to move it). Keyboard: Left/Right pan, Up/Down scroll rows, + and
 * − zoom, Home shows the whole window. Zooming and panning never ask Parca again. Under a source it follows the
 * range and point picked on `<parca-metrics>`; alone it shows its own `query`, or a saved `record`.
 *
 * @tagname parca-flamechart
 * @summary Stacks over time (Parca's flame chart), with zoom, pan, an overview and the shared selection.
 * @fires parca-load - A new chart arrived (total, frame count; fetch and decode times).
 * @fires parca-error - A request or a saved record failed; the last good chart stays.
 * @fires parca-view-change - A user picked a function (`view.search` is its exact-name search).
 * @fires parca-range-select - A user took the offered window (under a source, which then shows it).
 *
 * @csspart toolbar - The row above the chart: zoom buttons and the visible window.
 * @csspart zoom-in - Zooms in around the middle.
 * @csspart zoom-out - Zooms out around the middle.
 * @csspart reset - Shows the whole window.
 * @csspart range - The visible window and what ran in it.
 * @csspart overview - The strip over the whole window, the visible part outlined.
 * @csspart viewport - The chart's box: focusable, takes the keys.
 * @csspart chart - The chart's canvas.
 * @csspart tooltip - Name, time, duration and value of the frame under the pointer.
 * @csspart limit - Why the query cannot be a flame chart.
 * @csspart limit-offer - Shows the nearest window that can.
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong.
 * @cssprop --parca-flamechart-height - Height of the chart (default 360px; fewer rows take less).
 * @cssprop --parca-flamegraph-palette - Frame colors, as the flame graph's.
 * @cssprop --parca-flamegraph-neutral-color - Frames without a color key, and the overview's bars.
 * @cssprop --parca-flamegraph-muted-color - Frames that do not match a search.
 * @cssprop --parca-flamegraph-match-color - Frames that match a search.
 * @cssprop --parca-flamegraph-row-height - Height of a row of frames.
 * @cssprop --parca-flamegraph-font - Font of frame names.
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-background - Tooltip and button background.
 * @cssprop --parca-color-muted - Secondary text.
 * @cssprop --parca-color-accent - The visible window in the overview, outlines, focus ring.
 * @cssprop --parca-color-border - Borders of buttons and the tooltip.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Spacing.
 * @cssprop --parca-radius - Corner radius of buttons and the tooltip.
 */
export class ParcaFlamechartElement extends ProfileViewElement {
  static override styles = flamechartStyles;
  protected static override readonly devChecks = { needsProfileType: true };

  /** A saved record to show instead of querying: the bytes of a REPORT_TYPE_FLAMECHART answer, with its window. */
  @property({ attribute: false }) record: FlamechartRecordInput | undefined;
  /** What colors frames: `binary` (default), `package` or `file`, as on the flame graph. */
  @property({ attribute: 'color-by' }) colorBy: ColorBy = 'binary';

  readonly #record = new RecordDecoder<FlamechartRecordInput, FlamechartData>(this, decodeChartSliced);
  readonly #chart = new QueryController<readonly [ParcaConnection, QueryState, FlamegraphOptions], FlamechartData>(this, {
    args: () => {
      const connection = this.activeConnection;
      const query = this.activeQuery;
      if (this.record || !connection || !query?.profileType || query.kind === 'metrics' || this.limit) return undefined;
      return [connection, query, this.options] as const;
    },
    run: ([connection, query, options], signal) => fetchFlamechart(connection, query, options, signal),
    sourceName: () => this.sourceName,
    isRefresh: ([c1, q1, o1], [c2, q2, o2]) => c1 === c2 && o1 === o2 && isRefreshOf(q1, q2),
    loadEvent: (data, durationMs) => chartLoadEvent(this.sourceName, data, durationMs),
  });
  readonly #canvas = new ChartCanvas(this, () => ({
    timeline: this.data?.timeline,
    bounds: this.data?.window ?? { startMs: 0, endMs: 1 },
    visible: this.visibleWindow,
    scrollTop: this.#scrollTop,
    colorBy: this.colorBy,
    matches: this.#matches(),
    hovered: this.#hovered,
    selected: this.#selected,
  }));
  readonly #input = new ChartInput({
    visible: () => this.visibleWindow,
    width: () => this.#canvas.width,
    zoom: (factor, anchorMs) => this.#show(zoomWindow(this.visibleWindow, factor, anchorMs, this.#bounds)),
    pan: (deltaMs) => this.#show(panWindow(this.visibleWindow, deltaMs, this.#bounds)),
    scrollRows: (deltaPx) => this.#scroll(deltaPx),
    rowAt: (x, y) => this.#rowAt(x, y),
    hover: (row, x, y) => this.#hover(row, x, y),
    pick: (row) => this.#pickRow(row),
    fit: (row) => this.fitFrame(row),
    reset: () => this.resetZoom(),
    centre: (ms) => {
      const half = (this.visibleWindow.endMs - this.visibleWindow.startMs) / 2;
      this.#show(clampWindow({ startMs: ms - half, endMs: ms + half }, this.#bounds));
    },
  });
  #visible: TimeWindow | undefined;
  #scrollTop = 0;
  #hovered = -1;
  #selected = -1;
  #pointer: { x: number; y: number } | undefined;
  #announcement = '';
  #shown: FlamechartData | undefined;
  #search: { timeline: Timeline; search: string; mask: Uint8Array | undefined } | undefined;

  /** The chart shown: the record's, or the query's. */
  get data(): FlamechartData | undefined {
    if (this.record) return this.#record.data;
    return this.activeQuery?.kind === 'metrics' || this.limit ? undefined : this.#chart.value;
  }

  /** Why the query cannot be a flame chart, and the nearest window that can; undefined when it can. */
  get limit(): ChartLimit | undefined {
    const query = this.activeQuery;
    if (this.record || !query?.profileType) return undefined;
    const window = profileWindow(query);
    if (!window) return undefined;
    return chartLimit(query.profileType, query.range, window, query.point?.timestampMs);
  }

  /** The part of the chart's window in view (all of it until zoomed). */
  get visibleWindow(): TimeWindow {
    return this.#visible ?? this.#bounds;
  }

  /** What ran in the visible window: the top-level frames' time inside it, in the record's unit. */
  get visibleTotal(): number {
    const timeline = this.data?.timeline;
    return timeline ? windowTotal(timeline, this.visibleWindow.startMs, this.visibleWindow.endMs) : 0;
  }

  /** How many frames the last picture filled (a pixel column of tiny frames counts once). */
  get drawnFrames(): number {
    return this.#canvas.renderer.drawnFrames;
  }

  /** Pictures drawn so far (for pages and benchmarks counting draws per change). */
  get draws(): number {
    return this.#canvas.draws;
  }

  /** Settles when the latest request (or the record's decode) has settled and its chart is drawn. */
  get settled(): Promise<void> {
    return this.#chart.settled
      .then(() => this.#record.pending)
      .then(() => this.updateComplete)
      .then(() => this.#canvas.drawComplete);
  }

  /** Shows [startMs, endMs] of the chart's window (clamped to it); no request is made. */
  zoomTo(startMs: number, endMs: number): void {
    this.#show(clampWindow({ startMs, endMs }, this.#bounds));
  }

  /** Shows the whole window. */
  resetZoom(): void {
    this.#show(this.#bounds);
  }

  /** Fits a frame (a row of `data.timeline.model`) to the chart's width. */
  fitFrame(row: number): void {
    const timeline = this.data?.timeline;
    if (!timeline || row <= 0 || row >= timeline.model.size) return;
    this.#show(fitWindow(timeline.startMs[row]!, timeline.endMs[row]!, this.#bounds));
  }

  /** Picks a function for every view of the source (an exact-name search), as a click on one of its frames does. */
  pick(name: string): void {
    this.search = name ? exactNameSearch(name) : '';
    this.reportView();
  }

  /** Shows the window the limit offers: the source's range under a source, else this element's own query. */
  takeOffer(): void {
    const offer = this.limit?.offer;
    if (!offer) return;
    if (this.query) this.query = withQuery(this.query, { range: offer.range, point: undefined, now: this.activeClock.now() });
    else this.dispatchEvent(new ParcaRangeSelectEvent(offer.range));
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.applySourceView(() => []);
    this.readOptions();
    if (changed.has('record')) this.#record.decode(this.record);
    const data = this.data;
    if (data !== this.#shown) {
      const previous = this.#shown;
      this.#shown = data;
      this.#hovered = -1;
      this.#selected = -1;
      // A refresh of the same window length keeps the zoom where it was, moved with the window; anything else
      // starts whole.
      const kept = previous && data && this.#visible && sameLength(previous.window, data.window);
      this.#visible = kept ? clampWindow(this.#visible!, data.window) : undefined;
      if (!kept) this.#scrollTop = 0;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.#canvas.schedule();
  }

  protected override render() {
    const data = this.data;
    const limit = this.limit;
    const error = this.record ? this.#record.error : this.#chart.error;
    const status = this.#status(data, limit);
    const visible = this.visibleWindow;
    const timeline = data?.timeline;
    const height = this.#canvas.heightOf(timeline);
    return html`
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${this.optionsErrors.length ? html`<div part="error" role="alert">${this.optionsErrors.join(' ')}</div>` : nothing}
      ${
        limit
          ? html`<div part="limit" role="status">
              ${limit.reason}
              ${limit.offer ? html`<button part="limit-offer" @click=${() => this.takeOffer()}>${limit.offer.label}</button>` : nothing}
            </div>`
          : nothing
      }
      ${status ? html`<div part="status">${status}</div>` : nothing}
      ${
        data && timeline && timeline.model.size > 1
          ? html`<div part="toolbar">
                <button part="zoom-in" aria-label="Zoom in" @click=${() => this.#zoomMiddle(0.5)}>+</button>
                <button part="zoom-out" aria-label="Zoom out" @click=${() => this.#zoomMiddle(2)}>−</button>
                <button part="reset" @click=${() => this.resetZoom()}>Whole window</button>
                <span part="range">${this.#rangeText(data, visible)}</span>
              </div>
              <canvas
                part="overview"
                aria-hidden="true"
                @pointerdown=${(e: PointerEvent) => this.#input.onOverviewPointer(e, data.window)}
                @pointermove=${(e: PointerEvent) => this.#input.onOverviewPointer(e, data.window)}
              ></canvas>
              <div
                part="viewport"
                tabindex="0"
                role="application"
                aria-roledescription="flame chart"
                aria-label=${`Flame chart, ${this.#rangeText(data, visible)}. Left and Right pan, plus and minus zoom, Home shows the whole window.`}
                style=${`height:${height}px`}
                @wheel=${this.#input.onWheel}
                @pointerdown=${this.#input.onPointerDown}
                @pointermove=${this.#input.onPointerMove}
                @pointerup=${this.#input.onPointerUp}
                @pointerleave=${this.#input.onPointerLeave}
                @dblclick=${this.#input.onDoubleClick}
                @keydown=${this.#input.onKeyDown}
              >
                <canvas part="chart" aria-hidden="true"></canvas>
                ${this.#tooltip(data)}
              </div>`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    `;
  }

  #status(data: FlamechartData | undefined, limit: ChartLimit | undefined): string {
    if (this.record) return this.#record.pending && !data ? 'Decoding the flame chart…' : data && data.timeline.model.size <= 1 ? 'The record has no frames.' : '';
    const query = this.activeQuery;
    if (!query?.profileType) return 'Choose a profile type to see its flame chart.';
    if (query.kind === 'metrics' || limit) return '';
    if (this.#chart.status === 'loading' && !data) return 'Loading the flame chart…';
    if (data && data.timeline.model.size <= 1) return 'No samples in this window.';
    return '';
  }

  get #bounds(): TimeWindow {
    return this.data?.window ?? { startMs: 0, endMs: 1 };
  }

  #rangeText(data: FlamechartData, visible: TimeWindow): string {
    const total = windowTotal(data.timeline, visible.startMs, visible.endMs);
    return `${formatInstant(visible.startMs)} to ${formatInstant(visible.endMs)} (${formatDurationMs(visible.endMs - visible.startMs)}): ${formatValue(total, data.unit)}`;
  }

  #show(window: TimeWindow): void {
    if (window.startMs === this.visibleWindow.startMs && window.endMs === this.visibleWindow.endMs) return;
    this.#visible = window;
    this.#announce();
    this.requestUpdate();
  }

  #zoomMiddle(factor: number): void {
    const v = this.visibleWindow;
    this.#show(zoomWindow(v, factor, (v.startMs + v.endMs) / 2, this.#bounds));
  }

  #scroll(deltaPx: number): void {
    const timeline = this.data?.timeline;
    if (!timeline) return;
    const max = Math.max(0, timeline.model.maxDepth * this.#canvas.theme.rowHeight - this.#canvas.heightOf(timeline));
    const top = Math.min(max, Math.max(0, this.#scrollTop + deltaPx));
    if (top === this.#scrollTop) return;
    this.#scrollTop = top;
    this.requestUpdate();
  }

  #rowAt(x: number, y: number): number {
    const timeline = this.data?.timeline;
    const depth = this.#canvas.depthAt(y);
    if (!timeline || depth < 0) return -1;
    return rowAt(timeline, depth, timeOfX(this.visibleWindow, this.#canvas.width, x));
  }

  #hover(row: number, x: number, y: number): void {
    if (row === this.#hovered && (row < 0 || (this.#pointer?.x === x && this.#pointer.y === y))) return;
    this.#hovered = row;
    this.#pointer = row >= 0 ? { x, y } : undefined;
    this.requestUpdate();
  }

  #pickRow(row: number): void {
    const timeline = this.data?.timeline;
    if (!timeline) return;
    this.#selected = row;
    const name = row > 0 ? frameName(timeline.model, row) : '';
    // A click on the picked function again, or on no frame, unpicks.
    this.pick(name && nameOfExactSearch(this.search) !== name ? name : '');
  }

  #matches(): Uint8Array | undefined {
    const timeline = this.data?.timeline;
    if (!timeline || !this.search.trim()) return undefined;
    const kept = this.#search;
    if (kept && kept.timeline === timeline && kept.search === this.search) return kept.mask;
    const mask = searchFlamegraph(timeline.model, this.search).mask;
    this.#search = { timeline, search: this.search, mask };
    return mask;
  }

  #announce(): void {
    const data = this.data;
    if (data) this.#announcement = this.#rangeText(data, this.visibleWindow);
  }

  #tooltip(data: FlamechartData) {
    const row = this.#hovered;
    const pointer = this.#pointer;
    const timeline = data.timeline;
    if (row <= 0 || !pointer || row >= timeline.model.size) return nothing;
    const visible = this.visibleWindow;
    const value = timeline.model.cumulative[row]!;
    const total = windowTotal(timeline, visible.startMs, visible.endMs);
    const inWindow = overlapMs(timeline, row, visible.startMs, visible.endMs) * 1e6;
    const place = placeOverlay(pointer.x, pointer.y, { width: 280, height: 90 }, { width: this.#canvas.width, height: this.#canvas.heightOf(timeline) });
    return html`<div part="tooltip" style=${`left:${place.left}px;top:${place.top}px`}>
      <strong>${frameName(timeline.model, row)}</strong>
      <div>${formatInstant(timeline.startMs[row]!)} to ${formatInstant(timeline.endMs[row]!)}</div>
      <div>ran ${formatDurationMs(timeline.endMs[row]! - timeline.startMs[row]!)}: ${formatValue(value, data.unit)}</div>
      <div>${formatPercent(inWindow, total)} of the visible window</div>
    </div>`;
  }
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaFlamechartElement {
  addEventListener: ListenerMethods<ParcaFlamechartEvents, ParcaFlamechartElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaFlamechartEvents, ParcaFlamechartElement>['removeEventListener'];
}

function sameLength(a: TimeWindow, b: TimeWindow): boolean {
  return Math.abs(a.endMs - a.startMs - (b.endMs - b.startMs)) < 1;
}
