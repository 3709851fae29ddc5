// A function table as columns (one row per function, flat and cumulative values over the whole profile: built
// from the profile's samples in model/pprof/functions.ts), its sort order and the rows a scroll shows. Pure.
import type { StringColumn } from '../arrow/record.js';
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

/**
 * Row order for a column: numbers largest first by default, names A→Z; ties keep Parca's order, so the order is
 * the same on every run.
 */
export function sortTable(table: FunctionTable, column: TableColumn, descending: boolean): Uint32Array {
  const rows = new Uint32Array(table.size);
  for (let i = 0; i < rows.length; i++) rows[i] = i;
  const sign = descending ? -1 : 1;
  if (column === 'name') {
    const names = Array.from({ length: table.size }, (_, row) => tableRowName(table, row));
    const collator = new Intl.Collator(undefined, { numeric: true });
    return rows.sort((a, b) => sign * collator.compare(names[a]!, names[b]!) || a - b);
  }
  const values = table[column];
  return rows.sort((a, b) => sign * (values[a]! - values[b]!) || a - b);
}

/** The first and last row (exclusive) to render for a scroll position, with a few rows to spare each side. */
export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, size: number, overscan = 8): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(size, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return [first, Math.max(first, last)];
}
