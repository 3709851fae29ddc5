// Reads the columns of an Arrow IPC stream (a Parca record) into typed arrays: one per numeric column, indexed by
// row, and string columns kept as dictionary keys with text decoded on demand. Generic: flamegraph/decode.ts
// gives the columns their flame graph meaning. Nothing here allocates an object per row.
import { decompressLz4FrameSteps, decompressLz4Prefix } from './lz4-frame.js';
import { readIpcStream } from './ipc-read.js';
import { ArrowTypeId as Type, type BatchHeader, type BufferRegion as Region, type DataType, type Field, type IntType, type IpcStream } from './types.js';
import { runSteps } from '../steps.js';

/** A record that cannot be read: malformed, or using Arrow features a Parca record does not. */
export class RecordReadError extends Error {
  override readonly name = 'RecordReadError';
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

/** Row-indexed numbers kept at the width the record stores them in (64-bit integers become doubles). */
export type NumberArray = Float64Array | Float32Array | Int32Array | Uint32Array | Int16Array | Uint16Array | Int8Array | Uint8Array;

// ---- Reading the Arrow stream ----
// ipc-read.ts parses the IPC messages (schema, batch metadata); the column buffers are read here so that only the
// columns a caller reads are decompressed (the flame graph skips `timestamp`, `depth` and `children`, which the
// parents give), 64-bit values become doubles in place, and narrow columns are kept as views of their
// decompressed bytes.

/** A column of one batch: its length, null count and buffers (validity first), with child columns for lists. */
interface Slot {
  length: number;
  nullCount: number;
  buffers: Region[];
  children: Slot[];
}

/** A buffer's bytes; `owned` when they were decompressed into a fresh buffer nobody else sees (free to reuse). */
interface Bytes {
  bytes: Uint8Array;
  owned: boolean;
}

interface Batch {
  length: number;
  body: Uint8Array;
  compressed: boolean;
  /** Top-level columns by name. */
  columns: Map<string, Slot>;
  /** Buffers decompressed ahead of reading. */
  loaded: Map<Region, Bytes>;
  /** For a prefix of the batch (RecordReader.prefix), its rows: buffers decompress only as far as they need. */
  prefix?: number;
}

const LZ4_FRAME = 0;
/** LZ4 cannot expand data by more than about 255 times: a larger announced length is corruption. */
const MAX_LZ4_RATIO = 256;

function fail(message: string): never {
  throw new RecordReadError(message);
}

/** Assigns each field of a batch its node and buffers, in the order Arrow's IPC format lays them out. */
function slotsOf(batch: BatchHeader, fields: readonly Field[], version: number): Slot[] {
  let node = -1;
  let buffer = -1;
  let variadic = -1;
  const take = (count: number): Region[] => {
    const regions: Region[] = [];
    for (let i = 0; i < count; i++) regions.push(batch.regions[++buffer] ?? fail('the record batch has fewer buffers than its schema needs'));
    return regions;
  };
  const visit = (type: DataType): Slot => {
    const meta = batch.nodes[++node] ?? fail('the record batch has fewer field nodes than its schema needs');
    const slot: Slot = { length: meta.length, nullCount: meta.nullCount, buffers: [], children: [] };
    const children = () => ((type as { children?: Field[] }).children ?? []).map((child) => visit(child.type));
    switch (type.typeId) {
      case Type.Null:
        break;
      case Type.Bool:
      case Type.Int:
      case Type.Float:
      case Type.Decimal:
      case Type.Date:
      case Type.Time:
      case Type.Timestamp:
      case Type.Interval:
      case Type.Duration:
      case Type.FixedSizeBinary:
      case Type.Dictionary:
        slot.buffers = take(2);
        break;
      case Type.Binary:
      case Type.Utf8:
      case Type.LargeBinary:
      case Type.LargeUtf8:
        slot.buffers = take(3);
        break;
      case Type.BinaryView:
      case Type.Utf8View:
        slot.buffers = take(2 + (batch.variadic[++variadic] ?? 0));
        break;
      case Type.List:
      case Type.LargeList:
      case Type.Map:
        slot.buffers = take(2);
        slot.children = children();
        break;
      case Type.ListView:
      case Type.LargeListView:
        slot.buffers = take(3);
        slot.children = children();
        break;
      case Type.FixedSizeList:
      case Type.Struct:
        slot.buffers = take(1);
        slot.children = children();
        break;
      case Type.RunEndEncoded:
        slot.children = children();
        break;
      case Type.Union:
        slot.buffers = take((version < 4 ? 1 : 0) + (type.mode === 0 ? 1 : 2));
        slot.children = children();
        break;
      default:
        fail(`unsupported Arrow type ${(type as DataType).typeId}`);
    }
    return slot;
  };
  return fields.map((field) => visit(field.type));
}

function readUint32(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/**
 * A buffer's bytes, decompressed (a slice at a time) when the batch is compressed; for a prefix of the batch, only
 * the first bytes: 8 a row covers any fixed-width column (what a prefix is read for).
 */
function* decompress(batch: Batch, region: Region | undefined): Generator<void, Bytes> {
  if (!region || region.length === 0) return { bytes: new Uint8Array(0), owned: true };
  const { body } = batch;
  if (region.offset < 0 || region.offset + region.length > body.length) fail('a buffer lies outside the record batch body');
  const raw = body.subarray(region.offset, region.offset + region.length);
  if (!batch.compressed) return { bytes: raw, owned: false };
  if (raw.length < 8) fail('a compressed buffer is shorter than its length prefix');
  const low = readUint32(raw, 0);
  const high = readUint32(raw, 4);
  if (low === 0xffffffff && high === 0xffffffff) return { bytes: raw.subarray(8), owned: false };
  const length = high * 2 ** 32 + low;
  if (length > (raw.length - 8) * MAX_LZ4_RATIO + 64) fail(`a buffer announces ${length} bytes, more than its compressed data can hold`);
  if (batch.prefix !== undefined) return { bytes: decompressLz4Prefix(raw.subarray(8), batch.prefix * 8, length), owned: false };
  return { bytes: yield* decompressLz4FrameSteps(raw.subarray(8), length), owned: true };
}

/** A buffer's bytes: decompressed ahead by RecordReader.load, or now (kept, for a prefix). */
function bytesOf(batch: Batch, region: Region | undefined): Bytes {
  const loaded = region && batch.loaded.get(region);
  if (loaded) return loaded;
  const bytes = runSteps(decompress(batch, region));
  if (region && batch.prefix !== undefined) batch.loaded.set(region, bytes);
  return bytes;
}

/** Every buffer of a column, its children's included. */
function regionsOf(slot: Slot): Region[] {
  return [...slot.buffers, ...slot.children.flatMap(regionsOf)];
}

/**
 * A typed view of `bytes` holding `count` elements, copying when the bytes are misaligned or not ours to keep:
 * every view is private, so callers may write to it (nulls, in-place conversion).
 */
function view<T extends ArrayBufferView>(
  source: Bytes,
  Type: { new (buffer: ArrayBuffer, offset: number, length: number): T; BYTES_PER_ELEMENT: number },
  count: number,
  name: string,
): T {
  const { bytes, owned } = source;
  const size = Type.BYTES_PER_ELEMENT;
  if (bytes.length < count * size) fail(`column ${name} holds ${Math.floor(bytes.length / size)} values, expected ${count}`);
  const keep = owned && bytes.byteOffset % size === 0 ? bytes : bytes.slice(0, count * size);
  return new Type(keep.buffer as ArrayBuffer, keep.byteOffset, count);
}

/** The validity bitmap of a slot, or undefined when every value is valid. */
function validityOf(batch: Batch, slot: Slot): Uint8Array | undefined {
  if (!slot.nullCount) return undefined;
  const bitmap = bytesOf(batch, slot.buffers[0]).bytes;
  if (bitmap.length * 8 < slot.length) fail('a validity bitmap is shorter than its column');
  return bitmap;
}

function isSet(bitmap: Uint8Array, index: number): boolean {
  return ((bitmap[index >> 3]! >> (index & 7)) & 1) === 1;
}

type IntArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;

/**
 * A view of an integer or float buffer at its own width (64-bit integers as doubles, converted in place).
 * `signed64`: read an unsigned 64-bit column as two's complement (values Parca cast from int64 to uint64).
 */
function numbersOf(batch: Batch, slot: Slot, type: DataType, name: string, signed64 = false): NumberArray {
  const values = bytesOf(batch, slot.buffers[1]);
  const n = slot.length;
  if (type.typeId === Type.Int) {
    const signed = type.signed || (signed64 && type.bitWidth === 64);
    switch (type.bitWidth) {
      case 8:
        return signed ? view(values, Int8Array, n, name) : view(values, Uint8Array, n, name);
      case 16:
        return signed ? view(values, Int16Array, n, name) : view(values, Uint16Array, n, name);
      case 32:
        return signed ? view(values, Int32Array, n, name) : view(values, Uint32Array, n, name);
      case 64: {
        // Each value is two 32-bit halves; the double that replaces it takes the same 8 bytes.
        const words = view(values, Uint32Array, 2 * n, name);
        const doubles = new Float64Array(words.buffer, words.byteOffset, n);
        if (signed) for (let i = 0; i < n; i++) doubles[i] = (words[2 * i + 1]! | 0) * 4294967296 + words[2 * i]!;
        else for (let i = 0; i < n; i++) doubles[i] = words[2 * i + 1]! * 4294967296 + words[2 * i]!;
        return doubles;
      }
    }
  }
  if (type.typeId === Type.Float && type.precision === 1) return view(values, Float32Array, n, name);
  if (type.typeId === Type.Float && type.precision === 2) return view(values, Float64Array, n, name);
  if (type.typeId === Type.Bool) return flagsOf(batch, slot, name);
  return fail(`column ${name} is not numeric`);
}

/** Unpacks a boolean column into one byte per row; nulls are 0. */
function flagsOf(batch: Batch, slot: Slot, name: string): Uint8Array {
  const n = slot.length;
  const bits = bytesOf(batch, slot.buffers[1]).bytes;
  if (bits.length * 8 < n) fail(`column ${name} holds fewer values than rows`);
  const validity = validityOf(batch, slot);
  const out = new Uint8Array(n);
  // A byte at a time: most flags of a Parca record are false, so most bytes are zero and skipped.
  for (let byte = 0; byte * 8 < n; byte++) {
    const set = bits[byte]! & (validity ? validity[byte]! : 255);
    if (set === 0) continue;
    for (let row = byte * 8, end = Math.min(n, row + 8); row < end; row++) out[row] = (set >> (row & 7)) & 1;
  }
  return out;
}

/** Zeroes null rows (whose buffer slots may hold anything). */
function zeroNulls(batch: Batch, slot: Slot, values: NumberArray): void {
  forEachNull(validityOf(batch, slot), slot.length, (row) => (values[row] = 0));
}

/** Calls `visit` with each null row: eight rows a byte, since most bytes of a validity bitmap say all are valid. */
function forEachNull(validity: Uint8Array | undefined, rows: number, visit: (row: number) => void): void {
  if (!validity) return;
  for (let byte = 0; byte * 8 < rows; byte++) {
    if (validity[byte] === 255) continue;
    for (let row = byte * 8, end = Math.min(rows, row + 8); row < end; row++) if (!isSet(validity, row)) visit(row);
  }
}

/** Reads a record's columns, batch by batch. */
export class RecordReader {
  readonly size: number;
  readonly fields: readonly Field[];
  readonly #batches: Batch[];
  readonly #types = new Map<string, DataType>();
  readonly #dictionaries: Map<number, Dictionary>;

  constructor(fields: readonly Field[], batches: Batch[], dictionaries: Map<number, Dictionary>) {
    this.fields = fields;
    for (const field of fields) this.#types.set(field.name, field.type);
    this.#dictionaries = dictionaries;
    this.#batches = batches;
    this.size = batches.reduce((sum, batch) => sum + batch.length, 0);
  }

  /**
   * A reader of the first `rows` rows only, for a first look at a large record: each fixed-width column it reads
   * decompresses only as far as those rows need, into a copy. Undefined for a record of several batches.
   */
  prefix(rows: number): RecordReader | undefined {
    if (this.#batches.length !== 1) return undefined;
    const batch = this.#batches[0]!;
    const count = Math.max(0, Math.min(rows, batch.length));
    const columns = new Map([...batch.columns].map(([name, slot]) => [name, { ...slot, length: count }] as const));
    // Its own buffers: the whole record's may have been converted in place (64-bit values to doubles).
    return new RecordReader(this.fields, [{ ...batch, length: count, columns, loaded: new Map(), prefix: count }], this.#dictionaries);
  }

  has(name: string): boolean {
    return this.#types.has(name);
  }

  /** Decompresses a column's buffers ahead of reading it, yielding between slices of the work. */
  *load(name: string): Generator<void, void> {
    if (!this.has(name)) return;
    for (const batch of this.#batches) {
      if (!batch.compressed) continue;
      for (const region of regionsOf(batch.columns.get(name)!)) {
        // A prefix's buffers are decompressed, as far as its rows need, when read.
        if (!batch.loaded.has(region) && batch.prefix === undefined) batch.loaded.set(region, yield* decompress(batch, region));
      }
    }
  }

  #type(name: string): DataType {
    return this.#types.get(name)!;
  }

  /** Reads one column of every batch and joins them (a single batch, Parca's case, is used as is). */
  #each<T extends NumberArray>(name: string, read: (batch: Batch, slot: Slot) => T, join: (size: number) => T): T {
    if (this.#batches.length === 1) return read(this.#batches[0]!, this.#batches[0]!.columns.get(name)!);
    const out = join(this.size);
    let offset = 0;
    for (const batch of this.#batches) {
      out.set(read(batch, batch.columns.get(name)!), offset);
      offset += batch.length;
    }
    return out;
  }

  /**
   * A numeric column as doubles (nulls 0); zeros when the record lacks it. `signed64` reads an unsigned 64-bit
   * column as signed: Parca writes signed sample sums (negative in delta profiles) into unsigned columns.
   */
  doubles(name: string, signed64 = false): Float64Array {
    if (!this.has(name)) return new Float64Array(this.size);
    const type = this.#type(name);
    return this.#each(
      name,
      (batch, slot) => {
        const values = numbersOf(batch, slot, type, name, signed64);
        const doubles = values instanceof Float64Array ? values : Float64Array.from(values);
        zeroNulls(batch, slot, doubles);
        return doubles;
      },
      (size) => new Float64Array(size),
    );
  }

  /** A numeric column at its own width (nulls 0), for columns read row by row only; zeros when missing. */
  numbers(name: string): NumberArray {
    if (!this.has(name)) return new Uint8Array(this.size);
    const type = this.#type(name);
    if (this.#batches.length !== 1) return this.doubles(name);
    const batch = this.#batches[0]!;
    const slot = batch.columns.get(name)!;
    const values = numbersOf(batch, slot, type, name);
    zeroNulls(batch, slot, values);
    return values;
  }

  /** A 32-bit signed column (parents), converted when stored narrower. */
  int32(name: string): Int32Array {
    const type = this.#type(name);
    return this.#each(
      name,
      (batch, slot) => {
        const values = numbersOf(batch, slot, type, name);
        return values instanceof Int32Array ? values : Int32Array.from(values);
      },
      (size) => new Int32Array(size),
    );
  }

  flags(name: string): Uint8Array {
    if (!this.has(name)) return new Uint8Array(this.size);
    if (this.#type(name).typeId !== Type.Bool) fail(`column ${name} is not boolean`);
    return this.#each(
      name,
      (batch, slot) => flagsOf(batch, slot, name),
      (size) => new Uint8Array(size),
    );
  }

  strings(name: string): StringColumn {
    if (!this.has(name)) return EMPTY_STRINGS;
    const type = this.#type(name);
    if (type.typeId === Type.Dictionary) {
      const dictionary = this.#dictionaries.get(type.id) ?? EMPTY_DICTIONARY;
      const count = dictionary.count;
      const keys = this.#each(
        name,
        (batch, slot) => dictionaryKeys(batch, slot, type.indices, count, name),
        (size) => new Int32Array(size),
      );
      return dictionaryColumn(keys, dictionary);
    }
    if (isBinary(type)) {
      if (this.#batches.length !== 1) fail(`column ${name}: plain strings in several batches are not supported`);
      const batch = this.#batches[0]!;
      const values = binaryValues(batch, batch.columns.get(name)!, type, name);
      const texts: (string | undefined)[] = new Array<string | undefined>(values.count);
      const text = (key: number): string => (key < 0 || key >= values.count ? '' : (texts[key] ??= values.text(key)));
      return { keyCount: values.count, key: (row) => row, text, value: text };
    }
    return fail(`column ${name} has an unexpected type (${type.typeId})`);
  }

  /** Addresses: 64-bit values that may exceed 2^53, kept as raw bytes and read as bigints on demand. */
  raw(name: string): RawColumn {
    if (!this.has(name)) return NO_RAW;
    const type = this.#type(name);
    if (this.#batches.length !== 1 || type.typeId !== Type.Int) {
      // Several batches (or a float column): doubles, which are exact below 2^53, with the nulls kept apart.
      const values = this.doubles(name);
      const valid = this.#each(
        name,
        (batch, slot) => {
          const validity = validityOf(batch, slot);
          return Uint8Array.from({ length: slot.length }, (_, row) => (!validity || isSet(validity, row) ? 1 : 0));
        },
        (size) => new Uint8Array(size),
      );
      const has = (row: number) => valid[row] === 1;
      return { has, big: (row) => (has(row) ? BigInt(Math.trunc(values[row]!)) : undefined) };
    }
    const batch = this.#batches[0]!;
    const slot = batch.columns.get(name)!;
    const validity = validityOf(batch, slot)?.slice();
    const has = (row: number) => row >= 0 && row < slot.length && (!validity || isSet(validity, row));
    if (type.bitWidth !== 64) {
      const values = numbersOf(batch, slot, type, name).slice();
      return { has, big: (row) => (has(row) ? BigInt(values[row]!) : undefined) };
    }
    const source = bytesOf(batch, slot.buffers[1]);
    const bytes = view(source, Uint8Array, slot.length * 8, name);
    const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
    return {
      has,
      big: (row) => (has(row) ? (type.signed ? data.getBigInt64(row * 8, true) : data.getBigUint64(row * 8, true)) : undefined),
    };
  }
}

/** The values of a dictionary: binary strings, decoded to text on demand. */
interface Dictionary {
  readonly count: number;
  text(key: number): string;
}

const EMPTY_DICTIONARY: Dictionary = { count: 0, text: () => '' };

function isBinary(type: DataType): boolean {
  return type.typeId === Type.Binary || type.typeId === Type.Utf8 || type.typeId === Type.LargeBinary || type.typeId === Type.LargeUtf8;
}

const utf8 = new TextDecoder();

/** A binary or string column's values: offsets into a data buffer. */
function binaryValues(batch: Batch, slot: Slot, type: DataType, name: string): Dictionary {
  const count = slot.length;
  const large = type.typeId === Type.LargeBinary || type.typeId === Type.LargeUtf8;
  const offsetBytes = bytesOf(batch, slot.buffers[1]);
  let offsets: Int32Array | Float64Array;
  if (large) {
    const words = view(offsetBytes, Uint32Array, 2 * (count + 1), name);
    offsets = new Float64Array(count + 1);
    for (let i = 0; i <= count; i++) offsets[i] = words[2 * i + 1]! * 4294967296 + words[2 * i]!;
  } else {
    offsets = count === 0 ? new Int32Array(1) : view(offsetBytes, Int32Array, count + 1, name);
  }
  const data = bytesOf(batch, slot.buffers[2]).bytes;
  const validity = validityOf(batch, slot);
  for (let i = 0; i < count; i++) {
    if (!(offsets[i]! >= 0 && offsets[i]! <= offsets[i + 1]! && offsets[i + 1]! <= data.length)) fail(`column ${name}: value ${i} lies outside its data`);
  }
  return {
    count,
    text: (key) => (validity && !isSet(validity, key) ? '' : utf8.decode(data.subarray(offsets[key], offsets[key + 1]))),
  };
}

/** Joins a dictionary with its delta batches. */
function concatDictionaries(first: Dictionary, next: Dictionary): Dictionary {
  return { count: first.count + next.count, text: (key) => (key < first.count ? first.text(key) : next.text(key - first.count)) };
}

/** Reads the dictionary batches (binary values only: every string column of Parca's record is one). */
function readDictionaries(data: IpcStream, version: number): Map<number, Dictionary> {
  const types = new Map<number, DataType>();
  for (const field of data.schema?.fields ?? []) if (field.type.typeId === Type.Dictionary) types.set(field.type.id, field.type.dictionary);
  const dictionaries = new Map<number, Dictionary>();
  const batches = data.dictionaries;
  const firstRecordAfter = data.dictsBeforeRecord[0] ?? batches.length;
  batches.forEach((entry, index) => {
    const type = types.get(entry.id);
    if (!type) fail(`a dictionary batch has the unknown id ${entry.id}`);
    if (!isBinary(type)) fail(`dictionary ${entry.id} holds ${type.typeId} values, not strings`);
    const existing = dictionaries.get(entry.id);
    // Replacing a dictionary after rows used it would need one dictionary per batch: Parca never does that.
    if (index >= firstRecordAfter && existing && !entry.isDelta) fail(`dictionary ${entry.id} is replaced between record batches`);
    const [slot] = slotsOf(entry.data, [{ name: '', type, nullable: true, metadata: new Map() }], version);
    if (entry.data.compression && entry.data.compression.codec !== LZ4_FRAME) fail(`unsupported compression codec ${entry.data.compression.codec}`);
    const batch: Batch = { length: slot!.length, body: entry.body, compressed: !!entry.data.compression, columns: new Map(), loaded: new Map() };
    const values = binaryValues(batch, slot!, type, `dictionary ${entry.id}`);
    dictionaries.set(entry.id, existing && entry.isDelta ? concatDictionaries(existing, values) : values);
  });
  return dictionaries;
}

/**
 * A dictionary column's keys at their own width, checked against the dictionary. Null rows get a key past the
 * dictionary's end (or -1 for signed keys), which `key()` reports as -1.
 */
function dictionaryKeys(batch: Batch, slot: Slot, indices: IntType, count: number, name: string): IntArray {
  if (indices.typeId !== Type.Int) fail(`column ${name} has non-integer dictionary keys`);
  let keys = numbersOf(batch, slot, indices, name) as IntArray | Float64Array;
  const n = slot.length;
  const validity = validityOf(batch, slot);
  const max = indices.signed ? -1 : 2 ** indices.bitWidth - 1;
  // Keys must be writable for nulls, and 64-bit keys (or a dictionary with no spare key) become 32-bit signed.
  if (keys instanceof Float64Array || (validity && max >= 0 && count > max)) keys = Int32Array.from(keys);
  const nullKey = keys instanceof Int32Array || keys instanceof Int16Array || keys instanceof Int8Array ? -1 : max;
  // The validity bit is read only for a key out of range: a null's slot may hold anything.
  for (let row = 0; row < n; row++) {
    const key = keys[row]!;
    if (!(key >= 0 && key < count) && !(validity && !isSet(validity, row))) fail(`column ${name}: key ${key} at row ${row} is outside its dictionary of ${count}`);
  }
  forEachNull(validity, n, (row) => (keys[row] = nullKey));
  return keys;
}

function dictionaryColumn(keys: IntArray, dictionary: Dictionary): StringColumn {
  const count = dictionary.count;
  const texts: (string | undefined)[] = new Array<string | undefined>(count);
  const key = (row: number): number => {
    const k = keys[row]!;
    return k < count ? k : -1;
  };
  const text = (k: number): string => (k < 0 || k >= count ? '' : (texts[k] ??= dictionary.text(k)));
  return { keyCount: count, key, text, value: (row) => text(key(row)) };
}

/** A string column with no values (a column the record lacks). */
export const EMPTY_STRINGS: StringColumn = { keyCount: 0, key: () => -1, text: () => '', value: () => '' };
export const NO_RAW: RawColumn = { has: () => false, big: () => undefined };

/** Opens an Arrow IPC stream (a Parca record) for reading its columns. */
export function openRecord(bytes: Uint8Array): RecordReader {
  let data: IpcStream;
  try {
    // As they are, even unaligned (a record inside a protobuf message): the stream is read through a DataView and
    // every typed view of a buffer is a copy when unaligned (view), so the whole record is never copied.
    data = readIpcStream(bytes);
  } catch (error) {
    throw new RecordReadError(`the record is not a readable Arrow stream: ${(error as Error).message}`);
  }
  const schema = data.schema ?? fail('the record is not a readable Arrow stream: it has no schema');
  const version = schema.version;
  const dictionaries = readDictionaries(data, version);
  const batches = data.records.map((record): Batch => {
    const slots = slotsOf(record, schema.fields, version);
    if (record.compression && record.compression.codec !== LZ4_FRAME) fail(`unsupported compression codec ${record.compression.codec}`);
    const columns = new Map(schema.fields.map((field, i) => [field.name, slots[i]!] as const));
    for (const slot of columns.values()) if (slot.length !== record.length) fail('a column is shorter or longer than its batch');
    return { length: record.length, body: record.body, compressed: !!record.compression, columns, loaded: new Map() };
  });
  return new RecordReader(schema.fields, batches, dictionaries);
}
