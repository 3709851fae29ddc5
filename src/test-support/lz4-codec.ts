// Lets @uwdata/flechette read and write Arrow buffers compressed with LZ4_FRAME, for tests and benchmarks that
// build records shaped like Parca's. The library itself reads records without flechette (see ipc-read.ts).
import { CompressionType, setCompressionCodec } from '@uwdata/flechette';
import { compressLz4Frame, decompressLz4Frame } from '../model/arrow/lz4-frame.js';

let registered = false;

/** Registers the codec once. */
export function registerLz4Codec(): void {
  if (registered) return;
  registered = true;
  setCompressionCodec(CompressionType.LZ4_FRAME, {
    decode: (bytes, uncompressedLength) => decompressLz4Frame(bytes, uncompressedLength),
    encode: (bytes) => compressLz4Frame(bytes),
  });
}
