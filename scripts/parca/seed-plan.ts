// What the local Parca is seeded with. Pure data, imported by the seeder (Node) and by tests (browser),
// so a test can name what it expects to find without repeating it.

export interface SeedFixture {
  /** File in scripts/fixtures/pprof. */
  readonly file: string;
  /** The `__name__` label: Parca's profile name. */
  readonly name: string;
  readonly job: string;
  /** Written with a non-zero duration, which makes Parca store delta profile types. */
  readonly delta: boolean;
}

export const SEED_FIXTURES: readonly SeedFixture[] = [
  { file: 'cpu-fib.pb.gz', name: 'process_cpu', job: 'fib', delta: true },
  { file: 'cpu-runtime.pb.gz', name: 'process_cpu', job: 'runtime', delta: true },
  { file: 'cpu-api-labels.pb.gz', name: 'process_cpu', job: 'api', delta: true },
  { file: 'cpu-thread-labels.pb.gz', name: 'process_cpu', job: 'parca-agent', delta: true },
  { file: 'cpu-nodejs.pb.gz', name: 'process_cpu', job: 'nodejs', delta: true },
  { file: 'cpu-native.pb.gz', name: 'process_cpu', job: 'native', delta: true },
  { file: 'cpu-single-stack.pb.gz', name: 'process_cpu', job: 'single-stack', delta: true },
  { file: 'cpu-two-stacks.pb.gz', name: 'process_cpu', job: 'two-stacks', delta: true },
  { file: 'wallclock-fgprof.pb.gz', name: 'fgprof', job: 'fgprof', delta: true },
  { file: 'heap-alloc-objects.pb.gz', name: 'memory', job: 'kube-client', delta: false },
];

/** Every fixture is written once per instance, so each job has several series. */
export const SEED_INSTANCES: readonly string[] = ['host-a:6060', 'host-b:6060'];

/** Profiles are spread over the hour before seeding, one every SEED_STEP_MS per series. */
export const SEED_SPAN_MS = 60 * 60 * 1000;
export const SEED_STEP_MS = 5 * 60 * 1000;
/** Duration written into delta profiles (what a 10 s scrape would report). */
export const SEED_DURATION_MS = 10_000;

/** The timestamps (ms) of one series, oldest first; instances are offset so their points interleave. */
export function seedTimes(seededAtMs: number, instanceIndex: number): number[] {
  const first = seededAtMs - SEED_SPAN_MS + (instanceIndex * SEED_STEP_MS) / SEED_INSTANCES.length;
  const times: number[] = [];
  for (let t = first; t < seededAtMs - SEED_DURATION_MS; t += SEED_STEP_MS) times.push(Math.floor(t));
  return times;
}

/**
 * A factor in [0.5, 1.5] that scales a profile's sample values at one point in time, so the metrics chart shows
 * shapes rather than flat lines. Deterministic: the same series and index always give the same factor.
 */
export function seedScale(fixtureIndex: number, instanceIndex: number, pointIndex: number): number {
  const phase = fixtureIndex * 0.7 + instanceIndex * 1.9;
  return 1 + 0.5 * Math.sin(phase + pointIndex * 0.6);
}
