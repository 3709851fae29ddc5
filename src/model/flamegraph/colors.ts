// Stable colors: a frame's binary, package or file hashes to a palette slot, so the same code keeps its color
// across queries and pages. The palette itself comes from CSS (the element reads it); defaults live here.
import type { StringColumn } from '../arrow/record.js';
import type { FlamegraphModel } from './decode.js';
import { baseName } from './names.js';
import { hashString } from '../hash.js';

export type ColorBy = 'binary' | 'package' | 'file';

export const COLOR_BY: readonly ColorBy[] = ['binary', 'package', 'file'];

/** Light-mode defaults: soft fills that keep dark text readable. */
export const LIGHT_PALETTE: readonly string[] = [
  '#f2b8a2',
  '#f5cf8a',
  '#c9dc8e',
  '#9fd9b4',
  '#94d3d6',
  '#a9c4ef',
  '#c3b4ee',
  '#e6b1d8',
  '#e8c2a4',
  '#b9d1a8',
  '#a8c9d9',
  '#d7b8c9',
];

/** Dark-mode defaults: deeper fills that keep light text readable on a dark page. */
export const DARK_PALETTE: readonly string[] = [
  '#8a4a36',
  '#86632a',
  '#5f7330',
  '#2f7350',
  '#286c70',
  '#3b5b8f',
  '#5b4b8f',
  '#80457a',
  '#7d5a3d',
  '#4f6b3f',
  '#3f6478',
  '#6f4a5e',
];

/**
 * The package part of a function name: Go's `github.com/a/b.(*T).M` → `github.com/a/b`, C++/Rust
 * `ns::Type::method` → `ns`, Java/JS-style `a.b.C.m` → `a.b`.
 */
export function packageOf(name: string): string {
  if (!name) return '';
  const colons = name.indexOf('::');
  if (colons > 0) return name.slice(0, colons);
  const slash = name.lastIndexOf('/');
  const dot = name.indexOf('.', slash + 1);
  if (slash >= 0) return dot > 0 ? name.slice(0, dot) : name;
  const lastDot = name.lastIndexOf('.', name.lastIndexOf('.') - 1);
  if (lastDot > 0) return name.slice(0, lastDot);
  return dot > 0 ? name.slice(0, dot) : name;
}

function keyColumn(model: FlamegraphModel, by: ColorBy): { column: StringColumn; keyOf: (text: string) => string } {
  switch (by) {
    case 'package':
      return { column: model.functionName, keyOf: packageOf };
    case 'file':
      return { column: model.functionFileName, keyOf: (text) => text };
    case 'binary':
      return { column: model.mappingFile, keyOf: baseName };
  }
}

/**
 * Returns `row → palette slot`, computed once per distinct dictionary value and cached: a frame with no key
 * (the root, unknown binaries) gets slot -1, which the element draws in its neutral color.
 */
export function createColorer(model: FlamegraphModel, by: ColorBy, paletteSize: number): (row: number) => number {
  const { column, keyOf } = keyColumn(model, by);
  const slots = new Int16Array(column.keyCount).fill(-2);
  return (row) => {
    if (row === 0 || model.labelsOnly[row]) return -1;
    const key = column.key(row);
    if (key < 0 || paletteSize <= 0) return -1;
    let slot = slots[key]!;
    if (slot === -2) {
      const text = keyOf(column.text(key));
      slot = text ? hashString(text) % paletteSize : -1;
      slots[key] = slot;
    }
    return slot;
  };
}

const resolved = new WeakMap<FlamegraphModel, Map<ColorBy, ColorBy>>();

/**
 * Whether most of the profile (its frames' own values, the root and label rows aside) is in frames that have a key
 * to be colored by; by frame count when every value is zero. A few small frames without a binary keep binary.
 */
function mostFramesHaveKey(model: FlamegraphModel, by: ColorBy): boolean {
  const { column, keyOf } = keyColumn(model, by);
  const keyed = new Uint8Array(column.keyCount);
  for (let key = 0; key < column.keyCount; key++) keyed[key] = keyOf(column.text(key)) ? 1 : 0;
  let all = 0;
  let withKey = 0;
  let frames = 0;
  let framesWithKey = 0;
  for (let row = 1; row < model.size; row++) {
    if (model.labelsOnly[row]) continue;
    const key = column.key(row);
    const has = key >= 0 && keyed[key] === 1;
    const weight = Math.abs(model.flat[row]!);
    all += weight;
    frames++;
    if (has) {
      withKey += weight;
      framesWithKey++;
    }
  }
  return all > 0 ? withKey * 2 >= all : framesWithKey * 2 >= frames;
}

/**
 * What a graph is colored by: `by`, unless most of the profile is in frames that lack that key (a heap profile
 * with no binaries would draw as one gray graph), then the first of package and file that most frames have; `by` when none does.
 * Computed once per model.
 */
export function resolveColorBy(model: FlamegraphModel, by: ColorBy): ColorBy {
  let byModel = resolved.get(model);
  if (!byModel) resolved.set(model, (byModel = new Map<ColorBy, ColorBy>()));
  let result = byModel.get(by);
  if (!result) {
    result = [by, 'package' as const, 'file' as const].find((candidate) => mostFramesHaveKey(model, candidate)) ?? by;
    byModel.set(by, result);
  }
  return result;
}

/** Splits a comma-separated list of CSS colors, keeping commas inside `rgb(...)` and the like. */
export function splitColorList(value: string): string[] {
  const colors: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const char = value[i];
    if (char === '(') depth++;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if (char === ',' && depth === 0) {
      colors.push(value.slice(start, i));
      start = i + 1;
    }
  }
  colors.push(value.slice(start));
  return colors.map((color) => color.trim()).filter((color) => color !== '');
}
