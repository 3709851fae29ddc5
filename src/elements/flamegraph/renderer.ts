// Draws the visible part of a flame graph into a viewport-sized canvas. Cost follows the pixels: only nodes at
// least a pixel wide in the visible rows are visited, and label widths are measured once and cached.
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { type LabelAlign, fitLabel } from '../../model/flamegraph/label-fit.js';
import { frameName } from '../../model/flamegraph/names.js';
import { DrawList, VisibleWalker } from '../../model/flamegraph/layout.js';

export type Orientation = 'icicle' | 'flame';

/** Colors and metrics read from the element's computed style. */
export interface Theme {
  palette: string[];
  /** Frames without a color key (root, unknown binary). */
  neutral: string;
  /** Ancestors of the focused frame and frames that do not match a search. */
  muted: string;
  text: string;
  mutedText: string;
  /** Outline of the hovered or keyboard-selected frame. */
  outline: string;
  /** Fill of frames that match a search. */
  match: string;
  font: string;
  rowHeight: number;
}

export interface DrawState {
  model: FlamegraphModel;
  focus: number;
  orientation: Orientation;
  widthPx: number;
  heightPx: number;
  scrollTop: number;
  colorOf: (row: number) => number;
  /** 1 per matching row while a search is active, else undefined. */
  matches: Uint8Array | undefined;
  hovered: number;
  selected: number;
  /** Which end of a frame its name is drawn against. */
  labelAlign?: LabelAlign;
}

const GAP = 1;
const LABEL_PADDING = 4;
const MIN_LABEL_WIDTH = 20;
const MEASURE_CACHE_LIMIT = 20_000;

/** Which depths a scroll position shows, and where a depth's row sits in the canvas. */
export function rowGeometry(model: FlamegraphModel, orientation: Orientation, rowHeight: number, scrollTop: number, heightPx: number) {
  const rows = model.maxDepth + 1;
  const yOf = (depth: number) => (orientation === 'icicle' ? depth : rows - 1 - depth) * rowHeight - scrollTop;
  const first = Math.max(0, Math.floor(scrollTop / rowHeight));
  const last = Math.min(rows, Math.ceil((scrollTop + heightPx) / rowHeight));
  const depthStart = orientation === 'icicle' ? first : Math.max(0, rows - last);
  const depthEnd = orientation === 'icicle' ? last : rows - first;
  /** The depth at canvas y, or -1. */
  const depthAt = (y: number) => {
    const index = Math.floor((y + scrollTop) / rowHeight);
    if (index < 0 || index >= rows) return -1;
    return orientation === 'icicle' ? index : rows - 1 - index;
  };
  return { rows, yOf, depthStart, depthEnd, depthAt, contentHeight: rows * rowHeight };
}

/** Label widths measured once per text and font (a canvas's measureText is slow); shared by the flame chart. */
export class TextWidths {
  readonly #widths = new Map<string, number>();

  measure(ctx: CanvasRenderingContext2D, text: string): number {
    let width = this.#widths.get(text);
    if (width === undefined) {
      if (this.#widths.size > MEASURE_CACHE_LIMIT) this.#widths.clear();
      width = ctx.measureText(text).width;
      this.#widths.set(text, width);
    }
    return width;
  }

  clear(): void {
    this.#widths.clear();
  }
}

export class FlamegraphRenderer {
  readonly drawn = new DrawList();
  #walker = new VisibleWalker();
  readonly #widths = new TextWidths();
  #font = '';

  draw(ctx: CanvasRenderingContext2D, state: DrawState, theme: Theme): void {
    const { model, widthPx, heightPx } = state;
    ctx.clearRect(0, 0, widthPx, heightPx);
    this.drawn.clear();
    if (model.size === 0) return;
    if (theme.font !== this.#font) {
      this.#font = theme.font;
      this.#widths.clear();
    }
    ctx.font = theme.font;
    ctx.textBaseline = 'middle';
    const right = state.labelAlign === 'right';
    ctx.textAlign = right ? 'right' : 'left';
    const rowHeight = theme.rowHeight;
    const geometry = rowGeometry(model, state.orientation, rowHeight, state.scrollTop, heightPx);
    const { palette } = theme;
    const matches = state.matches;
    this.#walker.walk(model, { focus: state.focus, widthPx, depthStart: geometry.depthStart, depthEnd: geometry.depthEnd }, (row, x, width, muted) => {
      const depth = model.depth[row]!;
      const y = geometry.yOf(depth);
      this.drawn.add(row, x, width, depth);
      const dimmed = muted || (matches !== undefined && !matches[row]);
      const slot = state.colorOf(row);
      ctx.fillStyle = dimmed ? theme.muted : matches?.[row] ? theme.match : slot >= 0 ? palette[slot % palette.length]! : theme.neutral;
      const drawnWidth = width > 2 * GAP ? width - GAP : width;
      ctx.fillRect(x, y, drawnWidth, rowHeight - GAP);
      if (row === state.hovered || row === state.selected) {
        ctx.strokeStyle = theme.outline;
        ctx.lineWidth = row === state.selected ? 2 : 1;
        ctx.strokeRect(x + 0.5, y + 0.5, Math.max(0, drawnWidth - 1), rowHeight - GAP - 1);
      }
      if (width >= MIN_LABEL_WIDTH) {
        const label = fitLabel(frameName(model, row), width - 2 * LABEL_PADDING, (text) => this.#widths.measure(ctx, text), state.labelAlign);
        if (label) {
          ctx.fillStyle = dimmed ? theme.mutedText : theme.text;
          ctx.fillText(label, right ? x + drawnWidth - LABEL_PADDING : x + LABEL_PADDING, y + (rowHeight - GAP) / 2);
        }
      }
    });
  }
}
