// Builds flame graph records with the same columns, types and compression as Parca's, for edge cases a real
// server does not produce on demand (and for benchmarks). The shape follows a record read from Parca v0.28.0.
import { CompressionType, type DataType, binary, bool, dictionary, int, int32, int64, list, tableFromArrays, tableToIPC, uint32 } from '@uwdata/flechette';
import { registerLz4Codec } from './lz4-codec.js';

export type Width = 8 | 16 | 32 | 64;

export interface RecordSpec {
  /** Parent row per row; row 0 is the root with -1. Rows must be breadth-first (parents first). */
  parent: ArrayLike<number>;
  cumulative: ArrayLike<number>;
  flat?: ArrayLike<number>;
  diff?: ArrayLike<number>;
  /** Function name per row (null for the root or unknown frames). */
  names?: ArrayLike<string | null>;
  files?: ArrayLike<string | null>;
  binaries?: ArrayLike<string | null>;
  lines?: ArrayLike<number | null>;
  /** A flame chart's frame start per row, unix ns (0 in a flame graph). */
  timestamps?: ArrayLike<bigint>;
}

export interface RecordOptions {
  /** Bit width of the unsigned value columns (cumulative, flat, value_offset, depth); Parca picks the smallest. */
  valueWidth?: Width;
  diffWidth?: Width;
  /** Index type of the dictionary columns. */
  indexWidth?: 8 | 16 | 32;
  /** false writes an uncompressed stream. */
  compress?: boolean;
  /** Leaves the children column out. */
  omitChildren?: boolean;
  /** Leaves the timestamp column out (a record no flame chart can use). */
  omitTimestamps?: boolean;
  /** Splits the rows into record batches of at most this many (Parca writes one). */
  maxBatchRows?: number;
}

const encoder = new TextEncoder();

function bytesOf(cache: Map<string, Uint8Array>, text: string | null | undefined): Uint8Array | null {
  if (text == null) return null;
  let bytes = cache.get(text);
  if (!bytes) cache.set(text, (bytes = encoder.encode(text)));
  return bytes;
}

function column<T>(length: number, fill: (row: number) => T): T[] {
  const values = new Array<T>(length);
  for (let row = 0; row < length; row++) values[row] = fill(row);
  return values;
}

/** Children lists (null on leaves), depths and value offsets derived from parents and cumulative values. */
export function deriveTree(parent: ArrayLike<number>, cumulative: ArrayLike<number>) {
  const size = parent.length;
  const children: (number[] | null)[] = new Array<number[] | null>(size).fill(null);
  const depth = new Array<number>(size).fill(0);
  const offset = new Array<number>(size).fill(0);
  const nextOffset = new Array<number>(size).fill(0);
  for (let row = 1; row < size; row++) {
    const p = parent[row]!;
    (children[p] ??= []).push(row);
    depth[row] = depth[p]! + 1;
    offset[row] = offset[p]! + nextOffset[p]!;
    nextOffset[p]! += cumulative[row]!;
  }
  return { children, depth, offset };
}

/** Encodes `spec` as an Arrow IPC stream shaped like Parca's FlamegraphArrow.record. */
export function buildFlamegraphRecord(spec: RecordSpec, options: RecordOptions = {}): Uint8Array {
  registerLz4Codec();
  const size = spec.parent.length;
  const { children, depth, offset } = deriveTree(spec.parent, spec.cumulative);
  const valueWidth = options.valueWidth ?? 64;
  const unsigned = int(valueWidth, false);
  const index = int(options.indexWidth ?? 32, false);
  const text = new Map<string, Uint8Array>();
  const strings = (values: ArrayLike<string | null> | undefined) => column(size, (row) => (row === 0 ? null : bytesOf(text, values?.[row] ?? '')));
  const numeric = (values: ArrayLike<number> | undefined, width: Width) => column(size, (row) => (width === 64 ? BigInt(values?.[row] ?? 0) : (values?.[row] ?? 0)));
  const data: Record<string, unknown[]> = {
    labels_only: column(size, (row) => (row === 0 ? null : false)),
    location_address: column(size, (row) => (row === 0 ? null : 0n)),
    mapping_file: strings(spec.binaries),
    mapping_build_id: strings(undefined),
    location_line: column(size, (row) => (row === 0 ? null : (spec.lines?.[row] ?? null))),
    inlined: column(size, () => false),
    function_startline: column(size, (row) => (row === 0 ? null : 0)),
    function_name: strings(spec.names),
    function_system_name: strings(spec.names),
    function_file_name: strings(spec.files),
    children: children,
    parent: column(size, (row) => (row === 0 ? -1 : spec.parent[row]!)),
    cumulative: numeric(spec.cumulative, valueWidth),
    flat: numeric(spec.flat, valueWidth),
    diff: numeric(spec.diff, options.diffWidth ?? 8),
    timestamp: column(size, (row) => spec.timestamps?.[row] ?? 0n),
    depth: numeric(depth, valueWidth),
    value_offset: numeric(offset, valueWidth),
  };
  if (options.omitChildren) delete data.children;
  if (options.omitTimestamps) delete data.timestamp;
  const dict = (id: number) => dictionary(binary(), index, false, id);
  const types: Record<string, DataType> = {
    labels_only: bool(),
    location_address: int64(),
    mapping_file: dict(0),
    mapping_build_id: dict(1),
    location_line: int(16, false),
    inlined: bool(),
    function_startline: int(8, false),
    function_name: dict(2),
    function_system_name: dict(3),
    function_file_name: dict(4),
    children: list(uint32()),
    parent: int32(),
    cumulative: unsigned,
    flat: unsigned,
    diff: int(options.diffWidth ?? 8, true),
    timestamp: int64(),
    depth: unsigned,
    value_offset: unsigned,
  };
  const table = tableFromArrays(data, { types, ...(options.maxBatchRows ? { maxBatchRows: options.maxBatchRows } : {}) });
  const bytes = tableToIPC(table, { format: 'stream', codec: options.compress === false ? null : CompressionType.LZ4_FRAME });
  if (!bytes) throw new Error('flechette produced no bytes');
  return bytes;
}

/** A random tree of `size` rows, breadth-first, with names from a small pool (like real programs). */
export function randomTreeSpec(size: number, seed = 1, maxChildren = 8): RecordSpec {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  const parent = new Int32Array(size);
  parent[0] = -1;
  // Breadth-first: each row in turn receives children until the size is reached.
  let next = 1;
  for (let row = 0; row < size && next < size; row++) {
    const count = row === 0 ? Math.max(1, Math.ceil(random() * maxChildren)) : Math.floor(random() * (maxChildren + 1));
    for (let k = 0; k < count && next < size; k++) parent[next++] = row;
    if (row === next - 1 && next < size) parent[next++] = row; // keep the tree growing
  }
  const flat = new Float64Array(size);
  for (let row = 1; row < size; row++) flat[row] = 1 + Math.floor(random() * 1000);
  const cumulative = Float64Array.from(flat);
  for (let row = size - 1; row > 0; row--) cumulative[parent[row]!]! += cumulative[row]!;
  const pool = 2000;
  const names = new Array<string | null>(size);
  const files = new Array<string | null>(size);
  const binaries = new Array<string | null>(size);
  const packages = ['runtime', 'net/http', 'github.com/parca-dev/parca/pkg/query', 'main', 'encoding/json', 'sync'];
  for (let row = 0; row < size; row++) {
    const id = Math.floor(random() * pool);
    const pkg = packages[id % packages.length]!;
    names[row] = row === 0 ? null : `${pkg}.function${id}`;
    files[row] = row === 0 ? null : `/src/${pkg}/file${id % 97}.go`;
    binaries[row] = row === 0 ? null : `/usr/bin/binary${id % 5}`;
  }
  return { parent, cumulative, flat, names, files, binaries };
}

/** A single chain of `depth` frames below the root. */
export function chainSpec(depth: number): RecordSpec {
  const size = depth + 1;
  const parent = Int32Array.from({ length: size }, (_, row) => row - 1);
  const cumulative = new Float64Array(size).fill(1000);
  const flat = new Float64Array(size);
  flat[size - 1] = 1000;
  const names = Array.from({ length: size }, (_, row) => (row === 0 ? null : `recurse${row % 10}`));
  return { parent, cumulative, flat, names };
}

/** One sample of a flame chart: its stack (root first), when it was taken and what it counted (ns). */
export interface ChartSample {
  readonly stack: readonly string[];
  readonly timeNs: bigint;
  readonly value: number;
}

/**
 * A flame chart's rows as Parca builds them: samples in time order, each frame merged into its parent's last child
 * when that has the same name and ends where the sample starts; the rows numbered breadth-first.
 */
export function timelineSpec(samples: readonly ChartSample[]): RecordSpec & { timestamps: bigint[] } {
  interface Node {
    name: string | null;
    start: bigint;
    value: number;
    self: number;
    children: Node[];
  }
  const root: Node = { name: null, start: 0n, value: 0, self: 0, children: [] };
  for (const sample of samples) {
    root.value += sample.value;
    let node = root;
    for (const [i, name] of sample.stack.entries()) {
      const last = node.children[node.children.length - 1];
      const next =
        last && last.name === name && last.start + BigInt(last.value) === sample.timeNs
          ? last
          : node.children[node.children.push({ name, start: sample.timeNs, value: 0, self: 0, children: [] }) - 1]!;
      next.value += sample.value;
      if (i === sample.stack.length - 1) next.self += sample.value;
      node = next;
    }
  }
  const parent: number[] = [];
  const cumulative: number[] = [];
  const flat: number[] = [];
  const names: (string | null)[] = [];
  const timestamps: bigint[] = [];
  const queue: [Node, number][] = [[root, -1]];
  for (let i = 0; i < queue.length; i++) {
    const [node, up] = queue[i]!;
    parent.push(up);
    cumulative.push(node.value);
    flat.push(node.self);
    names.push(node.name);
    timestamps.push(node.start);
    for (const child of node.children) queue.push([child, i]);
  }
  return { parent, cumulative, flat, names, binaries: names.map(() => '/usr/bin/app'), timestamps };
}

/** `count` samples a `periodNs` apart from `startNs`, their stacks a random walk over a few names (reproducible). */
export function randomChartSamples(count: number, startNs: bigint, periodNs: number, seed = 1, maxDepth = 12): ChartSample[] {
  let state = seed >>> 0 || 1;
  const random = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pool = ['main', 'serve', 'handle', 'parse', 'encode', 'hash', 'gc', 'alloc', 'read', 'write', 'lock', 'sleep'];
  let stack = ['main'];
  const samples: ChartSample[] = [];
  for (let i = 0; i < count; i++) {
    // Mostly the same stack as before (runs merge), sometimes a frame deeper or shallower.
    const r = random();
    if (r < 0.2 && stack.length < maxDepth) stack = [...stack, pool[Math.floor(random() * pool.length)]!];
    else if (r < 0.4 && stack.length > 1) stack = stack.slice(0, 1 + Math.floor(random() * (stack.length - 1)));
    samples.push({ stack, timeNs: startNs + BigInt(i * periodNs), value: random() < 0.1 ? Math.floor(periodNs / 2) : periodNs });
  }
  return samples;
}
