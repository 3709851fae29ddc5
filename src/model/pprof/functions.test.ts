import { expect } from '@open-wc/testing';
import { ADVERSARIAL_SERIES, type PlanSample, pprofByFunction } from '../../../scripts/parca/adversarial-plan.js';
import { buildPprof } from '../../../scripts/parca/pprof-builder.js';
import { frameName } from '../flamegraph/names.js';
import { PprofDecodeError, decodePprof } from './decode.js';
import { functionTable, profileTotal } from './functions.js';
import { sandwichOf } from './sandwich.js';

const recursive = ADVERSARIAL_SERIES.find((s) => s.job === 'recursive')!;
const shrinking = ADVERSARIAL_SERIES.find((s) => s.job === 'shrinking')!;
const bare = ADVERSARIAL_SERIES.find((s) => s.job === 'bare')!;

function decoded(series: typeof recursive, samples: readonly PlanSample[]) {
  return decodePprof(buildPprof(series, samples, 1_796_000_000_000));
}

function tableByName(samples: readonly PlanSample[], series = recursive) {
  const table = functionTable(decoded(series, samples));
  const byName = new Map<string, { flat: number; cumulative: number }>();
  for (let row = 0; row < table.size; row++) byName.set(table.functionName.value(row), { flat: table.flat[row]!, cumulative: table.cumulative[row]! });
  return byName;
}

describe('pprof profiles, read by the library', () => {
  it('counts a recursive function once per sample, as go tool pprof does', () => {
    const samples = recursive.profiles[0]!.samples;
    const table = tableByName(samples);
    const expected = pprofByFunction(samples);
    expect([...table.keys()].sort()).to.deep.equal([...expected.keys()].sort());
    for (const [name, totals] of expected) expect(table.get(name), name).to.deep.equal(totals);
    // fib is on every stack but one, at most three times: counted once, never beyond the total.
    const total = samples.reduce((sum, s) => sum + s.value, 0);
    expect(table.get('fib')!.cumulative).to.equal(total - 20_000_000);
    expect(table.get('main')!.cumulative).to.equal(total);
  });

  it('keeps negative values, inlined functions and unsymbolized frames', () => {
    for (const [series, profile] of [
      [shrinking, shrinking.profiles[1]!],
      [bare, bare.profiles[0]!],
      [recursive, recursive.profiles[0]!],
    ] as const) {
      const table = tableByName(profile.samples, series);
      for (const [name, totals] of pprofByFunction(profile.samples)) expect(table.get(name), `${series.job} ${name}`).to.deep.equal(totals);
    }
    expect(tableByName(shrinking.profiles[1]!.samples, shrinking).get('main')!.flat).to.equal(-1_049_152);
    // A huge value stays exact (below 2^53), a tiny one too.
    const profile = decoded(bare, bare.profiles[0]!.samples);
    expect(profileTotal(profile)).to.equal(2 ** 50 + 7_000_001);
  });

  it('diffs two profiles per function, the baseline scaled', () => {
    const comparison = decoded(shrinking, shrinking.profiles[1]!.samples);
    const baseline = decoded(shrinking, shrinking.profiles[0]!.samples);
    const table = functionTable(comparison, { profile: baseline, scale: 2 });
    const row = [...Array(table.size).keys()].find((r) => table.functionName.value(r) === 'grow')!;
    expect(table.flatDiff[row]).to.equal(4_194_304 - 2 * 1_048_576);
    expect(table.cumulativeDiff[row]).to.equal(4_194_304 - 2 * 1_048_576);
  });

  it('builds callers and callees whose roots hold the function’s cumulative value, recursion folded', () => {
    const samples = recursive.profiles[0]!.samples;
    const { callers, callees } = sandwichOf(decoded(recursive, samples), 'fib');
    const fib = pprofByFunction(samples).get('fib')!.cumulative;
    expect(callers.total).to.equal(fib);
    expect(callees.total).to.equal(fib);
    // Callers: fib is called by main only (its outermost occurrence); callees: add and square (inlined), no fib.
    const childrenOf = (model: typeof callers, row: number) =>
      [...model.childIndex.subarray(model.childStart[row], model.childStart[row + 1])].map((r) => frameName(model, r)).sort();
    expect(childrenOf(callers, 0)).to.deep.equal(['fib']);
    expect(childrenOf(callers, 1)).to.deep.equal(['main']);
    expect(childrenOf(callees, 1)).to.deep.equal(['add', 'square']);
    // Rows come parents first, children side by side inside their parent.
    for (let row = 1; row < callees.size; row++) expect(callees.parent[row]!).to.be.below(row);
  });

  it('refuses what is not a profile with a clear error', () => {
    const bytes = buildPprof(recursive, recursive.profiles[0]!.samples, 0);
    for (const broken of [bytes.subarray(0, bytes.length - 3), Uint8Array.of(0x0a, 0xff, 0xff, 0xff, 0x0f), Uint8Array.of(0x17)]) {
      expect(() => decodePprof(broken)).to.throw(PprofDecodeError);
    }
  });
});
