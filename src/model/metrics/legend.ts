// The legend's content: labels every series shares said once, each series named by what sets it apart, the
// top N by peak listed and the rest behind "show all"; and what a click or shift-click does to visibility.
import type { SeriesLabel } from './labels.js';

export const DEFAULT_TOP_N = 20;

export interface LegendInput {
  readonly key: string;
  readonly labels: readonly SeriesLabel[];
  readonly peak: number;
}

export interface LegendEntry {
  /** Index of the series in the chart data. */
  readonly index: number;
  readonly key: string;
  /** Labels not common to every series. */
  readonly distinct: readonly SeriesLabel[];
  readonly peak: number;
}

export interface LegendModel {
  /** Labels with the same value in every series. */
  readonly common: readonly SeriesLabel[];
  /** Series in order of peak, largest first (ties by key); the first `top` are listed unless all are shown. */
  readonly entries: readonly LegendEntry[];
  /** How many entries are listed before "show all". */
  readonly top: number;
}

/** Labels whose name and value appear in every series (none for a single series with no labels). */
export function commonLabels(series: readonly LegendInput[]): SeriesLabel[] {
  if (series.length < 2) return [];
  const [first, ...rest] = series;
  return first!.labels.filter((label) => rest.every((s) => s.labels.some((l) => l.name === label.name && l.value === label.value)));
}

export function buildLegend(series: readonly LegendInput[], topN: number = DEFAULT_TOP_N): LegendModel {
  const common = commonLabels(series);
  const shared = new Set(common.map((l) => l.name));
  const entries = series
    .map((s, index): LegendEntry => ({ index, key: s.key, distinct: s.labels.filter((l) => !shared.has(l.name)), peak: s.peak }))
    .sort((a, b) => b.peak - a.peak || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { common, entries, top: Math.max(0, Math.min(topN, entries.length)) };
}

/** The keys listed (and drawn) by default: the top entries, or all of them when shown. */
export function listedKeys(legend: LegendModel, showAll: boolean): Set<string> {
  return new Set((showAll ? legend.entries : legend.entries.slice(0, legend.top)).map((e) => e.key));
}

/** The keys drawn: those a user chose (legend clicks) that the legend still has, else the listed ones. */
export function visibleKeys(legend: LegendModel, showAll: boolean, chosen: ReadonlySet<string> | undefined): ReadonlySet<string> {
  const listed = listedKeys(legend, showAll);
  if (!chosen) return listed;
  const kept = legend.entries.filter((e) => chosen.has(e.key));
  return kept.length > 0 ? new Set(kept.map((e) => e.key)) : listed;
}

/** The indexes of the series drawn, in legend order (how the keyboard walks them). */
export function visibleOrder(legend: LegendModel, visible: ReadonlySet<string>): number[] {
  return legend.entries.filter((e) => visible.has(e.key)).map((e) => e.index);
}

/**
 * Visibility after a legend click on `key`. A plain click isolates the series, or, when it is already the
 * only one shown, shows every listed series again; shift-click toggles just that series.
 */
export function legendClick(visible: ReadonlySet<string>, listed: ReadonlySet<string>, key: string, shift: boolean): Set<string> {
  if (shift) {
    const next = new Set(visible);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    return next;
  }
  if (visible.size === 1 && visible.has(key)) return new Set(listed);
  return new Set([key]);
}
