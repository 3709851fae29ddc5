// The canvas part of <parca-metrics>: a uPlot chart built from ChartData, with the element's colors and
// formatters, reporting pointer actions through callbacks. It knows nothing about queries or events.
import uPlot from 'uplot';
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
}

/** Drags narrower than this are clicks. */
const MIN_DRAG_PX = 3;

function measure(font: string): (text: string) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return (text) => text.length * 7;
  ctx.font = font;
  return (text) => Math.max(...text.split('\n').map((line) => ctx.measureText(line).width));
}

export class MetricsPlot {
  readonly uplot: uPlot;

  constructor(
    readonly target: HTMLElement,
    input: PlotInput,
    private readonly callbacks: PlotCallbacks,
  ) {
    this.uplot = new uPlot(this.#options(input), this.#aligned(input.data), target);
    const over = this.uplot.over;
    over.addEventListener('click', this.#onClick);
    over.addEventListener('dblclick', this.#onDblClick);
  }

  get over(): HTMLElement {
    return this.uplot.over;
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

  #options({ data, colors, visible, width, height, theme, format }: PlotInput): uPlot.Options {
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
        x: { time: true },
        // Rates and totals start at zero, so a flat series does not look like a wild swing.
        y: { range: (_u, _min, max) => [0, max > 0 ? max * 1.05 : 1] },
      },
      axes: [
        axis({
          size: 44,
          values: (_u, splits, _axis, _space, incr) => format.ticks(splits.map((s) => s * 1000), incr * 1000),
        }),
        axis({
          values: (_u, splits) => splits.map((v) => format.value(v)),
          size: (_u, values) => (values ? Math.ceil(Math.max(0, ...values.map((v) => textWidth(String(v))))) + 14 : 40),
        }),
      ],
      series: [
        {},
        ...data.series.map(
          (s, i): uPlot.Series => ({
            label: s.key,
            stroke: colors[i]!,
            width: 1.5,
            show: visible[i] ?? true,
            points: { show: (_u: uPlot, _si: number, i0: number, i1: number) => s.points < (i1 - i0) / 8 || s.points < 3 },
          }),
        ),
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

  #onClick = (event: MouseEvent): void => {
    // uPlot stops the click that ends a drag before it gets here.
    const rect = this.uplot.over.getBoundingClientRect();
    this.callbacks.click(event.clientX - rect.left, event.clientY - rect.top);
  };

  #onDblClick = (): void => {
    this.callbacks.dblclick();
  };
}
