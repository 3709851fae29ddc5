// Reads the messages of an Arrow IPC stream: the schema, record batches and dictionary batches, as metadata plus
// body bytes. Columns are not materialized here: decode.ts reads (and decompresses) only the buffers it needs.
// The shapes match what @uwdata/flechette's IPC parser returns, so the record tests can build records with it;
// reading them ourselves keeps that library out of the bundle.
//
// Nothing read is trusted: corrupt lengths can send a naive reader backwards (a negative message length) or have
// it build arrays billions long (a vector length read from garbage) until memory runs out. Every offset, length
// and vector is checked against the bytes before use, nesting and message counts are bounded, and anything out of
// bounds is refused with an IpcFramingError, in time proportional to the metadata.
import type { ArrowData, DataType, Field, RecordBatch } from '@uwdata/flechette';

/** Arrow's type ids (and -1 for dictionary-encoded columns), under the names decode.ts uses. */
export const ArrowTypeId = {
  Dictionary: -1,
  NONE: 0,
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  LargeList: 21,
  RunEndEncoded: 22,
  BinaryView: 23,
  Utf8View: 24,
  ListView: 25,
  LargeListView: 26,
} as const;

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

function readInt(r: Reader, table: number): DataType {
  const get = r.table(table);
  return { typeId: ArrowTypeId.Int, bitWidth: get(0) ? r.int32(get(0)) : 32, signed: r.uint8(get(1)) === 1 } as unknown as DataType;
}

function readType(r: Reader, typeId: number, table: number, children: Field[]): DataType {
  const get = table ? r.table(table) : () => 0;
  switch (typeId) {
    case ArrowTypeId.Int:
      return table ? readInt(r, table) : ({ typeId, bitWidth: 32, signed: true } as unknown as DataType);
    case ArrowTypeId.Float:
      return { typeId, precision: r.int16(get(0)) } as unknown as DataType;
    case ArrowTypeId.Union:
      return { typeId, mode: r.int16(get(0)), children } as unknown as DataType;
    default:
      return { typeId, children } as unknown as DataType;
  }
}

function readField(r: Reader, table: number, depth = 0): Field {
  if (depth > MAX_NESTING) fail('the record\'s fields nest too deeply');
  const get = r.table(table);
  const children = r.vector(get(5), 4, (at) => readField(r, r.child(at), depth + 1));
  let type = readType(r, r.uint8(get(2)), get(3) ? r.child(get(3)) : 0, children);
  if (get(4)) {
    const dictionary = r.table(r.child(get(4)));
    const indices = dictionary(1) ? readInt(r, r.child(dictionary(1))) : ({ typeId: ArrowTypeId.Int, bitWidth: 32, signed: true } as unknown as DataType);
    type = { typeId: ArrowTypeId.Dictionary, id: r.int64(dictionary(0)), dictionary: type, indices, ordered: r.uint8(dictionary(2)) === 1 } as unknown as DataType;
  }
  return { name: r.string(get(0)), type, nullable: r.uint8(get(1)) === 1, metadata: new Map() } as Field;
}

function readRecordBatch(r: Reader, table: number, version: number, bodyLength: number): RecordBatch {
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
  } as unknown as RecordBatch;
}

/** Reads an IPC stream, refusing (IpcFramingError) anything that does not fit in its bytes. */
export function readIpcStream(bytes: Uint8Array): ArrowData {
  const r = new Reader(bytes);
  const data = { schema: undefined, records: [], dictionaries: [], dictsBeforeRecord: [], metadata: null } as unknown as {
    schema: ArrowData['schema'];
    records: RecordBatch[];
    dictionaries: { id: number; data: RecordBatch; isDelta: boolean; body: Uint8Array }[];
    dictsBeforeRecord: number[];
    metadata: null;
  };
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
        data.schema = { version, fields, metadata: new Map(), endianness: 0 } as unknown as ArrowData['schema'];
      }
    } else if (type === HEADER_RECORD_BATCH) {
      const batch = readRecordBatch(r, header, version, bodyLength) as RecordBatch & { body: Uint8Array };
      batch.body = body;
      data.records.push(batch);
      data.dictsBeforeRecord.push(data.dictionaries.length);
    } else if (type === HEADER_DICTIONARY_BATCH) {
      const get = r.table(header);
      if (!get(1)) fail('a dictionary batch has no data');
      data.dictionaries.push({ id: r.int64(get(0)), data: readRecordBatch(r, r.child(get(1)), version, bodyLength), isDelta: r.uint8(get(2)) === 1, body });
    }
  }
  return data as unknown as ArrowData;
}
