import { expect } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import { SEED_FIXTURES, SEED_INSTANCES } from '../../scripts/parca/seed-plan.js';
import { CPU_TYPE, seededRange, testEnv } from '../test-support/env.js';
import { proxyCount } from '../test-support/scenarios.js';
import { createConnection, normalizeBaseUrl } from './connection.js';
import { ParcaError } from './errors.js';

const env = testEnv();
const { startMs, endMs } = seededRange(env);
const range = { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };

async function failure(promise: Promise<unknown>): Promise<ParcaError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(ParcaError);
    return error as ParcaError;
  }
  throw new Error('expected the call to fail');
}

function mergeRequest(query: string) {
  return {
    mode: QueryRequest_Mode.MERGE,
    reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    options: { case: 'merge' as const, value: { query, ...range } },
  };
}

describe('connection to the real Parca', () => {
  const parca = createConnection({ url: env.parcaUrl, name: 'local' });

  it('lists the seeded profile types', async () => {
    const { types } = await parca.profileTypes(range);
    const names = new Set(types.map((t) => t.name));
    for (const fixture of SEED_FIXTURES) expect(names).to.include(fixture.name);
    const cpu = types.find((t) => t.name === 'process_cpu' && t.sampleType === 'cpu');
    expect(cpu, 'process_cpu cpu/nanoseconds').to.exist;
    expect(cpu!.delta).to.equal(true);
    const heap = types.find((t) => t.name === 'memory' && t.sampleType === 'inuse_space');
    expect(heap!.delta).to.equal(false);
  });

  it('returns the seeded label names and values', async () => {
    const { labelNames } = await parca.labels({ ...range, profileType: CPU_TYPE, match: [] });
    expect(labelNames).to.include.members(['job', 'instance']);
    const { labelValues } = await parca.values({ labelName: 'job', ...range, profileType: CPU_TYPE, match: [] });
    const cpuJobs = SEED_FIXTURES.filter(
      (f) => f.name === 'process_cpu' && f.file !== 'cpu-thread-labels.pb.gz' && f.file !== 'cpu-nodejs.pb.gz' && f.file !== 'cpu-native.pb.gz',
    ).map((f) => f.job);
    expect(labelValues).to.include.members(cpuJobs);
  });

  it('returns one series per label set for QueryRange', async () => {
    const response = await parca.queryRange({
      query: `${CPU_TYPE}{job="fib"}`,
      ...range,
      step: { seconds: 60n },
      // Delta types are summed over every label not named here: naming them all keeps one series per set.
      sumBy: ['instance', 'job'],
    });
    expect(response.series.length).to.equal(SEED_INSTANCES.length);
    const instances = response.series.map((s) => s.labelset?.labels.find((l) => l.name === 'instance')?.value);
    expect(instances).to.have.members([...SEED_INSTANCES]);
    for (const series of response.series) expect(series.samples.length).to.be.greaterThan(5);
  });

  it('returns a non-empty Arrow flame graph for a merge query', async () => {
    const response = await parca.query(mergeRequest(`${CPU_TYPE}{}`));
    expect(response.report.case).to.equal('flamegraphArrow');
    const arrow = response.report.case === 'flamegraphArrow' ? response.report.value : undefined;
    expect(arrow!.record.byteLength).to.be.greaterThan(100);
    expect(arrow!.unit).to.equal('nanoseconds');
    expect(response.total > 0n).to.equal(true);
  });

  it('returns an empty result, not an error, for a range with no data', async () => {
    const old = { start: timestampFromMs(startMs - 3 * 86_400_000), end: timestampFromMs(startMs - 2 * 86_400_000) };
    const series = await parca.queryRange({ query: `${CPU_TYPE}{}`, ...old, step: { seconds: 60n } });
    expect(series.series).to.have.length(0);
    const { types } = await parca.profileTypes(old);
    expect(types).to.have.length(0);
  });

  it('reaches Parca behind a reverse proxy with a path prefix', async () => {
    const proxied = createConnection({ url: `${env.proxyUrl}/parca/` });
    expect(proxied.url).to.equal(`${env.proxyUrl}/parca`);
    const { types } = await proxied.profileTypes(range);
    expect(types.length).to.be.greaterThan(0);
  });
});

describe('shared calls', () => {
  it('asks Parca once when twenty callers ask the same thing at once', async () => {
    // The proxy counts the calls that reach Parca through a route of this test's own.
    const tag = `calls-${crypto.randomUUID()}`;
    const parca = createConnection({ url: `${env.proxyUrl}/count/${tag}` });
    const calls = Array.from({ length: 20 }, () => parca.profileTypes(range));
    expect(parca.callsInFlight).to.equal(1);
    const answers = await Promise.all(calls);
    expect(new Set(answers).size).to.equal(1);
    expect(answers[0]!.types.length).to.be.greaterThan(0);
    expect(await proxyCount(tag)).to.equal(1);
    expect(parca.callsInFlight).to.equal(0);
    // A different request is its own call.
    await parca.profileTypes({});
    expect(await proxyCount(tag)).to.equal(2);
  });

  it('lets one caller abort without cancelling the others, and cancels the call when all leave', async () => {
    const parca = createConnection({ url: `${env.proxyUrl}/delay/300` });
    const first = new AbortController();
    const second = new AbortController();
    const a = parca.profileTypes(range, { signal: first.signal });
    const b = parca.profileTypes(range, { signal: second.signal });
    first.abort();
    expect((await failure(a)).kind).to.equal('aborted');
    expect((await b).types.length).to.be.greaterThan(0);

    const third = new AbortController();
    const c = parca.profileTypes(range, { signal: third.signal });
    expect(parca.callsInFlight).to.equal(1);
    third.abort();
    expect((await failure(c)).kind).to.equal('aborted');
    expect(parca.callsInFlight).to.equal(0);
  });
});

describe('connection errors', () => {
  it('says a closed port is unreachable, naming CORS as a possible cause', async () => {
    const error = await failure(createConnection({ url: env.closedUrl }).profileTypes(range));
    expect(error.kind).to.equal('unreachable');
    expect(error.message).to.contain(env.closedUrl);
    expect(error.message).to.contain('--cors-allowed-origins');
    expect(error.transient).to.equal(true);
  });

  it('reports a Parca that does not allow this origin as unreachable (the browser hides CORS refusals)', async () => {
    const error = await failure(createConnection({ url: env.corsRefusingUrl }).profileTypes(range));
    expect(error.kind).to.equal('unreachable');
    expect(error.message).to.contain(location.origin);
  });

  it('keeps the server message for a malformed selector and does not call it transient', async () => {
    const parca = createConnection({ url: env.parcaUrl });
    const error = await failure(parca.query(mergeRequest(`${CPU_TYPE}{job=fib}`)));
    expect(error.kind).to.equal('invalid-query');
    expect(error.serverMessage).to.be.a('string').and.not.equal('');
    expect(error.message).to.contain(error.serverMessage!);
    expect(error.transient).to.equal(false);
  });

  it('maps a 401 from a proxy to unauthenticated, and authenticates with basic auth', async () => {
    const anonymous = createConnection({ url: `${env.proxyUrl}/basic` });
    const error = await failure(anonymous.profileTypes(range));
    expect(error.kind).to.equal('unauthenticated');
    const wrong = createConnection({ url: `${env.proxyUrl}/basic`, user: env.basic.user, password: 'nope' });
    expect((await failure(wrong.profileTypes(range))).kind).to.equal('unauthenticated');
    const right = createConnection({ url: `${env.proxyUrl}/basic`, ...env.basic });
    expect((await right.profileTypes(range)).types.length).to.be.greaterThan(0);
  });

  it('authenticates with a bearer token', async () => {
    const error = await failure(createConnection({ url: `${env.proxyUrl}/bearer`, token: 'wrong' }).profileTypes(range));
    expect(error.kind).to.equal('unauthenticated');
    const right = createConnection({ url: `${env.proxyUrl}/bearer`, token: env.bearer });
    expect((await right.profileTypes(range)).types.length).to.be.greaterThan(0);
  });

  it('sends extra headers, and maps a 403 to forbidden', async () => {
    const without = createConnection({ url: `${env.proxyUrl}/tenant` });
    expect((await failure(without.profileTypes(range))).kind).to.equal('forbidden');
    const tenant = createConnection({ url: `${env.proxyUrl}/tenant`, headers: { 'X-Scope-OrgID': env.tenant } });
    expect((await tenant.profileTypes(range)).types.length).to.be.greaterThan(0);
  });

  it('times out a slow answer', async () => {
    const slow = createConnection({ url: `${env.proxyUrl}/delay/3000`, timeoutMs: 300 });
    const error = await failure(slow.profileTypes(range));
    expect(error.kind).to.equal('timeout');
    expect(error.message).to.contain('0.3 s');
  });

  it('reports a caller abort as aborted', async () => {
    const slow = createConnection({ url: `${env.proxyUrl}/delay/3000` });
    const controller = new AbortController();
    const call = slow.profileTypes(range, { signal: controller.signal });
    controller.abort();
    expect((await failure(call)).kind).to.equal('aborted');
  });

  it('never reveals credentials through the connection object', () => {
    const secret = createConnection({ url: env.parcaUrl, user: 'u', password: 'hunter2-secret', token: 'tok-secret', headers: { 'X-Key': 'hdr-secret' } });
    // eslint-disable-next-line @typescript-eslint/no-base-to-string -- stringified on purpose: whatever it prints must not hold a credential.
    const shown = JSON.stringify(secret) + String(secret) + Object.values(secret).map(String).join();
    for (const word of ['hunter2-secret', 'tok-secret', 'hdr-secret']) expect(shown).not.to.contain(word);
    expect(secret.authenticated).to.equal(true);
  });

  it('refuses credentials inside the URL and URLs that are not http(s)', () => {
    expect(() => normalizeBaseUrl('http://user:pw@localhost:7070')).to.throw(ParcaError, /not in the URL/);
    expect(() => normalizeBaseUrl('ftp://localhost')).to.throw(ParcaError, /http or https/);
    expect(normalizeBaseUrl('http://localhost:7070///')).to.equal('http://localhost:7070');
  });
});
