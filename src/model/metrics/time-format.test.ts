import { expect } from '@open-wc/testing';
import { formatTimeTicks, formatTimestamp } from './time-format.js';

const utc = { timeZone: 'UTC' };

describe('metrics time format', () => {
  it('formats timestamps in the given zone', () => {
    const t = Date.UTC(2026, 10, 25, 14, 5, 9);
    expect(formatTimestamp(t, utc)).to.equal('2026-11-25 14:05:09');
    expect(formatTimestamp(t, { timeZone: 'Asia/Kolkata' })).to.equal('2026-11-25 19:35:09');
  });

  it('uses the local zone by default', () => {
    const t = Date.UTC(2026, 10, 25, 14, 5, 9);
    const local = new Date(t);
    expect(formatTimestamp(t)).to.contain(`${String(local.getHours()).padStart(2, '0')}:${String(local.getMinutes()).padStart(2, '0')}`);
  });

  it('adds the date at the first tick and where the day changes', () => {
    const start = Date.UTC(2026, 10, 25, 22, 0);
    const hour = 3_600_000;
    const ticks = [start, start + hour, start + 2 * hour, start + 3 * hour];
    expect(formatTimeTicks(ticks, hour, utc)).to.deep.equal(['22:00\nNov 25', '23:00', '00:00\nNov 26', '01:00']);
  });

  it('shows seconds only when ticks are less than a minute apart, dates only when a day or more', () => {
    const start = Date.UTC(2026, 10, 25, 10, 0, 0);
    expect(formatTimeTicks([start, start + 15_000], 15_000, utc)).to.deep.equal(['10:00:00\nNov 25', '10:00:15']);
    expect(formatTimeTicks([start, start + 86_400_000], 86_400_000, utc)).to.deep.equal(['Nov 25', 'Nov 26']);
  });
});
