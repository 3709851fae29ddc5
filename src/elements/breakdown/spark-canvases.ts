// Draws the mini charts: one small canvas per row in view, a line and the area under it, scaled for the device's
// pixel ratio, in the colors of the element's tokens. A canvas is drawn again only when what it shows changed
// (other points, another size, another look), so scrolling draws just the rows that came into view.
import type { ThemeController } from '../../controllers/theme-controller.js';
import type { PointValue } from '../../model/breakdown/groups.js';
import { sparkScale, sparkline, traceSparkArea, traceSparkLine } from '../../model/breakdown/sparkline.js';

/** What one canvas shows: a value's group, or the folded row (`kind: 'other'`, drawn in the muted color). */
export interface SparkInput {
  readonly values: readonly PointValue[];
  readonly peak: number;
  readonly trough: number;
  readonly kind?: string;
}

/** The time axis every canvas shares: point times and the window, in seconds. */
export interface SparkAxis {
  readonly times: ArrayLike<number>;
  readonly startS: number;
  readonly endS: number;
}

interface Drawn {
  readonly input: SparkInput;
  readonly axis: SparkAxis;
  readonly width: number;
  readonly height: number;
  readonly look: number;
}

export class SparkCanvases {
  readonly #drawn = new WeakMap<HTMLCanvasElement, Drawn>();

  constructor(private readonly theme: ThemeController) {}

  /** Draws each canvas whose picture is not current; true when any was drawn. */
  draw(canvases: Iterable<HTMLCanvasElement>, inputOf: (canvas: HTMLCanvasElement) => SparkInput | undefined, axis: SparkAxis): boolean {
    const ratio = window.devicePixelRatio || 1;
    const look = this.theme.version;
    let colors: { line: string; fill: string; other: string } | undefined;
    let drew = false;
    for (const canvas of canvases) {
      const input = inputOf(canvas);
      if (!input) continue;
      const width = Math.round(canvas.clientWidth * ratio);
      const height = Math.round(canvas.clientHeight * ratio);
      const drawn = this.#drawn.get(canvas);
      if (drawn && drawn.input === input && drawn.axis === axis && drawn.width === width && drawn.height === height && drawn.look === look) continue;
      colors ??= {
        line: this.theme.color('--_line', '#0969da'),
        fill: this.theme.color('--_fill', 'rgba(9, 105, 218, 0.15)'),
        other: this.theme.color('--_other-line', '#59636e'),
      };
      if (canvas.width !== width) canvas.width = width;
      if (canvas.height !== height) canvas.height = height;
      const ctx = canvas.getContext('2d');
      if (!ctx) continue;
      ctx.clearRect(0, 0, width, height);
      if (width > 0 && height > 0) this.#drawOne(ctx, input, axis, width, height, ratio, colors);
      this.#drawn.set(canvas, { input, axis, width, height, look });
      drew = true;
    }
    return drew;
  }

  #drawOne(
    ctx: CanvasRenderingContext2D,
    input: SparkInput,
    axis: SparkAxis,
    width: number,
    height: number,
    ratio: number,
    colors: { line: string; fill: string; other: string },
  ): void {
    const path = sparkline(axis.times, input.values, {
      width,
      height,
      inset: Math.ceil(ratio),
      xMin: axis.startS,
      xMax: axis.endS,
      ...sparkScale(input.peak, input.trough),
    });
    const other = input.kind === 'other';
    if (!other) {
      ctx.beginPath();
      traceSparkArea(path, ctx);
      ctx.fillStyle = colors.fill;
      ctx.fill();
    }
    ctx.beginPath();
    traceSparkLine(path, ctx);
    ctx.lineWidth = 1.25 * ratio;
    ctx.lineJoin = 'round';
    ctx.strokeStyle = other ? colors.other : colors.line;
    ctx.stroke();
  }
}
