import { expect } from '@open-wc/testing';
import { buildFlamegraphRecord } from '../../test-support/flamegraph-record.js';
import { decodeFlamegraph } from './decode.js';
import { compileSearch, exactNameSearch, nameOfExactSearch, searchFlamegraph, stepMatch } from './search.js';

// root(100) ─ Alloc(60) ─ alloc(30) ─ other(10)
//           └ main(40)  ─ allocate(25)
const model = decodeFlamegraph(
  buildFlamegraphRecord({
    parent: [-1, 0, 0, 1, 2, 3],
    cumulative: [100, 60, 40, 30, 25, 10],
    names: [null, 'runtime.Alloc', 'main.main', 'runtime.alloc', 'main.allocate', 'other'],
  }),
);

describe('flame graph search', () => {
  it('matches substrings case-insensitively and counts nested matches once', () => {
    const result = searchFlamegraph(model, 'ALLOC');
    expect(Array.from(result.rows)).to.deep.equal([1, 3, 4]);
    expect(result.count).to.equal(3);
    expect(result.value).to.equal(60 + 25, 'alloc inside Alloc is not counted twice');
    expect(result.fraction).to.equal(0.85);
    expect(Array.from(result.mask)).to.deep.equal([0, 1, 0, 1, 1, 0]);
  });

  it('takes regular expressions between slashes', () => {
    const result = searchFlamegraph(model, '/^main\\./');
    expect(Array.from(result.rows)).to.deep.equal([2, 4]);
    expect(result.value).to.equal(40);
  });

  it('reports an invalid regular expression and matches nothing', () => {
    const result = searchFlamegraph(model, '/(unclosed/');
    expect(result.count).to.equal(0);
    expect(result.error).to.match(/invalid regular expression/);
    expect(compileSearch('(*T).M').test('pkg.(*T).Method')).to.equal(true, 'plain text is not a pattern');
  });

  it('searches for exactly one name, whatever characters it holds, and reads the name back', () => {
    // Whole names only (main.allocate is not an alloc), case aside like every search.
    expect(Array.from(searchFlamegraph(model, exactNameSearch('runtime.alloc')).rows)).to.deep.equal([1, 3]);
    expect(searchFlamegraph(model, exactNameSearch('main.alloc')).count).to.equal(0);
    for (const name of ['pkg.(*T).M[int]', 'a/b\\c$^|+?{1}', '']) {
      expect(compileSearch(exactNameSearch(name)).test(name), name).to.equal(true);
      expect(compileSearch(exactNameSearch(name)).test(`x${name}`), name).to.equal(false);
      expect(nameOfExactSearch(exactNameSearch(name))).to.equal(name);
    }
    expect(nameOfExactSearch('alloc')).to.equal('');
  });

  it('matches nothing for an empty query', () => {
    expect(searchFlamegraph(model, '  ').count).to.equal(0);
    expect(searchFlamegraph(model, 'nothing-like-this').fraction).to.equal(0);
  });

  describe('stepping', () => {
    // Rows are breadth-first; depth-first, left to right is other(5) deep under Alloc, then main(2), allocate(4).
    const order = searchFlamegraph(model, '/main|other/').rows;

    it('lists matches depth-first, left to right', () => {
      expect(Array.from(order)).to.deep.equal([5, 2, 4]);
    });

    it('tells where a match is in that order, before and after ordering them all', () => {
      const fresh = searchFlamegraph(model, '/main|other/');
      expect(
        [5, 2, 4, 1, 0].map((row) => fresh.indexOf(row)),
        'unordered',
      ).to.deep.equal([0, 1, 2, -1, -1]);
      void fresh.rows;
      expect(
        [5, 2, 4, 1, 0].map((row) => fresh.indexOf(row)),
        'ordered',
      ).to.deep.equal([0, 1, 2, -1, -1]);
    });

    it('steps to the next and previous match, wrapping around', () => {
      expect(stepMatch(model, order, 5, 1)).to.equal(2);
      expect(stepMatch(model, order, 2, 1)).to.equal(4);
      expect(stepMatch(model, order, 4, 1)).to.equal(5, 'wraps to the first');
      expect(stepMatch(model, order, 5, -1)).to.equal(4, 'wraps to the last');
      expect(stepMatch(model, order, 4, -1)).to.equal(2);
    });

    it('steps from a frame that does not match to the nearest match in that direction', () => {
      expect(stepMatch(model, order, 0, 1)).to.equal(5, 'from the root: the first match');
      expect(stepMatch(model, order, 0, -1)).to.equal(4, 'from the root backwards: the last match');
      // alloc(3) comes before other(5), its child, and after nothing that matches.
      expect(stepMatch(model, order, 3, 1)).to.equal(5);
      expect(stepMatch(model, order, 3, -1)).to.equal(4);
    });

    it('has nothing to step to without matches', () => {
      expect(stepMatch(model, new Uint32Array(0), 0, 1)).to.equal(-1);
    });
  });
});
