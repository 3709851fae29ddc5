// A QueryRange answer (as chart columns, see model/metrics/series.ts) grouped by the values of one label: one
// group per value with its points summed on the shared time axis, its total over the window and its peak. With
// `sum_by: [label]` (delta types) Parca already sends one series per value; other types come as one series per
// label set and are summed here. Series without the label form the group of the empty value (`label=""` matches
// them in a selector).
import type { ChartData } from '../metrics/series.js';

/** A point as chart columns hold it: a number, `null` for a gap (the line breaks), `undefined` where it joins. */
export type PointValue = number | null | undefined;

export interface BreakdownGroup {
  /** The label's value; '' for the series that lack the label. */
  readonly value: string;
  /** Values on the data's time axis. */
  readonly values: readonly PointValue[];
  /** The sum of every point over the window (a delta type's total: CPU time, bytes allocated...). */
  readonly total: number;
  /** The largest point (0 for a group without points). */
  readonly peak: number;
  /** The smallest point, at most 0. */
  readonly trough: number;
  /** How many series of the answer the group sums. */
  readonly series: number;
}

/** The figures of one group's points. */
export function pointFigures(values: readonly PointValue[]): { total: number; peak: number; trough: number } {
  let total = 0;
  let peak = 0;
  let trough = 0;
  for (const value of values) {
    if (typeof value !== 'number') continue;
    total += value;
    if (value > peak) peak = value;
    if (value < trough) trough = value;
  }
  return { total, peak, trough };
}

/**
 * The point-wise sum of several series on one axis of `length` points: a number where any has one, else `null`
 * where any breaks, else `undefined`.
 */
export function sumPoints(series: readonly (readonly PointValue[])[], length: number): PointValue[] {
  if (series.length === 1) return series[0]!.slice(0, length);
  const out = new Array<PointValue>(length).fill(undefined);
  for (const values of series) {
    for (let i = 0; i < length; i++) {
      const value = values[i];
      if (typeof value === 'number') {
        const current = out[i];
        out[i] = typeof current === 'number' ? current + value : value;
      } else if (value === null && out[i] === undefined) out[i] = null;
    }
  }
  return out;
}

/** The groups of `data`'s series by the value of `label`, in the order the values first appear. */
export function groupByLabel(data: ChartData, label: string): BreakdownGroup[] {
  const members = new Map<string, (readonly PointValue[])[]>();
  for (const series of data.series) {
    const value = series.labels.find((l) => l.name === label)?.value ?? '';
    let list = members.get(value);
    if (!list) members.set(value, (list = []));
    list.push(series.values);
  }
  const length = data.timestamps.length;
  return [...members].map(([value, list]): BreakdownGroup => {
    // One series per value (the usual case, summed by Parca) is kept as it is.
    const values = list.length === 1 && list[0]!.length === length ? list[0]! : sumPoints(list, length);
    return { value, values, ...pointFigures(values), series: list.length };
  });
}
