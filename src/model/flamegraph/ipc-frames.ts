// Checks an Arrow IPC stream before a decoder trusts it. Corrupt bytes can make a decoder loop backwards
// (a negative message length) or build arrays billions long (a vector length read from garbage) until memory
// runs out. This walk reads only the framing and the flatbuffer metadata (Message → Schema, RecordBatch,
// DictionaryBatch), checks every length, offset and vector against the bytes it claims to live in, and refuses
// anything out of bounds with a clear error, in time proportional to the metadata.

export class IpcFramingError extends Error {
  override readonly name = 'IpcFramingError';
}

const CONTINUATION = -1;
/** Far more than a flame graph record has (a schema, a few dictionaries, one batch). */
const MAX_MESSAGES = 10_000;
const MAX_FIELDS = 100_000;
const MAX_NESTING = 64;
/** Arrow lengths are int64, but no browser array holds more than this. */
const MAX_LENGTH = 2 ** 31 - 1;

const HEADER_SCHEMA = 1;
const HEADER_DICTIONARY_BATCH = 2;
const HEADER_RECORD_BATCH = 3;

function fail(message: string): never {
  throw new IpcFramingError(message);
}

/** Flatbuffer tables inside one message's metadata, every read bounds-checked against [start, end). */
class Metadata {
  fields = 0;

  constructor(
    private readonly view: DataView,
    private readonly start: number,
    private readonly end: number,
  ) {}

  #need(at: number, size: number, what: string): void {
    if (!Number.isInteger(at) || at < this.start || at + size > this.end) fail(`${what} lies outside its message`);
  }

  /** The absolute position a uoffset at `at` points to. */
  #follow(at: number, what: string): number {
    this.#need(at, 4, what);
    const target = at + this.view.getUint32(at, true);
    this.#need(target, 4, what);
    return target;
  }

  /** A table at `table`: returns the absolute position of field `index`, or 0 when absent. */
  table(table: number, what: string): (index: number, size: number) => number {
    this.#need(table, 4, what);
    const vtable = table - this.view.getInt32(table, true);
    this.#need(vtable, 4, `${what} vtable`);
    const vtableSize = this.view.getUint16(vtable, true);
    const tableSize = this.view.getUint16(vtable + 2, true);
    if (vtableSize < 4 || vtableSize % 2) fail(`${what} has a malformed vtable`);
    this.#need(vtable, vtableSize, `${what} vtable`);
    this.#need(table, tableSize, what);
    return (index, size) => {
      const slot = 4 + 2 * index;
      if (slot + 2 > vtableSize) return 0;
      const offset = this.view.getUint16(vtable + slot, true);
      if (offset === 0) return 0;
      if (offset + size > tableSize) fail(`${what} field ${index} lies outside its table`);
      return table + offset;
    };
  }

  /** The table a field's uoffset points to, or 0 when the field is absent. */
  child(field: number, what: string): number {
    return field ? this.#follow(field, what) : 0;
  }

  /** A vector of `stride`-byte elements: checks it fits and returns [first element, count]. */
  vector(field: number, stride: number, what: string): [number, number] {
    if (!field) return [0, 0];
    const base = this.#follow(field, what);
    const count = this.view.getUint32(base, true);
    if (count > MAX_LENGTH) fail(`${what} claims ${count} entries`);
    this.#need(base + 4, count * stride, what);
    return [base + 4, count];
  }

  int64(at: number): number {
    if (!at) return 0;
    const value = this.view.getBigInt64(at, true);
    if (value < 0n || value > BigInt(MAX_LENGTH) * 64n) fail(`a length of ${value} is impossible`);
    return Number(value);
  }

  uint8(at: number): number {
    return at ? this.view.getUint8(at) : 0;
  }
}

function checkKeyValues(meta: Metadata, field: number): void {
  const [first, count] = meta.vector(field, 4, 'custom metadata');
  for (let i = 0; i < count; i++) {
    const get = meta.table(meta.child(first + 4 * i, 'custom metadata entry'), 'custom metadata entry');
    meta.vector(get(0, 4), 1, 'metadata key');
    meta.vector(get(1, 4), 1, 'metadata value');
  }
}

function checkField(meta: Metadata, table: number, depth: number): void {
  if (depth > MAX_NESTING) fail('fields nest too deeply');
  if (++meta.fields > MAX_FIELDS) fail('too many fields');
  const get = meta.table(table, 'field');
  meta.vector(get(0, 4), 1, 'field name');
  const type = get(3, 4);
  if (type) meta.table(meta.child(type, 'field type'), 'field type');
  const dictionary = get(4, 4);
  if (dictionary) {
    const dict = meta.table(meta.child(dictionary, 'dictionary encoding'), 'dictionary encoding');
    const indexType = dict(1, 4);
    if (indexType) meta.table(meta.child(indexType, 'dictionary index type'), 'dictionary index type');
  }
  const [first, count] = meta.vector(get(5, 4), 4, 'field children');
  for (let i = 0; i < count; i++) checkField(meta, meta.child(first + 4 * i, 'child field'), depth + 1);
  checkKeyValues(meta, get(6, 4));
}

function checkSchema(meta: Metadata, table: number): void {
  const get = meta.table(table, 'schema');
  const [first, count] = meta.vector(get(1, 4), 4, 'schema fields');
  for (let i = 0; i < count; i++) checkField(meta, meta.child(first + 4 * i, 'schema field'), 0);
  checkKeyValues(meta, get(2, 4));
  meta.vector(get(3, 4), 8, 'schema features');
}

function checkRecordBatch(meta: Metadata, table: number, view: DataView, bodyLength: number): void {
  const get = meta.table(table, 'record batch');
  meta.int64(get(0, 8));
  const [nodes, nodeCount] = meta.vector(get(1, 4), 16, 'field nodes');
  for (let i = 0; i < nodeCount; i++) {
    meta.int64(nodes + 16 * i);
    meta.int64(nodes + 16 * i + 8);
  }
  const [buffers, bufferCount] = meta.vector(get(2, 4), 16, 'buffers');
  for (let i = 0; i < bufferCount; i++) {
    const offset = Number(view.getBigInt64(buffers + 16 * i, true));
    const length = Number(view.getBigInt64(buffers + 16 * i + 8, true));
    if (offset < 0 || length < 0 || offset + length > bodyLength) fail(`buffer ${i} lies outside the message body`);
  }
  const compression = get(3, 4);
  if (compression) meta.table(meta.child(compression, 'body compression'), 'body compression');
  meta.vector(get(4, 4), 8, 'variadic buffer counts');
}

/** Checks one message's metadata at [start, start + length) and returns its body length. */
function checkMessage(view: DataView, start: number, length: number, remaining: number): number {
  const meta = new Metadata(view, start, start + length);
  const get = meta.table(meta.child(start, 'message'), 'message');
  const bodyLength = meta.int64(get(3, 8));
  if (bodyLength > remaining) fail(`a message claims a ${bodyLength}-byte body; ${remaining} bytes remain`);
  const headerType = meta.uint8(get(1, 1));
  const header = meta.child(get(2, 4), 'message header');
  if (!header) return bodyLength;
  if (headerType === HEADER_SCHEMA) checkSchema(meta, header);
  else if (headerType === HEADER_RECORD_BATCH) checkRecordBatch(meta, header, view, bodyLength);
  else if (headerType === HEADER_DICTIONARY_BATCH) {
    const dictionary = meta.table(header, 'dictionary batch');
    meta.int64(dictionary(0, 8));
    const data = dictionary(1, 4);
    if (data) checkRecordBatch(meta, meta.child(data, 'dictionary data'), view, bodyLength);
  } else fail(`unknown message type ${headerType}`);
  return bodyLength;
}

/** Throws IpcFramingError unless `bytes` is a sequence of well-formed IPC messages within the bytes. */
export function checkIpcFrames(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.byteLength;
  let at = 0;
  for (let messages = 0; ; messages++) {
    if (messages > MAX_MESSAGES) fail(`more than ${MAX_MESSAGES} messages`);
    if (at + 4 > end) return; // no end marker: a decoder stops at the end of the bytes too
    let metadataLength = view.getInt32(at, true);
    at += 4;
    if (metadataLength === CONTINUATION) {
      if (at + 4 > end) return;
      metadataLength = view.getInt32(at, true);
      at += 4;
    }
    if (metadataLength === 0) return;
    if (metadataLength < 0 || at + metadataLength > end) {
      fail(`message ${messages} claims ${metadataLength} bytes of metadata; ${end - at} remain`);
    }
    const body = checkMessage(view, at, metadataLength, end - at - metadataLength);
    at += metadataLength + body;
  }
}
