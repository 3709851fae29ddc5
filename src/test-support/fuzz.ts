// Seeded mutation of real bytes, for fuzz tests that must be reproducible run after run.

/** mulberry32: a small, fast, seeded PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x0a, 0x12];

/** One mutant of `input`: flipped bits, interesting bytes, truncation, cut-out, duplicated or random spans. */
export function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const pick = (n: number) => Math.floor(random() * n);
  let bytes = Uint8Array.from(input);
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds && bytes.length > 0; r++) {
    const at = pick(bytes.length);
    switch (pick(7)) {
      case 0:
        bytes[at]! ^= 1 << pick(8);
        break;
      case 1:
        bytes[at] = INTERESTING[pick(INTERESTING.length)]!;
        break;
      case 2:
        bytes = bytes.slice(0, at);
        break;
      case 3: {
        const end = Math.min(bytes.length, at + 1 + pick(64));
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(end)]);
        break;
      }
      case 4: {
        const span = bytes.subarray(at, Math.min(bytes.length, at + 1 + pick(64)));
        bytes = Uint8Array.from([...bytes.subarray(0, at), ...span, ...bytes.subarray(at)]);
        break;
      }
      case 5:
        for (let i = at; i < Math.min(bytes.length, at + 8); i++) bytes[i] = pick(256);
        break;
      default:
        bytes[at] = (bytes[at]! + 1 + pick(3)) & 0xff;
    }
  }
  return bytes;
}

/** What a fuzz run saw: mutants tried, and the errors of a kind the code under test must never throw. */
export interface FuzzOutcome {
  total: number;
  unexpected: string[];
}

/**
 * Tries `cases` seeded mutants of each record with `use` (decode and use the result). A mutant either works or
 * throws an error `expected` accepts (a clear refusal); anything else is listed. Every record must give both some
 * working mutants and some refused ones, or the mutation did not reach what it tests.
 */
export function fuzzRecords(
  records: readonly Uint8Array[],
  seed: number,
  cases: number,
  use: (mutant: Uint8Array) => void,
  expected: (error: unknown) => boolean,
): FuzzOutcome {
  const outcome: FuzzOutcome = { total: 0, unexpected: [] };
  for (const [index, bytes] of records.entries()) {
    const random = seededRandom(seed + index);
    let worked = 0;
    let refused = 0;
    for (let i = 0; i < cases; i++) {
      try {
        use(mutate(bytes, random));
        worked++;
      } catch (error) {
        if (expected(error)) refused++;
        else outcome.unexpected.push(`record ${index} case ${i}: ${String(error)}`);
      }
      outcome.total++;
    }
    if (worked === 0 || refused === 0) outcome.unexpected.push(`record ${index}: ${worked} mutants worked and ${refused} were refused; both must happen`);
  }
  return outcome;
}
