// Builds a flame graph model from weighted stacks (rather than decoding Parca's record): the sandwich's callers
// and callees, computed from a profile's samples. Frames of the same function under the same parent merge.
import { NO_RAW } from '../arrow/record.js';
import { textColumn } from '../arrow/text-column.js';
import type { FlamegraphModel } from './decode.js';

export interface TreeFrame {
  readonly name: string;
  readonly file: string;
  readonly binary: string;
}

export class TreeBuilder {
  readonly #frames: TreeFrame[] = [{ name: '', file: '', binary: '' }];
  readonly #parent: number[] = [-1];
  readonly #cumulative: number[] = [0];
  readonly #flat: number[] = [0];
  readonly #children: Map<string, number>[] = [new Map<string, number>()];

  /** Adds `value` along `path` (outermost first, the root excluded), its last frame taking it as flat value. */
  add(path: readonly TreeFrame[], value: number): void {
    let node = 0;
    this.#cumulative[0]! += value;
    for (const frame of path) {
      let child = this.#children[node]!.get(frame.name);
      if (child === undefined) {
        child = this.#frames.push(frame) - 1;
        this.#parent.push(node);
        this.#cumulative.push(0);
        this.#flat.push(0);
        this.#children.push(new Map());
        this.#children[node]!.set(frame.name, child);
      }
      this.#cumulative[child]! += value;
      node = child;
    }
    this.#flat[node]! += value;
  }

  /** The model, rows in breadth-first order (parents before children), children side by side by name. */
  build(): FlamegraphModel {
    const count = this.#frames.length;
    const order: number[] = [0];
    const rowOf = new Int32Array(count);
    for (let i = 0; i < order.length; i++) {
      const node = order[i]!;
      rowOf[node] = i;
      const children = [...this.#children[node]!].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      for (const [, child] of children) order.push(child);
    }
    const cumulative = new Float64Array(count);
    const flat = new Float64Array(count);
    const parent = new Int32Array(count);
    const depth = new Uint32Array(count);
    const valueOffset = new Float64Array(count);
    const childStart = new Uint32Array(count + 1);
    const childIndex = new Uint32Array(Math.max(0, count - 1));
    const names: string[] = [];
    const files: string[] = [];
    const binaries: string[] = [];
    let maxDepth = 0;
    order.forEach((node, row) => {
      const frame = this.#frames[node]!;
      cumulative[row] = this.#cumulative[node]!;
      flat[row] = this.#flat[node]!;
      parent[row] = row === 0 ? -1 : rowOf[this.#parent[node]!]!;
      names.push(frame.name);
      files.push(frame.file);
      binaries.push(frame.binary);
      if (row > 0) {
        depth[row] = depth[parent[row]]! + 1;
        maxDepth = Math.max(maxDepth, depth[row]);
      }
    });
    // Breadth-first, a row's children are consecutive rows in the order they were queued.
    let next = 1;
    for (let row = 0; row < count; row++) {
      childStart[row] = next - 1;
      let x = valueOffset[row]!;
      const n = this.#children[order[row]!]!.size;
      for (let k = 0; k < n; k++, next++) {
        childIndex[next - 1] = next;
        valueOffset[next] = x;
        // Children of negative value take no room: widths are never negative.
        x += Math.max(0, cumulative[next]!);
      }
    }
    childStart[count] = count - 1;
    const none = new Uint8Array(count);
    return {
      size: count,
      cumulative,
      flat,
      diff: new Float64Array(count),
      valueOffset,
      depth,
      parent,
      childStart,
      childIndex,
      labelsOnly: none,
      inlined: none,
      locationLine: none,
      functionStartLine: none,
      locationAddress: NO_RAW,
      functionName: textColumn(names),
      functionSystemName: textColumn(names),
      functionFileName: textColumn(files),
      mappingFile: textColumn(binaries),
      mappingBuildId: textColumn([]),
      labels: new Map(),
      maxDepth,
      total: cumulative[0]!,
    };
  }
}
