import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect } from '@open-wc/testing';
import { createConnection } from '../../client/connection.js';
import type { QueryRangeResponse } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { SEED_DURATION_MS, SEED_INSTANCES } from '../../../scripts/parca/seed-plan.js';
import { labelSetKey } from './labels.js';
import { chartOptionsFor, hasPoints, markGaps, nearestSeries, nextPointIndex, toChartData } from './series.js';

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

  it('joins a line over other series\' timestamps instead of breaking it or drawing zeros', () => {
    // The two instances' points interleave (seed-plan), so each series misses the other's times.
    const data = toChartData(cpu, { delta: true });
    for (const series of data.series) {
      const missing = series.values.filter((v) => v === undefined).length;
      expect(missing).to.equal(data.timestamps.length - series.points);
      expect(missing).to.be.greaterThan(0);
      expect(series.values).not.to.include(null);
      series.values.forEach((v, i) => expect(Number.isNaN(series.durationsMs[i])).to.equal(v == null));
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

  it('finds the series nearest a value and steps between a series\' points', () => {
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
