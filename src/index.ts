// The library's classes, events and types, with no side effects: import './define.js' to register the tags.
export { ParcaSourceElement } from './elements/source/source.js';
export { ParcaElement } from './elements/parca-element.js';
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
export { ParcaErrorEvent } from './events/error.js';
export { ParcaLoadEvent } from './events/load.js';
export * from './model/query-state.js';
export * from './model/time-range.js';
export * from './model/profile-type.js';
