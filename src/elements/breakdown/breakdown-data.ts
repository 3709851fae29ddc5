// What the breakdown shows, derived from its one request: the QueryRange answer summed by the label (the metrics
// chart's request, fetch.ts, and its columns, SeriesData, with raw totals), grouped by the label's values, ranked,
// the rest folded; and the time axis the mini charts share. Rebuilt only when its inputs change.
import type { BreakdownGroup } from '../../model/breakdown/groups.js';
import { groupByLabel } from '../../model/breakdown/groups.js';
import { type BreakdownModel, type BreakdownRow, breakdownRows } from '../../model/breakdown/rank.js';
import type { ChartData } from '../../model/metrics/series.js';
import { type MetricsArgs, type MetricsResult, fetchSeries } from '../metrics/fetch.js';
import { SeriesData } from '../metrics/series-data.js';
import type { SparkAxis, SparkInput } from './spark-canvases.js';

/** The answer with the label it was summed by. */
export interface BreakdownResult extends MetricsResult {
  readonly label: string;
}

/**
 * The request: ONE QueryRange for the query's type, selector and window with `sum_by: [label]` (the metrics
 * chart's own request with the label as its sum-by; for non-delta types, which Parca cannot sum, every series comes
 * and is grouped here).
 */
export async function fetchBreakdown(args: MetricsArgs, signal: AbortSignal): Promise<BreakdownResult> {
  return { ...(await fetchSeries(args, signal)), label: args[5] };
}

const NO_ROWS: BreakdownModel = Object.freeze({ rows: [], total: 0, values: 0, folded: 0 });

export class BreakdownData {
  readonly #series = new SeriesData();
  #result: BreakdownResult | undefined;
  #groups: BreakdownGroup[] = [];
  #model: BreakdownModel = NO_ROWS;
  #modelFrom = { groups: this.#groups, topN: -1, showAll: false };
  #axis: SparkAxis = { times: [], startS: 0, endS: 1 };
  #byKey = new Map<string, BreakdownRow>();

  /** The answer's columns (raw totals per point), undefined before the first answer. */
  get data(): ChartData | undefined {
    return this.#series.data;
  }

  /** The rows shown. */
  get model(): BreakdownModel {
    return this.#model;
  }

  /** The label the rows are values of ('' before the first answer). */
  get label(): string {
    return this.#result?.label ?? '';
  }

  /** The answer shown. */
  get result(): BreakdownResult | undefined {
    return this.#result;
  }

  /** An answer with no value of the label (no series, or none that has the label). */
  get empty(): boolean {
    return !this.#groups.some((g) => g.value !== '');
  }

  /** The time axis of every mini chart. */
  get axis(): SparkAxis {
    return this.#axis;
  }

  /** What the mini chart of a row (by key) shows. */
  sparkInput(key: string | undefined): SparkInput | undefined {
    const row = key === undefined ? undefined : this.#byKey.get(key);
    if (!row) return undefined;
    // Stable objects, so a canvas already showing one is not drawn again.
    return row.kind === 'value' ? row.group : row;
  }

  /** The finest step (seconds) worth asking for over a window this long (see SeriesData). */
  stepFloor(lengthMs: number): number {
    return this.#series.stepFloor(lengthMs);
  }

  /** Takes the latest answer and options; true when the rows changed. */
  update(result: BreakdownResult | undefined, topN: number, showAll: boolean): boolean {
    if (result !== this.#result) {
      this.#result = result;
      this.#series.update(result, true, 0, false);
      const data = this.#series.data;
      this.#groups = data && result ? groupByLabel(data, result.label) : [];
      const window = data?.window;
      const times = data?.timestamps ?? new Float64Array(0);
      this.#axis = {
        times,
        startS: window ? window.startMs / 1000 : (times[0] ?? 0),
        endS: window ? window.endMs / 1000 : (times[times.length - 1] ?? 1),
      };
    }
    const from = this.#modelFrom;
    if (from.groups === this.#groups && from.topN === topN && from.showAll === showAll) return false;
    this.#modelFrom = { groups: this.#groups, topN, showAll };
    this.#model = this.#groups.length ? breakdownRows(this.#groups, topN, showAll, this.#axis.times.length) : NO_ROWS;
    this.#byKey = new Map(this.#model.rows.map((row) => [row.key, row]));
    return true;
  }
}
