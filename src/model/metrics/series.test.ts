import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect } from '@open-wc/testing';
import { createConnection } from '../../client/connection.js';
import type { QueryRangeResponse } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { SEED_DURATION_MS, SEED_INSTANCES } from '../../../scripts/parca/seed-plan.js';
import { labelSetKey } from './labels.js';
import {
  type ChartData,
  type ChartDataOptions,
  chartOptionsFor,
  hasPoints,
  markGaps,
  mergeAscending,
  nearestSeries,
  nextPointIndex,
  sortedUnion,
  toChartData,
} from './series.js';

const MEMORY_TYPE = 'memory:alloc_space:bytes:space:bytes';

async function queryRange(profileType: string, sumBy: string[], stepSeconds = 60): Promise<QueryRangeResponse> {
  const parca = createConnection({ url: testEnv().parcaUrl });
  const { startMs, endMs } = seededRange();
  return parca.queryRange({
    query: `${profileType}{}`,
    start: timestampFromMs(startMs),
    end: timestampFromMs(endMs),
    step: { seconds: BigInt(stepSeconds) },
    sumBy,
  });
}

type Answer = Pick<QueryRangeResponse, 'series'>;

function ms(ts: { seconds: bigint; nanos: number } | undefined): number {
  return ts ? Number(ts.seconds) * 1000 + Math.round(ts.nanos / 1e6) : 0;
}

/** The conversion written the plain way (a set and a sort of every time, an object per point), to compare with. */
function referenceChartData(response: Answer, options: ChartDataOptions) {
  const perSecond = options.delta && !options.raw;
  const times = [...new Set(response.series.flatMap((s) => s.samples.map((p) => ms(p.timestamp))))].sort((a, b) => a - b);
  const slot = new Map(times.map((t, i) => [t, i]));
  const series = response.series.map((s) => {
    const values: (number | null | undefined)[] = times.map(() => undefined);
    const durationsMs = times.map(() => NaN);
    const counts = times.map(() => 0);
    for (const p of s.samples) {
      const i = slot.get(ms(p.timestamp))!;
      values[i] = perSecond ? p.valuePerSecond : Number(p.value);
      durationsMs[i] = Number(p.duration) / 1e6;
      counts[i] = p.count;
    }
    markGaps(times, values);
    const numbers = values.filter((v): v is number => v != null);
    return { key: labelSetKey(s.labelset?.labels ?? []), values, durationsMs, counts, peak: Math.max(0, ...numbers), points: s.samples.length };
  });
  return { timestamps: times.map((t) => t / 1000), series };
}

function expectSameAsReference(data: ChartData, response: Answer, options: ChartDataOptions): void {
  const expected = referenceChartData(response, options);
  expect(Array.from(data.timestamps)).to.deep.equal(expected.timestamps);
  expect(data.series).to.have.length(expected.series.length);
  data.series.forEach((series, s) => {
    const want = expected.series[s]!;
    expect(series.key).to.equal(want.key);
    expect([...series.values]).to.deep.equal(want.values);
    expect(Array.from(series.durationsMs)).to.deep.equal(want.durationsMs);
    expect(Array.from(series.counts)).to.deep.equal(want.counts);
    expect(series.peak).to.equal(want.peak);
    expect(series.points).to.equal(want.points);
  });
}

/** An answer derived from a real one with one series' samples changed by `edit`. */
function withSamples(response: Answer, index: number, edit: (samples: Answer['series'][number]['samples']) => Answer['series'][number]['samples']): Answer {
  return { series: response.series.map((s, i) => (i === index ? { ...s, samples: edit(s.samples) } : s)) };
}

describe('metrics series from QueryRange', () => {
  let cpu: QueryRangeResponse;
  before(async () => {
    cpu = await queryRange(CPU_TYPE, ['instance', 'job']);
  });

  it('puts every series on one sorted time axis in seconds', () => {
    const data = toChartData(cpu, { delta: true });
    const { startMs, endMs } = seededRange();
    expect(data.timestamps.length).to.be.greaterThan(10);
    for (let i = 1; i < data.timestamps.length; i++) expect(data.timestamps[i]).to.be.greaterThan(data.timestamps[i - 1]!);
    expect(data.timestamps[0]! * 1000).to.be.within(startMs - 60_000, endMs);
    for (const series of data.series) expect(series.values).to.have.length(data.timestamps.length);
  });

  it('keeps one series per label set, keyed canonically', () => {
    const data = toChartData(cpu, { delta: true });
    expect(data.series).to.have.length(cpu.series.length);
    const keys = data.series.map((s) => s.key);
    expect(new Set(keys).size).to.equal(keys.length);
    const fib = data.series.filter((s) => s.labels.some((l) => l.name === 'job' && l.value === 'fib'));
    expect(fib.map((s) => s.labels.find((l) => l.name === 'instance')!.value)).to.have.members([...SEED_INSTANCES]);
    expect(fib[0]!.key).to.equal(labelSetKey([...fib[0]!.labels].reverse()));
  });

  it("joins a line over other series' timestamps instead of breaking it or drawing zeros", async () => {
    // Asked at 1 s, the two instances' points (seed-plan: a few seconds apart) interleave, so each series misses
    // the other's times.
    const fine = await queryRange(CPU_TYPE, ['instance', 'job'], 1);
    const data = toChartData(fine, { delta: true });
    for (const series of data.series) {
      const missing = series.values.filter((v) => v === undefined).length;
      expect(missing).to.equal(data.timestamps.length - series.points);
      expect(missing).to.be.greaterThan(0);
      expect(series.values).not.to.include(null);
      series.values.forEach((v, i) => {
        expect(Number.isNaN(series.durationsMs[i])).to.equal(v == null);
      });
    }
  });

  it('breaks a line where a series stops for much longer than its usual interval', () => {
    // Points 10 apart; the hole at 15 is another series' time, the stretch from 30 to 110 is a gap.
    const times = [0, 10, 15, 20, 30, 40, 100, 110, 120];
    const values = [1, 2, undefined, 3, 4, undefined, undefined, 6, 7];
    markGaps(times, values);
    expect(values).to.deep.equal([1, 2, undefined, 3, 4, null, null, 6, 7]);
  });

  it('plots value per second for delta types and raw totals on request', () => {
    const perSecond = toChartData(cpu, { delta: true });
    const raw = toChartData(cpu, { delta: true, raw: true });
    expect(perSecond.unit.kind).to.equal('cores');
    expect(raw.unit.kind).to.equal('duration');
    const source = cpu.series[0]!;
    const sample = source.samples[0]!;
    const series = perSecond.series[0]!;
    const i = perSecond.timestamps.indexOf(Number(sample.timestamp!.seconds) + sample.timestamp!.nanos / 1e9);
    expect(series.values[i]).to.equal(sample.valuePerSecond);
    expect(raw.series[0]!.values[i]).to.equal(Number(sample.value));
    expect(series.durationsMs[i]).to.equal(SEED_DURATION_MS);
    // CPU time per second is cores: nanoseconds over nanoseconds of duration.
    expect(series.values[i]!).to.be.closeTo(Number(sample.value) / (SEED_DURATION_MS * 1e6), 1e-9);
    expect(series.peak).to.equal(Math.max(...series.values.filter((v): v is number => v != null)));
  });

  it('plots raw values for non-delta types in their unit', async () => {
    const data = toChartData(await queryRange(MEMORY_TYPE, []), chartOptionsFor(MEMORY_TYPE));
    expect(data.perSecond).to.equal(false);
    expect(data.unit.kind).to.equal('bytes');
    expect(hasPoints(data)).to.equal(true);
  });

  it('reads delta-ness and the value type from the profile type id', () => {
    expect(chartOptionsFor(CPU_TYPE)).to.deep.equal({ delta: true, raw: false, sampleType: 'cpu', sampleUnit: 'nanoseconds' });
    expect(chartOptionsFor('process_cpu:samples:count:cpu:nanoseconds:delta', true)).to.include({ sampleType: 'cpu', raw: true });
    expect(chartOptionsFor(MEMORY_TYPE)).to.include({ delta: false, sampleUnit: 'bytes' });
  });

  it('turns an empty answer into an empty chart', () => {
    const data = toChartData({ series: [] }, { delta: true, sampleType: 'cpu', sampleUnit: 'nanoseconds' });
    expect(data.timestamps).to.have.length(0);
    expect(hasPoints(data)).to.equal(false);
    expect(data.unit.kind).to.equal('cores');
  });

  it('converts real answers exactly as the plain conversion does', async () => {
    const memory = await queryRange(MEMORY_TYPE, []);
    expect(cpu.series.length).to.be.greaterThan(1);
    expectSameAsReference(toChartData(cpu, { delta: true }), cpu, { delta: true });
    expectSameAsReference(toChartData(cpu, { delta: true, raw: true }), cpu, { delta: true, raw: true });
    expectSameAsReference(toChartData(memory, chartOptionsFor(MEMORY_TYPE)), memory, chartOptionsFor(MEMORY_TYPE));
    // Series from answers at two steps: times that do not line up, and label sets that repeat.
    const coarse = await queryRange(CPU_TYPE, ['instance', 'job'], 90);
    const mixed = { series: [...cpu.series, ...coarse.series] };
    expectSameAsReference(toChartData(mixed, { delta: true }), mixed, { delta: true });
    expect(toChartData(mixed, { delta: true }).timestamps.length).to.be.greaterThan(toChartData(cpu, { delta: true }).timestamps.length);
  });

  it('converts series with a hole, out of order or all on the same times like the plain conversion', () => {
    const longest = cpu.series.reduce((best, s, i) => (s.samples.length > cpu.series[best]!.samples.length ? i : best), 0);
    const holed = withSamples(cpu, longest, (samples) => samples.filter((_, k) => k < samples.length * 0.3 || k > samples.length * 0.7));
    const holedData = toChartData(holed, { delta: true });
    expect(holedData.series[longest]!.values).to.include(null);
    expectSameAsReference(holedData, holed, { delta: true });

    const reversed = withSamples(cpu, 0, (samples) => [...samples].reverse());
    expectSameAsReference(toChartData(reversed, { delta: true }), reversed, { delta: true });

    // One series' times for every series: the case where each series fills the whole axis.
    const aligned = { series: cpu.series.map((s) => ({ ...s, samples: cpu.series[longest]!.samples })) };
    const alignedData = toChartData(aligned, { delta: true });
    expect(alignedData.series.every((s) => s.values.every((v) => typeof v === 'number'))).to.equal(true);
    expectSameAsReference(alignedData, aligned, { delta: true });
  });

  it('merges ascending times into their union', () => {
    const a = Float64Array.of(1, 3, 5);
    expect(mergeAscending(a, Float64Array.of(1, 3, 5))).to.equal(a);
    expect(Array.from(mergeAscending(a, Float64Array.of(2, 3, 6)))).to.deep.equal([1, 2, 3, 5, 6]);
    expect(Array.from(mergeAscending(new Float64Array(0), a))).to.deep.equal([1, 3, 5]);
    const union = sortedUnion([Float64Array.of(5, 1, 1), a, Float64Array.of(0, 9), Float64Array.of(4)]);
    expect(Array.from(union)).to.deep.equal([0, 1, 3, 4, 5, 9]);
    expect(sortedUnion([])).to.have.length(0);
  });

  it("finds the series nearest a value and steps between a series' points", () => {
    const data = toChartData(cpu, { delta: true });
    const series = data.series[0]!;
    const first = series.values.findIndex((v) => v != null);
    expect(nearestSeries(data, first, series.values[first]!, () => true)).to.equal(0);
    expect(nearestSeries(data, first, series.values[first]!, (s) => s !== 0)).not.to.equal(0);
    const next = nextPointIndex(series, first, 1);
    expect(next).to.be.greaterThan(first);
    expect(series.values[next]).not.to.equal(null);
    expect(nextPointIndex(series, first, -1)).to.equal(first);
  });
});
