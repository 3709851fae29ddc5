// The package's public surface, with no side effects (import './define.js' to register the tags): the elements,
// their events and errors, the connection, the query helpers the README documents, and the types of what elements
// take and give. Everything else (decoders, parsers, controllers) is internal and may change in any release;
// api-report.md lists what is here, and the test command fails when this surface changes without it.

// Elements
export { ParcaElement } from './elements/parca-element.js';
export { ParcaSourceElement } from './elements/source/source.js';
export { ParcaQueryEditorElement } from './elements/query-editor/query-editor.js';
export { ParcaMetricsElement } from './elements/metrics/metrics.js';
export { ParcaFlamegraphElement } from './elements/flamegraph/flamegraph.js';
export { ParcaFunctionTableElement } from './elements/function-table/function-table.js';
export { ParcaCalltreeElement } from './elements/calltree/calltree.js';
export { ParcaBreakdownElement } from './elements/breakdown/breakdown.js';
export { ParcaFlamechartElement } from './elements/flamechart/flamechart.js';
export { ParcaCompareElement } from './elements/compare/compare.js';
export { ProfileViewElement } from './elements/profile-view.js';

// Events
export { ParcaQuerySubmitEvent, type QuerySubmission } from './events/query-submit.js';
export { ParcaQueryChangeEvent } from './events/query-change.js';
export { ParcaRangeSelectEvent } from './events/range-select.js';
export { ParcaPointSelectEvent } from './events/point-select.js';
export { ParcaBaselineSelectEvent } from './events/baseline-select.js';
export { ParcaRefreshSelectEvent } from './events/refresh-select.js';
export { ParcaSelectorSelectEvent, type SelectorAction } from './events/selector-select.js';
export { ParcaFrameSelectEvent } from './events/frame-select.js';
export { ParcaSandwichSelectEvent } from './events/sandwich-select.js';
export { ParcaViewChangeEvent } from './events/view-change.js';
export { ParcaSourceChangeEvent, type SourceChangeCause } from './events/source-change.js';
export { ParcaLoadEvent } from './events/load.js';
export { ParcaFlamegraphLoadEvent } from './events/flamegraph-load.js';
export { ParcaErrorEvent } from './events/error.js';
export { ParcaCompareChangeEvent, type CompareChangeCause } from './events/compare-change.js';
export type {
  ParcaBreakdownEvents,
  ParcaCalltreeEvents,
  ParcaCompareEvents,
  ParcaFlamechartEvents,
  ParcaFlamegraphEvents,
  ParcaFunctionTableEvents,
  ParcaSandwichEvents,
  ParcaMetricsEvents,
  ParcaQueryEditorEvents,
  ParcaSourceEvents,
  ElementEventMap,
  ListenerMethods,
} from './events/event-maps.js';

// Errors and the connection
export { ParcaError, type ParcaErrorKind } from './client/errors.js';
export { createConnection, type CallOptions, type ConnectionOptions, type ConnectionOutcomes, type ParcaConnection } from './client/connection.js';
export type { AuthOptions } from './client/auth.js';

// Queries and time, for elements driven without a source (the one-file bundle exports the same)
export {
  createQueryState,
  withQuery,
  refreshQuery,
  queryString,
  type PointSelection,
  type QueryInit,
  type QueryKind,
  type QueryState,
} from './model/query-state.js';
export { parseTimeRange, absoluteRange, TimeRangeError, type ResolvedRange, type TimeBound, type TimeRange } from './model/time-range.js';
export { systemClock, type Clock, type TimerHandle } from './model/clock.js';

// Types of element properties and event fields
export type { QueryStatus } from './controllers/query-controller.js';
export type { SelectorParseResult, SelectorProblem } from './model/selector/index.js';
export type { ChartData, ChartSeries } from './model/metrics/series.js';
export type { MetricUnit } from './model/units.js';
export type { FlamegraphData, FlamegraphRecordInput } from './elements/flamegraph/fetch.js';
export type { FlamechartData, FlamechartRecordInput } from './elements/flamechart/fetch.js';
export type { Timeline } from './model/flamechart/timeline.js';
export type { ChartLimit, TimeWindow } from './model/flamechart/window.js';
export type { FunctionTableData } from './elements/samples-data.js';
export type { BreakdownModel, BreakdownRow, ValueRow, OtherRow } from './model/breakdown/rank.js';
export type { BreakdownGroup, PointValue } from './model/breakdown/groups.js';
export type { ShownColumn } from './elements/function-table/table-template.js';
export type { FunctionTable } from './model/flamegraph/table.js';
export type { FrameDetails } from './model/flamegraph/details.js';
export type { FlamegraphView } from './model/flamegraph/view-state.js';
export type { Orientation } from './elements/flamegraph/renderer.js';
export type { ColorBy } from './model/flamegraph/colors.js';
export type { LabelAlign } from './model/flamegraph/label-fit.js';
export type { DiffPalette } from './model/flamegraph/diff-colors.js';
export type { FrameFilter, FilterField, FilterMatch, FilterScope } from './model/flamegraph/filters.js';
export type { FlamegraphOptions, BaselineSpec } from './model/flamegraph/options.js';
export type { CompareMode } from './model/compare/compare.js';
