// Selector editing for a breakdown's actions: include a value (`label="value"`) or exclude it (`label!="value"`),
// in place of whatever matchers the selector had on that label, the others kept as they were:
// `{job="x"}` + include instance=a → `{job="x", instance="a"}` (canonical text, as the chart's series actions
// write it: model/selector/edit.ts).
import { type LabelMatcher, formatMatcher, formatSelector, parseSelector } from '../selector/index.js';
import { replaceMatchers } from '../selector/edit.js';

/** What a user does with one value of the label. */
export type LabelAction = 'include' | 'exclude';

/** The matcher an action adds. */
export function actionMatcher(label: string, value: string, action: LabelAction): LabelMatcher {
  return { name: label, op: action === 'include' ? '=' : '!=', value };
}

/**
 * `selector` with the action's matcher on `label`, replacing every matcher the selector had on that label. A
 * selector that does not parse (the query would have failed) keeps its text, with the matcher added at the end.
 */
export function selectorWithLabel(selector: string, label: string, value: string, action: LabelAction): string {
  const added = actionMatcher(label, value, action);
  const parsed = parseSelector(selector);
  if (parsed.ok) return formatSelector(replaceMatchers(parsed.selector, [added]));
  const own = selector.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  return `{${[own, formatMatcher(added)].filter((part) => part !== '').join(', ')}}`;
}
