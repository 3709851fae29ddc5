// Reads the messages of an Arrow IPC stream: the schema, record batches and dictionary batches, as metadata plus
// body bytes. Columns are not materialized here: record.ts reads (and decompresses) only the buffers it needs.
// The shapes (types.ts) match what the Arrow library the record tests write records with returns from its IPC
// parser; reading them ourselves keeps that library out of the bundle.
//
// Nothing read is trusted: corrupt lengths can send a naive reader backwards (a negative message length) or have
// it build arrays billions long (a vector length read from garbage) until memory runs out. Every offset, length
// and vector is checked against the bytes before use, nesting and message counts are bounded, and anything out of
// bounds is refused with an IpcFramingError, in time proportional to the metadata.
import { ArrowTypeId, type BatchHeader, type DataType, type Field, type IntType, type IpcStream, type OtherType } from './types.js';

export class IpcFramingError extends Error {
  override readonly name = 'IpcFramingError';
}

function fail(message: string): never {
  throw new IpcFramingError(message);
}

/** Far more than a flame graph record has (a schema, a few dictionaries, one batch). */
const MAX_MESSAGES = 10_000;
const MAX_NESTING = 64;
/** Arrow lengths are int64, but no browser array holds more than this. */
const MAX_LENGTH = 2 ** 31 - 1;

const HEADER_SCHEMA = 1;
const HEADER_DICTIONARY_BATCH = 2;
const HEADER_RECORD_BATCH = 3;
const VERSION_V4 = 3;

class Reader {
  readonly #view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.#view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  #need(at: number, size: number): number {
    if (!(at >= 0 && at + size <= this.bytes.length)) fail(`the record's metadata points outside it (at ${at})`);
    return at;
  }

  int32(at: number): number {
    return this.#view.getInt32(this.#need(at, 4), true);
  }

  /** The fields of the table at `table`: field(i) is its absolute position, or 0 when absent. */
  table(table: number): (index: number) => number {
    const vtable = table - this.int32(table);
    const size = this.#view.getUint16(this.#need(vtable, 4), true);
    this.#need(vtable, size);
    return (index) => {
      const slot = 4 + 2 * index;
      const offset = slot + 2 <= size ? this.#view.getUint16(vtable + slot, true) : 0;
      return offset ? this.#need(table + offset, 1) : 0;
    };
  }

  child(at: number): number {
    return this.#need(at + this.#view.getUint32(this.#need(at, 4), true), 4);
  }

  /** A vector's entries; its count is checked against the bytes, so garbage cannot ask for billions. */
  vector<T>(at: number, stride: number, read: (position: number) => T): T[] {
    if (!at) return [];
    const base = this.child(at);
    const count = this.#view.getUint32(base, true);
    this.#need(base + 4, count * stride);
    return Array.from({ length: count }, (_, i) => read(base + 4 + i * stride));
  }

  string(at: number): string {
    if (!at) return '';
    const base = this.child(at);
    const length = this.#view.getUint32(base, true);
    return new TextDecoder().decode(this.bytes.subarray(this.#need(base + 4, length), base + 4 + length));
  }

  /** A non-negative int64 that fits a browser array (every int64 this reader takes is a length or offset). */
  int64(at: number, fallback = 0): number {
    if (!at) return fallback;
    const value = this.#view.getBigInt64(this.#need(at, 8), true);
    if (value < 0n || value > BigInt(MAX_LENGTH) * 64n) fail(`a length of ${value} is impossible`);
    return Number(value);
  }

  int16(at: number, fallback = 0): number {
    return at ? this.#view.getInt16(this.#need(at, 2), true) : fallback;
  }

  uint8(at: number, fallback = 0): number {
    return at ? this.#view.getUint8(this.#need(at, 1)) : fallback;
  }
}

/** Arrow's default integer: what a type without its table means. */
const INT32: IntType = { typeId: ArrowTypeId.Int, bitWidth: 32, signed: true };

function readInt(r: Reader, table: number): IntType {
  const get = r.table(table);
  return { typeId: ArrowTypeId.Int, bitWidth: get(0) ? r.int32(get(0)) : 32, signed: r.uint8(get(1)) === 1 };
}

function readType(r: Reader, typeId: number, table: number, children: Field[]): DataType {
  const get = table ? r.table(table) : () => 0;
  switch (typeId) {
    case ArrowTypeId.Int:
      return table ? readInt(r, table) : { ...INT32 };
    case ArrowTypeId.Float:
      return { typeId: ArrowTypeId.Float, precision: r.int16(get(0)) };
    case ArrowTypeId.Union:
      return { typeId: ArrowTypeId.Union, mode: r.int16(get(0)), children };
    default:
      // Any other id, known or not: the column's reader decides what it can read.
      return { typeId: typeId as OtherType['typeId'], children };
  }
}

function readField(r: Reader, table: number, depth = 0): Field {
  if (depth > MAX_NESTING) fail("the record's fields nest too deeply");
  const get = r.table(table);
  const children = r.vector(get(5), 4, (at) => readField(r, r.child(at), depth + 1));
  let type = readType(r, r.uint8(get(2)), get(3) ? r.child(get(3)) : 0, children);
  if (get(4)) {
    const dictionary = r.table(r.child(get(4)));
    const indices = dictionary(1) ? readInt(r, r.child(dictionary(1))) : { ...INT32 };
    type = { typeId: ArrowTypeId.Dictionary, id: r.int64(dictionary(0)), dictionary: type, indices, ordered: r.uint8(dictionary(2)) === 1 };
  }
  return { name: r.string(get(0)), type, nullable: r.uint8(get(1)) === 1, metadata: new Map() };
}

function readRecordBatch(r: Reader, table: number, version: number, bodyLength: number): BatchHeader {
  const get = r.table(table);
  const skip = version < VERSION_V4 ? 8 : 0;
  const compression = get(3) ? r.table(r.child(get(3))) : undefined;
  const region = (at: number) => {
    const offset = r.int64(at + skip);
    const length = r.int64(at + skip + 8);
    if (offset + length > bodyLength) fail('a buffer lies outside its message body');
    return { offset, length };
  };
  return {
    length: r.int64(get(0)),
    nodes: r.vector(get(1), 16, (at) => ({ length: r.int64(at), nullCount: r.int64(at + 8) })),
    regions: r.vector(get(2), 16 + skip, region),
    compression: compression ? { codec: r.uint8(compression(0)), method: r.uint8(compression(1)) } : undefined,
    variadic: r.vector(get(4), 8, (at) => r.int64(at)),
  };
}

/** Reads an IPC stream, refusing (IpcFramingError) anything that does not fit in its bytes. */
export function readIpcStream(bytes: Uint8Array): IpcStream {
  const r = new Reader(bytes);
  const data: IpcStream = { schema: undefined, records: [], dictionaries: [], dictsBeforeRecord: [], metadata: null };
  let at = 0;
  for (let messages = 0; at + 4 <= bytes.length; messages++) {
    if (messages > MAX_MESSAGES) fail(`more than ${MAX_MESSAGES} messages`);
    let length = r.int32(at);
    at += 4;
    if (length === -1) {
      if (at + 4 > bytes.length) break;
      length = r.int32(at);
      at += 4;
    }
    if (length === 0) break;
    if (length < 0 || at + length > bytes.length) fail(`a message claims ${length} bytes of metadata; ${bytes.length - at} remain`);
    const message = r.table(r.child(at));
    const version = r.int16(message(0));
    const type = r.uint8(message(1));
    const header = message(2) ? r.child(message(2)) : 0;
    const bodyLength = r.int64(message(3));
    if (at + length + bodyLength > bytes.length) fail(`a message claims a ${bodyLength}-byte body; ${bytes.length - at - length} bytes remain`);
    const body = bytes.subarray(at + length, at + length + bodyLength);
    at += length + bodyLength;
    if (!header) continue;
    if (type === HEADER_SCHEMA) {
      if (!data.schema) {
        const fields = r.vector(r.table(header)(1), 4, (position) => readField(r, r.child(position)));
        data.schema = { version, fields, metadata: new Map(), endianness: 0 };
      }
    } else if (type === HEADER_RECORD_BATCH) {
      data.records.push({ ...readRecordBatch(r, header, version, bodyLength), body });
      data.dictsBeforeRecord.push(data.dictionaries.length);
    } else if (type === HEADER_DICTIONARY_BATCH) {
      const get = r.table(header);
      if (!get(1)) fail('a dictionary batch has no data');
      data.dictionaries.push({ id: r.int64(get(0)), data: readRecordBatch(r, r.child(get(1)), version, bodyLength), isDelta: r.uint8(get(2)) === 1, body });
    }
  }
  return data;
}
