import { expect } from '@open-wc/testing';
import { tableFromArrays, tableToIPC } from '@uwdata/flechette';
import { IpcFramingError, readIpcStream } from './ipc-read.js';

function stream(): Uint8Array {
  return tableToIPC(tableFromArrays({ cumulative: new Float64Array([3, 2, 1]), parent: new Int32Array([-1, 0, 1]) }), { format: 'stream' })!;
}

describe('readIpcStream', () => {
  it('reads a well-framed stream (schema and one batch) and an empty one', () => {
    const data = readIpcStream(stream());
    expect(data.schema!.fields.map((f) => f.name)).to.deep.equal(['cumulative', 'parent']);
    expect(data.records).to.have.length(1);
    expect(data.records[0]!.length).to.equal(3);
    expect(readIpcStream(new Uint8Array(0)).records ?? []).to.have.length(0);
  });

  it('refuses a negative metadata length (which sends a decoder backwards for ever)', () => {
    const bytes = stream();
    new DataView(bytes.buffer, bytes.byteOffset).setInt32(4, -64, true);
    expect(() => readIpcStream(bytes)).to.throw(IpcFramingError, /-64 bytes of metadata/);
  });

  it('refuses metadata or a body that runs past the end', () => {
    const bytes = stream();
    new DataView(bytes.buffer, bytes.byteOffset).setInt32(4, bytes.length, true);
    expect(() => readIpcStream(bytes)).to.throw(IpcFramingError, /bytes of metadata/);
    const cut = stream();
    expect(() => readIpcStream(cut.subarray(0, cut.length - 40))).to.throw(IpcFramingError);
  });
});
