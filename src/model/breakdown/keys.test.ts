import { expect } from '@open-wc/testing';
import { rowKeyTarget } from './keys.js';

describe('breakdown row keys', () => {
  it('moves one row with the arrows, stopping at either end', () => {
    expect(rowKeyTarget('ArrowDown', 0, 5, 3)).to.equal(1);
    expect(rowKeyTarget('ArrowDown', 4, 5, 3)).to.equal(4);
    expect(rowKeyTarget('ArrowUp', 2, 5, 3)).to.equal(1);
    expect(rowKeyTarget('ArrowUp', 0, 5, 3)).to.equal(0);
  });

  it('starts on the first row when none is active', () => {
    expect(rowKeyTarget('ArrowDown', -1, 5, 3)).to.equal(0);
    expect(rowKeyTarget('ArrowUp', -1, 5, 3)).to.equal(0);
  });

  it('moves a page and to the ends', () => {
    expect(rowKeyTarget('PageDown', 1, 10, 3)).to.equal(4);
    expect(rowKeyTarget('PageDown', 8, 10, 3)).to.equal(9);
    expect(rowKeyTarget('PageUp', 2, 10, 3)).to.equal(0);
    expect(rowKeyTarget('Home', 7, 10, 3)).to.equal(0);
    expect(rowKeyTarget('End', 0, 10, 3)).to.equal(9);
    expect(rowKeyTarget('PageDown', 0, 10, 0)).to.equal(1);
  });

  it('leaves other keys and empty lists alone, and keeps a stale index in range', () => {
    expect(rowKeyTarget('Enter', 0, 5, 3)).to.equal(undefined);
    expect(rowKeyTarget('Tab', 0, 5, 3)).to.equal(undefined);
    expect(rowKeyTarget('ArrowDown', 0, 0, 3)).to.equal(undefined);
    expect(rowKeyTarget('ArrowUp', 9, 3, 3)).to.equal(1);
  });
});
