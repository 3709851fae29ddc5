// Seeds a Parca server with the fixture profiles through ProfileStoreService/WriteRaw, rewritten so they lie
// in the last hour as several series per job.
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ProfileStoreService, type RawProfileSeries, RawProfileSeriesSchema } from '../../src/gen/parca/profilestore/v1alpha1/profilestore_pb.js';
import { ProfileSchema } from '../../src/gen/perftools/profiles/profile_pb.js';
import { projectRoot } from '../paths.js';
import { ADVERSARIAL_SERIES } from './adversarial-plan.js';
import { buildPprof } from './pprof-builder.js';
import { SEED_DURATION_MS, SEED_FIXTURES, SEED_INSTANCES, SEED_SPAN_MS, seedDrift, seedScale, seedTimes } from './seed-plan.js';

export const FIXTURE_DIR = join(projectRoot, 'scripts', 'parca', 'fixtures', 'pprof');

/**
 * One profile as Parca should store it: the fixture with new time, duration and values scaled by `scale` (and,
 * per sample, by seedDrift at `progress` through the hour).
 */
export function rewriteProfile(gzipped: Uint8Array, timeMs: number, durationMs: number, scale: number, progress = 0): Uint8Array {
  const profile = fromBinary(ProfileSchema, gunzipSync(gzipped));
  profile.timeNanos = BigInt(timeMs) * 1_000_000n;
  profile.durationNanos = BigInt(durationMs) * 1_000_000n;
  profile.sample.forEach((sample, i) => {
    const factor = scale * seedDrift(i, progress);
    sample.value = sample.value.map((v) => BigInt(Math.max(1, Math.round(Number(v) * factor))));
  });
  return gzipSync(toBinary(ProfileSchema, profile));
}

/** WriteRaw requests stay well under Parca's 64 MiB message limit. */
const MAX_REQUEST_BYTES = 8 * 1024 * 1024;

/**
 * Sends a write again when the connection broke before the request was sent (Node's fetch may reuse a
 * keep-alive socket the server has just closed: EPIPE); a request that got any answer is not repeated.
 */
async function writeRaw(client: ReturnType<typeof createClient<typeof ProfileStoreService>>, request: Parameters<typeof client.writeRaw>[0]) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await client.writeRaw(request);
    } catch (error) {
      const cause = String((error as { cause?: { cause?: { code?: string } } }).cause?.cause?.code ?? '');
      if (attempt >= 3 || !/EPIPE|ECONNRESET|UND_ERR_SOCKET/.test(cause)) throw error;
    }
  }
}

export interface SeedResult {
  seededAtMs: number;
  profiles: number;
}

/** Writes every fixture for every instance; `seededAtMs` anchors the timestamps (the hour before it). */
export async function seedParca(url: string, seededAtMs = Date.now()): Promise<SeedResult> {
  const client = createClient(ProfileStoreService, createGrpcWebTransport({ baseUrl: url }));
  let profiles = 0;
  for (const [fixtureIndex, fixture] of SEED_FIXTURES.entries()) {
    const bytes = readFileSync(join(FIXTURE_DIR, fixture.file));
    for (const [instanceIndex, instance] of SEED_INSTANCES.entries()) {
      const labels = {
        labels: [
          { name: '__name__', value: fixture.name },
          { name: 'instance', value: instance },
          { name: 'job', value: fixture.job },
        ],
      };
      let batch: Uint8Array[] = [];
      let size = 0;
      const flush = async () => {
        if (!batch.length) return;
        const series: RawProfileSeries[] = [create(RawProfileSeriesSchema, { labels, samples: batch.map((rawProfile) => ({ rawProfile })) })];
        await writeRaw(client, { series, normalized: true });
        profiles += batch.length;
        batch = [];
        size = 0;
      };
      for (const timeMs of seedTimes(seededAtMs, instanceIndex)) {
        const progress = (timeMs - (seededAtMs - SEED_SPAN_MS)) / SEED_SPAN_MS;
        const raw = rewriteProfile(bytes, timeMs, fixture.delta ? SEED_DURATION_MS : 0, seedScale(fixtureIndex, instanceIndex, progress), progress);
        if (size + raw.length > MAX_REQUEST_BYTES) await flush();
        batch.push(raw);
        size += raw.length;
      }
      await flush();
    }
  }
  profiles += await seedAdversarial(url, seededAtMs);
  return { seededAtMs, profiles };
}

/** Writes the profiles of adversarial-plan.ts, one series per job. */
export async function seedAdversarial(url: string, seededAtMs: number): Promise<number> {
  const client = createClient(ProfileStoreService, createGrpcWebTransport({ baseUrl: url }));
  const series = ADVERSARIAL_SERIES.map((plan) =>
    create(RawProfileSeriesSchema, {
      labels: {
        labels: [
          { name: '__name__', value: plan.name },
          { name: 'instance', value: 'lab:6060' },
          { name: 'job', value: plan.job },
        ],
      },
      samples: plan.profiles.map((profile) => ({ rawProfile: gzipSync(buildPprof(plan, profile.samples, seededAtMs - profile.agoMs)) })),
    }),
  );
  await writeRaw(client, { series, normalized: true });
  return series.reduce((n, s) => n + s.samples.length, 0);
}
