// The canvas part of <parca-metrics>: a uPlot chart built from ChartData, with the element's colors and
// formatters, reporting pointer actions through callbacks. It knows nothing about queries or events.
import uPlot from 'uplot';
import { traceLine } from '../../model/metrics/line-path.js';
import type { ChartData } from '../../model/metrics/series.js';

export interface PlotTheme {
  readonly text: string;
  readonly axis: string;
  readonly grid: string;
  readonly font: string;
}

export interface PlotFormat {
  /** Tick labels for times (epoch ms) `incrementMs` apart. */
  ticks(ticksMs: number[], incrementMs: number): string[];
  value(value: number): string;
  /** IANA zone the ticks are placed in; undefined for the user's. */
  readonly timeZone: string | undefined;
}

export interface PlotCallbacks {
  /** The pointer moved over the plot (index undefined when it left). Positions are CSS px in the plot area. */
  hover(index: number | undefined, left: number, top: number): void;
  /** A drag selected [startMs, endMs]. */
  select(startMs: number, endMs: number): void;
  /** A click (uPlot swallows the one that ends a drag) at a position in the plot area. */
  click(left: number, top: number): void;
  /** A double-click. */
  dblclick(): void;
}

export interface PlotInput {
  readonly data: ChartData;
  readonly colors: readonly string[];
  readonly visible: readonly boolean[];
  readonly width: number;
  readonly height: number;
  readonly theme: PlotTheme;
  readonly format: PlotFormat;
  /** The value the y-axis reaches at least (charts compared side by side share one scale). */
  readonly yMax?: number | undefined;
}

/**
 * Line width in CSS px. At one device pixel, canvas draws a line as a hairline, which a software rasterizer
 * does about ten times faster than a wider stroke (200 series × 1,000 points: ~11 ms instead of ~150 ms).
 */
const SERIES_WIDTH = 1;

/** Drags narrower than this are clicks. */
const MIN_DRAG_PX = 3;

/** Draws a series with traceLine: uPlot's own builder spends several calls per point on the same sums. */
const linePaths: uPlot.Series.PathBuilder = (u, seriesIdx, idx0, idx1) => {
  const { left, top, width, height } = u.bbox;
  const x = u.scales.x!;
  const y = u.scales.y!;
  const frame = { left, top, width, height, xMin: x.min ?? 0, xMax: x.max ?? 0, yMin: y.min ?? 0, yMax: y.max ?? 0 };
  const stroke = new Path2D();
  traceLine(u.data[0], u.data[seriesIdx]!, idx0, idx1, frame, stroke);
  return { stroke, fill: null, clip: null, band: null, flags: 0 };
};

function measure(font: string): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 7;
  ctx.font = font;
  return (text) => Math.max(...text.split('\n').map((line) => ctx.measureText(line).width));
}

/** The y range: from 0 (or the lowest value, when negative) to a little above the highest. */
export function valueRange(min: number | null, max: number | null): uPlot.Range.MinMax {
  const low = Math.min(0, min ?? 0);
  const high = Math.max(0, max ?? 0);
  if (high === low) return [low, low + 1];
  const pad = (high - low) * 0.05;
  return [low < 0 ? low - pad : 0, high > 0 ? high + pad : 0];
}

function sameTheme(a: PlotTheme, b: PlotTheme): boolean {
  return a.text === b.text && a.axis === b.axis && a.grid === b.grid && a.font === b.font;
}

export class MetricsPlot {
  readonly uplot: uPlot;
  /** What the chart shows now; the options' callbacks read it, so new data needs no new chart. */
  #input: PlotInput;

  constructor(
    readonly target: HTMLElement,
    input: PlotInput,
    private readonly callbacks: PlotCallbacks,
  ) {
    this.#input = input;
    this.uplot = new uPlot(this.#options(input), this.#aligned(input.data), target);
    const over = this.uplot.over;
    over.addEventListener('click', this.#onClick);
    over.addEventListener('dblclick', this.#onDblClick);
  }

  get over(): HTMLElement {
    return this.uplot.over;
  }

  get yMax(): number | undefined {
    return this.#input.yMax;
  }

  /**
   * Shows `input` in this chart when it differs only in data, colors, units, visibility or size (a new range,
   * a refresh); false when the chart must be built anew (another number of series, theme or time zone).
   */
  update(input: PlotInput): boolean {
    const current = this.#input;
    if (input.data.series.length !== current.data.series.length || input.format.timeZone !== current.format.timeZone || !sameTheme(input.theme, current.theme)) {
      return false;
    }
    this.#input = input;
    const u = this.uplot;
    u.batch(() => {
      input.data.series.forEach((s, i) => (u.series[i + 1]!.label = s.key));
      this.setVisible(input.visible);
      u.setData(this.#aligned(input.data));
      this.setSize(input.width, input.height);
    });
    return true;
  }

  setVisible(visible: readonly boolean[]): void {
    const u = this.uplot;
    u.batch(() => {
      visible.forEach((show, i) => {
        if (u.series[i + 1]!.show !== show) u.setSeries(i + 1, { show }, false);
      });
    });
  }

  setSize(width: number, height: number): void {
    if (this.uplot.width !== width || this.uplot.height !== height) this.uplot.setSize({ width, height });
  }

  /** Where a series' point is drawn, CSS px in the plot area. */
  position(index: number, value: number): { left: number; top: number } {
    const u = this.uplot;
    return { left: u.valToPos(u.data[0][index]!, 'x'), top: u.valToPos(value, 'y') };
  }

  /** Where a time (epoch ms) is drawn, CSS px in the plot area. */
  xOf(ms: number): number {
    return this.uplot.valToPos(ms / 1000, 'x');
  }

  /** The index of the nearest timestamp and the y value at a position in the plot area. */
  at(left: number, top: number): { index: number; value: number } {
    return { index: this.uplot.posToIdx(left), value: this.uplot.posToVal(top, 'y') };
  }

  /** Moves the crosshair without reporting it (keyboard navigation reports for itself). */
  showCursor(left: number, top: number): void {
    this.uplot.setCursor({ left, top }, false);
  }

  /** Shows a selection between two indexes (keyboard range selection), or hides it. */
  showSelection(fromIndex: number | undefined, toIndex?: number): void {
    const u = this.uplot;
    if (fromIndex === undefined || toIndex === undefined) {
      u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
      return;
    }
    const a = u.valToPos(u.data[0][Math.min(fromIndex, toIndex)]!, 'x');
    const b = u.valToPos(u.data[0][Math.max(fromIndex, toIndex)]!, 'x');
    u.setSelect({ left: a, top: 0, width: b - a, height: u.over.clientHeight }, false);
  }

  destroy(): void {
    this.uplot.over.removeEventListener('click', this.#onClick);
    this.uplot.over.removeEventListener('dblclick', this.#onDblClick);
    this.uplot.destroy();
  }

  #aligned(data: ChartData): uPlot.AlignedData {
    return [data.timestamps, ...data.series.map((s) => s.values)] as uPlot.AlignedData;
  }

  #options({ data, visible, width, height, theme, format }: PlotInput): uPlot.Options {
    const textWidth = measure(theme.font);
    const axis = (extra: Partial<uPlot.Axis>): uPlot.Axis => ({
      stroke: theme.text,
      font: theme.font,
      grid: { stroke: theme.grid, width: 1 },
      ticks: { stroke: theme.axis, width: 1, size: 4 },
      ...extra,
    });
    const timeZone = format.timeZone;
    return {
      width,
      height,
      legend: { show: false },
      ...(timeZone ? { tzDate: (ts: number) => uPlot.tzDate(new Date(ts * 1000), timeZone) } : {}),
      cursor: {
        drag: { x: true, y: false, setScale: false },
        points: { show: false },
        y: true,
      },
      select: { show: true, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        // The query's window, whatever the points cover: gaps at either end show, one point sits at its time.
        x: { time: true, range: (_u, min, max) => this.#timeRange(min, max) },
        // Rates and totals start at zero, so a flat series does not look like a wild swing; delta values can go
        // below it.
        y: { range: (_u, min, max) => valueRange(min, Math.max(max ?? 0, this.#input.yMax ?? 0)) },
      },
      axes: [
        axis({
          size: 44,
          values: (_u, splits, _axis, _space, incr) =>
            this.#input.format.ticks(
              splits.map((s) => s * 1000),
              incr * 1000,
            ),
        }),
        axis({
          values: (_u, splits) => splits.map((v) => this.#input.format.value(v)),
          size: (_u, values) => (values ? Math.ceil(Math.max(0, ...values.map((v) => textWidth(String(v))))) + 14 : 40),
        }),
      ],
      series: [
        {},
        ...data.series.map((s, i): uPlot.Series => ({
          label: s.key,
          stroke: (_u, si) => this.#input.colors[si - 1]!,
          width: SERIES_WIDTH,
          paths: linePaths,
          show: visible[i] ?? true,
          points: { size: 6, show: (_u: uPlot, si: number, i0: number, i1: number) => this.#showPoints(si, i0, i1) },
        })),
      ],
      hooks: {
        setCursor: [(u) => this.callbacks.hover(u.cursor.idx ?? undefined, u.cursor.left ?? -1, u.cursor.top ?? -1)],
        setSelect: [
          (u) => {
            const { left, width } = u.select;
            if (width < MIN_DRAG_PX) return;
            const startMs = u.posToVal(left, 'x') * 1000;
            const endMs = u.posToVal(left + width, 'x') * 1000;
            u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
            this.callbacks.select(Math.round(startMs), Math.round(endMs));
          },
        ],
      },
    };
  }

  /** The x range in seconds: the data's window, else the points' span (at least a minute around one point). */
  #timeRange(min: number | null, max: number | null): uPlot.Range.MinMax {
    const window = this.#input.data.window;
    if (window && window.endMs > window.startMs) return [window.startMs / 1000, window.endMs / 1000];
    if (min == null || max == null) return [0, 1];
    return max > min ? [min, max] : [min - 30, max + 30];
  }

  /** Dots on a series' points when they are too few or too far apart to read as a line. */
  #showPoints(seriesIdx: number, i0: number, i1: number): boolean {
    const points = this.#input.data.series[seriesIdx - 1]?.points ?? 0;
    return points < (i1 - i0) / 8 || points < 3;
  }

  #onClick = (event: MouseEvent): void => {
    // uPlot stops the click that ends a drag before it gets here.
    const rect = this.uplot.over.getBoundingClientRect();
    this.callbacks.click(event.clientX - rect.left, event.clientY - rect.top);
  };

  #onDblClick = (): void => {
    this.callbacks.dblclick();
  };
}
