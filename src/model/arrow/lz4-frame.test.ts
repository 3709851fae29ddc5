import { expect } from '@open-wc/testing';
import { CompressionType, tableFromArrays, tableFromIPC, tableToIPC } from '@uwdata/flechette';
import { registerLz4Codec } from '../../test-support/lz4-codec.js';
import { Lz4FormatError, compressLz4Block, compressLz4Frame, decompressLz4Frame, decompressLz4FrameSteps, decompressLz4Prefix } from './lz4-frame.js';

const MAGIC = [0x04, 0x22, 0x4d, 0x18];

/** A frame header: version 01, independent blocks, 64 KiB blocks, plus the given flag bits. */
function header(flags = 0): number[] {
  return [...MAGIC, 0b01100000 | flags, 0b01000000];
}

function u32(value: number): number[] {
  return [value & 255, (value >>> 8) & 255, (value >>> 16) & 255, value >>> 24];
}

function frame(...parts: number[][]): Uint8Array {
  return Uint8Array.from(parts.flat());
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}

function sample(length: number, seed: number, alphabet: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    bytes[i] = 97 + ((state >>> 16) % alphabet);
  }
  return bytes;
}

describe('LZ4 frame decoder', () => {
  it('decodes a hand-written compressed block with an overlapping match', () => {
    // Token 0x1A: 1 literal ("a"), match length 10 + 4 = 14 at offset 1; then 5 literals to end the block.
    const block = [0x1a, 0x61, 0x01, 0x00, 0x50, ...'bcdef'.split('').map((c) => c.charCodeAt(0))];
    const bytes = frame(header(), [0], u32(block.length), block, u32(0));
    expect(text(decompressLz4Frame(bytes))).to.equal('a'.repeat(15) + 'bcdef');
  });

  it('decodes uncompressed blocks (high bit of the size) and skips block and content checksums', () => {
    const data = [...'hello'].map((c) => c.charCodeAt(0));
    const bytes = frame(header(0b10000 | 0b100), [0], u32((data.length | 0x80000000) >>> 0), data, u32(0xdeadbeef), u32(0), u32(0x12345678));
    expect(text(decompressLz4Frame(bytes))).to.equal('hello');
  });

  it('reads the optional content size and rejects a frame whose content does not match it', () => {
    const data = [...'abc'].map((c) => c.charCodeAt(0));
    const ok = frame(header(0b1000), u32(3), u32(0), [0], u32((3 | 0x80000000) >>> 0), data, u32(0));
    expect(text(decompressLz4Frame(ok))).to.equal('abc');
    const wrong = frame(header(0b1000), u32(4), u32(0), [0], u32((3 | 0x80000000) >>> 0), data, u32(0));
    expect(() => decompressLz4Frame(wrong)).to.throw(Lz4FormatError, /announced 4 bytes/);
  });

  it('round-trips data through its own compressor, compressed and stored', () => {
    for (const [length, alphabet] of [
      [0, 4],
      [1, 4],
      [13, 2],
      [1000, 3],
      [70_000, 26],
      [200_000, 2],
    ] as const) {
      const data = sample(length, length + alphabet, alphabet);
      for (const uncompressed of [false, true]) {
        const packed = compressLz4Frame(data, { uncompressed, contentSize: true });
        expect(decompressLz4Frame(packed), `${length} bytes`).to.deep.equal(data);
        expect(decompressLz4Frame(packed, length), `${length} bytes, expected length`).to.deep.equal(data);
      }
    }
  });

  it('compresses repetitive data and splits large inputs into several blocks', () => {
    const data = new Uint8Array(9 * 1024 * 1024).map((_, i) => i % 251);
    const packed = compressLz4Frame(data);
    expect(packed.length).to.be.lessThan(data.length / 10);
    expect(decompressLz4Frame(packed)).to.deep.equal(data);
    // A run: one match, then the literals the search leaves at a block's end (Parca's search stops 14 bytes
    // before it, and extends a match only a word at a time).
    const block = compressLz4Block(new Uint8Array(1000).fill(7));
    expect(block.length).to.be.lessThan(30);
  });

  it('decodes concatenated frames and skips skippable frames', () => {
    const a = compressLz4Frame(new TextEncoder().encode('first '));
    const skippable = frame([0x5a, 0x2a, 0x4d, 0x18], u32(3), [1, 2, 3]);
    const b = compressLz4Frame(new TextEncoder().encode('second'));
    expect(text(decompressLz4Frame(frame([...a], [...skippable], [...b])))).to.equal('first second');
  });

  it('throws a clear error on corrupt input', () => {
    const cases: [Uint8Array, RegExp][] = [
      [new Uint8Array(0), /empty/],
      [frame([1, 2, 3, 4, 5, 6, 7]), /not an LZ4 frame/],
      [frame([...MAGIC, 0b10000000, 0x40, 0]), /version/],
      [frame([...MAGIC, 0b01100000, 0x00, 0]), /block descriptor/],
      [frame(header(0b1), u32(7), [0], u32(0)), /dictionary/],
      // A match reaching before the start of the output.
      [frame(header(), [0], u32(3), [0x00, 0x05, 0x00], u32(0)), /offset 5/],
      // A block larger than the frame's block maximum.
      [frame(header(), [0], u32(70_000)), /exceeds/],
      // Literal count beyond the block.
      [frame(header(), [0], u32(2), [0xf0, 0x10], u32(0)), /truncated/],
    ];
    for (const [bytes, message] of cases) {
      expect(() => decompressLz4Frame(bytes), String(message)).to.throw(Lz4FormatError, message);
    }
  });

  it('throws on every truncation of a valid frame, never reading out of range', () => {
    const packed = compressLz4Frame(sample(3000, 5, 3), { contentSize: true });
    for (let cut = 0; cut < packed.length; cut++) {
      expect(() => decompressLz4Frame(packed.subarray(0, cut)), `cut at ${cut}`).to.throw(Lz4FormatError);
    }
  });

  it('throws when the output differs from the length the caller expects', () => {
    const packed = compressLz4Frame(sample(100, 1, 3));
    expect(() => decompressLz4Frame(packed, 99)).to.throw(Lz4FormatError, /more than the expected 99/);
    expect(() => decompressLz4Frame(packed, 101)).to.throw(Lz4FormatError, /expected 101/);
  });

  it('survives random corruption: it returns or throws Lz4FormatError, nothing else', () => {
    const packed = compressLz4Frame(sample(5000, 9, 4));
    let state = 42;
    for (let round = 0; round < 300; round++) {
      const bytes = packed.slice();
      for (let flips = 0; flips < 3; flips++) {
        state = (Math.imul(state, 1103515245) + 12345) >>> 0;
        const at = 7 + ((state >>> 8) % (bytes.length - 7));
        bytes[at] = state & 255;
      }
      try {
        decompressLz4Frame(bytes);
      } catch (error) {
        expect(error).to.be.instanceOf(Lz4FormatError);
      }
    }
  });

  it('is the LZ4_FRAME codec flechette uses to read and write Arrow buffers', () => {
    registerLz4Codec();
    const table = tableFromArrays({ value: Float64Array.from({ length: 5000 }, (_, i) => i % 7) });
    const bytes = tableToIPC(table, { format: 'stream', codec: CompressionType.LZ4_FRAME })!;
    const plain = tableToIPC(table, { format: 'stream' })!;
    expect(bytes.length).to.be.lessThan(plain.length / 4);
    const read = tableFromIPC(bytes);
    expect(Array.from(read.getChild('value').toArray() as Float64Array)).to.deep.equal(Array.from(table.getChild('value').toArray() as Float64Array));
  });
});

describe('LZ4 frame decoder, long copies and slices', () => {
  it('repeats a short period over a long overlapping match, and copies long literals', () => {
    // 40 literals, then a match of 15 + 81 + 4 = 100 bytes at offset 3; then 5 literals end the block.
    const literals = Array.from({ length: 40 }, (_, i) => 97 + (i % 26));
    const block = [0xff, 40 - 15, ...literals, 0x03, 0x00, 81, 0x50, ...[1, 2, 3, 4, 5]];
    const bytes = frame(header(), [0], u32(block.length), block, u32(0));
    const out = decompressLz4Frame(bytes, 145);
    const expected = [...literals];
    for (let i = 0; i < 100; i++) expected.push(expected[expected.length - 3]!);
    expected.push(1, 2, 3, 4, 5);
    expect(Array.from(out)).to.deep.equal(expected);
  });

  it('decodes step by step to the same bytes, pausing about every megabyte', () => {
    const data = sample(3 * 1024 * 1024 + 17, 3, 3);
    const packed = compressLz4Frame(data);
    const steps = decompressLz4FrameSteps(packed, data.length);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).to.be.at.least(3);
    expect(step.value).to.deep.equal(data);
  });

  it('pauses inside a block larger than a step and goes on where it stopped', () => {
    // The compressor writes Parca's 64 KiB blocks; other writers use blocks up to 4 MiB. One such block, by hand:
    // 200,000 sequences of one literal and a 16-byte match repeating it, then 5 literals to end it.
    const count = 200_000;
    const block = new Uint8Array(count * 4 + 6);
    const expected = new Uint8Array(count * 17 + 5);
    for (let i = 0; i < count; i++) {
      block.set([0x1c, i & 255, 0x01, 0x00], i * 4);
      expected.fill(i & 255, i * 17, i * 17 + 17);
    }
    block.set([0x50, 1, 2, 3, 4, 5], count * 4);
    expected.set([1, 2, 3, 4, 5], count * 17);
    const bytes = frame([...MAGIC, 0b01100000, 0b01110000, 0], u32(block.length), [...block], u32(0));
    const steps = decompressLz4FrameSteps(bytes, expected.length);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses, 'a pause about every megabyte of the 3.4 MB block').to.be.at.least(3);
    expect(step.value).to.deep.equal(expected);
  });

  it('copies short literals and matches a word at a time, exactly, up to the last byte of the output', () => {
    // A numeric column's shape: 64-bit values with a few varying low bytes, so most sequences are a few literals
    // and a short match; every output length from 1 to 300 ends the data at a different point of a sequence.
    for (let length = 1; length <= 300; length++) {
      const data = new Uint8Array(length);
      for (let i = 0; i < length; i++) data[i] = i % 8 < 2 ? (i * 37) & 255 : i % 8 === 2 ? (i >> 4) & 3 : 0;
      const packed = compressLz4Frame(data);
      expect(decompressLz4Frame(packed, length), `${length} bytes`).to.deep.equal(data);
      expect(decompressLz4Frame(packed), `${length} bytes, growing`).to.deep.equal(data);
    }
  });

  it('decompresses a prefix: at least the bytes asked for, equal to the whole output there', () => {
    const data = sample(3 * 1024 * 1024 + 5, 7, 4);
    const packed = compressLz4Frame(data);
    for (const length of [0, 1, 1000, 65_536, 1024 * 1024 + 3, data.length, data.length + 10]) {
      const prefix = decompressLz4Prefix(packed, length, data.length);
      expect(prefix.length, `${length}`).to.be.at.least(Math.min(length, data.length));
      expect(prefix, `${length}`).to.deep.equal(data.subarray(0, prefix.length));
    }
    expect(() => decompressLz4Prefix(packed.subarray(0, 100), 1024 * 1024, data.length)).to.throw(Lz4FormatError);
  });
});
