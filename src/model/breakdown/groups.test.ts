import { create } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect } from '@open-wc/testing';
import { QueryRangeResponseSchema } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { toChartData } from '../metrics/series.js';
import { groupByLabel, pointFigures, sumPoints } from './groups.js';

const T0 = Date.UTC(2026, 0, 1);

/** A QueryRange answer: one series per entry, labels and values at 10 s apart from T0 (null: no point there). */
function answer(series: { labels: Record<string, string>; values: (number | null)[] }[]) {
  return create(QueryRangeResponseSchema, {
    series: series.map((s) => ({
      labelset: { labels: Object.entries(s.labels).map(([name, value]) => ({ name, value })) },
      samples: s.values.flatMap((value, i) =>
        value === null
          ? []
          : [{ timestamp: timestampFromMs(T0 + i * 10_000), value: BigInt(value), valuePerSecond: value / 10, duration: 10_000_000_000n, count: 1 }],
      ),
    })),
  });
}

const raw = { delta: true, raw: true, sampleType: 'cpu', sampleUnit: 'nanoseconds' };

describe('breakdown groups', () => {
  it('keeps one series per value as it is (Parca summed it by the label)', () => {
    const data = toChartData(
      answer([
        { labels: { instance: 'a' }, values: [1, 2, 3] },
        { labels: { instance: 'b' }, values: [10, 20, 30] },
      ]),
      raw,
    );
    const groups = groupByLabel(data, 'instance');
    expect(groups.map((g) => g.value)).to.deep.equal(['a', 'b']);
    expect(groups.map((g) => g.total)).to.deep.equal([6, 60]);
    expect(groups.map((g) => g.peak)).to.deep.equal([3, 30]);
    expect(groups[1]!.values).to.equal(data.series[1]!.values);
    expect(groups.map((g) => g.series)).to.deep.equal([1, 1]);
  });

  it('sums the series of one value point by point (types Parca does not sum)', () => {
    const data = toChartData(
      answer([
        { labels: { instance: 'a', job: 'x' }, values: [1, 2, 3, 4] },
        { labels: { instance: 'a', job: 'y' }, values: [100, null, 300, 400] },
        { labels: { instance: 'b', job: 'x' }, values: [5, 5, 5, 5] },
      ]),
      raw,
    );
    const [a, b] = groupByLabel(data, 'instance');
    expect(a!.values).to.deep.equal([101, 2, 303, 404]);
    expect(a!.total).to.equal(810);
    expect(a!.series).to.equal(2);
    expect(b!.total).to.equal(20);
  });

  it('puts the series without the label in the group of the empty value', () => {
    const data = toChartData(
      answer([
        { labels: { job: 'x' }, values: [1, 1] },
        { labels: { job: 'y', instance: 'a' }, values: [2, 2] },
        { labels: { job: 'z' }, values: [3, 3] },
      ]),
      raw,
    );
    const groups = groupByLabel(data, 'instance');
    expect(groups.map((g) => [g.value, g.total])).to.deep.equal([
      ['', 8],
      ['a', 4],
    ]);
  });

  it('sums a number with gaps and joins: a number wins, then a break, then nothing', () => {
    expect(
      sumPoints(
        [
          [1, null, undefined, undefined],
          [2, undefined, null, undefined],
        ],
        4,
      ),
    ).to.deep.equal([3, null, null, undefined]);
    expect(sumPoints([[1, 2, 3]], 2)).to.deep.equal([1, 2]);
  });

  it('reads the total, peak and trough of signed points', () => {
    expect(pointFigures([3, null, -5, undefined, 4])).to.deep.equal({ total: 2, peak: 4, trough: -5 });
    expect(pointFigures([])).to.deep.equal({ total: 0, peak: 0, trough: 0 });
  });

  it('has no groups for an answer without series', () => {
    expect(groupByLabel(toChartData(answer([]), raw), 'instance')).to.deep.equal([]);
  });
});
