import { expect } from '@open-wc/testing';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { IpcFramingError, checkIpcFrames } from './ipc-frames.js';

function stream(): Uint8Array {
  return tableToIPC(tableFromArrays({ cumulative: new Float64Array([3, 2, 1]), parent: new Int32Array([-1, 0, 1]) }), { format: 'stream' })!;
}

describe('checkIpcFrames', () => {
  it('accepts a well-framed stream and an empty one', () => {
    expect(() => checkIpcFrames(stream())).not.to.throw();
    expect(() => checkIpcFrames(new Uint8Array(0))).not.to.throw();
  });

  it('refuses a negative metadata length (which sends a decoder backwards for ever)', () => {
    const bytes = stream();
    new DataView(bytes.buffer, bytes.byteOffset).setInt32(4, -64, true);
    expect(() => checkIpcFrames(bytes)).to.throw(IpcFramingError, /-64 bytes of metadata/);
  });

  it('refuses metadata or a body that runs past the end', () => {
    const bytes = stream();
    new DataView(bytes.buffer, bytes.byteOffset).setInt32(4, bytes.length, true);
    expect(() => checkIpcFrames(bytes)).to.throw(IpcFramingError, /bytes of metadata/);
    const cut = stream();
    expect(() => checkIpcFrames(cut.subarray(0, cut.length - 40))).to.throw(IpcFramingError);
  });
});
