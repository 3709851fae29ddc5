// A synthetic pprof profile for the function table's benchmark, built in Node once per run: `functions` distinct
// functions, each the leaf of a few stacks of random depth over the others, values spread over six orders of
// magnitude. Deterministic (a seeded generator), so every run measures the same table.
import { create, toBinary } from '@bufbuild/protobuf';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileSchema } from '../../src/gen/perftools/profiles/profile_pb.js';

/** A small seeded generator (mulberry32): the same numbers on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function buildFunctionsProfile(functions: number, seed = 7): Uint8Array {
  const next = random(seed);
  const strings = [''];
  const profile = create(ProfileSchema, {
    sampleType: [{ type: 1n, unit: 2n }],
    periodType: { type: 1n, unit: 2n },
    period: 1n,
    durationNanos: 10_000_000_000n,
  });
  strings.push('cpu', 'nanoseconds', 'bench/main.go', 'bench');
  profile.mapping.push({
    $typeName: 'perftools.profiles.Mapping',
    id: 1n,
    memoryStart: 0x400000n,
    memoryLimit: 0x900000n,
    fileOffset: 0n,
    filename: 4n,
    buildId: 0n,
    hasFunctions: true,
  });
  for (let i = 1; i <= functions; i++) {
    strings.push(`bench/pkg${i % 97}.function${i}`);
    const name = BigInt(strings.length - 1);
    profile.function.push({ $typeName: 'perftools.profiles.Function', id: BigInt(i), name, systemName: name, filename: 3n, startLine: BigInt(i) });
    profile.location.push({
      $typeName: 'perftools.profiles.Location',
      id: BigInt(i),
      mappingId: 1n,
      address: BigInt(0x400000 + i * 16),
      line: [{ $typeName: 'perftools.profiles.Line', functionId: BigInt(i), line: BigInt(i) }],
    });
  }
  for (let leaf = 1; leaf <= functions; leaf++) {
    for (let s = 0; s < 3; s++) {
      const depth = 1 + Math.floor(next() * 12);
      const stack = [BigInt(leaf)];
      for (let d = 0; d < depth; d++) stack.push(BigInt(1 + Math.floor(next() * functions)));
      const value = BigInt(Math.floor(10 ** (next() * 6)) * 1000);
      profile.sample.push({ $typeName: 'perftools.profiles.Sample', locationId: stack, value: [value], label: [] });
    }
  }
  profile.stringTable = strings;
  return toBinary(ProfileSchema, profile);
}

/** Writes `<id>.pprof.bin` into `dir`. */
export function writeProfiles(dir: string, cases: readonly { id: string; functions: number }[]): void {
  for (const c of cases) writeFileSync(join(dir, `${c.id}.pprof.bin`), buildFunctionsProfile(c.functions));
}
