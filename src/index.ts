// The library's classes, events and types, with no side effects: import './define.js' to register the tags.
export { ParcaSourceElement } from './elements/source/source.js';
export { ParcaElement } from './elements/parca-element.js';
export { ParcaQueryEditorElement } from './elements/query-editor/query-editor.js';
export { SourceController } from './controllers/source-controller.js';
export { sourceContext, type SourceState } from './context/source-context.js';
export {
  createConnection,
  normalizeBaseUrl,
  type CallOptions,
  type ConnectionOptions,
  type ParcaConnection,
} from './client/connection.js';
export { ParcaError, type ParcaErrorKind } from './client/errors.js';
export { ParcaQuerySubmitEvent, type QuerySubmission } from './events/query-submit.js';
export { ParcaRangeSelectEvent } from './events/range-select.js';
export { ParcaSourceChangeEvent } from './events/source-change.js';
export { ParcaQueryChangeEvent } from './events/query-change.js';
export { ParcaErrorEvent } from './events/error.js';
export { ParcaLoadEvent } from './events/load.js';
export * from './model/query-state.js';
export * from './model/time-range.js';
export * from './model/profile-type.js';
export {
  parseSelector,
  parseSelectorOrThrow,
  SelectorSyntaxError,
  describeProblem,
  formatSelector,
  formatMatcher,
  quoteValue,
  escapeRegex,
  regexProblem,
  completionContext,
  applyCompletion,
  filterSuggestions,
  operatorSuggestions,
  tokenize,
  LABEL_NAME,
  MATCH_OPERATORS,
  isMatchOperator,
  isRegexOperator,
  type Selector,
  type LabelMatcher,
  type MatchOperator,
  type SelectorParseResult,
  type SelectorProblem,
  type CompletionContext,
  type CompletionEdit,
  type Token as SelectorToken,
  type TokenKind as SelectorTokenKind,
} from './model/selector/index.js';
export * from './model/profile-types.js';
export * from './model/range-presets.js';
export * from './model/url-state.js';
