// Editing a selector as matchers rather than text: add, replace or exclude labels, the result in canonical text
// (values quoted and escaped by format.ts, so the parser reads them back exactly). What the chart's series
// actions ("only this series", "exclude this series") make of the query's selector.
import { formatSelector } from './format.js';
import { type LabelMatcher, type Selector, parseSelector } from './parse.js';

/** A label and its value, as a series has them. */
export interface LabelValue {
  readonly name: string;
  readonly value: string;
}

const same = (a: LabelMatcher, b: LabelMatcher) => a.name === b.name && a.op === b.op && a.value === b.value;

/** `matchers` appended to `selector`, each unless the selector has it already (the same name, operator and value). */
export function addMatchers(selector: Selector, matchers: readonly LabelMatcher[]): Selector {
  const out = [...selector.matchers];
  for (const matcher of matchers) if (!out.some((m) => same(m, matcher))) out.push(matcher);
  return { matchers: out };
}

/** The matchers on the names of `matchers` replaced by them: the other matchers stay, in their order. */
export function replaceMatchers(selector: Selector, matchers: readonly LabelMatcher[]): Selector {
  const names = new Set(matchers.map((m) => m.name));
  return addMatchers({ matchers: selector.matchers.filter((m) => !names.has(m.name)) }, matchers);
}

/** One equality matcher per label: `name="value"`. */
export function equalMatchers(labels: readonly LabelValue[]): LabelMatcher[] {
  return labels.map(({ name, value }) => ({ name, op: '=', value }));
}

/** One inequality matcher per label: `name!="value"`. */
export function notEqualMatchers(labels: readonly LabelValue[]): LabelMatcher[] {
  return labels.map(({ name, value }) => ({ name, op: '!=', value }));
}

/**
 * The selector that keeps only the series `labels` names: `name="value"` for each of its labels, in place of
 * any matcher on that name (the series met them, so the result matches it and nothing the selector did not).
 * Undefined when `text` is not a valid selector.
 */
export function onlySeriesSelector(text: string, labels: readonly LabelValue[]): string | undefined {
  const parsed = parseSelector(text);
  return parsed.ok ? formatSelector(replaceMatchers(parsed.selector, equalMatchers(labels))) : undefined;
}

/**
 * The selector that leaves out the series whose labels are `labels` (a series' distinguishing labels): one
 * `name!="value"` per label added. With several labels this leaves out every series that has any of them.
 * Undefined when `text` is not a valid selector or there is nothing to exclude by.
 */
export function excludeSeriesSelector(text: string, labels: readonly LabelValue[]): string | undefined {
  const parsed = parseSelector(text);
  if (!parsed.ok || labels.length === 0) return undefined;
  return formatSelector(addMatchers(parsed.selector, notEqualMatchers(labels)));
}
