// A mini chart's geometry: one value series over the window as a line (and the area under it) in a small box of
// canvas pixels. At most one point per pixel column (its largest value, so a spike stays visible however many
// points share the column); a `null` value breaks the line, an `undefined` one is skipped (the line joins its
// neighbours). Pure numbers: the element strokes and fills what this returns.
import type { PointValue } from './groups.js';

export interface SparkFrame {
  /** The box in canvas pixels. */
  readonly width: number;
  readonly height: number;
  /** Space kept free above and below the line, in canvas pixels (so a peak's stroke is not cut). */
  readonly inset?: number;
  /** The time axis' extent, in the units of `times` (seconds since the epoch in chart columns). */
  readonly xMin: number;
  readonly xMax: number;
  /** The value axis' extent; 0 to the peak by default (see sparkScale). */
  readonly yMin: number;
  readonly yMax: number;
}

export interface SparkPath {
  /** Point coordinates in canvas pixels: x0, y0, x1, y1, ... */
  readonly points: Float32Array;
  /** Where each connected run starts, in points, followed by the number of points: run k is [runs[k], runs[k+1]). */
  readonly runs: Int32Array;
  /** The y of the value axis' zero (or of yMin when it lies above zero): where an area closes. */
  readonly baseline: number;
}

/** The value axis for a series: from min(0, trough) to its peak; a flat zero series still gets a unit extent. */
export function sparkScale(peak: number, trough: number): { yMin: number; yMax: number } {
  const yMin = Math.min(0, trough);
  const yMax = peak > yMin ? peak : yMin + 1;
  return { yMin, yMax };
}

/** The line through `values` (at `times`, indexes `0..values.length`) in `frame`. */
export function sparkline(times: ArrayLike<number>, values: readonly PointValue[], frame: SparkFrame): SparkPath {
  const { width, height, xMin, yMin } = frame;
  const inset = Math.min(frame.inset ?? 1, height / 4);
  const kx = frame.xMax > xMin ? (width - 1) / (frame.xMax - xMin) : 0;
  const usable = height - 2 * inset;
  const ky = frame.yMax > yMin ? usable / (frame.yMax - yMin) : 0;
  const bottom = height - inset;
  const yOf = (value: number) => bottom - (Math.min(frame.yMax, Math.max(yMin, value)) - yMin) * ky;

  const n = Math.min(values.length, times.length);
  // At most one point per value (a break can start a column again).
  const points = new Float32Array(2 * n);
  const runs: number[] = [];
  let count = 0;
  let column = NaN;
  let columnValue = 0;
  let open = false;
  const flush = () => {
    if (Number.isNaN(column)) return;
    if (!open) {
      runs.push(count);
      open = true;
    }
    points[2 * count] = column + 0.5;
    points[2 * count + 1] = yOf(columnValue);
    count++;
  };
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (value === undefined) continue;
    if (value === null) {
      flush();
      column = NaN;
      open = false;
      continue;
    }
    // Outside the window: not drawn (the axis spans the window the query asked for).
    const t = times[i]!;
    if (t < xMin || t > frame.xMax) continue;
    const x = Math.min(Math.ceil(width) - 1, Math.max(0, Math.floor((t - xMin) * kx)));
    if (x === column) {
      if (value > columnValue) columnValue = value;
      continue;
    }
    flush();
    column = x;
    columnValue = value;
  }
  flush();
  runs.push(count);
  const zero = Math.max(yMin, Math.min(frame.yMax, 0));
  return { points: points.subarray(0, 2 * count), runs: Int32Array.from(runs), baseline: yOf(zero) };
}

/** Anything with moveTo/lineTo/closePath: a canvas context or a Path2D. */
export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  closePath(): void;
}

/** Traces the line's runs into `sink`; a run of one point becomes a short flat mark, so it can be seen. */
export function traceSparkLine(path: SparkPath, sink: PathSink): void {
  const { points, runs } = path;
  for (let r = 0; r + 1 < runs.length; r++) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end <= start) continue;
    sink.moveTo(points[2 * start]! - (end - start === 1 ? 1.5 : 0), points[2 * start + 1]!);
    if (end - start === 1) sink.lineTo(points[2 * start]! + 1.5, points[2 * start + 1]!);
    for (let k = start + 1; k < end; k++) sink.lineTo(points[2 * k]!, points[2 * k + 1]!);
  }
}

/** Traces the area between each run and the baseline into `sink` (closed shapes to fill). */
export function traceSparkArea(path: SparkPath, sink: PathSink): void {
  const { points, runs, baseline } = path;
  for (let r = 0; r + 1 < runs.length; r++) {
    const start = runs[r]!;
    const end = runs[r + 1]!;
    if (end - start < 2) continue;
    sink.moveTo(points[2 * start]!, baseline);
    for (let k = start; k < end; k++) sink.lineTo(points[2 * k]!, points[2 * k + 1]!);
    sink.lineTo(points[2 * (end - 1)]!, baseline);
    sink.closePath();
  }
}
