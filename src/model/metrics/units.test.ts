import { expect } from '@open-wc/testing';
import { formatDurationMs, formatValue, metricUnit } from './units.js';

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
    expect(formatValue(2.5, cores)).to.equal('2.5 cores');
    expect(formatValue(1, cores)).to.equal('1 core');
    expect(formatValue(0.00297, cores)).to.equal('0.00297 cores');
    expect(formatValue(1.5e9, metricUnit('nanoseconds', true, 'time'))).to.equal('1.5 s/s');
  });

  it('uses binary multiples for bytes', () => {
    expect(formatValue(512, metricUnit('bytes', false))).to.equal('512 B');
    expect(formatValue(1536, metricUnit('bytes', false))).to.equal('1.5 KiB');
    expect(formatValue(10 * 1024 ** 2, metricUnit('bytes', true))).to.equal('10 MiB/s');
  });

  it('uses SI suffixes for counts', () => {
    expect(formatValue(12, metricUnit('count', false))).to.equal('12');
    expect(formatValue(12_345, metricUnit('count', false))).to.equal('12.3k');
    expect(formatValue(2_000_000, metricUnit('count', true))).to.equal('2M/s');
  });

  it('shows raw nanoseconds as a duration', () => {
    const duration = metricUnit('nanoseconds', false);
    expect(formatValue(1500, duration)).to.equal('1.5 µs');
    expect(formatValue(29_740_000_000, duration)).to.equal('29.7 s');
    expect(formatValue(90e9, duration)).to.equal('1.5 min');
    expect(formatDurationMs(10_000)).to.equal('10 s');
  });

  it('says nothing rather than NaN', () => {
    expect(formatValue(NaN, metricUnit('count', false))).to.equal('–');
  });
});
