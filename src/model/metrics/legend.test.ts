import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { expect } from '@open-wc/testing';
import { createConnection } from '../../client/connection.js';
import { CPU_TYPE, seededRange, testEnv } from '../../test-support/env.js';
import { buildLegend, commonLabels, legendClick, listedKeys, visibleKeys, visibleOrder } from './legend.js';
import { toChartData } from './series.js';

const series = (peaks: number[], job = 'api') =>
  peaks.map((peak, i) => ({
    key: `{instance="i${i}",job="${job}"}`,
    labels: [
      { name: 'instance', value: `i${i}` },
      { name: 'job', value: job },
    ],
    peak,
  }));

describe('metrics legend', () => {
  it('says the labels every series shares once and names each series by the rest', () => {
    const legend = buildLegend(series([1, 2, 3]));
    expect(legend.common).to.deep.equal([{ name: 'job', value: 'api' }]);
    for (const entry of legend.entries) expect(entry.distinct.map((l) => l.name)).to.deep.equal(['instance']);
  });

  it('has no common labels for one series, so its labels are not lost', () => {
    expect(commonLabels(series([1]))).to.deep.equal([]);
  });

  it('orders by peak and lists the top N, the rest behind show all', () => {
    const legend = buildLegend(series([5, 50, 1, 30]), 2);
    expect(legend.entries.map((e) => e.peak)).to.deep.equal([50, 30, 5, 1]);
    expect(legend.entries[0]!.index).to.equal(1);
    expect([...listedKeys(legend, false)]).to.deep.equal([legend.entries[0]!.key, legend.entries[1]!.key]);
    expect(listedKeys(legend, true).size).to.equal(4);
  });

  it('isolates on click, restores on a second click, and toggles on shift-click', () => {
    const listed = new Set(['a', 'b', 'c']);
    const isolated = legendClick(listed, listed, 'b', false);
    expect([...isolated]).to.deep.equal(['b']);
    expect([...legendClick(isolated, listed, 'b', false)]).to.have.members(['a', 'b', 'c']);
    expect([...legendClick(listed, listed, 'b', true)]).to.have.members(['a', 'c']);
    expect([...legendClick(isolated, listed, 'c', true)]).to.have.members(['b', 'c']);
  });

  it('draws the series a user chose while the legend has them, else the listed ones, in legend order', () => {
    const legend = buildLegend(series([5, 50, 1, 30]), 2);
    const [top, second, third] = legend.entries.map((e) => e.key);
    expect([...visibleKeys(legend, false, undefined)]).to.deep.equal([top, second]);
    expect([...visibleKeys(legend, false, new Set([third!, 'gone']))]).to.deep.equal([third]);
    expect([...visibleKeys(legend, true, new Set(['gone']))]).to.have.length(4);
    expect(visibleOrder(legend, new Set([third!, top!]))).to.deep.equal([1, 0]);
  });

  it('names the seeded series by job and instance when no label is shared', async () => {
    const { startMs, endMs } = seededRange();
    const response = await createConnection({ url: testEnv().parcaUrl }).queryRange({
      query: `${CPU_TYPE}{}`,
      start: timestampFromMs(startMs),
      end: timestampFromMs(endMs),
      step: { seconds: 60n },
      sumBy: ['instance', 'job'],
    });
    const data = toChartData(response, { delta: true });
    const legend = buildLegend(data.series);
    expect(legend.common).to.deep.equal([]);
    expect(legend.entries[0]!.distinct.map((l) => l.name)).to.deep.equal(['instance', 'job']);
    const fibOnly = buildLegend(data.series.filter((s) => s.key.includes('job="fib"')));
    expect(fibOnly.common).to.deep.equal([{ name: 'job', value: 'fib' }]);
  });
});
