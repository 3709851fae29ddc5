// What a flame graph asks beyond the shared query (invert, group-by, filters, a baseline to diff against), from the
// values of its option properties: one place that reads them, checks them, and says what cannot be used.
// Pure: no DOM, no network.
import type { QueryState } from '../query-state.js';
import { type TimeRange, parseTimeRange } from '../time-range.js';
import { type FrameFilter, normalizeFilter } from './filters.js';
import { type AnalysisOptions, parseGroupBy } from './request.js';

/** The baseline of a diff: another query (a whole QueryState), or the shown query over another range. */
export interface BaselineSpec {
  readonly query?: QueryState | undefined;
  readonly range?: TimeRange | undefined;
}

/** What the graph asks beyond the shared query: AnalysisOptions with a baseline still to resolve. */
export interface FlamegraphOptions extends Omit<AnalysisOptions, 'baseline'> {
  readonly baseline?: BaselineSpec | undefined;
}

/** A plain merge: no invert, grouping, filters or baseline. */
export const NO_OPTIONS: FlamegraphOptions = Object.freeze({ invert: false, groupBy: [], filters: [], presets: [], absolute: false });

/** The option properties as a page set them (filters as text when the attribute could not be read). */
export interface OptionValues {
  readonly invert: boolean;
  readonly groupBy: readonly string[];
  readonly filters: readonly FrameFilter[] | string;
  /** Filter presets by key (filter-presets.ts). */
  readonly presets: readonly string[];
  readonly baselineQuery: QueryState | undefined;
  readonly baselineFrom: string;
  readonly baselineTo: string;
  readonly diffAbsolute: boolean;
}

/**
 * The options the values describe, and why any of them is not used. The baseline is the element's own (a query,
 * else a from/to range), else the source's (`sourceBaseline`, chosen on a chart).
 */
export function optionsOf(values: OptionValues, sourceBaseline: TimeRange | undefined): { options: FlamegraphOptions; errors: string[] } {
  const errors: string[] = [];
  const { fields, unknown } = parseGroupBy(values.groupBy);
  if (unknown.length) errors.push(`Cannot group by ${unknown.join(', ')}: use function_name, binary, filename, address or labels.<name>.`);
  const filters: FrameFilter[] = [];
  if (typeof values.filters === 'string') {
    errors.push(`The filters "${values.filters}" could not be read: write e.g. "function_name ~ runtime; binary != libc.so.6".`);
  } else {
    for (const filter of values.filters) {
      try {
        filters.push(normalizeFilter(filter));
      } catch (error) {
        errors.push(`Filter ignored: ${(error as Error).message}.`);
      }
    }
  }
  let range: TimeRange | undefined;
  if (!values.baselineQuery && (values.baselineFrom || values.baselineTo)) {
    try {
      range = parseTimeRange(values.baselineFrom || 'now', values.baselineTo || 'now');
    } catch (error) {
      errors.push(`The baseline range is not valid: ${(error as Error).message}.`);
    }
  }
  const baseline = values.baselineQuery ? { query: values.baselineQuery } : range ? { range } : sourceBaseline ? { range: sourceBaseline } : undefined;
  const options: FlamegraphOptions = Object.freeze({
    invert: values.invert,
    groupBy: fields,
    filters,
    presets: [...values.presets],
    absolute: values.diffAbsolute,
    ...(baseline ? { baseline } : {}),
  });
  return { options, errors };
}

/** `next` when it differs from `current`, else `current`: equal options keep their identity, so nothing asks again. */
export function keepEqual(current: FlamegraphOptions, next: FlamegraphOptions): FlamegraphOptions {
  return JSON.stringify(current) === JSON.stringify(next) ? current : next;
}
