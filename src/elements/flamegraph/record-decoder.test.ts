import { expect } from '@open-wc/testing';
import type { ReactiveControllerHost } from 'lit';
import { ParcaError } from '../../client/errors.js';
import type { ParcaErrorEvent } from '../../events/error.js';
import { chainSpec, buildFlamegraphRecord, randomTreeSpec } from '../../test-support/flamegraph-record.js';
import { RecordDecoder } from './record-decoder.js';

function host() {
  const stub = Object.assign(new EventTarget(), { updates: 0, errors: [] as ParcaErrorEvent[], requestUpdate: () => void stub.updates++ });
  stub.addEventListener('parca-error', (event) => stub.errors.push(event as ParcaErrorEvent));
  return stub as typeof stub & ReactiveControllerHost;
}

describe('RecordDecoder', () => {
  const big = { bytes: buildFlamegraphRecord(randomTreeSpec(50_000, 8), { valueWidth: 64 }), unit: 'nanoseconds' };
  const small = { bytes: buildFlamegraphRecord(chainSpec(10)), unit: 'count' };

  it('decodes a record, then asks the host to update', async () => {
    const h = host();
    const decoder = new RecordDecoder(h);
    decoder.decode(big);
    expect(decoder.pending).to.be.instanceOf(Promise);
    await decoder.pending;
    expect(decoder.pending).to.equal(undefined);
    expect(decoder.data!.model.size).to.equal(50_000);
    expect(decoder.data!.unit).to.equal('nanoseconds');
    expect(h.updates).to.equal(1);
  });

  it('keeps the previous graph while the next decodes, and drops a result another record replaced', async () => {
    const h = host();
    const decoder = new RecordDecoder(h);
    decoder.decode(small);
    await decoder.pending;
    const first = decoder.data;
    decoder.decode(big);
    expect(decoder.data).to.equal(first, 'the last good graph stays while decoding');
    decoder.decode(small);
    await decoder.pending;
    expect(decoder.data!.model.size).to.equal(11);
    expect(decoder.data).to.not.equal(first);
    expect(decoder.error).to.equal(undefined);
  });

  it('reports a corrupt record as a decode ParcaError, in a parca-error too, keeps the last good graph, and clears for no record', async () => {
    const h = host();
    const decoder = new RecordDecoder(h);
    decoder.decode({ bytes: small.bytes.subarray(0, 40) });
    await decoder.pending;
    expect(decoder.data).to.equal(undefined);
    expect(decoder.error).to.be.instanceOf(ParcaError);
    expect(decoder.error!.kind).to.equal('decode');
    expect(h.errors.map((event) => event.error)).to.deep.equal([decoder.error], 'one parca-error, with the error the element shows');
    decoder.decode(small);
    await decoder.pending;
    const good = decoder.data;
    expect(good?.model.size).to.equal(11);
    decoder.decode({ bytes: small.bytes.subarray(0, 40) });
    await decoder.pending;
    expect(decoder.error?.kind).to.equal('decode');
    expect(decoder.data === good, 'the last good graph stays').to.equal(true);
    decoder.decode(undefined);
    expect(decoder.data).to.equal(undefined);
    expect(decoder.pending).to.equal(undefined);
  });
});
