// A function table as columns (one row per function, flat and cumulative values over the whole profile: built
// from the profile's samples in model/pprof/functions.ts), its sort order and the rows a scroll shows. Pure.
import type { StringColumn } from '../arrow/record.js';
import { runSteps } from '../steps.js';
import { baseName } from './names.js';

export interface FunctionTable {
  readonly size: number;
  readonly flat: Float64Array;
  readonly cumulative: Float64Array;
  /** Comparison − baseline, in a diff; zeros otherwise. */
  readonly flatDiff: Float64Array;
  readonly cumulativeDiff: Float64Array;
  readonly functionName: StringColumn;
  readonly functionFileName: StringColumn;
  readonly mappingFile: StringColumn;
}

export type TableColumn = 'name' | 'flat' | 'cumulative' | 'flatDiff' | 'cumulativeDiff';

/** A row's name: the function, else its binary, else a placeholder (unsymbolized locations). */
export function tableRowName(table: FunctionTable, row: number): string {
  return table.functionName.value(row) || baseName(table.mappingFile.value(row)) || '<unknown>';
}

const ZERO = 48;
const isDigit = (code: number) => code >= ZERO && code <= ZERO + 9;

/**
 * A run of digits (no leading zeros) as a key that orders by value under string comparison: its length, then its
 * digits. Lengths up to 8 are one digit; a longer run is '9' and its length's own key, so any length orders right.
 */
function digitsKey(digits: string): string {
  return digits.length < 9 ? String.fromCharCode(ZERO + digits.length) + digits : '9' + digitsKey(String(digits.length)) + digits;
}

/**
 * A name's sort key, for plain string comparison: lower case, each run of digits by value (digitsKey), so
 * function10 follows function9. Built in one scan (a replace callback per run was most of a first sort by name).
 */
function naturalKey(name: string): string {
  const lower = name.toLowerCase();
  let key = '';
  let copied = 0;
  for (let i = 0; i < lower.length; i++) {
    if (!isDigit(lower.charCodeAt(i))) continue;
    let end = i + 1;
    while (end < lower.length && isDigit(lower.charCodeAt(end))) end++;
    let start = i;
    while (start < end - 1 && lower.charCodeAt(start) === ZERO) start++;
    const digits = lower.slice(start, end);
    key += lower.slice(copied, i) + digitsKey(digits);
    copied = end;
    i = end - 1;
  }
  return copied === 0 ? lower : key + lower.slice(copied);
}

/**
 * Orders computed per table, by `column:descending`, and the names' sort keys with how many rows have one: a sort a
 * user repeats costs nothing, and keys built while the page was idle are not built again.
 */
const cache = new WeakMap<FunctionTable, { orders: Map<string, Uint32Array>; keys?: string[]; keyed: number }>();

function cacheOf(table: FunctionTable) {
  let entry = cache.get(table);
  if (!entry) cache.set(table, (entry = { orders: new Map(), keyed: 0 }));
  return entry;
}

/**
 * The names' sort keys, in slices of rows (a step each), so a table of any size never blocks the page for long.
 * Every run goes on from the rows keyed so far: a click that comes while the idle preparation is half way through
 * finishes its work instead of starting over.
 */
function* nameKeySteps(table: FunctionTable): Generator<void, string[]> {
  const entry = cacheOf(table);
  const keys = (entry.keys ??= new Array<string>(table.size));
  while (entry.keyed < table.size) {
    const row = entry.keyed;
    keys[row] = naturalKey(tableRowName(table, row));
    entry.keyed = row + 1;
    if (row % 4096 === 4095) yield;
  }
  return keys;
}

/** `order` reversed, rows of equal keys kept in their first order (ties stay in Parca's order both ways). */
function reversedStable(order: Uint32Array, keys: ArrayLike<number | string>): Uint32Array {
  const reversed = order.slice().reverse();
  for (let start = 0; start < reversed.length;) {
    let end = start + 1;
    while (end < reversed.length && keys[reversed[end]!] === keys[reversed[start]!]) end++;
    if (end - start > 1) reversed.subarray(start, end).reverse();
    start = end;
  }
  return reversed;
}

/**
 * Row order for a column: numbers largest first by default, names A→Z (case aside, numbers within names by
 * value); ties keep Parca's order, so the order is the same on every run. Cached per table; the other direction of
 * a column already sorted is its reverse, in one pass.
 */
export function sortTable(table: FunctionTable, column: TableColumn, descending: boolean): Uint32Array {
  const { orders } = cacheOf(table);
  const known = orders.get(`${column}:${descending}`);
  if (known) return known;
  const keys: ArrayLike<number | string> = column === 'name' ? runSteps(nameKeySteps(table)) : table[column];
  const other = orders.get(`${column}:${!descending}`);
  let order: Uint32Array;
  if (other) order = reversedStable(other, keys);
  else {
    order = new Uint32Array(table.size);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const sign = descending ? -1 : 1;
    if (column === 'name') {
      const names = keys as string[];
      order.sort((a, b) => sign * (names[a]! < names[b]! ? -1 : names[a]! > names[b]! ? 1 : 0) || a - b);
    } else {
      const values = keys as Float64Array;
      order.sort((a, b) => sign * (values[a]! - values[b]!) || a - b);
    }
  }
  orders.set(`${column}:${descending}`, order);
  return order;
}

/**
 * The orders a user is likely to ask for (flat and cumulative, largest first; names A→Z), as steps to run while
 * the page is idle: afterwards a click on any of those headers, either way, costs one pass at most.
 */
export function* prepareOrders(table: FunctionTable): Generator<void, void> {
  yield* nameKeySteps(table);
  for (const [column, descending] of [
    ['flat', true],
    ['cumulative', true],
    ['name', false],
  ] as const) {
    sortTable(table, column, descending);
    yield;
  }
}

/** The first and last row (exclusive) to render for a scroll position, with a few rows to spare each side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, size: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(size, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
