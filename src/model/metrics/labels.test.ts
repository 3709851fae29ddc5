import { expect } from '@open-wc/testing';
import { selectorWithLabels, formatLabels, labelSetKey, labelsRecord, parseLabelNames } from './labels.js';

describe('metrics labels', () => {
  it('keys a label set the same whatever the order', () => {
    const a = labelSetKey([
      { name: 'job', value: 'fib' },
      { name: 'instance', value: 'host-a:6060' },
    ]);
    const b = labelSetKey([
      { name: 'instance', value: 'host-a:6060' },
      { name: 'job', value: 'fib' },
    ]);
    expect(a).to.equal(b);
    expect(a).to.equal('{instance="host-a:6060",job="fib"}');
    expect(labelSetKey([])).to.equal('{}');
  });

  it('escapes quotes so the key is a valid selector', () => {
    expect(labelSetKey([{ name: 'path', value: 'a"b\\c' }])).to.equal('{path="a\\"b\\\\c"}');
  });

  it('gives labels as a record and as text', () => {
    const labels = [
      { name: 'instance', value: 'x' },
      { name: 'job', value: 'y' },
    ];
    expect(labelsRecord(labels)).to.deep.equal({ instance: 'x', job: 'y' });
    expect(formatLabels(labels)).to.equal('instance=x, job=y');
  });

  it('reads a comma-separated list of label names', () => {
    expect(parseLabelNames(' job, instance,,job ')).to.deep.equal(['job', 'instance']);
    expect(parseLabelNames('')).to.deep.equal([]);
  });

  it("adds a series' labels to a query selector", () => {
    const labels = [{ name: 'job', value: 'fib' }];
    expect(selectorWithLabels('{}', labels)).to.equal('{job="fib"}');
    expect(selectorWithLabels('{instance=~"host-.*"}', labels)).to.equal('{instance=~"host-.*",job="fib"}');
    expect(selectorWithLabels('{job="fib"}', [])).to.equal('{job="fib"}');
  });
});
