// Faults a real network produces, made by the proxy of scripts/parca/proxy.ts in front of the real Parca.
import { expect } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { seededRange, testEnv } from '../test-support/env.js';
import { createConnection } from './connection.js';
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
];

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

  it('recovers on the next call once the fault is gone (same connection)', async () => {
    const parca = createConnection({ url: `${env.proxyUrl}/parca` });
    const bad = createConnection({ url: `${env.proxyUrl}/drop` });
    await bad.profileTypes(range).catch(() => undefined);
    expect((await parca.profileTypes(range)).types.length).to.be.greaterThan(0);
  });
});
