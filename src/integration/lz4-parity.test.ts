// The records the tests and benchmarks build must decompress as Parca's do: LZ4's cost is per sequence, so a
// compressor that finds other matches makes a benchmark decode more (or fewer) sequences than a user's page would.
// Here every buffer of a flame graph record the real Parca sent is compressed again by the project's compressor.
import { expect } from '@open-wc/testing';
import { createConnection } from '../client/connection.js';
import { QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import { readIpcStream } from '../model/arrow/ipc-read.js';
import { compressLz4Frame, decompressLz4Frame } from '../model/arrow/lz4-frame.js';
import { buildQueryRequest } from '../model/flamegraph/request.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';

describe('LZ4 as Parca writes it', () => {
  it('compresses every buffer of a record from the real Parca into the same bytes', async () => {
    const { startMs, endMs } = seededRange();
    const connection = createConnection({ url: testEnv().parcaUrl });
    const request = buildQueryRequest(
      { query: `${CPU_TYPE}{}`, startMs, endMs },
      { invert: false, groupBy: [], filters: [], absolute: false },
      QueryRequest_ReportType.FLAMEGRAPH_ARROW,
      0,
    );
    const response = await connection.query(request);
    if (response.report.case !== 'flamegraphArrow') throw new Error(`Parca answered ${response.report.case}`);
    const stream = readIpcStream(response.report.value.record);
    const batches = [...stream.records, ...stream.dictionaries.map((dictionary) => ({ ...dictionary.data, body: dictionary.body }))];
    let compared = 0;
    let decompressed = 0;
    for (const batch of batches) {
      for (const region of batch.regions) {
        if (region.length === 0) continue;
        const buffer = batch.body.subarray(region.offset, region.offset + region.length);
        const view = new DataView(buffer.buffer, buffer.byteOffset, 8);
        // Parca's writer compresses every buffer: no -1 length (a buffer stored as it is) is expected here.
        const length = view.getUint32(0, true) + view.getUint32(4, true) * 2 ** 32;
        expect(length, `buffer ${compared} is not stored as it is (length -1)`).to.be.below(2 ** 63);
        const frame = buffer.subarray(8);
        const data = decompressLz4Frame(frame, length);
        expect([...compressLz4Frame(data)], `buffer ${compared} (${data.length} bytes)`).to.deep.equal([...frame]);
        compared++;
        decompressed += data.length;
      }
    }
    // Enough to have matches of every kind and blocks of both kinds.
    expect(compared, 'buffers').to.be.at.least(20);
    expect(decompressed, 'bytes').to.be.at.least(100_000);
  });
});
