// The rows of a breakdown: values ranked by their total, the top N listed and the rest folded into one row
// ("other 12 values") that sums them, unless every value is shown.
import { type BreakdownGroup, type PointValue, pointFigures, sumPoints } from './groups.js';

/** How many values a breakdown lists before folding the rest into one row. */
export const DEFAULT_BREAKDOWN_TOP_N = 20;

export interface ValueRow {
  readonly kind: 'value';
  /** A stable key: the value itself. */
  readonly key: string;
  readonly group: BreakdownGroup;
  /** 0 for the largest total. */
  readonly rank: number;
}

export interface OtherRow {
  readonly kind: 'other';
  readonly key: string;
  /** How many values it folds. */
  readonly count: number;
  readonly values: readonly PointValue[];
  readonly total: number;
  readonly peak: number;
  readonly trough: number;
}

export type BreakdownRow = ValueRow | OtherRow;

export interface BreakdownModel {
  /** The rows in order: the listed values, then the folded ones (if any). */
  readonly rows: readonly BreakdownRow[];
  /** Every value's total together: what shares are of. */
  readonly total: number;
  /** How many values there are in all. */
  readonly values: number;
  /** How many are folded into the last row (0: none). */
  readonly folded: number;
}

/** The key of the folded row: no value's key, since values are keyed by themselves with a prefix. */
export const OTHER_KEY = 'other';

/** Groups by total, largest first; equal totals by value, so the order is stable across answers. */
export function rankGroups(groups: readonly BreakdownGroup[]): BreakdownGroup[] {
  return [...groups].sort((a, b) => b.total - a.total || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * The rows for `groups`: the `topN` largest, and the rest folded into one row, unless `showAll` or there is at
 * most one value more (a row saying "other 1 value" would hide that value for nothing).
 */
export function breakdownRows(groups: readonly BreakdownGroup[], topN: number, showAll: boolean, length: number): BreakdownModel {
  const ranked = rankGroups(groups);
  const total = ranked.reduce((sum, g) => sum + g.total, 0);
  const top = Math.max(0, Math.floor(topN));
  const fold = !showAll && ranked.length - top > 1;
  const listed = fold ? ranked.slice(0, top) : ranked;
  const rows: BreakdownRow[] = listed.map((group, rank) => ({ kind: 'value', key: `value:${group.value}`, group, rank }));
  if (fold) {
    const rest = ranked.slice(top);
    const values = sumPoints(
      rest.map((g) => g.values),
      length,
    );
    rows.push({ kind: 'other', key: OTHER_KEY, count: rest.length, values, ...pointFigures(values) });
  }
  return { rows, total, values: ranked.length, folded: fold ? ranked.length - top : 0 };
}

/** A value as a row names it: the value, or "(no label)" for the series without the label. */
export function valueName(label: string, value: string): string {
  return value === '' ? `(no ${label})` : value;
}

/** "other 12 values". */
export function otherName(count: number): string {
  return `other ${count} ${count === 1 ? 'value' : 'values'}`;
}
