// Registers every element. `parca-source` comes first, so elements upgraded after it find their provider.
import './define/source.js';
import './define/query-editor.js';
import './define/metrics.js';
import './define/flamegraph.js';
import './define/function-table.js';
import './define/calltree.js';
import './define/sandwich.js';
import './define/breakdown.js';
import './define/flamechart.js';
import './define/compare.js';
