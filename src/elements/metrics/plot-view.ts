// The chart of <parca-metrics> around its uPlot: built, fed and torn down as the series, their visibility, the size
// and the look change; the series' colors (the palette token, forced colors); the tooltip and marker on a point;
// the keyboard cursor's crosshair and selection; and the bands over the baseline and the picked point's bucket.
import { type ReactiveController, type ReactiveElement, render } from 'lit';
import { canvasColor } from '../../controllers/canvas-color.js';
import { SizeController } from '../../controllers/size-controller.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import { DEFAULT_PALETTE, parsePalette, seriesColor } from '../../model/metrics/colors.js';
import type { PointRef } from '../../model/metrics/cursor.js';
import { type ChartData, nearestSeries } from '../../model/metrics/series.js';
import { formatTimeTicks } from '../../model/metrics/time-format.js';
import { placeOverlay } from '../../model/overlay.js';
import { yieldToEventLoop } from '../../model/steps.js';
import { formatMetricValue } from '../../model/units.js';
import { MetricsPlot, type PlotCallbacks, type PlotInput, type PlotTheme } from './plot.js';
import { renderTooltip } from './templates.js';

/** What the view reads of its element. */
export interface PlotHost extends ReactiveElement {
  theme: string;
  timeZone: string;
  yMax?: number | undefined;
}

/** A span of time, epoch ms. */
export interface Band {
  readonly startMs: number;
  readonly endMs: number;
}

/** What the element tells the view: what to draw, read when drawing, and the pointer's actions on the chart. */
export interface PlotViewOptions extends PlotCallbacks {
  readonly data: () => ChartData | undefined;
  readonly visible: (series: number) => boolean;
  /** The baseline range and the picked point's bucket, banded where the chart shows them. */
  readonly bands: () => { readonly baseline: Band | undefined; readonly picked: Band | undefined };
  /** The chart part's width changed (CSS px). */
  readonly resized: (width: number) => void;
}

export class PlotView implements ReactiveController {
  #plot: MetricsPlot | undefined;
  /** What the plot was built from: new data or another look builds or feeds it again. */
  #plotData: ChartData | undefined;
  #plotThemeVersion = -1;
  /** The chart's build or new data, put off to the next task (see sync). */
  #drawing: Promise<void> | undefined;
  #colors: { data?: ChartData | undefined; version: number; colors: string[] } = { version: -1, colors: [] };
  /** Colors follow the scheme, contrast mode and `theme`: the chart is built again with them. */
  readonly #look: ThemeController;
  /** The chart part's size: its width class picks the step, its size the canvas's. */
  readonly #sizes: SizeController;

  constructor(
    private readonly host: PlotHost,
    private readonly options: PlotViewOptions,
  ) {
    this.#look = new ThemeController(host);
    this.#sizes = new SizeController(
      host,
      () => this.#part('chart'),
      ({ width, height }) => {
        options.resized(width);
        this.#plot?.setSize(width, height);
        this.placeBands();
      },
    );
    host.addController(this);
  }

  /** The uPlot chart, once there are series and a size. */
  get plot(): MetricsPlot | undefined {
    return this.#plot;
  }

  /** Each series' color, by index; read again for new series or another look. */
  get colors(): readonly string[] {
    const data = this.options.data();
    const version = this.#look.version;
    if (this.#colors.data !== data || this.#colors.version !== version) this.#colors = { data, version, colors: this.#seriesColors(data) };
    return this.#colors.colors;
  }

  hostDisconnected(): void {
    this.#plot?.destroy();
    this.#plot = undefined;
    this.#plotData = undefined;
  }

  /** Settles once the chart shows what the last sync asked for. */
  get drawn(): Promise<void> {
    return this.#drawing ?? Promise.resolve();
  }

  /**
   * Brings the chart in line with the data, visibility, size and look: fed in place where it can be. New data
   * or a new look goes into the chart in a task of its own, after the one that rendered the legend, so that
   * neither blocks the page for long (200 series × 1,000 points); `drawn` settles after it.
   */
  sync(): void {
    this.#sync(false);
  }

  #sync(now: boolean): void {
    const data = this.options.data();
    const target = this.host.renderRoot.querySelector<HTMLElement>('.plot');
    // With no points the chart still shows its axes over the query's window.
    const size = this.#sizes.size;
    if (!target || !data || size.width === 0) {
      if (!data) this.#destroy();
      return;
    }
    const visible = data.series.map((_, i) => this.options.visible(i));
    if (this.#plot && this.#plotData === data && this.#plotThemeVersion === this.#look.version && this.#plot.yMax === this.host.yMax) {
      this.#plot.setVisible(visible);
      this.#plot.setSize(size.width, size.height);
      return;
    }
    if (!now) {
      this.#drawing ??= yieldToEventLoop().then(() => {
        this.#drawing = undefined;
        // A chart left in the meantime stays torn down.
        if (this.host.isConnected) {
          this.#sync(true);
          this.placeBands();
        }
      });
      return;
    }
    const unit = data.unit;
    const timeZone = this.host.timeZone || undefined;
    const input: PlotInput = {
      data,
      colors: this.colors,
      visible,
      width: size.width,
      height: size.height,
      theme: this.#theme(),
      yMax: this.host.yMax,
      format: {
        ticks: (ticks, increment) => formatTimeTicks(ticks, increment, { timeZone }),
        value: (value) => formatMetricValue(value, unit),
        timeZone,
      },
    };
    // New data for the same series count (a narrower range, a refresh) goes into the chart in place.
    if (this.#plot?.update(input)) {
      this.hideTooltip();
    } else {
      this.#destroy();
      this.#plot = new MetricsPlot(target, input, this.options);
    }
    this.#plotData = data;
    this.#plotThemeVersion = this.#look.version;
  }

  /** The visible point nearest a position in the plot area (CSS px), if any. */
  pointAt(left: number, top: number): PointRef | undefined {
    const data = this.options.data();
    if (!data || !this.#plot) return undefined;
    const { index, value } = this.#plot.at(left, top);
    if (index == null || index < 0) return undefined;
    const series = nearestSeries(data, index, value, this.options.visible);
    return series < 0 ? undefined : { series, index };
  }

  /** Puts the crosshair and tooltip on the keyboard cursor's point, with the selection from `anchor`; false when it has no value. */
  showCursor(point: PointRef, anchor: number | undefined): boolean {
    const plot = this.#plot;
    const value = this.options.data()?.series[point.series]?.values[point.index];
    if (!plot || value == null) return false;
    const { left, top } = plot.position(point.index, value);
    plot.showCursor(left, top);
    plot.showSelection(anchor, anchor === undefined ? undefined : point.index);
    this.showTooltip(point);
    return true;
  }

  /** Hides the keyboard selection. */
  clearSelection(): void {
    this.#plot?.showSelection(undefined);
  }

  showTooltip(point: PointRef): void {
    const data = this.options.data();
    const plot = this.#plot;
    const tooltip = this.#part('tooltip');
    const marker = this.#part('marker');
    if (!data || !plot || !tooltip || !marker) return;
    const value = data.series[point.series]!.values[point.index];
    if (value == null) return;
    const { left, top } = plot.position(point.index, value);
    const over = plot.over;
    const x = over.offsetLeft + left;
    const y = over.offsetTop + top;
    render(renderTooltip(data, point, this.host.timeZone), tooltip);
    tooltip.hidden = false;
    const place = placeOverlay(x, y, { width: tooltip.offsetWidth, height: tooltip.offsetHeight }, this.#sizes.size, { above: true });
    tooltip.style.left = `${place.left}px`;
    tooltip.style.top = `${place.top}px`;
    marker.hidden = false;
    marker.style.left = `${x}px`;
    marker.style.top = `${y}px`;
    marker.style.background = this.colors[point.series] ?? 'currentColor';
  }

  hideTooltip(): void {
    for (const name of ['tooltip', 'marker']) {
      const part = this.#part(name);
      if (part) part.hidden = true;
    }
  }

  /** The bands over the baseline range and over the bucket of the picked point, where the chart shows them. */
  placeBands(): void {
    const { baseline, picked } = this.options.bands();
    this.#placeBand('baseline', baseline);
    this.#placeBand('picked', picked);
  }

  #placeBand(name: string, range: Band | undefined): void {
    const band = this.#part(name);
    const plot = this.#plot;
    if (!band) return;
    band.hidden = true;
    if (!range || !plot) return;
    const over = plot.over;
    const left = Math.max(0, plot.xOf(range.startMs));
    let right = Math.min(over.clientWidth, plot.xOf(range.endMs));
    if (!(right > left)) return;
    band.hidden = false;
    // At least a couple of pixels: a point's bucket can be narrower than that.
    if (right - left < 3) right = left + 3;
    band.style.left = `${over.offsetLeft + left}px`;
    band.style.top = `${over.offsetTop}px`;
    band.style.width = `${right - left}px`;
    band.style.height = `${over.clientHeight}px`;
  }

  #destroy(): void {
    this.hostDisconnected();
    this.hideTooltip();
  }

  #part(name: string): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>(`[part~="${name}"]`);
  }

  #theme(): PlotTheme {
    const look = this.#look;
    return {
      text: look.color('--_text', '#000'),
      axis: look.color('--_border', '#888'),
      grid: look.color('--_grid', '#ddd'),
      font: `12px ${getComputedStyle(this.host).fontFamily || 'sans-serif'}`,
    };
  }

  #seriesColors(data: ChartData | undefined): string[] {
    const series = data?.series ?? [];
    if (this.#look.forcedColors) {
      const text = canvasColor('CanvasText', '#000');
      return series.map(() => text);
    }
    const custom = parsePalette(this.#look.token('--parca-metrics-palette', ''));
    const palette = custom.length > 0 ? custom.map((c) => canvasColor(c)) : DEFAULT_PALETTE;
    return series.map((s) => seriesColor(s.key, palette));
  }
}
