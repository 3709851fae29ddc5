// The library's classes, events and types, with no side effects: import './define.js' to register the tags.
export { ParcaSourceElement } from './elements/source/source.js';
export { ParcaElement } from './elements/parca-element.js';
export { ParcaQueryEditorElement } from './elements/query-editor/query-editor.js';
export { ParcaMetricsElement } from './elements/metrics/metrics.js';
export type { ChartData, ChartSeries } from './model/metrics/series.js';
export type { MetricUnit } from './model/units.js';
export { ParcaFlamegraphElement } from './elements/flamegraph/flamegraph.js';
export type { FlamegraphData, FlamegraphRecordInput, TableData } from './elements/flamegraph/fetch.js';
export type { FunctionTable } from './model/flamegraph/table.js';
export type { Orientation } from './elements/flamegraph/renderer.js';
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
export { ParcaSourceChangeEvent, type SourceChangeCause } from './events/source-change.js';
export { ParcaQueryChangeEvent } from './events/query-change.js';
export { ParcaFrameSelectEvent } from './events/frame-select.js';
export { ParcaPointSelectEvent } from './events/point-select.js';
export { ParcaFlamegraphLoadEvent } from './events/flamegraph-load.js';
export { ParcaErrorEvent } from './events/error.js';
export { ParcaLoadEvent } from './events/load.js';
export { ParcaViewChangeEvent } from './events/view-change.js';
export { ParcaBaselineSelectEvent } from './events/baseline-select.js';
export { ParcaRefreshSelectEvent } from './events/refresh-select.js';
export { type Clock, type TimerHandle, systemClock } from './model/clock.js';
export { REFRESH_CHOICES, parseRefreshInterval, formatRefreshInterval } from './model/refresh.js';
export { EMPTY_VIEW, type FlamegraphView } from './model/flamegraph/view-state.js';
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
export { decodeFlamegraph, FlamegraphDecodeError, type FlamegraphModel } from './model/flamegraph/decode.js';
export { frameName } from './model/flamegraph/names.js';
export type { StringColumn, NumberArray } from './model/arrow/record.js';
export { frameDetails, type FrameDetails } from './model/flamegraph/details.js';
export { decompressLz4Frame, Lz4FormatError } from './model/arrow/lz4-frame.js';
export { readIpcStream, IpcFramingError } from './model/arrow/ipc-read.js';
export { searchFlamegraph, type SearchResult } from './model/flamegraph/search.js';
export { formatValue, formatMetricValue, formatPercent } from './model/units.js';
export type { ColorBy } from './model/flamegraph/colors.js';
export type { FlamegraphOptions, BaselineSpec } from './model/flamegraph/options.js';
export {
  parseFilters,
  formatFilters,
  describeFilter,
  FilterSyntaxError,
  type FrameFilter,
  type FilterField,
  type FilterMatch,
  type FilterScope,
} from './model/flamegraph/filters.js';
export { parseGroupBy, buildQueryRequest, type AnalysisOptions, type ProfileWindow } from './model/flamegraph/request.js';
export { relativeChange, diffLevel, legendStops, formatChange, type DiffPalette } from './model/flamegraph/diff-colors.js';
export { decodeFlamegraphSliced, type SlicedDecodeOptions } from './model/flamegraph/decode.js';
