// What the chart shows, derived from the latest answer: its series as chart columns (per second or raw totals),
// the legend over them, and the step the data's spacing asks for, so the next request is no finer than the data.
import { type LegendModel, buildLegend } from '../../model/metrics/legend.js';
import { type ChartData, chartOptionsFor, toChartData } from '../../model/metrics/series.js';
import { type PointSpan, sparseDataStepSeconds } from '../../model/metrics/step.js';
import type { MetricsResult } from './fetch.js';

export class SeriesData {
  /** The series shown, as chart columns (undefined before the first answer). */
  data: ChartData | undefined;
  legend: LegendModel = { common: [], entries: [], top: 0 };
  #from: { result: MetricsResult | undefined; raw: boolean } = { result: undefined, raw: false };
  /** The coarsest step the data asked for, for ranges of this length (reset when the length changes). */
  #dataStep = { length: 0, seconds: 0 };

  /** An answer's columns made ahead (see prepare), and for which `raw`. */
  #prepared: readonly [MetricsResult, boolean, ChartData] | undefined;

  /**
   * Makes an answer's chart columns ahead of the update that shows them, so that they are a task of their own
   * (200 series × 1,000 points take about 25 ms).
   */
  prepare(result: MetricsResult, raw: boolean): void {
    this.#prepared = [result, raw, chartData(result, raw)];
  }

  /** Takes the latest answer and options; true when the series are new (another answer, or raw toggled). */
  update(result: MetricsResult | undefined, raw: boolean, topN: number, topNChanged: boolean): boolean {
    if (result && result !== this.#from.result) this.#learnDataStep(result);
    const changed = result !== this.#from.result || raw !== this.#from.raw;
    if (changed) {
      this.#from = { result, raw };
      const [preparedFor, preparedRaw, prepared] = this.#prepared ?? [];
      this.data = result && (preparedFor === result && preparedRaw === raw ? prepared : chartData(result, raw));
    }
    if (changed || topNChanged) this.legend = buildLegend(this.data?.series ?? [], topN);
    return changed;
  }

  /** The finest step (seconds) worth asking for over a window this long: 0 when the data set no bound. */
  stepFloor(lengthMs: number): number {
    return this.#dataStep.length === lengthMs ? this.#dataStep.seconds : 0;
  }

  /** Remembers when an answer's points were sparser than its step: the next request asks for a coarser one. */
  #learnDataStep(result: MetricsResult): void {
    const length = result.window.endMs - result.window.startMs;
    // Only each series' ends and count: converting every sample's time would cost as much as the chart's columns.
    const timeS = (sample: { timestamp?: { seconds: bigint } | undefined } | undefined) => Number(sample?.timestamp?.seconds ?? 0n);
    const spans = result.response.series.map(({ samples }): PointSpan => [timeS(samples[0]), timeS(samples[samples.length - 1]), samples.length]);
    const seconds = sparseDataStepSeconds(spans, result.stepSeconds);
    if (seconds > this.stepFloor(length)) this.#dataStep = { length, seconds };
  }
}

function chartData(result: MetricsResult, raw: boolean): ChartData {
  return toChartData(result.response, { ...chartOptionsFor(result.profileType, raw), window: result.window });
}
