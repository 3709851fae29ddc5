// Decodes Parca's Arrow flame graph record (FlamegraphArrow.record) into a columnar model: one typed array per
// numeric column, indexed by row, and string columns kept as dictionary keys with text decoded on demand.
// Nothing here allocates an object per node.
import { type Column, Type, tableFromIPC } from '@uwdata/flechette';
import { registerLz4Codec } from './lz4-frame.js';

export class FlamegraphDecodeError extends Error {
  override readonly name = 'FlamegraphDecodeError';
}

/** A string column: `key(row)` is a dictionary key (or -1 for null); `text(key)` decodes it once and caches it. */
export interface StringColumn {
  /** How many distinct keys there are (the dictionary's size). */
  readonly keyCount: number;
  key(row: number): number;
  text(key: number): string;
  /** The row's text, '' for null. */
  value(row: number): string;
}

/** A numeric column that may hold values beyond 2^53 (addresses) or nulls: read lazily. */
export interface RawColumn {
  has(row: number): boolean;
  /** The value as a bigint (exact), or undefined for null. */
  big(row: number): bigint | undefined;
}

export interface FlamegraphModel {
  /** Number of rows (nodes), the root included. */
  readonly size: number;
  readonly cumulative: Float64Array;
  readonly flat: Float64Array;
  readonly diff: Float64Array;
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
  readonly locationLine: Float64Array;
  readonly functionStartLine: Float64Array;
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

type AnyColumn = Column<unknown>;

interface BatchLike {
  length: number;
  nullCount: number;
  validity?: Uint8Array;
  values?: ArrayLike<number | bigint>;
  offsets?: Int32Array;
  children?: BatchLike[];
  cache?: ArrayLike<unknown>;
  at(index: number): unknown;
}

function batches(column: AnyColumn): BatchLike[] {
  return column.data as unknown as BatchLike[];
}

function isValid(batch: BatchLike, index: number): boolean {
  if (!batch.nullCount || !batch.validity) return true;
  return ((batch.validity[index >> 3]! >> (index & 7)) & 1) === 1;
}

/** Copies any integer, float or boolean column into a Float64Array (nulls become 0), whatever its width. */
function readNumbers(column: AnyColumn | undefined, size: number, name: string): Float64Array {
  const out = new Float64Array(size);
  if (!column) return out;
  let offset = 0;
  for (const batch of batches(column)) {
    const values = batch.values;
    if (!values) throw new FlamegraphDecodeError(`column ${name} is not numeric`);
    const n = batch.length;
    if (typeof values[0] === 'bigint' || values instanceof BigInt64Array || values instanceof BigUint64Array) {
      for (let i = 0; i < n; i++) out[offset + i] = Number(values[i] as bigint);
    } else if (column.type.typeId === Type.Bool) {
      for (let i = 0; i < n; i++) out[offset + i] = batch.at(i) ? 1 : 0;
    } else {
      out.set((values as Float64Array).subarray(0, n), offset);
    }
    if (batch.nullCount) for (let i = 0; i < n; i++) if (!isValid(batch, i)) out[offset + i] = 0;
    offset += n;
  }
  return out;
}

function readFlags(column: AnyColumn | undefined, size: number): Uint8Array {
  const out = new Uint8Array(size);
  if (!column) return out;
  let offset = 0;
  for (const batch of batches(column)) {
    for (let i = 0; i < batch.length; i++) out[offset + i] = batch.at(i) ? 1 : 0;
    offset += batch.length;
  }
  return out;
}

const utf8 = new TextDecoder();

function toText(value: unknown): string {
  if (value == null) return '';
  if (value instanceof Uint8Array) return utf8.decode(value);
  return String(value);
}

const EMPTY_STRINGS: StringColumn = { keyCount: 0, key: () => -1, text: () => '', value: () => '' };

/** Dictionary columns keep their keys; plain string/binary columns use the row as key. */
function readStrings(column: AnyColumn | undefined, size: number, name: string): StringColumn {
  if (!column) return EMPTY_STRINGS;
  const parts = batches(column);
  if (column.type.typeId === Type.Dictionary) {
    const keys = new Int32Array(size);
    let offset = 0;
    for (const batch of parts) {
      const values = batch.values!;
      for (let i = 0; i < batch.length; i++) keys[offset + i] = isValid(batch, i) ? Number(values[i]) : -1;
      offset += batch.length;
    }
    // Later batches see the dictionary with any delta batches applied: the last one is the most complete.
    const dictionary = (parts[parts.length - 1]?.cache ?? []) as ArrayLike<unknown>;
    for (let i = 0; i < size; i++) {
      if (keys[i]! >= dictionary.length) throw new FlamegraphDecodeError(`column ${name}: key ${keys[i]} at row ${i} is outside its dictionary of ${dictionary.length}`);
    }
    const texts: (string | undefined)[] = new Array(dictionary.length);
    const text = (key: number): string => (key < 0 ? '' : (texts[key] ??= toText(dictionary[key])));
    return { keyCount: dictionary.length, key: (row) => keys[row]!, text, value: (row) => text(keys[row]!) };
  }
  if (column.type.typeId === Type.Binary || column.type.typeId === Type.Utf8 || column.type.typeId === Type.LargeBinary || column.type.typeId === Type.LargeUtf8) {
    const texts: (string | undefined)[] = new Array(size);
    const text = (key: number): string => (key < 0 || key >= size ? '' : (texts[key] ??= toText(column.at(key))));
    return { keyCount: size, key: (row) => row, text, value: text };
  }
  throw new FlamegraphDecodeError(`column ${name} has an unexpected type (${column.type.typeId})`);
}

function readRaw(column: AnyColumn | undefined): RawColumn {
  if (!column) return { has: () => false, big: () => undefined };
  return {
    has: (row) => column.at(row) != null,
    big: (row) => {
      const value = column.at(row);
      if (value == null) return undefined;
      return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    },
  };
}

function readParents(column: AnyColumn, size: number): Int32Array {
  const values = readNumbers(column, size, 'parent');
  const parent = new Int32Array(size);
  for (let row = 0; row < size; row++) {
    const p = row === 0 ? -1 : values[row]!;
    // Rows are breadth-first, so a parent always comes before its children: this also rules out cycles.
    if (row > 0 && !(p >= 0 && p < row)) throw new FlamegraphDecodeError(`row ${row} has parent ${p}, which is not an earlier row`);
    parent[row] = p;
  }
  if (size > 0 && values[0] !== -1) throw new FlamegraphDecodeError(`row 0 is not the root (its parent is ${values[0]})`);
  return parent;
}

/** Builds the CSR children arrays from the parent column, in row order (which is Parca's children order). */
function childrenFromParents(parent: Int32Array): { childStart: Uint32Array; childIndex: Uint32Array } {
  const size = parent.length;
  const childStart = new Uint32Array(size + 1);
  for (let row = 1; row < size; row++) childStart[parent[row]! + 1]!++;
  for (let row = 0; row < size; row++) childStart[row + 1]! += childStart[row]!;
  const fill = childStart.slice(0, size);
  const childIndex = new Uint32Array(Math.max(0, size - 1));
  for (let row = 1; row < size; row++) childIndex[fill[parent[row]!]!++] = row;
  return { childStart, childIndex };
}

/** Uses the record's own children lists, checked against the parent column. */
function readChildren(column: AnyColumn, parent: Int32Array): { childStart: Uint32Array; childIndex: Uint32Array } {
  const size = parent.length;
  const childStart = new Uint32Array(size + 1);
  const childIndex = new Uint32Array(Math.max(0, size - 1));
  let count = 0;
  let row = 0;
  for (const batch of batches(column)) {
    const offsets = batch.offsets;
    const items = batch.children?.[0]?.values;
    if (!offsets || !items) throw new FlamegraphDecodeError('column children is not a list of row numbers');
    for (let i = 0; i < batch.length; i++, row++) {
      childStart[row] = count;
      if (!isValid(batch, i)) continue;
      for (let k = offsets[i]!; k < offsets[i + 1]!; k++) {
        const child = Number(items[k]);
        if (!(child > row && child < size) || parent[child] !== row || count >= childIndex.length) {
          throw new FlamegraphDecodeError(`row ${row} lists child ${child}, whose parent is ${parent[child] ?? 'missing'}`);
        }
        childIndex[count++] = child;
      }
    }
  }
  childStart[size] = count;
  if (count !== childIndex.length) throw new FlamegraphDecodeError(`the children lists name ${count} rows, expected ${childIndex.length}`);
  return { childStart, childIndex };
}

/** Depths from parents, for records without a depth column and to check the one given. */
function depthsFromParents(parent: Int32Array): Uint32Array {
  const depth = new Uint32Array(parent.length);
  for (let row = 1; row < parent.length; row++) depth[row] = depth[parent[row]!]! + 1;
  return depth;
}

/** Offsets from the children's order, for records without a value_offset column. */
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

/** Copies bytes into a fresh 8-byte aligned buffer: Arrow's typed views need aligned offsets. */
function aligned(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset % 8 === 0) return bytes;
  const copy = new Uint8Array(bytes.length);
  copy.set(bytes);
  return copy;
}

function parseTable(bytes: Uint8Array) {
  registerLz4Codec();
  try {
    return tableFromIPC(aligned(bytes));
  } catch (error) {
    throw new FlamegraphDecodeError(`the flame graph record is not a readable Arrow stream: ${(error as Error).message}`);
  }
}

/** Decodes the bytes of a FlamegraphArrow record. Throws FlamegraphDecodeError on anything malformed. */
export function decodeFlamegraph(bytes: Uint8Array): FlamegraphModel {
  if (bytes.length === 0) return emptyModel();
  const table = parseTable(bytes);
  const size = table.numRows;
  const column = (name: string): AnyColumn | undefined => (table.schema.fields.some((f) => f.name === name) ? (table.getChild(name) as AnyColumn) : undefined);
  const cumulativeColumn = column('cumulative');
  const parentColumn = column('parent');
  if (!cumulativeColumn || !parentColumn) throw new FlamegraphDecodeError('the record has no cumulative or parent column: it is not a Parca flame graph');
  try {
    const cumulative = readNumbers(cumulativeColumn, size, 'cumulative');
    const parent = readParents(parentColumn, size);
    const childrenColumn = column('children');
    const { childStart, childIndex } = childrenColumn ? readChildren(childrenColumn, parent) : childrenFromParents(parent);
    const derivedDepth = depthsFromParents(parent);
    const depthColumn = column('depth');
    if (depthColumn) {
      const given = readNumbers(depthColumn, size, 'depth');
      for (let row = 0; row < size; row++) {
        if (given[row] !== derivedDepth[row]) throw new FlamegraphDecodeError(`row ${row} has depth ${given[row]}, its parent chain says ${derivedDepth[row]}`);
      }
    }
    const offsetColumn = column('value_offset');
    const valueOffset = offsetColumn ? readNumbers(offsetColumn, size, 'value_offset') : offsetsFromChildren(cumulative, childStart, childIndex, size);
    let maxDepth = 0;
    for (let row = 0; row < size; row++) if (derivedDepth[row]! > maxDepth) maxDepth = derivedDepth[row]!;
    const labels = new Map<string, StringColumn>();
    for (const field of table.schema.fields) {
      if (field.name.startsWith('labels.')) labels.set(field.name.slice('labels.'.length), readStrings(column(field.name), size, field.name));
    }
    return {
      size,
      cumulative,
      flat: readNumbers(column('flat'), size, 'flat'),
      diff: readNumbers(column('diff'), size, 'diff'),
      valueOffset,
      depth: derivedDepth,
      parent,
      childStart,
      childIndex,
      labelsOnly: readFlags(column('labels_only'), size),
      inlined: readFlags(column('inlined'), size),
      locationLine: readNumbers(column('location_line'), size, 'location_line'),
      functionStartLine: readNumbers(column('function_startline'), size, 'function_startline'),
      locationAddress: readRaw(column('location_address')),
      functionName: readStrings(column('function_name'), size, 'function_name'),
      functionSystemName: readStrings(column('function_system_name'), size, 'function_system_name'),
      functionFileName: readStrings(column('function_file_name'), size, 'function_file_name'),
      mappingFile: readStrings(column('mapping_file'), size, 'mapping_file'),
      mappingBuildId: readStrings(column('mapping_build_id'), size, 'mapping_build_id'),
      labels,
      maxDepth,
      total: size > 0 ? cumulative[0]! : 0,
    };
  } catch (error) {
    if (error instanceof FlamegraphDecodeError) throw error;
    throw new FlamegraphDecodeError(`the flame graph record could not be read: ${(error as Error).message}`);
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
    locationAddress: readRaw(undefined),
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

/** What a person reads as a frame's name: the function, else the binary and address, else a placeholder. */
export function frameName(model: FlamegraphModel, row: number): string {
  if (row === 0) return 'root';
  const name = model.functionName.value(row);
  if (name) return name;
  if (model.labelsOnly[row]) {
    const parts: string[] = [];
    for (const [label, column] of model.labels) {
      const value = column.value(row);
      if (value) parts.push(`${label}="${value}"`);
    }
    return parts.length ? parts.join(', ') : 'labels';
  }
  const address = model.locationAddress.big(row);
  const binary = baseName(model.mappingFile.value(row));
  if (address !== undefined && address !== 0n) return `${binary ? `${binary} ` : ''}0x${address.toString(16)}`;
  return binary || '<unknown>';
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}
