// Seeds a Parca server with the fixture profiles through ProfileStoreService/WriteRaw, rewritten so they lie
// in the last hour as several series per job.
import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import {
  ProfileStoreService,
  type RawProfileSeries,
  RawProfileSeriesSchema,
} from '../../src/gen/parca/profilestore/v1alpha1/profilestore_pb.js';
import { ProfileSchema } from '../../src/gen/perftools/profiles/profile_pb.js';
import { projectRoot } from '../paths.js';
import { ADVERSARIAL_SERIES } from './adversarial-plan.js';
import { buildPprof } from './pprof-builder.js';
import { SEED_DURATION_MS, SEED_FIXTURES, SEED_INSTANCES, seedScale, seedTimes } from './seed-plan.js';

export const FIXTURE_DIR = join(projectRoot, 'scripts', 'fixtures', 'pprof');

/** One profile as Parca should store it: the fixture with new time, duration and scaled values. */
export function rewriteProfile(gzipped: Uint8Array, timeMs: number, durationMs: number, scale: number): Uint8Array {
  const profile = fromBinary(ProfileSchema, gunzipSync(gzipped));
  profile.timeNanos = BigInt(timeMs) * 1_000_000n;
  profile.durationNanos = BigInt(durationMs) * 1_000_000n;
  for (const sample of profile.sample) {
    sample.value = sample.value.map((v) => BigInt(Math.max(1, Math.round(Number(v) * scale))));
  }
  return gzipSync(toBinary(ProfileSchema, profile));
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
    const series: RawProfileSeries[] = SEED_INSTANCES.map((instance, instanceIndex) =>
      create(RawProfileSeriesSchema, {
        labels: {
          labels: [
            { name: '__name__', value: fixture.name },
            { name: 'instance', value: instance },
            { name: 'job', value: fixture.job },
          ],
        },
        samples: seedTimes(seededAtMs, instanceIndex).map((timeMs, pointIndex) => ({
          rawProfile: rewriteProfile(
            bytes,
            timeMs,
            fixture.delta ? SEED_DURATION_MS : 0,
            seedScale(fixtureIndex, instanceIndex, pointIndex),
          ),
        })),
      }),
    );
    await client.writeRaw({ series, normalized: true });
    profiles += series.reduce((n, s) => n + s.samples.length, 0);
  }
  profiles += await seedAdversarial(url, seededAtMs);
  return { seededAtMs, profiles };
}

/** Writes the profiles of adversarial-plan.ts, one series per job. */
export async function seedAdversarial(url: string, seededAtMs: number): Promise<number> {
  const client = createClient(ProfileStoreService, createGrpcWebTransport({ baseUrl: url }));
  const series = ADVERSARIAL_SERIES.map((plan) =>
    create(RawProfileSeriesSchema, {
      labels: { labels: [{ name: '__name__', value: plan.name }, { name: 'instance', value: 'lab:6060' }, { name: 'job', value: plan.job }] },
      samples: plan.profiles.map((profile) => ({ rawProfile: gzipSync(buildPprof(plan, profile.samples, seededAtMs - profile.agoMs)) })),
    }),
  );
  await client.writeRaw({ series, normalized: true });
  return series.reduce((n, s) => n + s.samples.length, 0);
}
