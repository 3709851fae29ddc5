import { expect } from '@open-wc/testing';
import { RANGE_PRESETS, describeRange, fromLocalInputValue, rangePreset, toLocalInputValue } from './range-presets.js';
import { absoluteRange, formatTimeBound, parseTimeRange } from './time-range.js';

describe('range presets', () => {
  it('are the last 5m, 15m, 1h, 6h, 24h and 7d up to now', () => {
    expect(RANGE_PRESETS.map((p) => p.key)).to.deep.equal(['5m', '15m', '1h', '6h', '24h', '7d']);
    expect(RANGE_PRESETS.map((p) => formatTimeBound(p.range.from))).to.deep.equal(['now-5m', 'now-15m', 'now-1h', 'now-6h', 'now-1d', 'now-1w']);
    expect(RANGE_PRESETS.every((p) => formatTimeBound(p.range.to) === 'now')).to.equal(true);
  });

  it('recognizes a range that is a preset', () => {
    expect(rangePreset(parseTimeRange('now-60m', 'now'))?.key).to.equal('1h');
    expect(rangePreset(parseTimeRange('now-1h', 'now-5m'))).to.equal(undefined);
    expect(rangePreset(absoluteRange(0, 1000))).to.equal(undefined);
  });
});

describe('datetime-local values', () => {
  it('round-trip to the second in local time', () => {
    const ms = new Date(2026, 10, 25, 9, 5, 7).getTime();
    expect(toLocalInputValue(ms)).to.equal('2026-11-25T09:05:07');
    expect(fromLocalInputValue('2026-11-25T09:05:07')).to.equal(ms);
    expect(fromLocalInputValue('2026-11-25T09:05')).to.equal(ms - 7000);
  });

  it('refuse what is not a local date and time', () => {
    for (const value of ['', '2026-11-25', 'now-1h', '2026-11-25T09:05:07Z']) expect(fromLocalInputValue(value), value).to.equal(undefined);
  });
});

describe('range names', () => {
  it('name presets, any "now-X to now", other relative ranges by their bounds, and leave absolute ones to their times', () => {
    expect(describeRange(parseTimeRange('now-1h', 'now'))).to.equal('Last hour');
    expect(describeRange(parseTimeRange('now-2h', 'now'))).to.equal('Last 2 hours');
    expect(describeRange(parseTimeRange('now-1d', 'now'))).to.equal('Last 24 hours');
    expect(describeRange(parseTimeRange('now-30m', 'now'))).to.equal('Last 30 minutes');
    expect(describeRange(parseTimeRange('now-3h', 'now-1h'))).to.equal('now-3h to now-1h');
    expect(describeRange(absoluteRange(0, 1000))).to.equal('');
  });
});
