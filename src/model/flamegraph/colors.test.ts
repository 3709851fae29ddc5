import { expect } from '@open-wc/testing';
import { buildFlamegraphRecord } from '../../test-support/flamegraph-record.js';
import { hashString } from '../hash.js';
import { createColorer, packageOf, splitColorList } from './colors.js';
import { decodeFlamegraph } from './decode.js';

describe('flame graph colors', () => {
  it('hashes stably', () => {
    expect(hashString('')).to.equal(0x811c9dc5);
    expect(hashString('runtime')).to.equal(hashString('runtime'));
    expect(hashString('runtime')).to.not.equal(hashString('runtimf'));
  });

  it('finds packages in Go, C++ and dotted names', () => {
    expect(packageOf('github.com/parca-dev/parca/pkg/query.(*ColumnQueryAPI).Query')).to.equal('github.com/parca-dev/parca/pkg/query');
    expect(packageOf('runtime.mallocgc')).to.equal('runtime');
    expect(packageOf('std::vector<int>::push_back')).to.equal('std');
    expect(packageOf('org.example.Foo.bar')).to.equal('org.example');
    expect(packageOf('main')).to.equal('main');
  });

  it('gives frames of one binary, package or file the same slot and the root none', () => {
    const model = decodeFlamegraph(
      buildFlamegraphRecord({
        parent: [-1, 0, 1, 1],
        cumulative: [10, 10, 5, 5],
        names: [null, 'runtime.a', 'runtime.b', 'main.c'],
        files: [null, 'x.go', 'x.go', 'y.go'],
        binaries: [null, '/bin/app', '/usr/bin/app', '/lib/libc.so'],
      }),
    );
    const byBinary = createColorer(model, 'binary', 12);
    expect(byBinary(0)).to.equal(-1);
    expect(byBinary(1)).to.equal(byBinary(2), 'same base name');
    expect(byBinary(1)).to.equal(hashString('app') % 12);
    const byPackage = createColorer(model, 'package', 12);
    expect(byPackage(1)).to.equal(byPackage(2));
    expect(byPackage(3)).to.equal(hashString('main') % 12);
    const byFile = createColorer(model, 'file', 12);
    expect(byFile(2)).to.equal(hashString('x.go') % 12);
  });

  it('splits palettes given as CSS lists', () => {
    expect(splitColorList(' #fff, rgb(1, 2, 3) ,hsl(1 2% 3%),')).to.deep.equal(['#fff', 'rgb(1, 2, 3)', 'hsl(1 2% 3%)']);
  });
});
