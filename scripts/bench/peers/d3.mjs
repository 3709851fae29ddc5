// The d3-flame-graph peer, bundled by scripts/bench/run.mjs with esbuild (plain JavaScript, like the Grafana peer):
// d3-flame-graph 5 with `minFrameSize(1)` and no transitions, drawing SVG, given nested nodes built from the same
// tree as ours. The nodes are built before the clock starts (the peer starts from decoded objects).
import flamegraph from 'd3-flame-graph';
// The package exports no path to its stylesheet: it is read from the install.
import styles from './node_modules/d3-flame-graph/dist/d3-flamegraph.css';
import { select } from 'd3-selection';

/** The package's own stylesheet (labels, frames), for the page to adopt before the clock starts. */
export { styles };

/**
 * `{ name, value, children }` nodes (value: the node's total) from `buffer` as trees.ts writes it: pre-order,
 * float64 value[n], float64 self[n], int32 level[n], int32 label index[n].
 */
export function nodesOf({ buffer, labels, nodes }) {
  const value = new Float64Array(buffer, 0, nodes);
  const level = new Int32Array(buffer, nodes * 16, nodes);
  const label = new Int32Array(buffer, nodes * 20, nodes);
  const root = { name: labels[label[0]], value: value[0], children: [] };
  // In pre-order, a node's parent is the last node seen one level up.
  const path = [root];
  for (let i = 1; i < nodes; i++) {
    const node = { name: labels[label[i]], value: value[i], children: [] };
    path.length = level[i];
    path[level[i] - 1].children.push(node);
    path.push(node);
  }
  return root;
}

export function render(container, root, width) {
  select(container).datum(root).call(flamegraph().width(width).transitionDuration(0).minFrameSize(1));
}
