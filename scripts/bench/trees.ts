// Builds the benchmark's synthetic trees in Node, once per run, and writes them where the pages fetch them: the
// same tree as a Parca-shaped record (ours) and as Grafana's nested-set columns (the peers). The tree recorded from
// the real Parca (parca-record.ts) is written the same way. Built outside the page so that nothing the page runs
// before the measured hand-over warms the code being measured.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type RecordSpec, buildFlamegraphRecord, chainSpec, randomChartSamples, randomTreeSpec, timelineSpec } from '../../src/test-support/flamegraph-record.js';

export interface TreeCase {
  id: string;
  nodes: number;
  /** A single chain of `nodes - 1` levels below the root instead of a random tree. */
  chain?: boolean;
}

export interface TreeFiles {
  id: string;
  nodes: number;
  maxDepth: number;
  recordBytes: number;
}

/**
 * Grafana's input, pre-order (a node, then its subtrees left to right): float64 value[n], float64 self[n],
 * int32 level[n], int32 label index[n] in one buffer, and the label strings apart as JSON.
 */
function nestedSet(spec: RecordSpec): { buffer: Uint8Array; labels: string[]; maxDepth: number } {
  const size = spec.parent.length;
  const childCount = new Int32Array(size);
  for (let row = 1; row < size; row++) childCount[spec.parent[row]!]!++;
  const childStart = new Int32Array(size + 1);
  for (let row = 0; row < size; row++) childStart[row + 1] = childStart[row]! + childCount[row]!;
  const children = new Int32Array(Math.max(0, size - 1));
  const fill = childStart.slice(0, size);
  for (let row = 1; row < size; row++) children[fill[spec.parent[row]!]!++] = row;

  const value = new Float64Array(size);
  const self = new Float64Array(size);
  const level = new Int32Array(size);
  const label = new Int32Array(size);
  const labelIndex = new Map<string, number>();
  const labels: string[] = [];
  const indexOf = (text: string) => {
    let index = labelIndex.get(text);
    if (index === undefined) labelIndex.set(text, (index = labels.push(text) - 1));
    return index;
  };
  // An explicit stack: a 5,000-deep chain would overflow a recursive walk.
  const stack: number[] = [0];
  const depthOf = new Int32Array(size);
  let at = 0;
  let maxDepth = 0;
  while (stack.length) {
    const row = stack.pop()!;
    value[at] = spec.cumulative[row]!;
    self[at] = spec.flat?.[row] ?? 0;
    level[at] = depthOf[row]!;
    label[at] = indexOf(row === 0 ? 'total' : (spec.names?.[row] ?? '?'));
    maxDepth = Math.max(maxDepth, depthOf[row]!);
    at++;
    for (let k = childStart[row + 1]! - 1; k >= childStart[row]!; k--) {
      depthOf[children[k]!] = depthOf[row]! + 1;
      stack.push(children[k]!);
    }
  }
  const buffer = new Uint8Array(size * 24);
  buffer.set(new Uint8Array(value.buffer), 0);
  buffer.set(new Uint8Array(self.buffer), size * 8);
  buffer.set(new Uint8Array(level.buffer), size * 16);
  buffer.set(new Uint8Array(label.buffer), size * 20);
  return { buffer, labels, maxDepth };
}

/** Writes `<id>.record.bin`, `<id>.grafana.bin` and `<id>.grafana.json` into `dir`: one tree for every contestant. */
export function writeTree(dir: string, id: string, record: Uint8Array, spec: RecordSpec): TreeFiles {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${id}.record.bin`), record);
  const { buffer, labels, maxDepth } = nestedSet(spec);
  writeFileSync(join(dir, `${id}.grafana.bin`), buffer);
  writeFileSync(join(dir, `${id}.grafana.json`), JSON.stringify({ nodes: spec.parent.length, labels }));
  return { id, nodes: spec.parent.length, maxDepth, recordBytes: record.length };
}

/** The synthetic trees: random ones of `nodes` nodes, or a chain. */
export function writeTrees(dir: string, cases: TreeCase[]): TreeFiles[] {
  return cases.map((tree) => {
    const spec = tree.chain ? chainSpec(tree.nodes - 1) : randomTreeSpec(tree.nodes, 11);
    return writeTree(dir, tree.id, buildFlamegraphRecord(spec, { valueWidth: 64, indexWidth: 16 }), spec);
  });
}

/** A flame chart's case: `samples` samples 10 ms apart, their stacks a random walk (runs of equal stacks merge). */
export interface ChartCase {
  readonly id: string;
  readonly samples: number;
}

/** Writes `<id>.chart.bin` (a REPORT_TYPE_FLAMECHART record) into `dir`; answers its frame count and window. */
export function writeCharts(dir: string, cases: readonly ChartCase[]): { id: string; frames: number; startMs: number; endMs: number }[] {
  mkdirSync(dir, { recursive: true });
  const startMs = 1_796_000_000_000;
  const periodNs = 10_000_000;
  return cases.map((chart) => {
    const spec = timelineSpec(randomChartSamples(chart.samples, BigInt(startMs) * 1_000_000n, periodNs, 13));
    writeFileSync(join(dir, `${chart.id}.chart.bin`), buildFlamegraphRecord(spec, { valueWidth: 64, indexWidth: 16 }));
    return { id: chart.id, frames: spec.parent.length, startMs, endMs: startMs + (chart.samples * periodNs) / 1e6 };
  });
}
