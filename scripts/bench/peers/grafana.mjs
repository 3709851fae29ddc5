// The Grafana peer, bundled by scripts/bench/run.mjs (plain JavaScript: the scripts' type check must not need the
// peers installed) with esbuild (React in production mode): @grafana/flamegraph's <FlameGraph> (the graph alone,
// or the whole container with its table) given a data frame built from the same tree as ours. The frame is built
// before the clock starts (the peer starts from decoded objects); the clock covers the render and its canvas draws.
import { FlameGraph } from '@grafana/flamegraph';
import { FieldType, createDataFrame, createTheme } from '@grafana/data';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

const theme = createTheme();

/**
 * A data frame with fields label, level, value, self in pre-order (nested set), as the component documents, from
 * `buffer` as trees.ts writes it (value, self, level, label index) and the label strings.
 */
export function frameOf({ buffer, labels, nodes }) {
  const value = new Float64Array(buffer, 0, nodes);
  const self = new Float64Array(buffer, nodes * 8, nodes);
  const level = new Int32Array(buffer, nodes * 16, nodes);
  const label = new Int32Array(buffer, nodes * 20, nodes);
  return createDataFrame({
    name: 'response',
    fields: [
      { name: 'label', type: FieldType.string, values: Array.from(label, (index) => labels[index]) },
      { name: 'level', type: FieldType.number, values: Array.from(level) },
      { name: 'value', type: FieldType.number, values: Array.from(value), config: { unit: 'ns' } },
      { name: 'self', type: FieldType.number, values: Array.from(self), config: { unit: 'ns' } },
    ],
  });
}

/** A React root in `container`, created ahead so the measured part is the render of the data. */
export function mount(container) {
  return createRoot(container);
}

/** Renders the flame graph alone, or (`full`) the whole container: its header, the graph and the function table. */
export function render(root, data, full = false) {
  root.render(createElement(FlameGraph, { data, getTheme: () => theme, showFlameGraphOnly: !full }));
}
