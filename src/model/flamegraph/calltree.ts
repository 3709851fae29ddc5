// A call tree over a decoded flame graph: which rows are open, and the lines that shows, in order (each open row's
// children largest first under it). Works on the graph's own columns, so a tree beside a graph of the same profile
// costs no second decode; the lines are computed over open rows only, so a million-node graph opens at once.
// Pure: no DOM.
import type { FlamegraphModel } from './decode.js';
import { frameName } from './names.js';

/** The lines a tree shows: rows in order, with each one's place among its siblings (for aria-posinset/setsize). */
export interface TreeLines {
  readonly rows: Int32Array;
  /** 1-based position among the siblings shown. */
  readonly position: Int32Array;
  readonly siblings: Int32Array;
  readonly length: number;
}

/** Children of `row`, largest cumulative value first (ties in the record's order). */
export function childrenByValue(model: FlamegraphModel, row: number): number[] {
  const children = Array.from(model.childIndex.subarray(model.childStart[row], model.childStart[row + 1]));
  return children.sort((a, b) => model.cumulative[b]! - model.cumulative[a]! || a - b);
}

export function hasChildren(model: FlamegraphModel, row: number): boolean {
  return model.childStart[row + 1]! > model.childStart[row]!;
}

/** The lines shown from the root down with `open` rows' children under them. */
export function treeLines(model: FlamegraphModel, open: ReadonlySet<number>): TreeLines {
  if (model.size === 0) return { rows: new Int32Array(0), position: new Int32Array(0), siblings: new Int32Array(0), length: 0 };
  const rows: number[] = [];
  const position: number[] = [];
  const siblings: number[] = [];
  // Depth-first with an explicit stack (a deep graph would overflow recursion): [row, position, siblings].
  const stack: [number, number, number][] = [[0, 1, 1]];
  while (stack.length > 0) {
    const [row, pos, count] = stack.pop()!;
    rows.push(row);
    position.push(pos);
    siblings.push(count);
    if (!open.has(row)) continue;
    const children = childrenByValue(model, row);
    for (let i = children.length - 1; i >= 0; i--) stack.push([children[i]!, i + 1, children.length]);
  }
  return { rows: Int32Array.from(rows), position: Int32Array.from(position), siblings: Int32Array.from(siblings), length: rows.length };
}

/** The rows from the root to `row`'s parent: what must be open for `row` to show. */
export function ancestorsOf(model: FlamegraphModel, row: number): number[] {
  const rows: number[] = [];
  for (let current = model.parent[row]!; current >= 0; current = model.parent[current]!) rows.push(current);
  return rows.reverse();
}

/** The hottest path below `row`: each step the child with the largest value, down to a leaf. */
export function hottestPath(model: FlamegraphModel, row: number): number[] {
  const path = [row];
  for (let current = row; hasChildren(model, current);) {
    current = childrenByValue(model, current)[0]!;
    path.push(current);
  }
  return path;
}

/** The widest row of a function (-1: none): where a function picked in another view is shown. */
export function widestRowOf(model: FlamegraphModel, name: string): number {
  let widest = -1;
  for (let row = 1; row < model.size; row++) {
    if (model.functionName.value(row) === name && (widest < 0 || model.cumulative[row]! > model.cumulative[widest]!)) widest = row;
  }
  return widest;
}

/** The next line after `from` (wrapping around) whose name starts with `prefix`, case aside; -1 when none does. */
export function lineStartingWith(model: FlamegraphModel, lines: TreeLines, from: number, prefix: string): number {
  const wanted = prefix.toLowerCase();
  for (let step = 1; step <= lines.length; step++) {
    const index = (from + step) % lines.length;
    if (frameName(model, lines.rows[index]!).toLowerCase().startsWith(wanted)) return index;
  }
  return -1;
}
