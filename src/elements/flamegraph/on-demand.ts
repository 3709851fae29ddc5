// What a flame graph needs only once someone asks for more than the graph, loaded then: the analysis controls,
// filter chips and diff legend. (The samples behind a sandwich load with model/pprof/views.ts.)
export { renderAnalysis } from './analysis-controls.js';
// The sandwich a flame graph shows in place of its graph (`sandwich`).
import '../../define/sandwich.js';
