// Draws the visible part of a flame chart: for each depth in view, the frames that overlap the visible window,
// found through the timeline's index (never the others). Frames narrower than a pixel share their pixel column:
// one fill per column, so a zoomed-out million frames costs what the screen can show.
import { type Timeline, firstReaching } from '../../model/flamechart/timeline.js';
import type { TimeWindow } from '../../model/flamechart/window.js';
import { fitLabel } from '../../model/flamegraph/label-fit.js';
import { frameName } from '../../model/flamegraph/names.js';
import { TextWidths, type Theme } from '../flamegraph/renderer.js';

export interface ChartScene {
  readonly timeline: Timeline;
  readonly window: TimeWindow;
  readonly widthPx: number;
  readonly heightPx: number;
  readonly scrollTop: number;
  readonly colorOf: (row: number) => number;
  /** 1 per matching row while a search is active. */
  readonly matches: Uint8Array | undefined;
  readonly hovered: number;
  readonly selected: number;
}

const GAP = 1;
const LABEL_PADDING = 4;
const MIN_LABEL_WIDTH = 20;

/** Which depths (the root is not drawn) a scroll position shows, and a depth's y. */
export function chartRows(timeline: Timeline, rowHeight: number, scrollTop: number, heightPx: number) {
  const depths = timeline.model.maxDepth;
  const first = Math.max(1, Math.floor(scrollTop / rowHeight) + 1);
  const last = Math.min(depths, Math.ceil((scrollTop + heightPx) / rowHeight));
  return { first, last, yOf: (depth: number) => (depth - 1) * rowHeight - scrollTop, contentHeight: depths * rowHeight };
}

export class ChartRenderer {
  readonly #widths = new TextWidths();
  #font = '';
  /** Frames filled in the last draw (for tests and benchmarks). */
  drawnFrames = 0;

  draw(ctx: CanvasRenderingContext2D, scene: ChartScene, theme: Theme): void {
    const { timeline, window, widthPx, heightPx, matches } = scene;
    ctx.clearRect(0, 0, widthPx, heightPx);
    this.drawnFrames = 0;
    if (timeline.model.size <= 1 || widthPx <= 0) return;
    if (theme.font !== this.#font) {
      this.#font = theme.font;
      this.#widths.clear();
    }
    ctx.font = theme.font;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    const { rowHeight, palette } = theme;
    const rows = chartRows(timeline, rowHeight, scene.scrollTop, heightPx);
    const scale = widthPx / (window.endMs - window.startMs);
    const { startMs, endMs, order, levelStart } = timeline;
    let fill = '';
    for (let depth = rows.first; depth <= rows.last; depth++) {
      const y = rows.yOf(depth);
      const end = levelStart[depth + 1]!;
      // The last pixel column filled at this depth: a frame inside it adds nothing.
      let filled = -1;
      for (let i = firstReaching(timeline, depth, window.startMs); i < end; i++) {
        const row = order[i]!;
        const start = startMs[row]!;
        if (start >= window.endMs) break;
        const x0 = (start - window.startMs) * scale;
        const x1 = (endMs[row]! - window.startMs) * scale;
        if (x1 <= 0 || Math.floor(x1 - 1e-9) <= filled) continue;
        const left = Math.max(x0, filled + 1, -1);
        const right = Math.min(x1, widthPx + 1);
        const width = right - left;
        const dimmed = matches !== undefined && !matches[row];
        const slot = scene.colorOf(row);
        const color = dimmed ? theme.muted : matches?.[row] ? theme.match : slot >= 0 ? palette[slot % palette.length]! : theme.neutral;
        // Setting a color parses it: thousands of one-pixel columns mostly share one.
        if (color !== fill) ctx.fillStyle = fill = color;
        this.drawnFrames++;
        if (width < 1) {
          // A frame under a pixel: its column, once; the frames that start in the same column and end in it too
          // add nothing, so the walk jumps past them (ends grow with starts where frames do not overlap).
          const column = Math.floor(x0);
          ctx.fillRect(column, y, 1, rowHeight - GAP);
          filled = column;
          const nextMs = window.startMs + (column + 1) / scale;
          const j = firstStarting(timeline, i + 1, end, nextMs);
          if (j > i + 1 && timeline.reach[j - 1]! <= nextMs) i = j - 1;
          continue;
        }
        const drawnWidth = width > 2 * GAP ? width - GAP : width;
        ctx.fillRect(left, y, drawnWidth, rowHeight - GAP);
        filled = Math.max(filled, Math.ceil(right) - 1);
        if (row === scene.hovered || row === scene.selected) {
          ctx.strokeStyle = theme.outline;
          ctx.lineWidth = row === scene.selected ? 2 : 1;
          ctx.strokeRect(left + 0.5, y + 0.5, Math.max(0, drawnWidth - 1), rowHeight - GAP - 1);
        }
        if (width >= MIN_LABEL_WIDTH) {
          const label = fitLabel(frameName(timeline.model, row), width - 2 * LABEL_PADDING, (text) => this.#widths.measure(ctx, text));
          if (label) {
            ctx.fillStyle = fill = dimmed ? theme.mutedText : theme.text;
            ctx.fillText(label, Math.max(0, left) + LABEL_PADDING, y + (rowHeight - GAP) / 2);
          }
        }
      }
    }
  }
}

/** The first position in order[from, to) of one depth whose frame starts at or after `ms`. */
function firstStarting(timeline: Timeline, from: number, to: number, ms: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline.startMs[timeline.order[mid]!]! >= ms) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * What ran per pixel column of the whole window: the time of the top-level frames in each column, for the
 * overview strip. Pure.
 */
export function overviewBins(timeline: Timeline, bounds: TimeWindow, columns: number): Float64Array {
  const bins = new Float64Array(Math.max(0, columns));
  if (columns <= 0 || timeline.model.maxDepth < 1) return bins;
  const span = (bounds.endMs - bounds.startMs) / columns;
  const { startMs, endMs, order, levelStart } = timeline;
  for (let i = levelStart[1]!; i < levelStart[2]!; i++) {
    const row = order[i]!;
    const from = Math.max(bounds.startMs, startMs[row]!);
    const to = Math.min(bounds.endMs, endMs[row]!);
    if (to <= from) continue;
    const c0 = Math.min(columns - 1, Math.floor((from - bounds.startMs) / span));
    const c1 = Math.min(columns - 1, Math.floor((to - bounds.startMs) / span));
    for (let c = c0; c <= c1; c++) {
      const cs = bounds.startMs + c * span;
      bins[c]! += Math.min(to, cs + span) - Math.max(from, cs);
    }
  }
  return bins;
}
