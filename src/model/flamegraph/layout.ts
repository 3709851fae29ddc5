// Where nodes go: x and width relative to the root or to a focused node, which nodes a viewport shows, and
// which drawn node is under a point. Pure arithmetic over the model's typed arrays.
import type { FlamegraphModel } from './decode.js';

/** A node's horizontal extent as fractions of the view's width (0..1 for nodes inside the focused one). */
export interface Span {
  x: number;
  width: number;
}

/** x and width of `row` relative to `focus` (the root by default). Outside the focus's subtree x leaves 0..1. */
export function spanOf(model: FlamegraphModel, row: number, focus = 0): Span {
  const base = model.cumulative[focus]!;
  if (!(base > 0)) return { x: 0, width: 0 };
  return { x: (model.valueOffset[row]! - model.valueOffset[focus]!) / base, width: model.cumulative[row]! / base };
}

/** Whether `ancestor` is `row` or one of its ancestors. */
export function isAncestorOrSelf(model: FlamegraphModel, ancestor: number, row: number): boolean {
  const depth = model.depth[ancestor]!;
  let current = row;
  while (current >= 0 && model.depth[current]! > depth) current = model.parent[current]!;
  return current === ancestor;
}

/** The path from the root to `row`, both included. */
export function pathTo(model: FlamegraphModel, row: number): number[] {
  const path: number[] = [];
  for (let current = row; current >= 0; current = model.parent[current]!) path.push(current);
  return path.reverse();
}

export interface Viewport {
  /** The focused row: it spans the full width; its ancestors are drawn full width, muted. */
  focus: number;
  /** Width in CSS pixels. */
  widthPx: number;
  /** Depths to visit, `depthStart` included, `depthEnd` excluded. */
  depthStart: number;
  depthEnd: number;
  /** Narrower nodes are skipped with their whole subtree (children are never wider than their parent). */
  minWidthPx?: number;
}

/** Called for each visible node with its left edge and width in pixels. */
export type VisitNode = (row: number, xPx: number, widthPx: number, muted: boolean) => void;

/**
 * Walks the visible nodes level by level from the focus, skipping subtrees narrower than a pixel and stopping
 * below the viewport, so the cost follows what can be seen rather than the size of the graph. Reuse one
 * walker: its frontier buffers grow once and are kept.
 */
export class VisibleWalker {
  #current: Uint32Array<ArrayBuffer> = new Uint32Array(256);
  #next: Uint32Array<ArrayBuffer> = new Uint32Array(256);
  /** Each frontier node's drawn extent in px, [left, right): its children are clipped to it. */
  #currentSpan: Float64Array<ArrayBuffer> = new Float64Array(512);
  #nextSpan: Float64Array<ArrayBuffer> = new Float64Array(512);

  walk(model: FlamegraphModel, view: Viewport, visit: VisitNode): void {
    if (model.size === 0) return;
    const focus = Math.min(Math.max(0, view.focus), model.size - 1);
    const focusDepth = model.depth[focus]!;
    for (let row = model.parent[focus]!; row >= 0; row = model.parent[row]!) {
      const depth = model.depth[row]!;
      if (depth >= view.depthStart && depth < view.depthEnd) visit(row, 0, view.widthPx, true);
    }
    const base = model.cumulative[focus]!;
    if (!(base > 0)) return;
    const scale = view.widthPx / base;
    const origin = model.valueOffset[focus]!;
    const minWidth = view.minWidthPx ?? 1;
    const { cumulative, valueOffset, childStart, childIndex } = model;
    let current = this.#current;
    let next = this.#next;
    let currentSpan = this.#currentSpan;
    let nextSpan = this.#nextSpan;
    current[0] = focus;
    currentSpan[0] = 0;
    currentSpan[1] = view.widthPx;
    let count = 1;
    for (let depth = focusDepth; count > 0 && depth < view.depthEnd; depth++) {
      const emit = depth >= view.depthStart;
      let nextCount = 0;
      for (let i = 0; i < count; i++) {
        const row = current[i]!;
        const left = currentSpan[2 * i]!;
        const right = currentSpan[2 * i + 1]!;
        if (emit) visit(row, left, right - left, false);
        const end = childStart[row + 1]!;
        for (let k = childStart[row]!; k < end; k++) {
          const child = childIndex[k]!;
          // A child never reaches past its parent: with negative values (a delta profile's frame that shrank)
          // the children of a frame can add up to more than the frame itself.
          const x = (valueOffset[child]! - origin) * scale;
          const childLeft = Math.max(x, left);
          const childRight = Math.min(x + cumulative[child]! * scale, right);
          if (childRight - childLeft < minWidth) continue;
          if (nextCount === next.length) {
            next = grow(next);
            nextSpan = growSpans(nextSpan);
          }
          nextSpan[2 * nextCount] = childLeft;
          nextSpan[2 * nextCount + 1] = childRight;
          next[nextCount++] = child;
        }
      }
      [current, next] = [next, current];
      [currentSpan, nextSpan] = [nextSpan, currentSpan];
      count = nextCount;
    }
    this.#current = current;
    this.#next = next;
    this.#currentSpan = currentSpan;
    this.#nextSpan = nextSpan;
  }
}

function growSpans(array: Float64Array): Float64Array<ArrayBuffer> {
  const bigger = new Float64Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

function grow(array: Uint32Array): Uint32Array<ArrayBuffer> {
  const bigger = new Uint32Array(array.length * 2);
  bigger.set(array);
  return bigger;
}

/** The nodes drawn in the last frame with their rectangles, for hit testing without walking the model again. */
export class DrawList {
  count = 0;
  rows = new Uint32Array(1024);
  x = new Float32Array(1024);
  width = new Float32Array(1024);
  depth = new Uint32Array(1024);

  clear(): void {
    this.count = 0;
  }

  add(row: number, x: number, width: number, depth: number): void {
    if (this.count === this.rows.length) this.#grow();
    const i = this.count++;
    this.rows[i] = row;
    this.x[i] = x;
    this.width[i] = width;
    this.depth[i] = depth;
  }

  /** The row drawn at `depth` covering `xPx`, or -1. */
  hit(depth: number, xPx: number): number {
    for (let i = 0; i < this.count; i++) {
      if (this.depth[i] === depth && xPx >= this.x[i]! && xPx < this.x[i]! + this.width[i]!) return this.rows[i]!;
    }
    return -1;
  }

  /** Where `row` was drawn, or undefined when it was not. */
  find(row: number): { x: number; width: number; depth: number } | undefined {
    for (let i = 0; i < this.count; i++) {
      if (this.rows[i] === row) return { x: this.x[i]!, width: this.width[i]!, depth: this.depth[i]! };
    }
    return undefined;
  }

  #grow(): void {
    const size = this.rows.length * 2;
    const rows = new Uint32Array(size);
    const x = new Float32Array(size);
    const width = new Float32Array(size);
    const depth = new Uint32Array(size);
    rows.set(this.rows);
    x.set(this.x);
    width.set(this.width);
    depth.set(this.depth);
    Object.assign(this, { rows, x, width, depth });
  }
}

export type Direction = 'parent' | 'child' | 'next' | 'previous';

/** Keyboard moves: to the parent, the first (leftmost) child, or the next/previous sibling. Stays put at edges. */
export function navigate(model: FlamegraphModel, row: number, direction: Direction): number {
  if (model.size === 0) return 0;
  switch (direction) {
    case 'parent':
      return row > 0 ? model.parent[row]! : row;
    case 'child':
      return model.childStart[row + 1]! > model.childStart[row]! ? leftmostChild(model, row) : row;
    case 'next':
    case 'previous': {
      const parent = model.parent[row]!;
      if (parent < 0) return row;
      const siblings = sortedChildren(model, parent);
      const index = siblings.indexOf(row) + (direction === 'next' ? 1 : -1);
      return index >= 0 && index < siblings.length ? siblings[index]! : row;
    }
  }
}

function leftmostChild(model: FlamegraphModel, row: number): number {
  let best = -1;
  for (let k = model.childStart[row]!; k < model.childStart[row + 1]!; k++) {
    const child = model.childIndex[k]!;
    if (best < 0 || model.valueOffset[child]! < model.valueOffset[best]!) best = child;
  }
  return best;
}

/** Children of `row` from left to right. */
export function sortedChildren(model: FlamegraphModel, row: number): number[] {
  const children = Array.from(model.childIndex.subarray(model.childStart[row], model.childStart[row + 1]));
  return children.sort((a, b) => model.valueOffset[a]! - model.valueOffset[b]!);
}

/**
 * Where an arrow key moves from `current` in a graph focused on `focus`: to the parent, the leftmost child or a
 * sibling (up and down swap for a flame graph drawn root at the bottom), staying among the frames drawn (the
 * focus's ancestors and its subtree, and no sideways step off an ancestor). -1 when the key moves nowhere.
 */
export function arrowMove(model: FlamegraphModel, current: number, focus: number, key: string, rootAtTop: boolean): number {
  const moves: Record<string, Direction> = {
    ArrowUp: rootAtTop ? 'parent' : 'child',
    ArrowDown: rootAtTop ? 'child' : 'parent',
    ArrowLeft: 'previous',
    ArrowRight: 'next',
  };
  const direction = moves[key];
  if (!direction || model.size === 0) return -1;
  const next = navigate(model, current, direction);
  const drawn = isAncestorOrSelf(model, next, focus) || isAncestorOrSelf(model, focus, next);
  const sideways = direction === 'next' || direction === 'previous';
  if (next === current || !drawn || (sideways && isAncestorOrSelf(model, current, focus))) return -1;
  return next;
}
