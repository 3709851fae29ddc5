import { expect } from '@open-wc/testing';
import { MAX_BACKOFF_MS, formatRefreshInterval, parseRefreshInterval, refreshDelay } from './refresh.js';

describe('refresh intervals', () => {
  it('read as people write them, and write back the same', () => {
    expect(parseRefreshInterval('30s')).to.equal(30_000);
    expect(parseRefreshInterval('1m')).to.equal(60_000);
    expect(parseRefreshInterval(' 5m ')).to.equal(300_000);
    expect(parseRefreshInterval('1h')).to.equal(3_600_000);
    for (const off of ['', 'off', 'OFF', '0', null, undefined]) expect(parseRefreshInterval(off)).to.equal(0);
    for (const text of ['30s', '1m', '5m', '1h', 'off']) expect(formatRefreshInterval(parseRefreshInterval(text))).to.equal(text);
  });

  it('refuse nonsense and intervals below 5 s', () => {
    for (const text of ['soon', '30', '-1m', '1s', '4s']) expect(() => parseRefreshInterval(text), text).to.throw();
  });

  it('back off by doubling after each failed round, up to 5 minutes (or the interval when longer)', () => {
    expect([0, 1, 2, 3, 4, 5].map((failed) => refreshDelay(30_000, failed))).to.deep.equal([30_000, 60_000, 120_000, 240_000, MAX_BACKOFF_MS, MAX_BACKOFF_MS]);
    expect(refreshDelay(3_600_000, 3)).to.equal(3_600_000);
  });
});
