import { expect } from '@open-wc/testing';
import { type LineFrame, type PathSink, traceLine } from './line-path.js';

/** Records what a Path2D would be asked to draw. */
function record(): PathSink & { readonly ops: string[] } {
  const ops: string[] = [];
  return { ops, moveTo: (x, y) => ops.push(`M${x},${y}`), lineTo: (x, y) => ops.push(`L${x},${y}`) };
}

// 100 px wide from x 10, 50 px high from y 5: x 0..10 → px 10..110, y 0..100 → px 55..5.
const FRAME: LineFrame = { left: 10, top: 5, width: 100, height: 50, xMin: 0, xMax: 10, yMin: 0, yMax: 100 };

describe('traceLine', () => {
  it('maps values to whole canvas pixels, y growing downwards', () => {
    const sink = record();
    traceLine([0, 5, 10], [0, 50, 100], 0, 2, FRAME, sink);
    expect(sink.ops).to.deep.equal(['M10,55', 'L60,30', 'L110,5']);
  });

  it('joins over undefined and breaks at null', () => {
    const sink = record();
    traceLine([0, 1, 2, 3, 4, 5], [0, undefined, 20, null, 40, 50], 0, 5, FRAME, sink);
    expect(sink.ops).to.deep.equal(['M10,55', 'L30,45', 'M50,35', 'L60,30']);
  });

  it('draws the points that share a pixel column as one vertical range', () => {
    const sink = record();
    // Four points in the column at x 0 (px 10): 0, 100, 40, 20; then one at x 10.
    traceLine([0, 0.01, 0.02, 0.03, 10], [0, 100, 40, 20, 0], 0, 4, FRAME, sink);
    expect(sink.ops).to.deep.equal(['M10,55', 'L10,5', 'L10,55', 'L10,45', 'L110,55']);
  });

  it('draws only the range it is given', () => {
    const sink = record();
    traceLine([0, 5, 10], [0, 50, 100], 1, 1, FRAME, sink);
    expect(sink.ops).to.deep.equal(['M60,30']);
  });
});
