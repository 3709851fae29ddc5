// Decodes Parca's Arrow flame graph record (FlamegraphArrow.record) into a columnar model: one typed array per
// numeric column, indexed by row, and string columns kept as dictionary keys with text decoded on demand
// (arrow/record.ts reads the columns; this file builds the tree from them). Nothing here allocates an object per
// node.
import { EMPTY_STRINGS, NO_RAW, type NumberArray, RecordReadError, type RawColumn, type RecordReader, type StringColumn, openRecord } from '../arrow/record.js';
import { type SliceOptions, runSteps, runStepsSliced } from '../steps.js';

export class FlamegraphDecodeError extends Error {
  override readonly name = 'FlamegraphDecodeError';
}

export interface FlamegraphModel {
  /** Number of rows (nodes), the root included. */
  readonly size: number;
  readonly cumulative: Float64Array;
  readonly flat: Float64Array;
  readonly diff: NumberArray;
  readonly valueOffset: Float64Array;
  readonly depth: Uint32Array;
  /** Parent row, -1 for the root. */
  readonly parent: Int32Array;
  /** Children in CSR form: the children of `row` are `childIndex[childStart[row] .. childStart[row + 1])`. */
  readonly childStart: Uint32Array;
  readonly childIndex: Uint32Array;
  /** 1 where the row is a label group (with `group_by`), not a frame. */
  readonly labelsOnly: Uint8Array;
  readonly inlined: Uint8Array;
  /** Source line of the location, 0 when unknown. */
  readonly locationLine: NumberArray;
  readonly functionStartLine: NumberArray;
  readonly locationAddress: RawColumn;
  readonly functionName: StringColumn;
  readonly functionSystemName: StringColumn;
  readonly functionFileName: StringColumn;
  readonly mappingFile: StringColumn;
  readonly mappingBuildId: StringColumn;
  /** `labels.<name>` columns, by label name. */
  readonly labels: ReadonlyMap<string, StringColumn>;
  /** The deepest depth (the root is 0). */
  readonly maxDepth: number;
  /** The root's cumulative value (0 for an empty record). */
  readonly total: number;
}

function fail(message: string): never {
  throw new FlamegraphDecodeError(message);
}

// ---- The tree ----

/** Checks the parent column: the root first, then every row's parent an earlier row (breadth-first order). */
export function checkParents(parent: Int32Array): void {
  const size = parent.length;
  if (size > 0 && parent[0] !== -1) fail(`row 0 is not the root (its parent is ${parent[0]})`);
  for (let row = 1; row < size; row++) {
    const p = parent[row]!;
    // A parent always comes before its children: this also rules out cycles.
    if (!(p >= 0 && p < row)) fail(`row ${row} has parent ${p}, which is not an earlier row`);
  }
}

/** Depths from parents (the record's own depth column says the same), and the deepest. */
export function depthsFromParents(parent: Int32Array): { depth: Uint32Array; maxDepth: number } {
  const depth = new Uint32Array(parent.length);
  let maxDepth = 0;
  for (let row = 1; row < parent.length; row++) {
    const d = depth[parent[row]!]! + 1;
    depth[row] = d;
    if (d > maxDepth) maxDepth = d;
  }
  return { depth, maxDepth };
}

interface Tree {
  /** Children in CSR form, in row order (which is Parca's children order). */
  readonly childStart: Uint32Array;
  readonly childIndex: Uint32Array;
  readonly depth: Uint32Array;
  readonly maxDepth: number;
  /** Each row's offset within the root (see offsetsFromChildren). */
  readonly valueOffset: Float64Array;
}

/**
 * The tree from the parent column, checked (checkParents) in the same pass that counts children and depths and
 * places each row after its siblings (offsetsFromChildren). When parents never go down from one row to the next, as
 * in Parca's breadth-first rows, every row in order is the children list and that pass is all; other parent-first
 * orders take two more.
 */
export function treeFromParents(parent: Int32Array, cumulative: Float64Array): Tree {
  const size = parent.length;
  if (size > 0 && parent[0] !== -1) fail(`row 0 is not the root (its parent is ${parent[0]})`);
  const childStart = new Uint32Array(size + 1);
  const depth = new Uint32Array(size);
  const valueOffset = new Float64Array(size);
  let maxDepth = 0;
  let ordered = true;
  // While rows are ordered, the current parent's children come in a run: `nextOffset` is where the next one starts.
  let nextOffset = 0;
  for (let row = 1, previous = 0; row < size; row++) {
    const p = parent[row]!;
    // A parent always comes before its children: this also rules out cycles.
    if (!(p >= 0 && p < row)) fail(`row ${row} has parent ${p}, which is not an earlier row`);
    if (p !== previous) {
      if (p < previous) ordered = false;
      previous = p;
      nextOffset = valueOffset[p]!;
    }
    valueOffset[row] = nextOffset;
    nextOffset += cumulative[row]!;
    childStart[p + 1]!++;
    const d = depth[p]! + 1;
    depth[row] = d;
    if (d > maxDepth) maxDepth = d;
  }
  for (let row = 0; row < size; row++) childStart[row + 1]! += childStart[row]!;
  const childIndex = new Uint32Array(Math.max(0, size - 1));
  if (ordered) {
    for (let k = 0; k < childIndex.length; k++) childIndex[k] = k + 1;
    return { childStart, childIndex, depth, maxDepth, valueOffset };
  }
  // Each parent's next free slot is its start plus the children placed so far (rows come in order).
  const next = childStart.slice(0, size);
  for (let row = 1; row < size; row++) childIndex[next[parent[row]!]!++] = row;
  return { childStart, childIndex, depth, maxDepth, valueOffset: offsetsFromChildren(cumulative, childStart, childIndex, size) };
}

/**
 * Each row's offset within the root: its parent's, plus the values of the siblings before it. This is how Parca
 * (v0.28) fills its value_offset column, which is therefore not read: that saves decompressing a column as large as
 * `cumulative`, and offsets follow the signed values (Parca writes them unsigned, so a negative one would wrap).
 */
function offsetsFromChildren(cumulative: Float64Array, childStart: Uint32Array, childIndex: Uint32Array, size: number): Float64Array {
  const offset = new Float64Array(size);
  for (let row = 0; row < size; row++) {
    let x = offset[row]!;
    for (let k = childStart[row]!; k < childStart[row + 1]!; k++) {
      const child = childIndex[k]!;
      offset[child] = x;
      x += cumulative[child]!;
    }
  }
  return offset;
}

// ---- Decoding ----

/** Reads one column of `record` as a step: loads (decompresses) it, extracts it, and yields. */
export function columnSteps(record: RecordReader) {
  return function* <T>(name: string, extract: (name: string) => T): Generator<void, T> {
    yield* record.load(name);
    const value = extract(name);
    yield;
    return value;
  };
}

/**
 * The decoding, one column at a time: it yields between steps so a caller can spread the work over several
 * tasks (decodeFlamegraphSliced) or run it all at once (decodeFlamegraph). Each step is a few milliseconds for a
 * million rows.
 */
function* decodeSteps(bytes: Uint8Array, onPreview?: (model: FlamegraphModel) => void): Generator<void, FlamegraphModel> {
  if (bytes.length === 0) return emptyModel();
  const record = openRecord(bytes);
  if (!record.has('cumulative') || !record.has('parent')) fail('the record has no cumulative or parent column: it is not a Parca flame graph');
  yield;
  if (onPreview && record.size >= previewLimits.minRows) {
    const preview = tryPreview(record);
    if (preview) onPreview(preview);
    yield;
  }
  return yield* modelSteps(record);
}

/** Records of at least this many rows take long enough to decode that their top levels are shown first. */
export const PREVIEW_MIN_ROWS = 200_000;

/** When a preview is made (tests lower them to preview small records). */
export const previewLimits = {
  minRows: PREVIEW_MIN_ROWS,
  /** How many of the first rows the top levels are taken from: a few milliseconds to decompress and draw. */
  rows: 1 << 13,
};

/**
 * The top levels of a record, for a first picture while the rest decodes: the levels that are whole within its
 * first `rows` rows (Parca's rows are breadth-first). Every value is the record's own, so the picture has fewer
 * levels, never other widths. Undefined when the record is not breadth-first or its first level is not whole.
 */
export function previewModel(record: RecordReader, rows: number): FlamegraphModel | undefined {
  if (record.size <= rows) return undefined;
  const head = record.prefix(rows);
  if (!head) return undefined;
  const parent = head.int32('parent');
  checkParents(parent);
  const { depth } = depthsFromParents(parent);
  for (let row = 1; row < rows; row++) if (depth[row]! < depth[row - 1]!) return undefined;
  // The deepest level in the prefix may go on past it: leave it out.
  let end = rows;
  while (end > 0 && depth[end - 1] === depth[rows - 1]) end--;
  if (end <= 1) return undefined;
  return runSteps(modelSteps(head.prefix(end)!));
}

/** A preview is a bonus: a record whose first rows cannot make one still decodes whole (or says what is wrong). */
function tryPreview(record: RecordReader): FlamegraphModel | undefined {
  try {
    return previewModel(record, previewLimits.rows);
  } catch {
    return undefined;
  }
}

/** Builds the model from the record's columns, one column a step. */
function* modelSteps(record: RecordReader): Generator<void, FlamegraphModel> {
  const size = record.size;
  const read = columnSteps(record);
  // Values are sums of signed samples that Parca stores as unsigned 64-bit: a delta profile's frame can shrink.
  const cumulative = yield* read('cumulative', (name) => record.doubles(name, true));
  const parent = yield* read('parent', (name) => record.int32(name));
  const { childStart, childIndex, depth, maxDepth, valueOffset } = treeFromParents(parent, cumulative);
  yield;
  const flat = yield* read('flat', (name) => record.doubles(name, true));
  const diff = yield* read('diff', (name) => record.numbers(name));
  const labelsOnly = yield* read('labels_only', (name) => record.flags(name));
  const inlined = yield* read('inlined', (name) => record.flags(name));
  const locationLine = yield* read('location_line', (name) => record.numbers(name));
  const functionStartLine = yield* read('function_startline', (name) => record.numbers(name));
  const locationAddress = yield* read('location_address', (name) => record.raw(name));
  const strings = (name: string) => read(name, (column) => record.strings(column));
  const functionName = yield* strings('function_name');
  const functionSystemName = yield* strings('function_system_name');
  const functionFileName = yield* strings('function_file_name');
  const mappingFile = yield* strings('mapping_file');
  const mappingBuildId = yield* strings('mapping_build_id');
  const labels = new Map<string, StringColumn>();
  for (const field of record.fields) {
    if (field.name.startsWith('labels.')) labels.set(field.name.slice('labels.'.length), yield* strings(field.name));
  }
  return {
    size,
    cumulative,
    flat,
    diff,
    valueOffset,
    depth,
    parent,
    childStart,
    childIndex,
    labelsOnly,
    inlined,
    locationLine,
    functionStartLine,
    locationAddress,
    functionName,
    functionSystemName,
    functionFileName,
    mappingFile,
    mappingBuildId,
    labels,
    maxDepth,
    total: size > 0 ? cumulative[0]! : 0,
  };
}

export function asDecodeError(error: unknown): FlamegraphDecodeError {
  if (error instanceof FlamegraphDecodeError) return error;
  // The record reader's own refusals already say what is wrong with the record.
  if (error instanceof RecordReadError) return new FlamegraphDecodeError(error.message);
  return new FlamegraphDecodeError(`the flame graph record could not be read: ${(error as Error).message}`);
}

/** Decodes the bytes of a FlamegraphArrow record. Throws FlamegraphDecodeError on anything malformed. */
export function decodeFlamegraph(bytes: Uint8Array): FlamegraphModel {
  try {
    return runSteps(decodeSteps(bytes));
  } catch (error) {
    throw asDecodeError(error);
  }
}

/** How decodeFlamegraphSliced slices its work (see SliceOptions), and where it sends a large record's top levels. */
export interface SlicedDecodeOptions extends SliceOptions {
  /** Called once, early, with the top levels of a record of PREVIEW_MIN_ROWS rows or more (see previewModel). */
  onPreview?: (model: FlamegraphModel) => void;
}

/**
 * Decodes like decodeFlamegraph, in slices of about `sliceMs` between which the event loop runs, so a large
 * record never blocks the page in one long task. The model is the same as decodeFlamegraph's.
 */
export async function decodeFlamegraphSliced(bytes: Uint8Array, options: SlicedDecodeOptions = {}): Promise<FlamegraphModel> {
  try {
    return await runStepsSliced(decodeSteps(bytes, options.onPreview), options);
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    throw asDecodeError(error);
  }
}

/** A model with no rows (an empty record). */
export function emptyModel(): FlamegraphModel {
  return {
    size: 0,
    cumulative: new Float64Array(0),
    flat: new Float64Array(0),
    diff: new Float64Array(0),
    valueOffset: new Float64Array(0),
    depth: new Uint32Array(0),
    parent: new Int32Array(0),
    childStart: new Uint32Array(1),
    childIndex: new Uint32Array(0),
    labelsOnly: new Uint8Array(0),
    inlined: new Uint8Array(0),
    locationLine: new Float64Array(0),
    functionStartLine: new Float64Array(0),
    locationAddress: NO_RAW,
    functionName: EMPTY_STRINGS,
    functionSystemName: EMPTY_STRINGS,
    functionFileName: EMPTY_STRINGS,
    mappingFile: EMPTY_STRINGS,
    mappingBuildId: EMPTY_STRINGS,
    labels: new Map(),
    maxDepth: 0,
    total: 0,
  };
}
