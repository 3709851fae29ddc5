import { type PropertyValues, html, nothing, render } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController, type QueryStatus } from '../../controllers/query-controller.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { DEFAULT_PALETTE, parsePalette, seriesColor } from '../../model/metrics/colors.js';
import { formatLabels, labelsRecord, parseLabelNames, selectorWithLabels } from '../../model/metrics/labels.js';
import { DEFAULT_TOP_N, type LegendModel, buildLegend, legendClick, listedKeys } from '../../model/metrics/legend.js';
import {
  type ChartData,
  type ChartSeries,
  chartOptionsFor,
  hasPoints,
  nearestSeries,
  nextPointIndex,
  toChartData,
} from '../../model/metrics/series.js';
import { DEFAULT_PX_PER_POINT, chooseStepSeconds, sparseDataStepSeconds, widthClass } from '../../model/metrics/step.js';
import { formatTimeTicks, formatTimestamp, formatWindow } from '../../model/metrics/time-format.js';
import { formatDurationMs, formatMetricValue } from '../../model/units.js';
import { parseProfileTypeId } from '../../model/profile-type.js';
import { resolveWindow } from '../../model/query-state.js';
import { type TimeRange, absoluteRange } from '../../model/time-range.js';
import { canvasColor } from '../../controllers/canvas-color.js';
import { SizeController } from '../../controllers/size-controller.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import { placeOverlay } from '../../model/overlay.js';
import { styleProps } from '../directives/style-props.js';
import { ParcaElement } from '../parca-element.js';
import { type MetricsArgs, type MetricsResult, fetchSeries } from './fetch.js';
import { whenIdle } from './idle.js';
import { metricsStyles } from './metrics.styles.js';
import { MetricsPlot, type PlotInput, type PlotTheme } from './plot.js';

/** Width assumed before the element has been laid out with a width of its own. */
const FALLBACK_WIDTH = 800;

/** A point of one series: the one under the pointer or the keyboard cursor. */
interface PointRef {
  readonly series: number;
  readonly index: number;
}

function isDeltaType(id: string): boolean {
  try {
    return parseProfileTypeId(id).delta;
  } catch {
    return false;
  }
}

function lastPoint(series: ChartSeries): number {
  for (let i = series.values.length - 1; i >= 0; i--) if (series.values[i] != null) return i;
  return -1;
}

function firstPoint(series: ChartSeries): number {
  return series.values.findIndex((v) => v != null);
}

/**
 * Values over time of the source's query, one line per label set: CPU cores, bytes per second, counts...
 *
 * Drag across the chart to narrow the shared range; double-click (or "Previous range") to go back. Click a
 * point, or press Enter on it, to show that one profile. Arrow keys move between points (Shift+arrows select a
 * range), the legend isolates a series on click and toggles it on Shift+click.
 *
 * A baseline for flame graph diffs: drag with Shift (or Alt) held, or select with Shift+arrows and press B.
 * The baseline shows as a band and a note with a button that clears it.
 *
 * @tagname parca-metrics
 * @summary A time-series chart of a profile type's values per label set.
 * @fires parca-range-select - The user selected a time range (drag, Shift+arrows and Enter, or going back).
 * @fires parca-point-select - The user selected one point of a series (click or Enter).
 * @fires parca-baseline-select - The user chose (Shift/Alt+drag, Shift+arrows and B) or cleared a baseline range.
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
   * Label names to sum series by, comma separated (`job` or `job,instance`); empty keeps one series per label
   * set. Applies to delta profile types only.
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

  /** The chart's width class in px; 0 until measured. */
  @state() private width = 0;
  @state() private showAll = false;
  /** The series the user chose to see (legend clicks); undefined means the listed ones. */
  @state() private chosen: ReadonlySet<string> | undefined;
  /** Ranges this element replaced by selections, latest last, for going back. */
  @state() private history: readonly TimeRange[] = [];
  @state() private announcement = '';

  #lastStep = 0;
  /** The coarsest step the data asked for, for ranges of this length (reset when the length changes). */
  #dataStep = { length: 0, seconds: 0 };
  #data: ChartData | undefined;
  #dataFrom: { result: MetricsResult | undefined; raw: boolean } = { result: undefined, raw: false };
  #legend: LegendModel = { common: [], entries: [], top: 0 };
  #colors: string[] = [];
  #visibleKeys: ReadonlySet<string> = new Set();
  #plot: MetricsPlot | undefined;
  #plotData: ChartData | undefined;
  #plotThemeVersion = -1;
  /** The drag under way started with Shift or Alt: it picks a baseline, not the range. */
  #baselineDrag = false;
  /** Colors follow the scheme, contrast mode and `theme`: the chart is built again with them. */
  readonly #look = new ThemeController(this, () => (this.#colors = this.#seriesColors()));
  /** The chart part's size: its width class picks the step, its size the canvas's. */
  readonly #sizes = new SizeController(
    this,
    () => this.renderRoot.querySelector('[part~="chart"]'),
    ({ width, height }) => {
      const next = widthClass(width > 0 ? width : FALLBACK_WIDTH);
      if (next !== this.width) this.width = next;
      this.#plot?.setSize(width, height);
      this.#placeBaseline();
    },
  );
  /** The series the accessible table lists (null before it was first rendered), and its pending render. */
  #tableShows: ChartData | undefined | null = null;
  #tableJob: { readonly done: Promise<void>; cancel(): void } | undefined;
  /** The keyboard cursor and the start of a Shift+arrow selection. */
  #cursor: PointRef | undefined;
  #anchor: number | undefined;

  readonly #query = new QueryController<MetricsArgs, MetricsResult>(this, {
    args: () => this.#args(),
    run: fetchSeries,
    sourceName: () => this.sourceName,
    // The same series over a window resolved anew (a refresh): the chart stays as it is until they arrive.
    isRefresh: (previous, next) => previous.every((value, i) => i === 3 || value === next[i]),
  });

  /** `idle`, `loading`, `complete` or `error`: the state of the latest request. */
  get status(): QueryStatus {
    return this.#query.status;
  }

  /** Settles when the latest request has settled. */
  get settled(): Promise<void> {
    return this.#query.settled;
  }

  /** The step (seconds) of the latest request; 0 before the first. */
  get stepSeconds(): number {
    return this.#lastStep;
  }

  /** The series shown, as chart columns (undefined before the first answer). */
  get chartData(): ChartData | undefined {
    return this.#data;
  }

  /**
   * Settles when the accessible table lists the series shown. The table is rendered after the chart, when
   * the browser is idle, so that the first paint of many series does not wait for it. @internal
   */
  get tableComplete(): Promise<void> {
    return this.#tableJob?.done ?? Promise.resolve();
  }

  /** The uPlot instance drawing the chart, for benchmarks and tests. @internal */
  get plot(): MetricsPlot | undefined {
    return this.#plot;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#plot?.destroy();
    this.#plot = undefined;
    this.#plotData = undefined;
    this.#tableJob?.cancel();
  }

  #args(): MetricsArgs | undefined {
    const connection = this.activeConnection;
    const query = this.activeQuery;
    const window = query?.window;
    if (!connection || !query || query.kind === 'profile' || !query.profileType || this.width === 0 || !window) return undefined;
    const length = window.endMs - window.startMs;
    // Never finer than the data: a step under the profiles' spacing draws a saw (see sparseDataStepSeconds).
    const floor = this.#dataStep.length === length ? this.#dataStep.seconds : 0;
    const step = Math.max(chooseStepSeconds(length, this.width, this.pxPerPoint), floor);
    return [connection, query.profileType, query.selector, window, step, this.sumBy];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const result = this.#query.value;
    if (result && result !== this.#dataFrom.result) this.#learnDataStep(result);
    if (result !== this.#dataFrom.result || this.raw !== this.#dataFrom.raw) {
      this.#dataFrom = { result, raw: this.raw };
      this.#data = result ? toChartData(result.response, { ...chartOptionsFor(result.profileType, this.raw), window: result.window }) : undefined;
      this.#legend = buildLegend(this.#data?.series ?? [], this.topN);
      this.#colors = this.#seriesColors();
      this.#cursor = undefined;
      this.#anchor = undefined;
    } else if (changed.has('topN')) {
      this.#legend = buildLegend(this.#data?.series ?? [], this.topN);
    }
    this.#visibleKeys = this.#computeVisible();
  }

  /** Remembers when an answer's points were sparser than its step: the next request asks for a coarser one. */
  #learnDataStep(result: MetricsResult): void {
    const length = result.window.endMs - result.window.startMs;
    const times = result.response.series.map((s) => s.samples.map((sample) => Number(sample.timestamp?.seconds ?? 0n)));
    const seconds = sparseDataStepSeconds(times, result.stepSeconds);
    const known = this.#dataStep.length === length ? this.#dataStep.seconds : 0;
    if (seconds > known) this.#dataStep = { length, seconds };
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const args = this.#args();
    if (args) this.#lastStep = args[4];
    this.#syncPlot();
    this.#placeBaseline();
    this.#scheduleTable();
  }

  #computeVisible(): ReadonlySet<string> {
    const listed = listedKeys(this.#legend, this.showAll);
    if (!this.chosen) return listed;
    const existing = new Set(this.#data?.series.map((s) => s.key) ?? []);
    const kept = [...this.chosen].filter((key) => existing.has(key));
    return kept.length > 0 ? new Set(kept) : listed;
  }

  #visible = (seriesIndex: number): boolean => {
    const series = this.#data?.series[seriesIndex];
    return series !== undefined && this.#visibleKeys.has(series.key);
  };

  // ---- the canvas -------------------------------------------------------------------------------------

  #syncPlot(): void {
    const data = this.#data;
    const target = this.renderRoot.querySelector<HTMLElement>('.plot');
    // With no points the chart still shows its axes over the query's window.
    const size = this.#sizes.size;
    if (!target || !data || size.width === 0) {
      if (!data) this.#destroyPlot();
      return;
    }
    const visible = data.series.map((_, i) => this.#visible(i));
    if (this.#plot && this.#plotData === data && this.#plotThemeVersion === this.#look.version) {
      this.#plot.setVisible(visible);
      this.#plot.setSize(size.width, size.height);
      return;
    }
    const unit = data.unit;
    const timeZone = this.timeZone || undefined;
    const input: PlotInput = {
      data,
      colors: this.#colors,
      visible,
      width: size.width,
      height: size.height,
      theme: this.#theme(),
      format: {
        ticks: (ticks, increment) => formatTimeTicks(ticks, increment, { timeZone }),
        value: (value) => formatMetricValue(value, unit),
        timeZone,
      },
    };
    // New data for the same series count (a narrower range, a refresh) goes into the chart in place.
    if (this.#plot?.update(input)) {
      this.#hideTooltip();
    } else {
      this.#destroyPlot();
      this.#plot = new MetricsPlot(target, input, {
        hover: (index, left, top) => this.#onHover(index, left, top),
        select: (startMs, endMs) => this.#selectRange(startMs, endMs),
        click: (left, top) => this.#onPlotClick(left, top),
        dblclick: () => this.#back(),
      });
    }
    this.#plotData = data;
    this.#plotThemeVersion = this.#look.version;
  }

  #destroyPlot(): void {
    this.#plot?.destroy();
    this.#plot = undefined;
    this.#plotData = undefined;
    this.#hideTooltip();
  }

  #theme(): PlotTheme {
    const look = this.#look;
    return {
      text: look.color('--_fg', '#000'),
      axis: look.color('--_border', '#888'),
      grid: look.color('--_grid', '#ddd'),
      font: `12px ${getComputedStyle(this).fontFamily || 'sans-serif'}`,
    };
  }

  #seriesColors(): string[] {
    const series = this.#data?.series ?? [];
    if (this.#look.forcedColors) {
      const text = canvasColor('CanvasText', '#000');
      return series.map(() => text);
    }
    const custom = parsePalette(this.#look.token('--parca-metrics-palette', ''));
    const palette = custom.length > 0 ? custom.map((c) => canvasColor(c)) : DEFAULT_PALETTE;
    return series.map((s) => seriesColor(s.key, palette));
  }

  // ---- pointer ----------------------------------------------------------------------------------------

  #pointAt(left: number, top: number): PointRef | undefined {
    const data = this.#data;
    if (!data || !this.#plot) return undefined;
    const { index, value } = this.#plot.at(left, top);
    if (index == null || index < 0) return undefined;
    const series = nearestSeries(data, index, value, this.#visible);
    return series < 0 ? undefined : { series, index };
  }

  #onHover(index: number | undefined, left: number, top: number): void {
    if (index === undefined || left < 0) {
      if (!this.#cursor) this.#hideTooltip();
      return;
    }
    const point = this.#pointAt(left, top);
    if (point) this.#showTooltip(point);
    else this.#hideTooltip();
  }

  #onPlotClick(left: number, top: number): void {
    const point = this.#pointAt(left, top);
    if (point) this.#selectPoint(point);
  }

  #showTooltip(point: PointRef): void {
    const data = this.#data;
    const plot = this.#plot;
    const tooltip = this.renderRoot.querySelector<HTMLElement>('[part~="tooltip"]');
    const marker = this.renderRoot.querySelector<HTMLElement>('[part~="marker"]');
    if (!data || !plot || !tooltip || !marker) return;
    const series = data.series[point.series]!;
    const value = series.values[point.index];
    if (value == null) return;
    const { left, top } = plot.position(point.index, value);
    const over = plot.over;
    const x = over.offsetLeft + left;
    const y = over.offsetTop + top;
    render(this.#tooltipContent(data, point), tooltip);
    tooltip.hidden = false;
    const place = placeOverlay(x, y, { width: tooltip.offsetWidth, height: tooltip.offsetHeight }, this.#sizes.size, { above: true });
    tooltip.style.left = `${place.left}px`;
    tooltip.style.top = `${place.top}px`;
    marker.hidden = false;
    marker.style.left = `${x}px`;
    marker.style.top = `${y}px`;
    marker.style.background = this.#colors[point.series] ?? 'currentColor';
  }

  #tooltipContent(data: ChartData, point: PointRef) {
    const series = data.series[point.series]!;
    const value = series.values[point.index]!;
    const duration = series.durationsMs[point.index]!;
    const timeZone = this.timeZone || undefined;
    return html`<div class="labels">${formatLabels(series.labels) || 'all series'}</div>
      <div class="value">${formatMetricValue(value, data.unit)}</div>
      <div class="time">${formatTimestamp(data.timestamps[point.index]! * 1000, { timeZone })}</div>
      ${duration > 0 ? html`<div class="duration">over ${formatDurationMs(duration)}</div>` : nothing}`;
  }

  #renderBaselineNote() {
    const query = this.activeQuery;
    const baseline = query?.compare && resolveWindow(query.compare, query.now);
    if (!baseline || query?.kind === 'profile') return nothing;
    return html`<div part="baseline-note">
      Baseline: ${formatWindow(baseline.startMs, baseline.endMs, { timeZone: this.timeZone || undefined })}
      <button @click=${() => this.dispatchEvent(new ParcaBaselineSelectEvent(undefined))}>Clear baseline</button>
    </div>`;
  }

  /** The bands over the baseline range and over the bucket of the picked point, where the chart shows them. */
  #placeBaseline(): void {
    const query = this.activeQuery;
    const baseline = query?.compare && resolveWindow(query.compare, query.now);
    this.#placeBand('baseline', baseline);
    const point = query?.point;
    this.#placeBand('picked', point && { startMs: point.timestampMs, endMs: point.timestampMs + Math.max(point.durationMs, point.windowMs ?? 0, 1) });
  }

  #placeBand(name: string, range: { startMs: number; endMs: number } | undefined): void {
    const band = this.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
    const plot = this.#plot;
    if (!band) return;
    band.hidden = true;
    if (!range || !plot) return;
    const { startMs, endMs } = range;
    const over = plot.over;
    const left = Math.max(0, plot.xOf(startMs));
    let right = Math.min(over.clientWidth, plot.xOf(endMs));
    if (!(right > left)) return;
    band.hidden = false;
    // At least a couple of pixels: a point's bucket can be narrower than that.
    if (right - left < 3) right = left + 3;
    band.style.left = `${over.offsetLeft + left}px`;
    band.style.top = `${over.offsetTop}px`;
    band.style.width = `${right - left}px`;
    band.style.height = `${over.clientHeight}px`;
  }

  #hideTooltip(): void {
    const tooltip = this.renderRoot.querySelector<HTMLElement>('[part~="tooltip"]');
    const marker = this.renderRoot.querySelector<HTMLElement>('[part~="marker"]');
    if (tooltip) tooltip.hidden = true;
    if (marker) marker.hidden = true;
  }

  // ---- user actions -> events -------------------------------------------------------------------------

  #selectPoint(point: PointRef): void {
    const data = this.#data;
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

  #selectRange(startMs: number, endMs: number): void {
    if (this.#baselineDrag) {
      this.#baselineDrag = false;
      this.dispatchEvent(new ParcaBaselineSelectEvent(absoluteRange(Math.min(startMs, endMs), Math.max(startMs, endMs))));
      return;
    }
    const current = this.activeQuery?.range;
    if (current) this.history = [...this.history, current];
    this.dispatchEvent(new ParcaRangeSelectEvent(absoluteRange(Math.min(startMs, endMs), Math.max(startMs, endMs))));
  }

  #back(): void {
    const previous = this.history[this.history.length - 1];
    if (!previous) return;
    this.history = this.history.slice(0, -1);
    this.dispatchEvent(new ParcaRangeSelectEvent(previous));
  }

  #onLegendClick(event: MouseEvent): void {
    const item = (event.target as Element).closest<HTMLElement>('[part~="legend-item"]');
    const key = item?.dataset.key;
    if (key === undefined) return;
    const listed = listedKeys(this.#legend, this.showAll);
    this.chosen = legendClick(this.#visibleKeys, listed, key, event.shiftKey);
  }

  #toggleShowAll(): void {
    this.showAll = !this.showAll;
    this.chosen = undefined;
  }

  #onRawChange(event: Event): void {
    this.raw = (event.target as HTMLInputElement).checked;
  }

  // ---- keyboard ---------------------------------------------------------------------------------------

  /** Visible series in legend order. */
  #visibleOrder(): number[] {
    return this.#legend.entries.map((e) => e.index).filter((i) => this.#visible(i));
  }

  #onKeyDown(event: KeyboardEvent): void {
    const data = this.#data;
    if (!data || !this.#plot) return;
    const order = this.#visibleOrder();
    if (order.length === 0) return;
    let cursor = this.#cursor;
    if (cursor && !this.#visible(cursor.series)) cursor = undefined;
    const start = (): PointRef => {
      const series = order[0]!;
      return { series, index: lastPoint(data.series[series]!) };
    };
    switch (event.key) {
      case 'ArrowLeft':
      case 'ArrowRight': {
        const direction = event.key === 'ArrowLeft' ? -1 : 1;
        if (!cursor) {
          cursor = start();
        } else {
          if (event.shiftKey && this.#anchor === undefined) this.#anchor = cursor.index;
          cursor = { ...cursor, index: nextPointIndex(data.series[cursor.series]!, cursor.index, direction) };
        }
        if (!event.shiftKey) this.#anchor = undefined;
        break;
      }
      case 'ArrowUp':
      case 'ArrowDown': {
        if (!cursor) {
          cursor = start();
          break;
        }
        cursor = this.#neighbourSeries(cursor, event.key === 'ArrowUp' ? 1 : -1, order);
        break;
      }
      case 'Home':
      case 'End': {
        const at = cursor ?? start();
        const series = data.series[at.series]!;
        cursor = { ...at, index: event.key === 'Home' ? firstPoint(series) : lastPoint(series) };
        break;
      }
      case 'b':
      case 'B':
      case 'Enter': {
        if (!cursor) return;
        const baseline = event.key !== 'Enter';
        if (baseline && (this.#anchor === undefined || this.#anchor === cursor.index)) return;
        this.#baselineDrag = baseline;
        if (this.#anchor !== undefined && this.#anchor !== cursor.index) {
          const a = data.timestamps[this.#anchor]! * 1000;
          const b = data.timestamps[cursor.index]! * 1000;
          this.#anchor = undefined;
          this.#plot.showSelection(undefined);
          this.#selectRange(Math.round(a), Math.round(b));
        } else {
          this.#selectPoint(cursor);
        }
        event.preventDefault();
        return;
      }
      case 'Escape':
        if (!cursor && this.#anchor === undefined) return;
        this.#anchor = undefined;
        this.#cursor = undefined;
        this.#plot.showSelection(undefined);
        this.#hideTooltip();
        event.preventDefault();
        return;
      default:
        return;
    }
    event.preventDefault();
    if (cursor.index < 0) return;
    this.#cursor = cursor;
    this.#showKeyboardPoint(cursor);
  }

  /** The visible series just above (1) or below (-1) the cursor's value at its time. */
  #neighbourSeries(cursor: PointRef, direction: 1 | -1, order: number[]): PointRef {
    const data = this.#data!;
    const valueAt = (s: number) => data.series[s]!.values[cursor.index];
    const ranked = order.filter((s) => valueAt(s) != null).sort((a, b) => valueAt(a)! - valueAt(b)!);
    const position = ranked.indexOf(cursor.series);
    const next = ranked[position + direction];
    return next === undefined ? cursor : { series: next, index: cursor.index };
  }

  #showKeyboardPoint(point: PointRef): void {
    const data = this.#data!;
    const plot = this.#plot!;
    const series = data.series[point.series]!;
    const value = series.values[point.index];
    if (value == null) return;
    const { left, top } = plot.position(point.index, value);
    plot.showCursor(left, top);
    plot.showSelection(this.#anchor, this.#anchor === undefined ? undefined : point.index);
    this.#showTooltip(point);
    const time = formatTimestamp(data.timestamps[point.index]! * 1000, { timeZone: this.timeZone || undefined });
    this.announcement = `${formatLabels(series.labels) || 'all series'}: ${formatMetricValue(value, data.unit)} at ${time}`;
  }

  // ---- render -----------------------------------------------------------------------------------------

  #statusText(): string {
    const query = this.activeQuery;
    if (!query || !query.profileType) return 'Choose a profile type to see its values over time.';
    if (query.kind === 'profile') return '';
    const status = this.#query.status;
    if (status === 'loading') return this.#data ? 'Updating…' : 'Loading…';
    if (this.#data && !hasPoints(this.#data)) return 'No data in this time range.';
    return '';
  }

  #sumByNote(): string {
    const type = this.#query.value?.profileType ?? this.activeQuery?.profileType ?? '';
    if (parseLabelNames(this.sumBy).length === 0 || !type || isDeltaType(type)) return '';
    return 'sum-by applies to delta profile types only: every series is shown as Parca returns it.';
  }

  protected override render() {
    const data = this.#data;
    const legend = this.#legend;
    const status = this.#statusText();
    const error = this.#query.error;
    const note = this.#sumByNote();
    const type = this.#query.value?.profileType ?? this.activeQuery?.profileType ?? '';
    const hidden = this.activeQuery?.kind === 'profile';
    return html`
      <div part="header" ?hidden=${hidden}>
        ${legend.common.length > 0 ? html`<span part="common-labels">${formatLabels(legend.common)}</span>` : nothing}
        ${note ? html`<span part="note">${note}</span>` : nothing}
        <span part="status" role="status">${status}</span>
        ${this.history.length > 0
          ? html`<button part="reset" @click=${() => this.#back()} title="Or double-click the chart">Previous range</button>`
          : nothing}
        ${isDeltaType(type)
          ? html`<label part="raw-toggle"
              ><input type="checkbox" .checked=${this.raw} @change=${this.#onRawChange} /> Raw totals</label
            >`
          : nothing}
      </div>
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${this.#renderBaselineNote()}
      <div
        part="chart"
        tabindex=${data && hasPoints(data) ? '0' : '-1'}
        role="group"
        aria-roledescription="chart"
        aria-label=${this.#chartLabel()}
        ?hidden=${hidden}
        @keydown=${this.#onKeyDown}
        @mousedown=${(event: MouseEvent) => (this.#baselineDrag = event.shiftKey || event.altKey)}
        @mouseleave=${() => !this.#cursor && this.#hideTooltip()}
      >
        <div part="baseline" hidden></div>
        <div part="picked" hidden title="The profile the flame graph shows"></div>
        <div class="plot"></div>
        <div part="marker" hidden></div>
        <div part="tooltip" hidden></div>
      </div>
      ${data && !hidden ? this.#renderLegend(data, legend) : nothing}
      <div part="live" class="visually-hidden" aria-live="polite">${this.announcement}</div>
      <div class="table"></div>
    `;
  }

  #chartLabel(): string {
    const query = this.activeQuery;
    const data = this.#data;
    const what = query?.profileType ? `${query.profileType} over time` : 'Values over time';
    if (!data) return what;
    return `${what}, ${data.series.length} series in ${data.unit.label}. Arrow keys move between points, Enter selects one.`;
  }

  #renderLegend(data: ChartData, legend: LegendModel) {
    const listed = this.showAll ? legend.entries : legend.entries.slice(0, legend.top);
    const more = legend.entries.length - legend.top;
    // One listener for the list rather than one per item: hundreds of series are listed at once.
    return html`<ul part="legend" aria-label="Series" @click=${this.#onLegendClick}>
      ${listed.map(
        (entry) => html`<li>
          <button
            part="legend-item"
            aria-pressed=${this.#visibleKeys.has(entry.key) ? 'true' : 'false'}
            data-key=${entry.key}
            title="Click to show only this series, Shift+click to show or hide it"
          >
            <span class="swatch" ${styleProps({ '--_swatch': this.#colors[entry.index] ?? '' })}></span>
            ${formatLabels(entry.distinct) || formatLabels(data.series[entry.index]!.labels) || 'all series'}
          </button>
        </li>`,
      )}
      ${more > 0
        ? html`<li>
            <button part="show-all" @click=${this.#toggleShowAll}>
              ${this.showAll ? `Show top ${legend.top}` : `Show all ${legend.entries.length}`}
            </button>
          </li>`
        : nothing}
    </ul>`;
  }

  // ---- the accessible table ---------------------------------------------------------------------------

  /** The series the table should list: none while the element is hidden (a query for profiles only). */
  #tableWanted(): ChartData | undefined {
    return this.activeQuery?.kind === 'profile' ? undefined : this.#data;
  }

  /**
   * Renders the table of series once the browser is idle after the chart's frame: a screen reader finds it
   * moments after the chart appears, and 200 rows no longer delay the first paint.
   */
  #scheduleTable(): void {
    if (this.#tableJob || this.#tableShows === this.#tableWanted()) return;
    let settle!: () => void;
    const done = new Promise<void>((resolve) => (settle = resolve));
    const cancel = whenIdle(() => {
      this.#tableJob = undefined;
      this.#renderTableNow();
      settle();
      // The series may have changed again while this waited.
      this.#scheduleTable();
    });
    this.#tableJob = {
      done,
      cancel: () => {
        cancel();
        this.#tableJob = undefined;
        settle();
      },
    };
  }

  #renderTableNow(): void {
    const host = this.renderRoot.querySelector<HTMLElement>('.table');
    if (!host) return;
    const data = this.#tableWanted();
    render(data ? this.#renderTable(data, this.#legend) : nothing, host);
    this.#tableShows = data;
  }

  #renderTable(data: ChartData, legend: LegendModel) {
    const unit = data.unit;
    return html`<table part="table" class="visually-hidden">
      <caption>
        Series shown in the chart, in ${unit.label}
      </caption>
      <thead>
        <tr>
          <th scope="col">Series</th>
          <th scope="col">Peak</th>
          <th scope="col">Latest</th>
          <th scope="col">Points</th>
        </tr>
      </thead>
      <tbody>
        ${legend.entries.map((entry) => {
          const series = data.series[entry.index]!;
          const last = lastPoint(series);
          return html`<tr>
            <th scope="row">${formatLabels(series.labels) || 'all series'}</th>
            <td>${formatMetricValue(series.peak, unit)}</td>
            <td>${last >= 0 ? formatMetricValue(series.values[last]!, unit) : '–'}</td>
            <td>${series.points}</td>
          </tr>`;
        })}
      </tbody>
    </table>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-metrics': ParcaMetricsElement;
  }
}
