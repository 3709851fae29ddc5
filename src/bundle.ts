// The one-file bundle's entry: registers every element and exports what a page with no build step needs to
// drive elements itself: `import { createConnection, createQueryState } from './parca-elements.bundle.js'`.
import './define.js';
export { ParcaSourceElement } from './elements/source/source.js';
export { ParcaQueryEditorElement } from './elements/query-editor/query-editor.js';
export { ParcaMetricsElement } from './elements/metrics/metrics.js';
export { ParcaFlamegraphElement } from './elements/flamegraph/flamegraph.js';
export { ParcaFunctionTableElement } from './elements/function-table/function-table.js';
export { ParcaCalltreeElement } from './elements/calltree/calltree.js';
export { ParcaSandwichElement } from './elements/sandwich/sandwich.js';
export { createConnection } from './client/connection.js';
export { ParcaError } from './client/errors.js';
export { createQueryState, withQuery, refreshQuery, queryString } from './model/query-state.js';
export { parseTimeRange, absoluteRange } from './model/time-range.js';
export { systemClock } from './model/clock.js';
export { ParcaQuerySubmitEvent } from './events/query-submit.js';
export { ParcaQueryChangeEvent } from './events/query-change.js';
export { ParcaRangeSelectEvent } from './events/range-select.js';
export { ParcaPointSelectEvent } from './events/point-select.js';
export { ParcaBaselineSelectEvent } from './events/baseline-select.js';
export { ParcaRefreshSelectEvent } from './events/refresh-select.js';
export { ParcaFrameSelectEvent } from './events/frame-select.js';
export { ParcaSandwichSelectEvent } from './events/sandwich-select.js';
export { ParcaViewChangeEvent } from './events/view-change.js';
export { ParcaSourceChangeEvent } from './events/source-change.js';
export { ParcaLoadEvent } from './events/load.js';
export { ParcaFlamegraphLoadEvent } from './events/flamegraph-load.js';
export { ParcaErrorEvent } from './events/error.js';
