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
// Parca's Arrow writer compresses each buffer as an LZ4 frame of independent 64 KiB blocks with the fast match
// search of its Go LZ4 library. This compressor follows the same search, so records built here decompress in the
// same sequences as Parca's (lz4-parity.test.ts checks it against a record the real Parca sent).

/** Parca's blocks: 64 KiB, so every position of a block fits the 16-bit hash table. */
const ENCODE_BLOCK_SIZE = 64 * 1024;
const BLOCK_SIZE_ID_64K = 4;
/** The header checksum of a frame descriptor of version 1, independent 64 KiB blocks and nothing else. */
const PARCA_HEADER_CHECKSUM = 0x82;
/** The search stops 14 bytes before a block's end (the format wants the last match to start 12 before it). */
const SEARCH_MARGIN = 14;
/** After three misses the search moves on 4 bytes, plus one for every 128 since the last match. */
const SKIP_SHIFT = 7;
const HASH_SLOTS = 1 << 16;
/** The 16-bit limbs of the multiplier of the search's hash (227718039650203). */
const PRIME_0 = 49051;
const PRIME_1 = 48348;
const PRIME_2 = 53019;

/**
 * The table slot of the 6 bytes at `at`: bits 48–63 of (their little-endian value · 2^16 · prime) mod 2^64, in
 * 16-bit limbs so that every product and sum stays exact in a double.
 */
function hash6(src: Uint8Array, at: number): number {
  const y1 = src[at]! | (src[at + 1]! << 8);
  const y2 = src[at + 2]! | (src[at + 3]! << 8);
  const y3 = src[at + 4]! | (src[at + 5]! << 8);
  const c1 = y1 * PRIME_0;
  const c2 = y1 * PRIME_1 + y2 * PRIME_0 + Math.floor(c1 / 65536);
  const c3 = y1 * PRIME_2 + y2 * PRIME_1 + y3 * PRIME_0 + Math.floor(c2 / 65536);
  return c3 % 65536;
}

function read32(src: Uint8Array, at: number): number {
  return (src[at]! | (src[at + 1]! << 8) | (src[at + 2]! << 16) | (src[at + 3]! << 24)) >>> 0;
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

/**
 * Compresses one block of at most 64 KiB: at each position it tries the positions last seen with the same hash
 * for it and the next two, extends a match backwards over the pending literals and forwards a word at a time, and
 * skips ahead faster the longer nothing matches.
 */
export function compressLz4Block(src: Uint8Array): Uint8Array {
  if (src.length > ENCODE_BLOCK_SIZE) throw new RangeError(`an LZ4 block holds at most ${ENCODE_BLOCK_SIZE} bytes`);
  const out = new Sink(src.length);
  // Last position by hash; a slot never set answers 0, as the search's own table does.
  const table = new Uint16Array(HASH_SLOTS);
  /** A match candidate for `at` from `slot`, or -1 when it is not before `at`. */
  const candidate = (slot: number, at: number) => (table[slot]! < at ? table[slot]! : -1);
  const matches = (at: number, from: number) => from >= 0 && read32(src, at) === read32(src, from);
  const end = src.length - SEARCH_MARGIN;
  let anchor = 0;
  let at = 0;
  while (at < end) {
    const slot = hash6(src, at);
    const nextSlot = hash6(src, at + 1);
    const first = candidate(slot, at);
    const second = candidate(nextSlot, at + 1);
    table[slot] = at;
    table[nextSlot] = at + 1;
    let from = first;
    if (!matches(at, first)) {
      const thirdSlot = hash6(src, at + 2);
      const third = candidate(thirdSlot, at + 2);
      at++;
      from = second;
      if (!matches(at, second)) {
        at++;
        from = third;
        table[thirdSlot] = at;
        if (!matches(at, third)) {
          at += 2 + ((at - anchor) >> SKIP_SHIFT);
          continue;
        }
      }
    }
    const offset = at - from;
    const found = at;
    // Backwards over the literals, then forwards from the 4 bytes found, a word at a time while the search may
    // read one (where the words fall decides where a match near the block's end stops).
    while (at > anchor && from > 0 && src[at - 1] === src[from - 1]) {
      at--;
      from--;
    }
    const start = at;
    at = found + MIN_MATCH;
    for (let equal = 8; equal === 8 && at + 8 <= end; at += equal) {
      equal = 0;
      while (equal < 8 && src[at + equal] === src[at + equal - offset]) equal++;
    }
    writeSequence(out, src, anchor, start, offset, at - start);
    anchor = at;
    if (at >= end) break;
    table[hash6(src, at - 2)] = at - 2;
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

/** Builds an LZ4 frame as Parca does: independent 64 KiB blocks, each stored compressed only when that is smaller. */
export function compressLz4Frame(bytes: Uint8Array, options: Lz4EncodeOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  const header = new Uint8Array(options.contentSize ? 15 : 7);
  const view = new DataView(header.buffer);
  view.setUint32(0, FRAME_MAGIC, true);
  header[4] = 0b01100000 | (options.contentSize ? 0b1000 : 0); // version 01, independent blocks
  header[5] = BLOCK_SIZE_ID_64K << 4;
  if (options.contentSize) {
    view.setUint32(6, bytes.length >>> 0, true);
    view.setUint32(10, Math.floor(bytes.length / 2 ** 32), true);
  }
  // The header checksum (not verified by this decoder): the one Parca's frames carry, for their descriptor; a
  // content size would change it and is left unchecked.
  header[header.length - 1] = options.contentSize ? 0 : PARCA_HEADER_CHECKSUM;
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
