import { expect } from '@open-wc/testing';
import { buildFlamegraphRecord } from '../../test-support/flamegraph-record.js';
import { decodeFlamegraph } from './decode.js';
import { compileSearch, searchFlamegraph } from './search.js';

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

  it('matches nothing for an empty query', () => {
    expect(searchFlamegraph(model, '  ').count).to.equal(0);
    expect(searchFlamegraph(model, 'nothing-like-this').fraction).to.equal(0);
  });
});
