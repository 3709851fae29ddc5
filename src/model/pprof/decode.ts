// Reads what per-function figures need from a pprof Profile (perftools.profiles): samples with their stacks and
// first value, locations with their lines, functions, mappings and strings. A small wire reader of its own:
// the library ships no descriptor for pprof, and every length is checked before use.

export class PprofDecodeError extends Error {
  override readonly name = 'PprofDecodeError';
}

export interface PprofLocation {
  /** Index into `mappings`, or -1 for a location without one. */
  readonly mapping: number;
  readonly address: bigint;
  /** Its lines' functions (indexes into `functions`), innermost (inlined) first; none when unsymbolized. */
  readonly functions: readonly number[];
}

export interface PprofFunction {
  readonly name: string;
  readonly systemName: string;
  readonly file: string;
}

export interface PprofMapping {
  readonly file: string;
  readonly buildId: string;
}

export interface PprofProfile {
  readonly sampleTypes: readonly { readonly type: string; readonly unit: string }[];
  /** Per sample, its locations as indexes into `locations`, leaf first. */
  readonly stacks: readonly Uint32Array[];
  /** Per sample, its first value (signed). */
  readonly values: Float64Array;
  readonly locations: readonly PprofLocation[];
  readonly functions: readonly PprofFunction[];
  readonly mappings: readonly PprofMapping[];
}

function fail(message: string): never {
  throw new PprofDecodeError(`the pprof profile could not be read: ${message}`);
}

/** Protocol buffer wire format over [pos, end) of `bytes`. */
class Reader {
  constructor(
    readonly bytes: Uint8Array,
    public pos: number,
    readonly end: number,
  ) {}

  get done(): boolean {
    return this.pos >= this.end;
  }

  /** A varint as its low and high 32 bits. */
  #varint64(): [number, number] {
    let low = 0;
    let high = 0;
    for (let shift = 0; shift < 64; shift += 7) {
      if (this.pos >= this.end) fail('a number runs past the end of its message');
      const byte = this.bytes[this.pos++]!;
      const bits = byte & 0x7f;
      if (shift < 28) low |= bits << shift;
      else if (shift === 28) {
        low |= (bits & 0x0f) << 28;
        high |= bits >> 4;
      } else high |= bits << (shift - 32);
      if (byte < 0x80) return [low >>> 0, high >>> 0];
    }
    return fail('a number is longer than ten bytes');
  }

  /** An unsigned varint as a number (exact below 2^53). */
  uint(): number {
    const [low, high] = this.#varint64();
    return high * 4294967296 + low;
  }

  /** A signed 64-bit varint (int64) as a number. */
  int(): number {
    const [low, high] = this.#varint64();
    return (high | 0) * 4294967296 + low;
  }

  /** An unsigned 64-bit varint as an exact bigint. */
  big(): bigint {
    const [low, high] = this.#varint64();
    return (BigInt(high) << 32n) | BigInt(low);
  }

  /** The reader of a length-delimited field. */
  sub(): Reader {
    const length = this.uint();
    const start = this.pos;
    if (length > this.end - start) fail('a field is longer than its message');
    this.pos += length;
    return new Reader(this.bytes, start, start + length);
  }

  skip(wireType: number): void {
    switch (wireType) {
      case 0:
        this.uint();
        return;
      case 1:
        this.pos += 8;
        break;
      case 2:
        this.sub();
        return;
      case 5:
        this.pos += 4;
        break;
      default:
        fail(`wire type ${wireType} is not used by pprof`);
    }
    if (this.pos > this.end) fail('a field runs past the end of its message');
  }

  /** Reads a repeated scalar that may be packed (wire type 2) or not. */
  repeated(wireType: number, read: (reader: Reader) => number, into: number[]): void {
    if (wireType !== 2) {
      into.push(read(this));
      return;
    }
    const packed = this.sub();
    while (!packed.done) into.push(read(packed));
  }

  string(): string {
    const field = this.sub();
    return utf8.decode(field.bytes.subarray(field.pos, field.end));
  }
}

const utf8 = new TextDecoder();

/** Calls `visit` for each field of a message with its number and wire type. */
function fields(reader: Reader, visit: (field: number, wireType: number) => void): void {
  while (!reader.done) {
    const tag = reader.uint();
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    const before = reader.pos;
    visit(field, wireType);
    if (reader.pos === before) reader.skip(wireType);
  }
}

const uint = (reader: Reader) => reader.uint();
const int = (reader: Reader) => reader.int();

/** Decodes the bytes of an uncompressed pprof Profile. Throws PprofDecodeError on anything malformed. */
export function decodePprof(bytes: Uint8Array): PprofProfile {
  const strings: string[] = [];
  const sampleTypes: [number, number][] = [];
  const rawSamples: { locations: number[]; values: number[] }[] = [];
  const rawMappings: { id: number; file: number; buildId: number }[] = [];
  const rawLocations: { id: number; mapping: number; address: bigint; functions: number[] }[] = [];
  const rawFunctions: { id: number; name: number; systemName: number; file: number }[] = [];
  const top = new Reader(bytes, 0, bytes.length);
  while (!top.done) {
    const tag = top.uint();
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType !== 2 || field < 1 || field > 6) {
      top.skip(wireType);
      continue;
    }
    const message = top.sub();
    switch (field) {
      case 1: {
        const type = [0, 0] as [number, number];
        fields(message, (f) => {
          if (f === 1) type[0] = message.uint();
          else if (f === 2) type[1] = message.uint();
        });
        sampleTypes.push(type);
        break;
      }
      case 2: {
        const sample = { locations: [] as number[], values: [] as number[] };
        fields(message, (f, w) => {
          if (f === 1) message.repeated(w, uint, sample.locations);
          else if (f === 2) message.repeated(w, int, sample.values);
        });
        rawSamples.push(sample);
        break;
      }
      case 3: {
        const mapping = { id: 0, file: 0, buildId: 0 };
        fields(message, (f) => {
          if (f === 1) mapping.id = message.uint();
          else if (f === 5) mapping.file = message.uint();
          else if (f === 6) mapping.buildId = message.uint();
        });
        rawMappings.push(mapping);
        break;
      }
      case 4: {
        const location = { id: 0, mapping: 0, address: 0n, functions: [] as number[] };
        fields(message, (f) => {
          if (f === 1) location.id = message.uint();
          else if (f === 2) location.mapping = message.uint();
          else if (f === 3) location.address = message.big();
          else if (f === 4) {
            const line = message.sub();
            let functionId = 0;
            fields(line, (lf) => {
              if (lf === 1) functionId = line.uint();
            });
            location.functions.push(functionId);
          }
        });
        rawLocations.push(location);
        break;
      }
      case 5: {
        const fn = { id: 0, name: 0, systemName: 0, file: 0 };
        fields(message, (f) => {
          if (f === 1) fn.id = message.uint();
          else if (f === 2) fn.name = message.uint();
          else if (f === 3) fn.systemName = message.uint();
          else if (f === 4) fn.file = message.uint();
        });
        rawFunctions.push(fn);
        break;
      }
      case 6:
        strings.push(utf8.decode(message.bytes.subarray(message.pos, message.end)));
        break;
    }
  }
  const text = (index: number) => (index >= 0 && index < strings.length ? strings[index]! : fail(`string ${index} is not in the string table`));
  const indexOf = <T extends { id: number }>(items: readonly T[], what: string) => {
    const byId = new Map<number, number>();
    items.forEach((item, i) => byId.set(item.id, i));
    return (id: number) => byId.get(id) ?? fail(`${what} ${id} is not in the profile`);
  };
  const functionIndex = indexOf(rawFunctions, 'function');
  const mappingIndex = indexOf(rawMappings, 'mapping');
  const locationIndex = indexOf(rawLocations, 'location');
  const values = new Float64Array(rawSamples.length);
  rawSamples.forEach((sample, i) => (values[i] = sample.values[0] ?? 0));
  return {
    sampleTypes: sampleTypes.map(([type, unit]) => ({ type: text(type), unit: text(unit) })),
    stacks: rawSamples.map((sample) => Uint32Array.from(sample.locations, locationIndex)),
    values,
    locations: rawLocations.map((l) => ({ mapping: l.mapping ? mappingIndex(l.mapping) : -1, address: l.address, functions: l.functions.map(functionIndex) })),
    functions: rawFunctions.map((f) => ({ name: text(f.name), systemName: text(f.systemName), file: text(f.file) })),
    mappings: rawMappings.map((m) => ({ file: text(m.file), buildId: text(m.buildId) })),
  };
}

/** The bytes as they are, or gunzipped when they start like gzip (Parca sends pprof compressed). */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
