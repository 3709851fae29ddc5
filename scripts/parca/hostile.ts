// Writes a profile full of hostile strings (see src/test-support/hostile.ts) into a Parca, as a real program's
// profile would arrive: a gzipped pprof through WriteRaw.
import { create, toBinary } from '@bufbuild/protobuf';
import { createClient } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import { gzipSync } from 'node:zlib';
import { ProfileStoreService } from '../../src/gen/parca/profilestore/v1alpha1/profilestore_pb.js';
import { ProfileSchema } from '../../src/gen/perftools/profiles/profile_pb.js';
import { HOSTILE_FUNCTIONS, HOSTILE_NAME, INVALID_UTF8_PLACEHOLDER, MARKUP_LABEL_VALUE, SCRIPT_FILE } from '../../src/test-support/hostile.js';

/** A CPU profile whose one stack is main → each hostile function, leaf last. */
export function hostileProfile(timeMs: number): Uint8Array {
  const strings = ['', 'cpu', 'nanoseconds', SCRIPT_FILE, '/usr/bin/hostile', 'build-1', 'api', MARKUP_LABEL_VALUE, 'main'];
  const index = (s: string) => {
    let i = strings.indexOf(s);
    if (i < 0) i = strings.push(s) - 1;
    return BigInt(i);
  };
  const names = ['main', ...HOSTILE_FUNCTIONS];
  const functions = names.map((name, i) => ({ id: BigInt(i + 1), name: index(name), systemName: index(name), filename: index(SCRIPT_FILE), startLine: 10n }));
  const locations = names.map((_, i) => ({
    id: BigInt(i + 1),
    mappingId: 1n,
    address: BigInt(0x1000 + i * 16),
    line: [{ functionId: BigInt(i + 1), line: BigInt(20 + i) }],
  }));
  const stack = [...locations].reverse().map((l) => l.id);
  const profile = create(ProfileSchema, {
    sampleType: [{ type: index('cpu'), unit: index('nanoseconds') }],
    periodType: { type: index('cpu'), unit: index('nanoseconds') },
    period: 10_000_000n,
    timeNanos: BigInt(timeMs) * 1_000_000n,
    durationNanos: 10_000_000_000n,
    mapping: [{ id: 1n, memoryStart: 0x1000n, memoryLimit: 0x9000n, filename: index('/usr/bin/hostile'), buildId: index('build-1'), hasFunctions: true }],
    location: locations,
    function: functions,
    sample: [
      { locationId: stack, value: [3_000_000_000n], label: [{ key: index('api'), str: index(MARKUP_LABEL_VALUE) }] },
      { locationId: stack.slice(1), value: [1_000_000_000n] },
    ],
    stringTable: strings,
  });
  const bytes = toBinary(ProfileSchema, profile);
  // Swap the placeholder's bytes for ones that are not UTF-8 (same length, so the encoding stays valid).
  const marker = new TextEncoder().encode(INVALID_UTF8_PLACEHOLDER);
  for (let i = 0; i + marker.length <= bytes.length; i++) {
    if (marker.every((b, k) => bytes[i + k] === b)) bytes.set([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1, 0x80], i);
  }
  return gzipSync(bytes);
}

/** Writes the hostile profile a few times over the hour before `atMs`, with a hostile series label too. */
export async function seedHostile(url: string, atMs: number): Promise<void> {
  const client = createClient(ProfileStoreService, createGrpcWebTransport({ baseUrl: url }));
  await client.writeRaw({
    normalized: true,
    series: [
      {
        labels: {
          labels: [
            { name: '__name__', value: HOSTILE_NAME },
            { name: 'instance', value: MARKUP_LABEL_VALUE },
            { name: 'job', value: 'hostile' },
          ],
        },
        samples: [50, 35, 20, 5].map((minutesAgo) => ({ rawProfile: hostileProfile(atMs - minutesAgo * 60_000) })),
      },
    ],
  });
}
