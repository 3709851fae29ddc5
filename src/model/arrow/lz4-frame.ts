// LZ4 frame format (https://github.com/lz4/lz4/blob/dev/doc/lz4_Frame_format.md): Parca compresses the buffers of
// its Arrow flame graph records with it. Checksums are skipped: the gRPC transport already protects the bytes,
// and every read is bounds-checked so corrupt input fails with an error instead of reading out of range.
import { runSteps } from '../steps.js';

const FRAME_MAGIC = 0x184d2204;
/** Skippable frames carry user data with magics 0x184D2A50..0x184D2A5F. */
const SKIPPABLE_MASK = 0xfffffff0;
const SKIPPABLE_MAGIC = 0x184d2a50;
const UNCOMPRESSED_BLOCK = 0x80000000;
const MIN_MATCH = 4;
/** The format's rule: the last 5 bytes of a block are literals and the last match starts 12 bytes before its end. */
const LAST_LITERALS = 5;
const MATCH_SAFE_DISTANCE = 12;
const MAX_OFFSET = 65535;
const BLOCK_MAX_SIZES = [0, 0, 0, 0, 64 * 1024, 256 * 1024, 1024 * 1024, 4 * 1024 * 1024];

export class Lz4FormatError extends Error {
  override readonly name = 'Lz4FormatError';
}

/** Reads the input with a bounds check on every access. */
class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}

  get remaining(): number {
    return this.bytes.length - this.pos;
  }

  need(count: number, what: string): void {
    if (count > this.remaining) throw new Lz4FormatError(`LZ4 frame truncated: ${what} needs ${count} bytes at offset ${this.pos}, ${this.remaining} left`);
  }

  u8(what: string): number {
    this.need(1, what);
    return this.bytes[this.pos++]!;
  }

  u32(what: string): number {
    this.need(4, what);
    const b = this.bytes;
    const p = this.pos;
    this.pos += 4;
    return (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
  }

  skip(count: number, what: string): void {
    this.need(count, what);
    this.pos += count;
  }
}

/** An output buffer that grows unless its final size is known, in which case overrunning it is an error. */
class Output {
  bytes: Uint8Array;
  length = 0;
  constructor(
    capacity: number,
    readonly fixed: boolean,
    /** Fill the capacity and stop, instead of failing, when the data goes on past it (a prefix wanted). */
    readonly clip = false,
  ) {
    this.bytes = new Uint8Array(capacity);
  }

  reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    if (this.fixed) throw new Lz4FormatError(`LZ4 data decompresses to more than the expected ${this.bytes.length} bytes`);
    const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2, 1024));
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
  }
}

/** Below this length a byte loop beats the call overhead of `set`/`copyWithin`. */
const SHORT_COPY = 32;

function truncated(what: string): Lz4FormatError {
  return new Lz4FormatError(`LZ4 block truncated in a ${what}`);
}

/**
 * Decompresses one LZ4 block of `input` from its position to `end` into `out`, stopping early at a sequence
 * boundary once the output reaches `stopAt` (call again to go on). One tight loop over local variables: the
 * bulk of a flame graph's decode time is spent here.
 */
function decodeBlock(input: Reader, end: number, out: Output, frameStart: number, blockMax: number, stopAt: number): void {
  const src = input.bytes;
  let sp = input.pos;
  // A growing output reserves a whole block up front, so the loop only checks against `limit`.
  if (!out.fixed) out.reserve(blockMax);
  const dst = out.bytes;
  let dp = out.length;
  const limit = dst.length;
  const srcLength = src.length;
  const dstWords = new DataView(dst.buffer, dst.byteOffset, dst.length);
  const srcWords = new DataView(src.buffer, src.byteOffset, srcLength);
  while (sp < end && dp < stopAt) {
    const token = src[sp++]!;
    let literals = token >>> 4;
    if (literals === 15) {
      let byte = 255;
      while (byte === 255) {
        if (sp >= end) throw truncated('literal length');
        byte = src[sp++]!;
        literals += byte;
      }
    }
    if (literals > end - sp) throw new Lz4FormatError(`LZ4 block truncated: ${literals} literals announced, ${end - sp} bytes left`);
    if (literals > limit - dp) {
      if (!out.clip) throw new Lz4FormatError(`LZ4 data decompresses to more than the expected ${limit} bytes`);
      dst.set(src.subarray(sp, sp + limit - dp), dp);
      dp = limit;
      break;
    }
    if (literals <= 8 && dp + 8 <= limit && sp + 8 <= srcLength) {
      // Most sequences of a numeric column have a few literals: copy 8 bytes in two words and step by the count
      // (the bytes past it are overwritten by what follows).
      dstWords.setUint32(dp, srcWords.getUint32(sp, true), true);
      dstWords.setUint32(dp + 4, srcWords.getUint32(sp + 4, true), true);
      sp += literals;
      dp += literals;
    } else if (literals < SHORT_COPY) {
      for (const stop = sp + literals; sp < stop;) dst[dp++] = src[sp++]!;
    } else {
      dst.set(src.subarray(sp, sp + literals), dp);
      sp += literals;
      dp += literals;
    }
    // The last sequence of a block has literals only.
    if (sp === end) break;
    if (end - sp < 2) throw truncated('match offset');
    const offset = src[sp]! | (src[sp + 1]! << 8);
    sp += 2;
    if (offset === 0 || offset > dp - frameStart) {
      throw new Lz4FormatError(`LZ4 match offset ${offset} points before the start of the data (at ${dp - frameStart})`);
    }
    let length = token & 15;
    if (length === 15) {
      let byte = 255;
      while (byte === 255) {
        if (sp >= end) throw truncated('match length');
        byte = src[sp++]!;
        length += byte;
      }
    }
    length += MIN_MATCH;
    if (length > limit - dp) {
      if (!out.clip) throw new Lz4FormatError(`LZ4 data decompresses to more than the expected ${limit} bytes`);
      length = limit - dp;
    }
    let from = dp - offset;
    if (offset >= 4 && length <= 16 && dp + 16 <= limit) {
      // Four bytes at a time: with an offset of 4 or more each word read was written before (the last word may
      // run past the match; what follows overwrites it).
      const stop = dp + length;
      for (let at = dp; at < stop; at += 4, from += 4) dstWords.setUint32(at, dstWords.getUint32(from, true), true);
      dp = stop;
    } else if (length < SHORT_COPY) {
      // Byte by byte is also what an overlapping match (offset < length) needs: it repeats what it writes.
      for (const stop = dp + length; dp < stop;) dst[dp++] = dst[from++]!;
    } else if (offset >= length) {
      dst.copyWithin(dp, from, from + length);
      dp += length;
    } else {
      // A long overlapping match repeats a period of `offset` bytes: copy ever larger chunks of what is written.
      const stop = dp + length;
      while (dp < stop) {
        const chunk = Math.min(dp - from, stop - dp);
        dst.copyWithin(dp, from, from + chunk);
        dp += chunk;
      }
    }
  }
  input.pos = sp;
  out.length = dp;
}

/** Output bytes decoded between two yields of the step-wise decoder: a few milliseconds of work. */
const STEP_BYTES = 1 << 20;
/** Decodes one frame into `out`; with `until`, returns as soon as the output holds that many bytes. */
function* decodeFrame(input: Reader, out: Output, until = Infinity): Generator<void, void> {
  const frameStart = out.length;
  const flags = input.u8('the frame flags');
  if (flags >>> 6 !== 1) throw new Lz4FormatError(`unsupported LZ4 frame version ${flags >>> 6}`);
  if (flags & 0b10) throw new Lz4FormatError('LZ4 frame flags have the reserved bit set');
  const blockChecksums = (flags & 0b10000) !== 0;
  const hasContentSize = (flags & 0b1000) !== 0;
  const contentChecksum = (flags & 0b100) !== 0;
  const hasDictId = (flags & 0b1) !== 0;
  const descriptor = input.u8('the block descriptor');
  const blockMax = BLOCK_MAX_SIZES[(descriptor >>> 4) & 7]!;
  if (!blockMax || descriptor & 0b10001111) throw new Lz4FormatError(`invalid LZ4 block descriptor 0x${descriptor.toString(16)}`);
  let contentSize = -1;
  if (hasContentSize) {
    const low = input.u32('the content size');
    const high = input.u32('the content size');
    contentSize = high * 2 ** 32 + low;
    if (contentSize > Number.MAX_SAFE_INTEGER) throw new Lz4FormatError('LZ4 content size is too large');
  }
  if (hasDictId) throw new Lz4FormatError('LZ4 frames that need a dictionary are not supported');
  input.skip(1, 'the header checksum');
  for (;;) {
    const header = input.u32('a block size');
    if (header === 0) break;
    const size = header & ~UNCOMPRESSED_BLOCK;
    if (size > blockMax) throw new Lz4FormatError(`LZ4 block of ${size} bytes exceeds the frame's maximum of ${blockMax}`);
    input.need(size, 'a block');
    const end = input.pos + size;
    if (header & UNCOMPRESSED_BLOCK) {
      out.reserve(size);
      out.bytes.set(input.bytes.subarray(input.pos, end), out.length);
      out.length += size;
      input.pos = end;
    } else {
      while (input.pos < end) {
        decodeBlock(input, end, out, frameStart, blockMax, Math.min(until, out.length + STEP_BYTES));
        if (out.length >= until) return;
        yield;
      }
    }
    if (out.length >= until) return;
    if (blockChecksums) input.skip(4, 'a block checksum');
  }
  if (contentChecksum) input.skip(4, 'the content checksum');
  if (contentSize >= 0 && out.length - frameStart !== contentSize) {
    throw new Lz4FormatError(`LZ4 frame announced ${contentSize} bytes but holds ${out.length - frameStart}`);
  }
}

/**
 * Decompresses one or more concatenated LZ4 frames. With `expectedLength` the output is allocated once and any
 * other size is an error.
 */
export function decompressLz4Frame(bytes: Uint8Array, expectedLength?: number): Uint8Array {
  return runSteps(decompressLz4FrameSteps(bytes, expectedLength));
}

/** Decodes the concatenated frames of `bytes` into `out`, stopping once it holds `until` bytes. */
function* decodeFrames(bytes: Uint8Array, out: Output, until: number): Generator<void, void> {
  if (bytes.length === 0) throw new Lz4FormatError('LZ4 frame is empty');
  const input = new Reader(bytes);
  while (out.length < until && input.remaining > 0) {
    const magic = input.u32('the frame magic number');
    if ((magic & SKIPPABLE_MASK) >>> 0 === SKIPPABLE_MAGIC) {
      input.skip(input.u32('a skippable frame size'), 'a skippable frame');
    } else if (magic === FRAME_MAGIC) {
      yield* decodeFrame(input, out, until);
    } else {
      throw new Lz4FormatError(`not an LZ4 frame (magic 0x${magic.toString(16)} at offset ${input.pos - 4})`);
    }
  }
}

/** decompressLz4Frame one slice at a time: it yields after about every megabyte of output. */
export function* decompressLz4FrameSteps(bytes: Uint8Array, expectedLength?: number): Generator<void, Uint8Array> {
  const fixed = expectedLength !== undefined && expectedLength >= 0;
  if (fixed && !Number.isSafeInteger(expectedLength)) throw new Lz4FormatError(`invalid expected length ${expectedLength}`);
  const out = new Output(fixed ? expectedLength : Math.max(bytes.length * 4, 64), fixed);
  yield* decodeFrames(bytes, out, Infinity);
  if (fixed && out.length !== expectedLength) {
    throw new Lz4FormatError(`LZ4 data decompresses to ${out.length} bytes, expected ${expectedLength}`);
  }
  return fixed ? out.bytes : out.bytes.slice(0, out.length);
}

/**
 * The first `length` bytes (or a few more: it stops at a sequence boundary) of LZ4 frames that decompress to
 * `expectedLength` bytes: what the first rows of a column need, without decompressing the rest.
 */
export function decompressLz4Prefix(bytes: Uint8Array, length: number, expectedLength: number): Uint8Array {
  if (!Number.isSafeInteger(expectedLength) || expectedLength < 0) throw new Lz4FormatError(`invalid expected length ${expectedLength}`);
  const wanted = Math.min(length, expectedLength);
  const out = new Output(wanted, true, true);
  runSteps(decodeFrames(bytes, out, wanted));
  if (out.length < wanted) throw new Lz4FormatError(`LZ4 data decompresses to ${out.length} bytes, expected ${expectedLength}`);
  return out.bytes.subarray(0, out.length);
}

// ---- Compression: used to build test and benchmark records shaped like Parca's. ----

function hash4(bytes: Uint8Array, i: number): number {
  const v = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
  return Math.imul(v, 2654435761) >>> 20; // 12-bit table index
}

/** A byte sink sized for LZ4's worst case, so compression never reallocates. */
class Sink {
  pos = 0;
  readonly bytes: Uint8Array;
  constructor(inputLength: number) {
    this.bytes = new Uint8Array(inputLength + Math.ceil(inputLength / 255) + 16);
  }

  length(length: number): void {
    for (; length >= 255; length -= 255) this.bytes[this.pos++] = 255;
    this.bytes[this.pos++] = length;
  }
}

function writeSequence(out: Sink, src: Uint8Array, literalStart: number, literalEnd: number, offset: number, matchLength: number): void {
  const literals = literalEnd - literalStart;
  const extra = matchLength - MIN_MATCH;
  out.bytes[out.pos++] = (Math.min(literals, 15) << 4) | (offset ? Math.min(extra, 15) : 0);
  if (literals >= 15) out.length(literals - 15);
  out.bytes.set(src.subarray(literalStart, literalEnd), out.pos);
  out.pos += literals;
  if (!offset) return;
  out.bytes[out.pos++] = offset & 255;
  out.bytes[out.pos++] = offset >>> 8;
  if (extra >= 15) out.length(extra - 15);
}

/** Greedy single-pass LZ4 block compression with a small hash table: simple and valid, not the densest. */
export function compressLz4Block(src: Uint8Array): Uint8Array {
  const out = new Sink(src.length);
  const table = new Int32Array(4096).fill(-1);
  const matchLimit = src.length - LAST_LITERALS;
  const searchLimit = src.length - MATCH_SAFE_DISTANCE;
  let anchor = 0;
  let i = 0;
  while (i < searchLimit) {
    const h = hash4(src, i);
    const candidate = table[h]!;
    table[h] = i;
    if (
      candidate >= 0 &&
      i - candidate <= MAX_OFFSET &&
      src[candidate] === src[i] &&
      src[candidate + 1] === src[i + 1] &&
      src[candidate + 2] === src[i + 2] &&
      src[candidate + 3] === src[i + 3]
    ) {
      let length = MIN_MATCH;
      while (i + length < matchLimit && src[candidate + length] === src[i + length]) length++;
      writeSequence(out, src, anchor, i, i - candidate, length);
      i += length;
      anchor = i;
    } else {
      i++;
    }
  }
  writeSequence(out, src, anchor, src.length, 0, 0);
  return out.bytes.slice(0, out.pos);
}

export interface Lz4EncodeOptions {
  /** Store every block uncompressed (fast, and a case the decoder must handle). */
  uncompressed?: boolean;
  /** Write the content size into the frame header. */
  contentSize?: boolean;
}

const ENCODE_BLOCK_SIZE = 4 * 1024 * 1024;

/** Builds an LZ4 frame with independent blocks, each stored compressed only when that is smaller. */
export function compressLz4Frame(bytes: Uint8Array, options: Lz4EncodeOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new Uint8Array(options.contentSize ? 15 : 7);
  const view = new DataView(header.buffer);
  view.setUint32(0, FRAME_MAGIC, true);
  header[4] = 0b01100000 | (options.contentSize ? 0b1000 : 0); // version 01, independent blocks
  header[5] = 0b01110000; // 4 MiB blocks
  if (options.contentSize) {
    view.setUint32(6, bytes.length >>> 0, true);
    view.setUint32(10, Math.floor(bytes.length / 2 ** 32), true);
  }
  header[header.length - 1] = 0; // header checksum: not verified by this decoder
  parts.push(header);
  for (let start = 0; start < bytes.length; start += ENCODE_BLOCK_SIZE) {
    const raw = bytes.subarray(start, Math.min(bytes.length, start + ENCODE_BLOCK_SIZE));
    const packed = options.uncompressed ? raw : compressLz4Block(raw);
    const stored = packed.length < raw.length ? packed : raw;
    const size = new Uint8Array(4);
    new DataView(size.buffer).setUint32(0, (stored.length | (stored === raw ? UNCOMPRESSED_BLOCK : 0)) >>> 0, true);
    parts.push(size, stored);
  }
  parts.push(new Uint8Array(4)); // end mark
  const total = parts.reduce((sum, part) => sum + part.length, 0);
  const frame = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    frame.set(part, offset);
    offset += part.length;
  }
  return frame;
}
