// Faults a real network produces, made by the proxy of scripts/parca/proxy.ts in front of the real Parca.
import { expect } from '@open-wc/testing';
import { create, equals, fromBinary, toBinary } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ProfileTypesRequestSchema, ProfileTypesResponseSchema } from '../gen/parca/query/v1alpha1/query_pb.js';
import { seededRange, testEnv } from '../test-support/env.js';
import { MAX_RESPONSE_BYTES, createConnection } from './connection.js';
import { ParcaError, type ParcaErrorKind } from './errors.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const range = { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };

async function failureAt(route: string): Promise<ParcaError> {
  try {
    await createConnection({ url: `${env.proxyUrl}/${route}`, timeoutMs: 5000 }).profileTypes(range);
  } catch (error) {
    expect(error).to.be.instanceOf(ParcaError);
    return error as ParcaError;
  }
  throw new Error(`expected /${route} to fail`);
}

const cases: [route: string, kind: ParcaErrorKind, transient: boolean, says: RegExp][] = [
  ['status/500', 'server', true, /500|failed/i],
  ['status/502', 'server', true, /unavailable|502/i],
  ['status/503', 'server', true, /unavailable|503/i],
  ['status/401', 'unauthenticated', false, /credentials/],
  ['status/403', 'forbidden', false, /refused/],
  ['status/404', 'server', true, /path was not found/],
  ['html', 'server', true, /not .*gRPC-Web/i],
  ['drop', 'unreachable', true, /could not be reached/],
  ['cut', 'server', true, /cut off|closed/i],
  ['garbage', 'decode', false, /could not be read|corrupt/i],
  ['huge', 'too-large', false, /too large \(more than 64 MiB\)\. Narrow/],
];

/** A ProfileTypes call made by hand, so the test sees the answer's bytes as they came. */
async function rawProfileTypes(route: string): Promise<{ contentType: string; flags: number; announced: number; message: Uint8Array }> {
  const message = toBinary(ProfileTypesRequestSchema, create(ProfileTypesRequestSchema, range));
  const body = new Uint8Array(5 + message.length);
  new DataView(body.buffer).setUint32(1, message.length);
  body.set(message, 5);
  const response = await fetch(`${env.proxyUrl}/${route}/parca.query.v1alpha1.QueryService/ProfileTypes`, {
    method: 'POST',
    headers: { 'content-type': 'application/grpc-web+proto', 'x-grpc-web': '1' },
    body,
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const announced = new DataView(bytes.buffer).getUint32(1);
  return { contentType: response.headers.get('content-type') ?? '', flags: bytes[0]!, announced, message: bytes.subarray(5, 5 + announced) };
}

/** A stable sort key for a profile type: its fields in a fixed order. */
function toJsonKey(type: object): string {
  return JSON.stringify(
    Object.entries(type)
      .filter(([name]) => name !== '$typeName')
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

describe('faults between the browser and Parca', () => {
  for (const [route, kind, transient, says] of cases) {
    it(`/${route} gives a ${kind} error that a person can act on`, async () => {
      const error = await failureAt(route);
      expect(error.kind, error.message).to.equal(kind);
      expect(error.transient).to.equal(transient);
      expect(error.message).to.match(says);
      expect(error.message).not.to.contain('[object');
    });
  }

  it("/huge is Parca's own answer, its message frame padded past 64 MiB with a field decoders skip", async () => {
    const [real, huge] = await Promise.all([rawProfileTypes('parca'), rawProfileTypes('huge')]);
    expect(huge.contentType).to.equal(real.contentType);
    expect(huge.flags).to.equal(0);
    expect(real.announced).to.be.below(MAX_RESPONSE_BYTES);
    expect(huge.announced).to.be.above(MAX_RESPONSE_BYTES);
    expect(huge.message.length, 'the whole frame arrived').to.equal(huge.announced);
    const decode = (bytes: Uint8Array) => fromBinary(ProfileTypesResponseSchema, bytes, { readUnknownFields: false });
    const answer = decode(huge.message);
    expect(answer.types.length).to.be.greaterThan(0);
    // Parca lists the types in no fixed order: compare them as sets.
    const sorted = (response: typeof answer) => create(ProfileTypesResponseSchema, { types: [...response.types].sort((a, b) => key(a).localeCompare(key(b))) });
    const key = (type: (typeof answer.types)[number]) => toJsonKey(type);
    expect(equals(ProfileTypesResponseSchema, sorted(answer), sorted(decode(real.message)))).to.equal(true);
  });

  it('an answer past 64 MiB fails as too-large (not worth retrying) and leaves no call in flight', async () => {
    const huge = createConnection({ url: `${env.proxyUrl}/huge` });
    const error = await huge.profileTypes(range).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(ParcaError);
    expect((error as ParcaError).kind).to.equal('too-large');
    expect((error as ParcaError).transient).to.equal(false);
    expect((error as ParcaError).message).to.contain(`${env.proxyUrl}/huge`);
    expect(huge.callsInFlight).to.equal(0);
  });

  it('recovers on the next call once the fault is gone (same connection)', async () => {
    const parca = createConnection({ url: `${env.proxyUrl}/parca` });
    const bad = createConnection({ url: `${env.proxyUrl}/drop` });
    await bad.profileTypes(range).catch(() => undefined);
    expect((await parca.profileTypes(range)).types.length).to.be.greaterThan(0);
  });
});
