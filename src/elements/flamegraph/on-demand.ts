// What a flame graph needs only once someone asks for more than the graph, loaded then: the function table and
// the sandwich (reading the query's samples, the figures computed from them, the table's template), and the
// analysis controls, filter chips and diff legend.
export { ProfileSamples, decodePprof, gunzipIfNeeded, profileTotal } from '../../model/pprof/views.js';
export { renderTable } from './function-table.js';
export { renderAnalysis } from './analysis-controls.js';
