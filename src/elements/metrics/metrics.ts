// The chart element: a shell that wires its parts. What it shows comes from SeriesData (the answer as chart columns,
// the legend, the step the data allows), the picture from PlotView (uPlot, colors, tooltip, bands), the keyboard
// cursor's rules from model/metrics/cursor.ts, the parts around the canvas from templates.ts, the accessible table
// from IdleTable (its template, series-table.ts, loaded with the first table), the series' query actions from
// series-actions.ts (loaded on first use). Here: properties, the request, and user actions turned into `parca-*`
// events.
import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController, type QueryStatus } from '../../controllers/query-controller.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { type PointRef, cursorAction } from '../../model/metrics/cursor.js';
import { formatLabels, labelsRecord, selectorWithLabels } from '../../model/metrics/labels.js';
import { DEFAULT_TOP_N, legendClick, listedKeys, visibleKeys, visibleOrder } from '../../model/metrics/legend.js';
import { type ChartData, hasPoints, isDeltaType } from '../../model/metrics/series.js';
import { DEFAULT_PX_PER_POINT, chooseStepSeconds, widthClass } from '../../model/metrics/step.js';
import { resolveWindow } from '../../model/query-state.js';
import { yieldToEventLoop } from '../../model/steps.js';
import { type ResolvedRange, type TimeRange, absoluteRange } from '../../model/time-range.js';
import { ParcaElement } from '../parca-element.js';
import { type MetricsArgs, type MetricsResult, fetchSeries } from './fetch.js';
import { IdleTable } from './idle-table.js';
import { metricsStyles } from './metrics.styles.js';
import type { MetricsPlot } from './plot.js';
import type { SeriesMenu } from './series-actions.js';
import { type Band, PlotView } from './plot-view.js';
import { SeriesData } from './series-data.js';
import { chartLabel, pointAnnouncement, renderBaselineNote, renderLegend, statusText, sumByNote } from './templates.js';
import type { ListenerMethods, ParcaMetricsEvents } from '../../events/event-maps.js';

/** Width assumed before the element has been laid out with a width of its own. */
const FALLBACK_WIDTH = 800;

/**
 * Values over time of the source's query, one line per label set: CPU cores, bytes per second, counts...
 *
 * Drag across the chart to narrow the shared range; double-click (or "Previous range") to go back. Click a
 * point, or press Enter on it, to show that one profile. Arrow keys move between points (Shift+arrows select a
 * range), the legend isolates a series on click and toggles it on Shift+click.
 *
 * Query actions on a series: its legend item's menu button, a right-click on one of its points, or Shift+F10
 * (or the context-menu key) on the keyboard cursor's point offer "Only this series" (the query's selector with
 * each of its labels set) and "Exclude this series" (`label!="value"` for the labels that tell it apart). The
 * new selector goes up as a cancelable `parca-selector-select`: the source runs it (its query editor shows it);
 * a chart with a `query` of its own applies it to that.
 *
 * A baseline for flame graph diffs: drag with Shift (or Alt) held, or select with Shift+arrows and press B.
 * The baseline shows as a band and a note with a button that clears it.
 *
 * @tagname parca-metrics
 * @summary A time-series chart of a profile type's values per label set.
 * @fires parca-range-select - The user selected a time range (drag, Shift+arrows and Enter, or going back).
 * @fires parca-point-select - The user selected one point of a series (click or Enter).
 * @fires parca-baseline-select - The user chose (Shift/Alt+drag, Shift+arrows and B) or cleared a baseline range.
 * @fires parca-selector-select - The user asked for only or none of a series (its query actions); cancelable.
 * @csspart baseline - The band over the baseline range (when it lies in the chart's range).
 * @csspart picked - Marks the point picked for the flame graph (its bucket), until the next query or range.
 * @csspart baseline-note - Names the baseline range, with a button that clears it.
 * @cssprop --parca-metrics-baseline-color - The baseline band.
 * @cssprop --parca-metrics-picked-color - The mark of the picked point.
 * @fires parca-load - New series arrived and are shown.
 * @fires parca-error - A request failed; the last good chart stays.
 * @csspart header - The row above the chart: common labels, notes, controls.
 * @csspart common-labels - The labels every series shares, said once.
 * @csspart note - Says when `sum-by` cannot apply.
 * @csspart reset - The button that goes back to the previous range.
 * @csspart raw-toggle - The switch between per-second values and raw totals.
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong with the last request.
 * @csspart chart - The focusable chart area.
 * @csspart tooltip - The hover and keyboard tooltip.
 * @csspart marker - The dot on the point the tooltip describes.
 * @csspart legend - The list of series.
 * @csspart legend-item - One series in the legend (a toggle button).
 * @csspart series-actions - The button beside a legend item that opens its series' query actions.
 * @csspart series-menu - The menu of a series' query actions.
 * @csspart series-action - One action of that menu; its `code` shows the selector it makes.
 * @csspart show-all - The button that lists series beyond the top N.
 * @csspart live - The live region announcing the keyboard cursor's point (visually hidden).
 * @csspart table - The table of series for screen readers (visually hidden by default).
 * @cssprop --parca-metrics-palette - Series colors, comma-separated; a series keeps its color across queries.
 * @cssprop --parca-metrics-height - The chart's height (default 240px).
 * @cssprop --parca-metrics-grid-color - Grid lines.
 * @cssprop --parca-metrics-selection-color - The drag selection.
 * @cssprop --parca-metrics-tooltip-background - The tooltip's background.
 * @cssprop --parca-color-text - Text and axis labels.
 * @cssprop --parca-color-background - Background.
 * @cssprop --parca-color-border - Borders.
 * @cssprop --parca-color-muted - Secondary text and the crosshair.
 * @cssprop --parca-color-accent - Focus ring.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Base spacing.
 * @cssprop --parca-radius - Corner radius of buttons and the tooltip.
 */
export class ParcaMetricsElement extends ParcaElement {
  static override styles = metricsStyles;
  protected static override readonly devChecks = { needsProfileType: true };

  /**
   * Label names to sum series by, comma separated (`job` or `job,instance`). Empty follows the query's `sumBy`
   * (a source's, as its query editor chose it), and where that is empty too keeps one series per label set.
   * When set, it wins over the query's. Applies to delta profile types only.
   */
  @property({ attribute: 'sum-by' }) sumBy = '';
  /** Plot raw totals per point instead of values per second (delta types). */
  @property({ type: Boolean }) raw = false;
  /** Chart pixels per requested point: the step is chosen from the width so there is about one point per this many. */
  @property({ type: Number, attribute: 'px-per-point' }) pxPerPoint = DEFAULT_PX_PER_POINT;
  /** How many series (by peak) the legend lists and the chart draws before "show all". */
  @property({ type: Number, attribute: 'top-n' }) topN = DEFAULT_TOP_N;
  /** IANA time zone for the time axis and tooltips; empty means the user's own. */
  @property({ attribute: 'time-zone' }) timeZone = '';
  /** The value the y-axis reaches at least, in the chart's unit: charts compared side by side share one scale (`<parca-compare shared-y>` sets it). */
  @property({ type: Number, attribute: 'y-max' }) yMax: number | undefined;

  /** The chart's width class in px; 0 until measured. */
  @state() private width = 0;
  @state() private showAll = false;
  /** The series the user chose to see (legend clicks); undefined means the listed ones. */
  @state() private chosen: ReadonlySet<string> | undefined;
  /** Ranges this element replaced by selections, latest last, for going back. */
  @state() private history: readonly TimeRange[] = [];
  @state() private announcement = '';
  /** The series whose query actions are open, where (page coordinates) and what had focus. */
  @state() private menu: SeriesMenu | undefined;

  #lastStep = 0;
  readonly #series = new SeriesData();
  #visibleKeys: ReadonlySet<string> = new Set();
  /** The drag under way started with Shift or Alt: it picks a baseline, not the range. */
  #baselineDrag = false;
  /** The keyboard cursor and the start of a Shift+arrow selection. */
  #cursor: PointRef | undefined;
  #anchor: number | undefined;
  #actions: typeof import('./series-actions.js') | undefined;
  readonly #view = new PlotView(this, {
    data: () => this.#series.data,
    visible: (i) => {
      const series = this.#series.data?.series[i];
      return series !== undefined && this.#visibleKeys.has(series.key);
    },
    bands: () => this.#bands(),
    resized: (width) => {
      const next = widthClass(width > 0 ? width : FALLBACK_WIDTH);
      if (next !== this.width) this.width = next;
    },
    hover: (index, left, top) => this.#onHover(index, left, top),
    select: (startMs, endMs) => this.#selectRange(startMs, endMs, this.#baselineDrag),
    click: (left, top) => {
      const point = this.#view.pointAt(left, top);
      if (point) this.#selectPoint(point);
    },
    dblclick: () => this.#back(),
  });
  readonly #table = new IdleTable<ChartData>(
    this,
    () => this.renderRoot.querySelector('.table'),
    // None while the element is hidden (a query for profiles only).
    () => (this.#hidden ? undefined : this.#series.data),
    (data) => import('./series-table.js').then((module) => module.renderTable(data, this.#series.legend)),
  );

  readonly #query = new QueryController<MetricsArgs, MetricsResult>(this, {
    args: () => this.#args(),
    run: async (args, signal) => {
      const result = await fetchSeries(args, signal);
      // The chart columns in a task between the answer's and the update's (see SeriesData.prepare).
      await yieldToEventLoop();
      this.#series.prepare(result, this.raw);
      await yieldToEventLoop();
      return result;
    },
    sourceName: () => this.sourceName,
    // The same series over a window resolved anew (a refresh): the chart stays as it is until they arrive.
    isRefresh: (previous, next) => previous.every((value, i) => i === 3 || value === next[i]),
  });

  /** `idle`, `loading`, `complete` or `error`: the state of the latest request. */
  get status(): QueryStatus {
    return this.#query.status;
  }

  /** Settles when what the latest request brought is on screen: the request settled and the update applied. */
  get settled(): Promise<void> {
    return this.#query.settled.then(() => this.updateComplete).then(() => undefined);
  }

  /** Includes the chart's build or new data, which come a task after the update (see PlotView.sync). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const complete = await super.getUpdateComplete();
    await this.#view.drawn;
    return complete;
  }

  /** The step (seconds) of the latest request; 0 before the first. */
  get stepSeconds(): number {
    return this.#lastStep;
  }

  /** The series shown, as chart columns (undefined before the first answer). */
  get data(): ChartData | undefined {
    return this.#series.data;
  }

  /**
   * Settles when the accessible table lists the series shown. The table is rendered after the chart, when
   * the browser is idle, so that the first paint of many series does not wait for it. @internal
   */
  get tableComplete(): Promise<void> {
    return this.#table.complete;
  }

  /** The uPlot instance drawing the chart, for benchmarks and tests. @internal */
  get plot(): MetricsPlot | undefined {
    return this.#view.plot;
  }

  get #hidden(): boolean {
    return this.activeQuery?.kind === 'profile';
  }

  #args(): MetricsArgs | undefined {
    const connection = this.activeConnection;
    const query = this.activeQuery;
    const window = query?.window;
    if (!connection || !query || query.kind === 'profile' || !query.profileType || this.width === 0 || !window) return undefined;
    const length = window.endMs - window.startMs;
    // Never finer than the data: a step under the profiles' spacing draws a saw (see sparseDataStepSeconds).
    const step = Math.max(chooseStepSeconds(length, this.width, this.pxPerPoint), this.#series.stepFloor(length));
    return [connection, query.profileType, query.selector, window, step, this.#sumBy];
  }

  /** The attribute's labels, else the query's (a query made by hand may have none). */
  get #sumBy(): string {
    return this.sumBy || (this.activeQuery?.sumBy?.join(',') ?? '');
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#series.update(this.#query.value, this.raw, this.topN, changed.has('topN'))) {
      this.#cursor = undefined;
      this.#anchor = undefined;
    }
    this.#visibleKeys = visibleKeys(this.#series.legend, this.showAll, this.chosen);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const args = this.#args();
    if (args) this.#lastStep = args[4];
    this.#view.sync();
    this.#view.placeBands();
    this.#table.schedule();
  }

  #baseline(): ResolvedRange | undefined {
    const query = this.activeQuery;
    return query?.baseline && resolveWindow(query.baseline, query.now);
  }

  /** The baseline range and the bucket of the picked point. */
  #bands(): { baseline: Band | undefined; picked: Band | undefined } {
    const point = this.activeQuery?.point;
    const end = point && point.timestampMs + Math.max(point.durationMs, point.windowMs ?? 0, 1);
    return { baseline: this.#baseline(), picked: point && { startMs: point.timestampMs, endMs: end! } };
  }

  // ---- user actions -> events -------------------------------------------------------------------------

  #onHover(index: number | undefined, left: number, top: number): void {
    if (index === undefined || left < 0) {
      if (!this.#cursor) this.#view.hideTooltip();
      return;
    }
    const point = this.#view.pointAt(left, top);
    if (point) this.#view.showTooltip(point);
    else this.#view.hideTooltip();
  }

  #selectPoint(point: PointRef): void {
    const data = this.#series.data;
    const result = this.#query.value;
    if (!data || !result) return;
    const series = data.series[point.series]!;
    const duration = series.durationsMs[point.index]!;
    const durationMs = Number.isFinite(duration) ? duration : 0;
    this.dispatchEvent(
      new ParcaPointSelectEvent(
        {
          labels: labelsRecord(series.labels),
          timestampMs: Math.round(data.timestamps[point.index]! * 1000),
          durationMs,
          selector: selectorWithLabels(result.selector, series.labels),
          windowMs: this.#lastStep * 1000 || durationMs,
        },
        result.profileType,
      ),
    );
  }

  /** A range chosen by a drag or the keyboard: the range shown, or (`baseline`) the baseline. */
  #selectRange(startMs: number, endMs: number, baseline: boolean): void {
    const range = absoluteRange(Math.min(startMs, endMs), Math.max(startMs, endMs));
    if (baseline) {
      this.dispatchEvent(new ParcaBaselineSelectEvent(range));
      return;
    }
    const current = this.activeQuery?.range;
    if (current) this.history = [...this.history, current];
    this.dispatchEvent(new ParcaRangeSelectEvent(range));
  }

  #back(): void {
    const previous = this.history[this.history.length - 1];
    if (!previous) return;
    this.history = this.history.slice(0, -1);
    this.dispatchEvent(new ParcaRangeSelectEvent(previous));
  }

  /**
   * Opens the query actions (loaded on first use) of the series `event` points at: a legend item's menu button, a
   * right-click on the chart, Shift+F10 on the keyboard cursor's point.
   */
  #openMenu(event: Event): void {
    event.preventDefault();
    const target = event.target as HTMLElement;
    const cursor = this.#cursor;
    void import('./series-actions.js').then((module) => {
      this.#actions = module;
      this.menu = module.seriesMenu(this, this.#view, event, target, cursor);
    });
  }

  #onLegendClick(event: MouseEvent): void {
    if ((event.target as Element).closest('[part~="series-actions"]')) return this.#openMenu(event);
    const item = (event.target as Element).closest<HTMLElement>('[part~="legend-item"]');
    const key = item?.dataset.key;
    if (key === undefined) return;
    const listed = listedKeys(this.#series.legend, this.showAll);
    this.chosen = legendClick(this.#visibleKeys, listed, key, event.shiftKey);
  }

  #toggleShowAll(): void {
    this.showAll = !this.showAll;
    this.chosen = undefined;
  }

  #onRawChange(event: Event): void {
    this.raw = (event.target as HTMLInputElement).checked;
  }

  #onKeyDown(event: KeyboardEvent): void {
    const data = this.#series.data;
    if (!data || !this.#view.plot) return;
    if (this.#cursor && (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10'))) return this.#openMenu(event);
    const order = visibleOrder(this.#series.legend, this.#visibleKeys);
    const action = cursorAction(data, order, { cursor: this.#cursor, anchor: this.#anchor }, event.key, event.shiftKey);
    if (action.kind === 'none') return;
    event.preventDefault();
    switch (action.kind) {
      case 'move':
        this.#anchor = action.anchor;
        if (!action.to) return;
        this.#cursor = action.to;
        if (this.#view.showCursor(action.to, action.anchor)) this.announcement = pointAnnouncement(data, action.to, this.timeZone);
        return;
      case 'pick':
        this.#selectPoint(action.point);
        return;
      case 'clear':
        this.#cursor = undefined;
        this.#anchor = undefined;
        this.#view.clearSelection();
        this.#view.hideTooltip();
        return;
      default:
        this.#anchor = undefined;
        this.#view.clearSelection();
        this.#selectRange(action.startMs, action.endMs, action.kind === 'baseline');
    }
  }

  // ---- render -----------------------------------------------------------------------------------------

  protected override render() {
    const data = this.#series.data;
    const legend = this.#series.legend;
    const error = this.#query.error;
    const type = this.#query.value?.profileType ?? this.activeQuery?.profileType ?? '';
    const note = sumByNote(this.#sumBy, type);
    const hidden = this.#hidden;
    return html`
      <div part="header" ?hidden=${hidden}>
        ${legend.common.length > 0 ? html`<span part="common-labels">${formatLabels(legend.common)}</span>` : nothing}
        ${note ? html`<span part="note">${note}</span>` : nothing}
        <span part="status" role="status">${statusText(this.activeQuery, this.#query.status, data)}</span>
        ${this.history.length > 0 ? html`<button part="reset" @click=${() => this.#back()} title="Or double-click the chart">Previous range</button>` : nothing}
        ${
          isDeltaType(type)
            ? html`<label part="raw-toggle"
              ><input type="checkbox" .checked=${this.raw} @change=${this.#onRawChange} /> Raw totals</label
            >`
            : nothing
        }
      </div>
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${hidden ? nothing : renderBaselineNote(this.#baseline(), this.timeZone, () => this.dispatchEvent(new ParcaBaselineSelectEvent(undefined)))}
      <div
        part="chart"
        tabindex=${data && hasPoints(data) ? '0' : '-1'}
        role="group"
        aria-roledescription="chart"
        aria-label=${chartLabel(this.activeQuery?.profileType, data)}
        ?hidden=${hidden}
        @keydown=${this.#onKeyDown}
        @contextmenu=${this.#openMenu}
        @mousedown=${(event: MouseEvent) => (this.#baselineDrag = event.shiftKey || event.altKey)}
        @mouseleave=${() => !this.#cursor && this.#view.hideTooltip()}
      >
        <div part="baseline" hidden></div>
        <div part="picked" hidden title="The profile the flame graph shows"></div>
        <div class="plot"></div>
        <div part="marker" hidden></div>
        <div part="tooltip" hidden></div>
      </div>
      ${
        data && !hidden
          ? renderLegend({
              data,
              legend,
              showAll: this.showAll,
              visible: this.#visibleKeys,
              colors: this.#view.colors,
              menuFor: this.menu?.key,
              onClick: this.#onLegendClick,
              onToggleShowAll: this.#toggleShowAll,
            })
          : nothing
      }
      ${this.menu && this.#actions?.renderSeriesMenu(this, this.menu, this.#series.legend, this.#query.value?.selector, () => (this.menu = undefined))}
      <div part="live" class="visually-hidden" aria-live="polite">${this.announcement}</div>
      <div class="table"></div>
    `;
  }
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaMetricsElement {
  addEventListener: ListenerMethods<ParcaMetricsEvents, ParcaMetricsElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaMetricsEvents, ParcaMetricsElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-metrics': ParcaMetricsElement;
  }
}
