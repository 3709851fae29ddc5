// Profiles no fixture has, written by the project's own pprof code (pprof-builder.ts): recursion direct and
// indirect with an inlined frame, delta values that go negative, frames without binaries or symbols, kernel
// frames, a series with one point, huge and tiny values. Pure data, imported by the seeder (Node) and by tests
// (browser), which also compute from it what `go tool pprof` would report.

/** One location of a stack: the functions of its lines, innermost (inlined) first; none when unsymbolized. */
export interface PlanLocation {
  readonly functions: readonly string[];
  /** The binary's path; absent for a location with no mapping. */
  readonly binary?: string;
  readonly address?: number;
}

export interface PlanSample {
  /** Leaf first, as pprof orders a stack. */
  readonly stack: readonly PlanLocation[];
  readonly value: number;
}

export interface PlanProfile {
  /** How long before the seeding moment the profile was taken, ms. */
  readonly agoMs: number;
  readonly samples: readonly PlanSample[];
}

export interface PlanSeries {
  /** `__name__`: Parca's profile name. */
  readonly name: string;
  readonly job: string;
  readonly sampleType: readonly [type: string, unit: string];
  readonly periodType: readonly [type: string, unit: string];
  /** A non-zero duration (10 s) makes Parca store a delta type. */
  readonly delta: boolean;
  readonly profiles: readonly PlanProfile[];
}

/**
 * Their profile name: apart from the fixtures' `process_cpu` and `memory`, so tests that take every profile of
 * those types see only the fixtures.
 */
export const LAB = 'lab';
const APP = '/usr/local/bin/app';
const at = (fn: string, binary = APP): PlanLocation => ({ functions: [fn], binary });

/** main → fib (recursive, directly and through helper), with square inlined into fib and add at the leaves. */
const RECURSIVE_SAMPLES: readonly PlanSample[] = [
  { stack: [at('add'), at('fib'), at('fib'), at('fib'), at('main')], value: 100_000_000 },
  { stack: [at('add'), at('fib'), at('main')], value: 50_000_000 },
  { stack: [at('add'), at('fib'), at('helper'), at('fib'), at('fib'), at('main')], value: 30_000_000 },
  { stack: [{ functions: ['square', 'fib'], binary: APP }, at('fib'), at('main')], value: 10_000_000 },
  { stack: [at('other'), at('main')], value: 20_000_000 },
];

/** A frame of its own whose samples shrank (negative flat) under one that grew more, and one that only shrank. */
const SHRINKING_PROFILES: readonly PlanProfile[] = [
  {
    agoMs: 30 * 60_000,
    samples: [
      { stack: [at('grow'), at('main')], value: 1_048_576 },
      { stack: [at('main')], value: 524_288 },
    ],
  },
  {
    agoMs: 20 * 60_000,
    samples: [
      { stack: [at('grow'), at('main')], value: 4_194_304 },
      { stack: [at('main')], value: -1_049_152 },
      { stack: [at('release'), at('main')], value: -500_000 },
    ],
  },
  {
    // Less in use than before: the profile sums to -2 MiB.
    agoMs: 10 * 60_000,
    samples: [
      { stack: [at('release'), at('main')], value: -3_145_728 },
      { stack: [at('grow'), at('main')], value: 1_048_576 },
    ],
  },
];

/** No mappings at all, addresses without symbols, kernel frames; one profile only; a huge and a tiny value. */
const BARE_SAMPLES: readonly PlanSample[] = [
  { stack: [{ functions: [], address: 0x4011a0 }, { functions: [], address: 0x401000 }, { functions: ['start'] }], value: 2 ** 50 },
  {
    stack: [
      { functions: ['do_syscall_64'], binary: '[kernel.kallsyms]' },
      { functions: ['entry_SYSCALL_64'], binary: '[kernel.kallsyms]' },
      { functions: ['start'] },
    ],
    value: 1,
  },
  { stack: [{ functions: ['work'] }, { functions: ['start'] }], value: 7_000_000 },
];

/** A heap profile as many runtimes write them: symbolized functions of several packages, no mappings at all. */
const fn = (name: string): PlanLocation => ({ functions: [name] });
const NO_BINARY_SAMPLES: readonly PlanSample[] = [
  { stack: [fn('encoding/json.(*decodeState).object'), fn('encoding/json.Unmarshal'), fn('main.handle'), fn('net/http.(*conn).serve')], value: 3_145_728 },
  { stack: [fn('bufio.NewReaderSize'), fn('net/http.(*conn).serve')], value: 2_097_152 },
  { stack: [fn('bytes.growSlice'), fn('bytes.(*Buffer).Write'), fn('main.handle'), fn('net/http.(*conn).serve')], value: 1_572_864 },
  { stack: [fn('runtime.malg'), fn('runtime.newproc1')], value: 1_048_576 },
  { stack: [fn('compress/flate.NewWriter'), fn('main.compress'), fn('main.handle'), fn('net/http.(*conn).serve')], value: 917_504 },
];

/** The flame chart's series: one profile a second, each a stack at a known moment. */
export const TIMELINE_JOB = 'timeline';
/** How long before the seeding moment the first of its profiles was taken, and the spacing of the others. */
export const TIMELINE_FIRST_AGO_MS = 180_000;
export const TIMELINE_STEP_MS = 1_000;
export const TIMELINE_PROFILES = 60;
/** Seconds [20, 25) run `spike → hash`; every tenth second from 7 on runs `gc` instead of `serve`. */
export const TIMELINE_SPIKE = { from: 20, to: 25 } as const;

/**
 * The stacks of second `i`: the first 30 s are busy (a sample of 1 s a second, so Parca merges equal stacks of
 * consecutive seconds into one frame), the last 30 s half busy (0.5 s, a gap after each). Every 15 s a short
 * `bgsweep` sample of its own runs at the same moment as the main one.
 */
export function timelineSamples(i: number): PlanSample[] {
  const value = i < 30 ? 1_000_000_000 : 500_000_000;
  const spike = i >= TIMELINE_SPIKE.from && i < TIMELINE_SPIKE.to;
  const stack = spike ? [at('hash'), at('spike'), at('serve'), at('main')] : i % 10 === 7 ? [at('gc'), at('main')] : [at('handle'), at('serve'), at('main')];
  const samples: PlanSample[] = [{ stack, value }];
  if (i % 15 === 0) samples.push({ stack: [at('bgsweep')], value: 200_000_000 });
  return samples;
}

export const ADVERSARIAL_SERIES: readonly PlanSeries[] = [
  {
    name: LAB,
    job: 'recursive',
    sampleType: ['cpu', 'nanoseconds'],
    periodType: ['cpu', 'nanoseconds'],
    delta: true,
    profiles: [40, 30, 20].map((minutes) => ({ agoMs: minutes * 60_000, samples: RECURSIVE_SAMPLES })),
  },
  {
    name: LAB,
    job: 'shrinking',
    sampleType: ['inuse_space', 'bytes'],
    periodType: ['space', 'bytes'],
    delta: true,
    profiles: SHRINKING_PROFILES,
  },
  {
    name: LAB,
    job: 'nobinary',
    sampleType: ['inuse_space', 'bytes'],
    periodType: ['space', 'bytes'],
    delta: true,
    profiles: [{ agoMs: 15 * 60_000, samples: NO_BINARY_SAMPLES }],
  },
  {
    name: LAB,
    job: 'bare',
    sampleType: ['cpu', 'nanoseconds'],
    periodType: ['cpu', 'nanoseconds'],
    delta: true,
    profiles: [{ agoMs: 25 * 60_000, samples: BARE_SAMPLES }],
  },
  {
    name: LAB,
    job: TIMELINE_JOB,
    sampleType: ['cpu', 'nanoseconds'],
    periodType: ['cpu', 'nanoseconds'],
    delta: true,
    profiles: Array.from({ length: TIMELINE_PROFILES }, (_, i) => ({ agoMs: TIMELINE_FIRST_AGO_MS - i * TIMELINE_STEP_MS, samples: timelineSamples(i) })),
  },
];

export const LAB_CPU_TYPE = `${LAB}:cpu:nanoseconds:cpu:nanoseconds:delta`;
export const SHRINKING_TYPE = `${LAB}:inuse_space:bytes:space:bytes:delta`;

/** What `go tool pprof` reports per function: flat (leaf samples) and cumulative (each sample once). */
export interface PprofFunctionTotals {
  flat: number;
  cumulative: number;
}

/**
 * pprof's aggregation of samples by function: a sample adds its value to the flat value of the innermost
 * function of its leaf location, and to the cumulative value of every distinct function on its stack once, however
 * often it recurs. Unsymbolized locations count as their address.
 */
export function pprofByFunction(samples: readonly PlanSample[]): Map<string, PprofFunctionTotals> {
  const totals = new Map<string, PprofFunctionTotals>();
  const get = (name: string) => {
    let entry = totals.get(name);
    if (!entry) totals.set(name, (entry = { flat: 0, cumulative: 0 }));
    return entry;
  };
  for (const { stack, value } of samples) {
    const names = stack.map((location) => (location.functions.length ? location.functions : [`0x${(location.address ?? 0).toString(16)}`]));
    get(names[0]![0]!).flat += value;
    for (const name of new Set(names.flat())) get(name).cumulative += value;
  }
  return totals;
}
