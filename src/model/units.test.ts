import { expect } from '@open-wc/testing';
import { formatBytes, formatCount, formatDuration, formatDurationMs, formatMetricValue, formatNumber, formatPercent, formatValue, metricUnit } from './units.js';

describe('value formatting', () => {
  it('formats nanoseconds as durations', () => {
    expect(formatDuration(0)).to.equal('0 s');
    expect(formatDuration(512)).to.equal('512 ns');
    expect(formatDuration(1_500)).to.equal('1.5 µs');
    expect(formatDuration(12_340_000)).to.equal('12.3 ms');
    expect(formatDuration(2e9)).to.equal('2 s');
    expect(formatDuration(90e9)).to.equal('1.5 min');
    expect(formatDuration(801_262_406_366)).to.equal('13.4 min');
  });

  it('formats bytes in binary units', () => {
    expect(formatBytes(0)).to.equal('0 B');
    expect(formatBytes(1023)).to.equal('1023 B');
    expect(formatBytes(1024)).to.equal('1 KiB');
    expect(formatBytes(1536)).to.equal('1.5 KiB');
    expect(formatBytes(1024 * 1024 - 1)).to.equal('1 MiB');
    expect(formatBytes(365_226_363)).to.equal('348 MiB');
  });

  it('formats counts', () => {
    expect(formatCount(7)).to.equal('7');
    expect(formatCount(1234)).to.equal('1.23k');
    expect(formatCount(1_949_739)).to.equal('1.95M');
  });

  it('keeps the sign of negative values, with a true minus', () => {
    expect(formatBytes(-1_049_152)).to.equal('−1 MiB');
    expect(formatBytes(-1536)).to.equal('−1.5 KiB');
    expect(formatDuration(-2e6)).to.equal('−2 ms');
    expect(formatCount(-1234)).to.equal('−1.23k');
    expect(formatNumber(-0.0001)).to.equal('−0.0001');
    expect(formatPercent(-1, 3)).to.equal('−33.3%');
    expect(formatPercent(-1, 1e6)).to.equal('>−0.01%');
  });

  it('picks the format from the sample unit and formats percentages', () => {
    expect(formatValue(2048, 'bytes')).to.equal('2 KiB');
    expect(formatValue(2e6, 'nanoseconds')).to.equal('2 ms');
    expect(formatValue(2000, 'count')).to.equal('2k');
    expect(formatPercent(1, 3)).to.equal('33.3%');
    expect(formatPercent(1, 300)).to.equal('0.33%');
    expect(formatPercent(1, 1e6)).to.equal('<0.01%');
    expect(formatPercent(5, 0)).to.equal('0%');
  });

  it('formats a duration the same in a chart and in a flame graph', () => {
    for (const ns of [1500, 29_740_000_000, 90e9, 801_262_406_366]) {
      expect(formatMetricValue(ns, metricUnit('nanoseconds', false))).to.equal(formatValue(ns, 'nanoseconds'));
    }
  });
});

describe('metrics units', () => {
  it('picks the unit from the sample unit and whether values are per second', () => {
    expect(metricUnit('nanoseconds', true, 'cpu').kind).to.equal('cores');
    expect(metricUnit('nanoseconds', true, 'time').kind).to.equal('duration-per-second');
    expect(metricUnit('bytes', true).kind).to.equal('bytes-per-second');
    expect(metricUnit('count', true).kind).to.equal('count-per-second');
    expect(metricUnit('nanoseconds', false).kind).to.equal('duration');
    expect(metricUnit('bytes', false).kind).to.equal('bytes');
    expect(metricUnit('count', false).kind).to.equal('count');
    expect(metricUnit('widgets', false).label).to.equal('widgets');
  });

  it('shows CPU time per second as cores (Parca sends it in cores) and other time per second as time/s', () => {
    const cores = metricUnit('nanoseconds', true, 'cpu');
    expect(formatMetricValue(2.5, cores)).to.equal('2.5 cores');
    expect(formatMetricValue(1, cores)).to.equal('1 core');
    expect(formatMetricValue(0.00297, cores)).to.equal('0.00297 cores');
    expect(formatMetricValue(1.5e9, metricUnit('nanoseconds', true, 'time'))).to.equal('1.5 s/s');
  });

  it('uses binary multiples for bytes', () => {
    expect(formatMetricValue(512, metricUnit('bytes', false))).to.equal('512 B');
    expect(formatMetricValue(1536, metricUnit('bytes', false))).to.equal('1.5 KiB');
    expect(formatMetricValue(10 * 1024 ** 2, metricUnit('bytes', true))).to.equal('10 MiB/s');
    expect(formatMetricValue(-10 * 1024 ** 2, metricUnit('bytes', true))).to.equal('−10 MiB/s');
  });

  it('uses SI suffixes for counts', () => {
    expect(formatMetricValue(12, metricUnit('count', false))).to.equal('12');
    expect(formatMetricValue(12_345, metricUnit('count', false))).to.equal('12.3k');
    expect(formatMetricValue(2_000_000, metricUnit('count', true))).to.equal('2M/s');
  });

  it('shows raw nanoseconds as a duration', () => {
    const duration = metricUnit('nanoseconds', false);
    expect(formatMetricValue(1500, duration)).to.equal('1.5 µs');
    expect(formatMetricValue(29_740_000_000, duration)).to.equal('29.7 s');
    expect(formatMetricValue(90e9, duration)).to.equal('1.5 min');
    expect(formatDurationMs(10_000)).to.equal('10 s');
  });

  it('says nothing rather than NaN', () => {
    expect(formatMetricValue(NaN, metricUnit('count', false))).to.equal('–');
  });
});
