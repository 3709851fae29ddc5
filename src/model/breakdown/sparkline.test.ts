import { expect } from '@open-wc/testing';
import { type PathSink, sparkScale, sparkline, traceSparkArea, traceSparkLine } from './sparkline.js';

const frame = { width: 101, height: 22, inset: 1, xMin: 0, xMax: 100, yMin: 0, yMax: 10 };

/** Records a traced path as a list of commands. */
function recorder() {
  const calls: string[] = [];
  const sink: PathSink = {
    moveTo: (x, y) => calls.push(`M${x},${y}`),
    lineTo: (x, y) => calls.push(`L${x},${y}`),
    closePath: () => calls.push('Z'),
  };
  return { calls, sink };
}

describe('breakdown sparkline geometry', () => {
  it('maps the window to the width and 0..max to the height inside the inset', () => {
    const path = sparkline([0, 50, 100], [0, 5, 10], frame);
    expect(Array.from(path.points)).to.deep.equal([0.5, 21, 50.5, 11, 100.5, 1]);
    expect(Array.from(path.runs)).to.deep.equal([0, 3]);
    expect(path.baseline).to.equal(21);
  });

  it('keeps at most one point per pixel column, the largest, so 500 points fit in a small box', () => {
    const times = Array.from({ length: 500 }, (_, i) => i);
    const values = times.map((i) => (i === 250 ? 100 : i % 7));
    const path = sparkline(times, values, { ...frame, width: 50, xMax: 499, yMax: 100 });
    expect(path.points.length / 2).to.be.at.most(50);
    const ys = Array.from(path.points).filter((_, k) => k % 2 === 1);
    // The spike is still drawn at the top.
    expect(Math.min(...ys)).to.equal(1);
    for (let k = 2; k < path.points.length; k += 2) expect(path.points[k]!).to.be.greaterThan(path.points[k - 2]!);
  });

  it('breaks the line at null and joins over undefined', () => {
    const path = sparkline([0, 10, 20, 30, 40, 50], [1, undefined, 2, null, 3, 4], frame);
    expect(Array.from(path.runs)).to.deep.equal([0, 2, 4]);
    const { calls, sink } = recorder();
    traceSparkLine(path, sink);
    expect(calls.filter((c) => c.startsWith('M'))).to.have.length(2);
    expect(calls).to.have.length(4);
  });

  it('draws a lone point as a short mark and closes areas on the baseline', () => {
    const path = sparkline([0, 10, 20, 30], [5, null, 5, 6], frame);
    const line = recorder();
    traceSparkLine(path, line.sink);
    expect(line.calls.slice(0, 2)).to.deep.equal(['M-1,11', 'L2,11']);
    const area = recorder();
    traceSparkArea(path, area.sink);
    // Only the run of two points has an area: down to the baseline and back.
    expect(area.calls).to.deep.equal(['M20.5,21', 'L20.5,11', 'L30.5,9', 'L30.5,21', 'Z']);
  });

  it('leaves out points outside the window and copes with a window of no length', () => {
    expect(sparkline([-10, 50, 200], [1, 2, 3], frame).points.length).to.equal(2);
    const flat = sparkline([5, 5], [1, 2], { ...frame, xMin: 5, xMax: 5 });
    expect(Array.from(flat.points)).to.deep.equal([0.5, 17]);
  });

  it('scales from zero (or a negative trough) to the peak; a flat zero line sits on the bottom', () => {
    expect(sparkScale(10, 0)).to.deep.equal({ yMin: 0, yMax: 10 });
    expect(sparkScale(10, -5)).to.deep.equal({ yMin: -5, yMax: 10 });
    expect(sparkScale(0, 0)).to.deep.equal({ yMin: 0, yMax: 1 });
    const negative = sparkline([0, 100], [-5, 10], { ...frame, yMin: -5, yMax: 10 });
    expect(negative.baseline).to.be.closeTo(21 - (5 * 20) / 15, 1e-9);
  });
});
