// Label selectors: tokens, parsing, canonical formatting, autocomplete contexts and edits (pure, no DOM).
export { type SelectorProblem, type Token, type TokenKind, tokenize } from './tokens.js';
export {
  LABEL_NAME,
  MATCH_OPERATORS,
  SelectorSyntaxError,
  describeProblem,
  isMatchOperator,
  isRegexOperator,
  parseSelector,
  parseSelectorOrThrow,
  type LabelMatcher,
  type MatchOperator,
  type Selector,
  type SelectorParseResult,
} from './parse.js';
export { escapeRegex, formatMatcher, formatSelector, quoteValue } from './format.js';
export { regexProblem } from './regex.js';
export { applyCompletion, completionContext, filterSuggestions, operatorSuggestions, type CompletionContext, type CompletionEdit } from './completion.js';
export { addMatchers, equalMatchers, excludeSeriesSelector, notEqualMatchers, onlySeriesSelector, replaceMatchers, type LabelValue } from './edit.js';
