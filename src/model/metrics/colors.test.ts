import { expect } from '@open-wc/testing';
import { hashString } from '../hash.js';
import { DEFAULT_PALETTE, parsePalette, seriesColor } from './colors.js';

describe('metrics colors', () => {
  it('gives a label set the same color every time', () => {
    const key = '{instance="host-a:6060",job="fib"}';
    expect(seriesColor(key)).to.equal(seriesColor(key));
    expect(DEFAULT_PALETTE).to.include(seriesColor(key));
  });

  it('spreads different label sets over the palette', () => {
    const used = new Set<string>();
    for (let i = 0; i < 40; i++) used.add(seriesColor(`{job="job-${i}"}`));
    expect(used.size).to.be.greaterThan(DEFAULT_PALETTE.length / 2);
    expect(hashString('a')).not.to.equal(hashString('b'));
  });

  it('reads a palette from a CSS value without splitting color functions', () => {
    expect(parsePalette(' rgb(1, 2, 3), #abc ,oklch(0.6 0.1 20)')).to.deep.equal(['rgb(1, 2, 3)', '#abc', 'oklch(0.6 0.1 20)']);
    expect(parsePalette('')).to.deep.equal([]);
    expect(seriesColor('{}', ['red'])).to.equal('red');
    expect(seriesColor('{}', [])).to.equal(seriesColor('{}', DEFAULT_PALETTE));
  });

  it('keeps the default palette at one mid lightness, readable on light and dark', () => {
    for (const color of DEFAULT_PALETTE) {
      const lightness = Number(/oklch\(([\d.]+)/.exec(color)![1]);
      expect(lightness).to.be.within(0.55, 0.72);
    }
  });
});
