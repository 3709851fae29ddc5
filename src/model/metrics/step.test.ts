import { expect } from '@open-wc/testing';
import { chooseStepSeconds, niceStepSeconds, widthClass, sparseDataStepSeconds, type PointSpan } from './step.js';

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

describe('a step no finer than the data', () => {
  const span = (timesS: number[]): PointSpan => [timesS[0]!, timesS[timesS.length - 1]!, timesS.length];

  it('is the spacing of the points when they are sparser than the step asked, else no bound', () => {
    // Profiles every 300 s, asked every 60 s: one point in every fifth bucket.
    expect(sparseDataStepSeconds([span([0, 300, 600, 900])], 60)).to.equal(300);
    // As dense as asked.
    expect(sparseDataStepSeconds([span([0, 60, 120, 180])], 60)).to.equal(0);
    expect(sparseDataStepSeconds([span([5])], 60)).to.equal(0);
    // A spacing between nice steps rounds up to one.
    expect(sparseDataStepSeconds([span([0, 250, 500])], 10)).to.equal(300);
    // Profiles every 300 s asked at 120 s sit at bucket starts 240 and 360 s apart: still 300 s.
    expect(sparseDataStepSeconds([span([0, 240, 600, 840, 1200])], 120)).to.equal(300);
    expect(sparseDataStepSeconds([span([0, 360, 600, 960, 1200, 1560, 1800, 2160, 2400, 2760, 3000, 3360])], 120)).to.equal(300);
  });
});
