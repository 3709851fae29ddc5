// A series' line in canvas pixels, traced into anything with moveTo/lineTo (a Path2D when drawing). One loop
// with the scale inlined, because the chart traces every point of every series on each draw; where several
// points fall in one pixel column it draws that column's range once instead of every point.

/** Where data values land on the canvas: the plot box in canvas pixels and the scales' extents. */
export interface LineFrame {
  readonly left: number;
  readonly top: number;
  readonly width: number;
  readonly height: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface PathSink {
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
}

/** Completes a pixel column whose first point is drawn: its whole vertical range, then its last point. */
function finishColumn(sink: PathSink, x: number, minY: number, maxY: number, lastY: number): void {
  if (minY === maxY) return;
  sink.lineTo(x, minY);
  sink.lineTo(x, maxY);
  sink.lineTo(x, lastY);
}

/**
 * Traces `ys` against `xs` from `from` to `to` (inclusive) into `sink`, in whole pixels. `undefined` values
 * are skipped (the line joins its neighbours); `null` breaks the line (a gap).
 */
export function traceLine(xs: ArrayLike<number>, ys: ArrayLike<number | null | undefined>, from: number, to: number, frame: LineFrame, sink: PathSink): void {
  const { left, top, width, height, xMin, yMin } = frame;
  const kx = frame.xMax > xMin ? width / (frame.xMax - xMin) : 0;
  const ky = frame.yMax > yMin ? height / (frame.yMax - yMin) : 0;
  const bottom = top + height;
  let penDown = false;
  // The pixel column being drawn, and the lowest, highest and last y of its points.
  let column = NaN;
  let minY = 0;
  let maxY = 0;
  let lastY = 0;
  for (let i = from; i <= to; i++) {
    const value = ys[i];
    if (value === undefined) continue;
    if (value === null) {
      if (penDown) finishColumn(sink, column, minY, maxY, lastY);
      penDown = false;
      column = NaN;
      continue;
    }
    const x = Math.round(left + (xs[i]! - xMin) * kx);
    const y = Math.round(bottom - (value - yMin) * ky);
    if (x === column) {
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
      lastY = y;
      continue;
    }
    if (penDown) {
      finishColumn(sink, column, minY, maxY, lastY);
      sink.lineTo(x, y);
    } else {
      sink.moveTo(x, y);
      penDown = true;
    }
    column = x;
    minY = maxY = lastY = y;
  }
  if (penDown) finishColumn(sink, column, minY, maxY, lastY);
}
