// The lines a function table shows, in order: its functions (sorted, those a search keeps) and, under each expanded
// one, its callers and callees. Pure: the element renders only the lines in view.
import type { Neighbour } from '../pprof/sandwich.js';
import { compileSearch, nameOfExactSearch } from './search.js';
import { type FunctionTable, tableRowName } from './table.js';

/** One line: a function (`row` of the table), a heading over its neighbours, or one of them. */
export type TableLine =
  | { readonly kind: 'function'; readonly row: number }
  | { readonly kind: 'callers' | 'callees'; readonly row: number; readonly count: number }
  | { readonly kind: 'caller' | 'callee'; readonly row: number; readonly neighbour: Neighbour };

/**
 * The table's rows in `order` that `search` keeps: all when it is empty or picks one function (an exact-name
 * search highlights a row instead of hiding the others), else those whose name matches.
 */
export function rowsMatching(table: FunctionTable, order: Uint32Array, search: string): Uint32Array {
  if (!search.trim() || nameOfExactSearch(search)) return order;
  const { test } = compileSearch(search);
  return order.filter((row) => test(tableRowName(table, row)));
}

/** The lines for `rows` with the neighbours of the expanded ones under them. */
export function tableLines(rows: Uint32Array, expanded: ReadonlyMap<number, { callers: Neighbour[]; callees: Neighbour[] } | undefined>): TableLine[] {
  const lines: TableLine[] = [];
  for (const row of rows) {
    lines.push({ kind: 'function', row });
    if (!expanded.has(row)) continue;
    const neighbours = expanded.get(row);
    if (!neighbours) continue;
    lines.push({ kind: 'callers', row, count: neighbours.callers.length });
    for (const neighbour of neighbours.callers) lines.push({ kind: 'caller', row, neighbour });
    lines.push({ kind: 'callees', row, count: neighbours.callees.length });
    for (const neighbour of neighbours.callees) lines.push({ kind: 'callee', row, neighbour });
  }
  return lines;
}
