// Parca's function table (QueryResponse.table_arrow: one row per function location, with flat and cumulative
// values over the whole profile) as columns, and its sort order. Pure: no DOM.
import { EMPTY_STRINGS, FlamegraphDecodeError, type RecordReader, type StringColumn, baseName, openRecord } from './decode.js';

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

/** Decodes a TableArrow record. Throws FlamegraphDecodeError when it is not one. */
export function decodeTable(bytes: Uint8Array): FunctionTable {
  if (bytes.length === 0) return emptyTable();
  let record: RecordReader;
  try {
    record = openRecord(bytes);
    if (!record.has('flat') || !record.has('cumulative')) throw new FlamegraphDecodeError('it has no flat or cumulative column');
    return {
      size: record.size,
      flat: record.doubles('flat'),
      cumulative: record.doubles('cumulative'),
      flatDiff: record.doubles('flat_diff'),
      cumulativeDiff: record.doubles('cumulative_diff'),
      functionName: record.strings('function_name'),
      functionFileName: record.strings('function_file_name'),
      mappingFile: record.strings('mapping_file'),
    };
  } catch (error) {
    throw new FlamegraphDecodeError(`the function table could not be read: ${(error as Error).message}`);
  }
}

const EMPTY_TABLE: FunctionTable = Object.freeze({
  size: 0,
  flat: new Float64Array(0),
  cumulative: new Float64Array(0),
  flatDiff: new Float64Array(0),
  cumulativeDiff: new Float64Array(0),
  functionName: EMPTY_STRINGS,
  functionFileName: EMPTY_STRINGS,
  mappingFile: EMPTY_STRINGS,
});

export function emptyTable(): FunctionTable {
  return EMPTY_TABLE;
}

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
