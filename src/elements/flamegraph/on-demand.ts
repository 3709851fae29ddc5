// What a flame graph needs only once someone asks for more than the graph, loaded then: the analysis controls,
// filter chips and diff legend, the profile's metadata, and detail on focus (a frame focused in a trimmed graph). (The samples behind a sandwich load with model/pprof/views.ts.)
export { renderAnalysis } from './analysis-controls.js';
export { fetchMetadata } from './metadata.js';
export { FocusDetail } from './focus-detail.js';
// The sandwich a flame graph shows in place of its graph (`sandwich`).
import '../../define/sandwich.js';
