// Encodes a planned profile (adversarial-plan.ts) as pprof bytes (the seeder gzips them, as an agent would).
// Pure: browser tests encode the same plans to check the library's own pprof reader.
import { create, toBinary } from '@bufbuild/protobuf';
import { ProfileSchema } from '../../src/gen/perftools/profiles/profile_pb.js';
import type { PlanSample, PlanSeries } from './adversarial-plan.js';

export function buildPprof(series: PlanSeries, samples: readonly PlanSample[], timeMs: number): Uint8Array {
  const strings = [''];
  const index = (text: string): bigint => {
    let i = strings.indexOf(text);
    if (i < 0) i = strings.push(text) - 1;
    return BigInt(i);
  };
  const mappings = new Map<string, bigint>();
  const functions = new Map<string, bigint>();
  const locations = new Map<string, bigint>();
  const profile = create(ProfileSchema, {
    sampleType: [{ type: index(series.sampleType[0]), unit: index(series.sampleType[1]) }],
    periodType: { type: index(series.periodType[0]), unit: index(series.periodType[1]) },
    period: 1n,
    timeNanos: BigInt(timeMs) * 1_000_000n,
    durationNanos: series.delta ? 10_000_000_000n : 0n,
  });
  const mappingId = (binary: string): bigint => {
    let id = mappings.get(binary);
    if (id === undefined) {
      id = BigInt(mappings.size + 1);
      mappings.set(binary, id);
      const start = 0x400000n * id;
      profile.mapping.push({
        $typeName: 'perftools.profiles.Mapping',
        id,
        memoryStart: start,
        memoryLimit: start + 0x100000n,
        fileOffset: 0n,
        filename: index(binary),
        buildId: index(`build-${id}`),
        hasFunctions: true,
      });
    }
    return id;
  };
  const functionId = (name: string): bigint => {
    let id = functions.get(name);
    if (id === undefined) {
      id = BigInt(functions.size + 1);
      functions.set(name, id);
      profile.function.push({
        $typeName: 'perftools.profiles.Function',
        id,
        name: index(name),
        systemName: index(name),
        filename: index(`${name}.go`),
        startLine: 1n,
      });
    }
    return id;
  };
  for (const sample of samples) {
    const ids = sample.stack.map((location) => {
      const key = `${location.binary ?? ''}|${location.address ?? ''}|${location.functions.join(',')}`;
      let id = locations.get(key);
      if (id === undefined) {
        id = BigInt(locations.size + 1);
        locations.set(key, id);
        profile.location.push({
          $typeName: 'perftools.profiles.Location',
          id,
          mappingId: location.binary ? mappingId(location.binary) : 0n,
          address: BigInt(location.address ?? 0x1000 + Number(id) * 16),
          line: location.functions.map((name, i) => ({ $typeName: 'perftools.profiles.Line', functionId: functionId(name), line: BigInt(10 + i) })),
        });
      }
      return id;
    });
    profile.sample.push({ $typeName: 'perftools.profiles.Sample', locationId: ids, value: [BigInt(sample.value)], label: [] });
  }
  profile.stringTable = strings;
  return toBinary(ProfileSchema, profile);
}
