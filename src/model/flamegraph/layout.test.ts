import { expect } from '@open-wc/testing';
import { buildFlamegraphRecord, chainSpec, randomTreeSpec } from '../../test-support/flamegraph-record.js';
import { decodeFlamegraph } from './decode.js';
import { DrawList, VisibleWalker, isAncestorOrSelf, navigate, pathTo, spanOf } from './layout.js';

// root(1000) ─ a(600) ─ a1(300), a2(200)   ─ b(400) ─ b1(5)
const model = decodeFlamegraph(
  buildFlamegraphRecord({
    parent: [-1, 0, 0, 1, 1, 2],
    cumulative: [1000, 600, 400, 300, 200, 5],
    names: [null, 'a', 'b', 'a1', 'a2', 'b1'],
  }),
);

function visible(view: Parameters<VisibleWalker['walk']>[1], on = model) {
  const seen: [number, number, number, boolean][] = [];
  new VisibleWalker().walk(on, view, (row, x, width, muted) => seen.push([row, x, width, muted]));
  return seen;
}

describe('flame graph layout', () => {
  it('places nodes relative to the root by value offset and cumulative', () => {
    expect(spanOf(model, 0)).to.deep.equal({ x: 0, width: 1 });
    expect(spanOf(model, 2)).to.deep.equal({ x: 0.6, width: 0.4 });
    expect(spanOf(model, 4)).to.deep.equal({ x: 0.3, width: 0.2 });
  });

  it('places nodes relative to a focused node', () => {
    expect(spanOf(model, 1, 1)).to.deep.equal({ x: 0, width: 1 });
    expect(spanOf(model, 4, 1)).to.deep.equal({ x: 0.5, width: 20 / 60 });
    expect(spanOf(model, 1, 5).width).to.equal(120);
  });

  it('visits visible nodes with pixel positions, skipping nodes under a pixel', () => {
    expect(visible({ focus: 0, widthPx: 100, depthStart: 0, depthEnd: 10 })).to.deep.equal([
      [0, 0, 100, false],
      [1, 0, 60, false],
      [2, 60, 40, false],
      [3, 0, 30, false],
      [4, 30, 20, false],
    ]);
    // At 200 px the 5-value node is a pixel wide.
    expect(visible({ focus: 0, widthPx: 200, depthStart: 2, depthEnd: 3 }).map(([row]) => row)).to.deep.equal([3, 4, 5]);
  });

  it('draws the focused node full width and its ancestors muted', () => {
    expect(visible({ focus: 1, widthPx: 600, depthStart: 0, depthEnd: 10 })).to.deep.equal([
      [0, 0, 600, true],
      [1, 0, 600, false],
      [3, 0, 300, false],
      [4, 300, 200, false],
    ]);
  });

  it('does not touch subtrees below the viewport or narrower than a pixel', () => {
    const deep = decodeFlamegraph(buildFlamegraphRecord(chainSpec(5000)));
    const rows = visible({ focus: 0, widthPx: 800, depthStart: 4000, depthEnd: 4030 }, deep).map(([row]) => row);
    expect(rows).to.have.length(30);
    expect(rows[0]).to.equal(4000);
    const wide = decodeFlamegraph(buildFlamegraphRecord(randomTreeSpec(50_000, 3)));
    let visits = 0;
    new VisibleWalker().walk(wide, { focus: 0, widthPx: 100, depthStart: 0, depthEnd: 1000 }, (_row, _x, width) => {
      visits++;
      expect(width).to.be.at.least(1);
    });
    expect(visits).to.be.greaterThan(5).and.lessThan(2000);
  });

  it('hit-tests what was drawn', () => {
    const list = new DrawList();
    new VisibleWalker().walk(model, { focus: 0, widthPx: 100, depthStart: 0, depthEnd: 10 }, (row, x, width) => list.add(row, x, width, model.depth[row]!));
    expect(list.hit(1, 10)).to.equal(1);
    expect(list.hit(1, 70)).to.equal(2);
    expect(list.hit(2, 35)).to.equal(4);
    expect(list.hit(2, 80)).to.equal(-1);
    expect(list.find(4)).to.deep.equal({ x: 30, width: 20, depth: 2 });
    for (let i = 0; i < 3000; i++) list.add(0, 0, 1, 99);
    expect(list.hit(2, 35)).to.equal(4);
  });

  it('navigates to parent, first child and siblings', () => {
    expect(navigate(model, 0, 'parent')).to.equal(0);
    expect(navigate(model, 0, 'child')).to.equal(1);
    expect(navigate(model, 1, 'next')).to.equal(2);
    expect(navigate(model, 2, 'next')).to.equal(2);
    expect(navigate(model, 4, 'previous')).to.equal(3);
    expect(navigate(model, 4, 'parent')).to.equal(1);
    expect(navigate(model, 5, 'child')).to.equal(5);
  });

  it('knows ancestry and paths', () => {
    expect(pathTo(model, 4)).to.deep.equal([0, 1, 4]);
    expect(isAncestorOrSelf(model, 1, 4)).to.equal(true);
    expect(isAncestorOrSelf(model, 2, 4)).to.equal(false);
    expect(isAncestorOrSelf(model, 4, 4)).to.equal(true);
  });
});
