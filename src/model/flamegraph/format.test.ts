import { expect } from '@open-wc/testing';
import { formatBytes, formatCount, formatDuration, formatPercent, formatValue } from './format.js';

describe('flame graph value formatting', () => {
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

  it('picks the format from the unit and formats percentages', () => {
    expect(formatValue(2048, 'bytes')).to.equal('2 KiB');
    expect(formatValue(2e6, 'nanoseconds')).to.equal('2 ms');
    expect(formatValue(2000, 'count')).to.equal('2k');
    expect(formatPercent(1, 3)).to.equal('33.3%');
    expect(formatPercent(1, 300)).to.equal('0.33%');
    expect(formatPercent(1, 1e6)).to.equal('<0.01%');
    expect(formatPercent(5, 0)).to.equal('0%');
  });
});
