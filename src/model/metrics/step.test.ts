import { expect } from '@open-wc/testing';
import { chooseStepSeconds, niceStepSeconds, widthClass } from './step.js';

describe('metrics step', () => {
  it('rounds up to a nice step and never goes below 1 s', () => {
    expect(niceStepSeconds(0)).to.equal(1);
    expect(niceStepSeconds(0.2)).to.equal(1);
    expect(niceStepSeconds(1.01)).to.equal(2);
    expect(niceStepSeconds(7)).to.equal(10);
    expect(niceStepSeconds(31)).to.equal(60);
    expect(niceStepSeconds(250)).to.equal(300);
    expect(niceStepSeconds(3 * 86_400 + 1)).to.equal(4 * 86_400);
  });

  it('asks for about one point per 10 px', () => {
    // One hour over 600 px: 60 points, one a minute.
    expect(chooseStepSeconds(3_600_000, 600)).to.equal(60);
    // Twice the width, twice the points.
    expect(chooseStepSeconds(3_600_000, 1200)).to.equal(30);
    // A short range on a wide chart still asks for whole seconds.
    expect(chooseStepSeconds(60_000, 2000)).to.equal(1);
  });

  it('follows the configured density', () => {
    expect(chooseStepSeconds(3_600_000, 600, 20)).to.equal(120);
    expect(chooseStepSeconds(3_600_000, 600, 5)).to.equal(30);
  });

  it('groups widths into classes so small resizes do not re-query', () => {
    expect(widthClass(640)).to.equal(widthClass(620));
    expect(widthClass(640)).not.to.equal(widthClass(800));
    expect(widthClass(0)).to.equal(100);
  });
});
