// What the local Parca is seeded with. Pure data, imported by the seeder (Node) and by tests (browser),
// so a test can name what it expects to find without repeating it.

export interface SeedFixture {
  /** File in scripts/parca/fixtures/pprof. */
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

/**
 * Profiles cover the hour before seeding, one every SEED_STEP_MS per series. An agent would send one every 10 s,
 * but Parca v0.28.0 ingests about 20 profiles a second on a 2-core machine: the hour at 10 s would take minutes
 * to seed at every start. Every 5 minutes, both instances within seconds of each other (as an agent scrapes its
 * targets one after another), and charts never ask for a step finer than the data's.
 */
export const SEED_SPAN_MS = 60 * 60 * 1000;
export const SEED_STEP_MS = 5 * 60_000;
/** Duration written into delta profiles (what a 10 s scrape reports). */
export const SEED_DURATION_MS = 10_000;
/** Agents do not scrape every target at the same moment: each instance starts this much later. */
export const SEED_INSTANCE_OFFSET_MS = 3_000;

/** The timestamps (ms) of one series, oldest first. */
export function seedTimes(seededAtMs: number, instanceIndex: number, stepMs = SEED_STEP_MS): number[] {
  const first = seededAtMs - SEED_SPAN_MS + instanceIndex * SEED_INSTANCE_OFFSET_MS;
  const times: number[] = [];
  for (let t = first; t < seededAtMs - SEED_DURATION_MS; t += stepMs) times.push(Math.floor(t));
  return times;
}

/**
 * A factor in [0.5, 1.5] that scales a profile's values at one moment (`progress`: 0 at the start of the hour,
 * 1 at its end), so the chart shows shapes rather than flat lines: a slow wave per series. Deterministic.
 */
export function seedScale(fixtureIndex: number, instanceIndex: number, progress: number): number {
  const phase = fixtureIndex * 0.7 + instanceIndex * 1.9;
  return 1 + 0.5 * Math.sin(phase + progress * 2 * Math.PI * 1.5);
}

/**
 * How much one sample of a profile grows over the hour, so that a period compared with the one before shows a
 * change of composition (not just of scale): every fourth sample doubles from the start of the hour to its end.
 */
export function seedDrift(sampleIndex: number, progress: number): number {
  return sampleIndex % 4 === 0 ? 1 + progress : 1;
}
