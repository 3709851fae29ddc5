import { expect } from '@open-wc/testing';
import type { BreakdownGroup } from './groups.js';
import { type OtherRow, type ValueRow, breakdownRows, otherName, rankGroups, valueName } from './rank.js';

const group = (value: string, values: (number | null | undefined)[]): BreakdownGroup => {
  const numbers = values.filter((v): v is number => typeof v === 'number');
  return {
    value,
    values,
    total: numbers.reduce((a, b) => a + b, 0),
    peak: Math.max(0, ...numbers),
    trough: Math.min(0, ...numbers),
    series: 1,
  };
};

const GROUPS = [group('c', [1, 1]), group('a', [10, 20]), group('d', [0, 2]), group('b', [5, 5]), group('e', [undefined, 1])];

describe('breakdown rows', () => {
  it('ranks values by total, largest first, equal totals by value', () => {
    expect(rankGroups(GROUPS).map((g) => g.value)).to.deep.equal(['a', 'b', 'c', 'd', 'e']);
    expect(rankGroups([group('y', [1]), group('x', [1])]).map((g) => g.value)).to.deep.equal(['x', 'y']);
  });

  it('lists the top N and folds the rest into one row that sums them', () => {
    const model = breakdownRows(GROUPS, 2, false, 2);
    expect(model.rows.map((r) => r.kind)).to.deep.equal(['value', 'value', 'other']);
    expect((model.rows as ValueRow[]).slice(0, 2).map((r) => r.group.value)).to.deep.equal(['a', 'b']);
    const other = model.rows[2] as OtherRow;
    expect(other.count).to.equal(3);
    expect(other.values).to.deep.equal([1, 4]);
    expect(other.total).to.equal(5);
    expect(other.peak).to.equal(4);
    expect(model.folded).to.equal(3);
    expect(model.values).to.equal(5);
    expect(model.total).to.equal(45);
    // Every value's total is in exactly one row.
    const shown = model.rows.reduce((sum, r) => sum + (r.kind === 'value' ? r.group.total : r.total), 0);
    expect(shown).to.equal(model.total);
  });

  it('lists every value when asked to, or when only one would be folded', () => {
    expect(breakdownRows(GROUPS, 2, true, 2).rows.map((r) => r.kind)).to.deep.equal(['value', 'value', 'value', 'value', 'value']);
    const four = breakdownRows(GROUPS, 4, false, 2);
    expect(four.rows).to.have.length(5);
    expect(four.folded).to.equal(0);
    expect(breakdownRows(GROUPS, 3, false, 2).rows).to.have.length(4);
  });

  it('keys rows by value, apart from the folded row, whatever the value', () => {
    const rows = breakdownRows([group('other', [3]), group('x', [2]), group('y', [1])], 1, false, 1).rows;
    expect(new Set(rows.map((r) => r.key)).size).to.equal(rows.length);
  });

  it('has no rows for no values, and a top of zero folds everything', () => {
    expect(breakdownRows([], 5, false, 0).rows).to.deep.equal([]);
    const none = breakdownRows(GROUPS, 0, false, 2);
    expect(none.rows.map((r) => r.kind)).to.deep.equal(['other']);
  });

  it('names values, the missing one and the fold', () => {
    expect(valueName('instance', 'host-a')).to.equal('host-a');
    expect(valueName('instance', '')).to.equal('(no instance)');
    expect(otherName(1)).to.equal('other 1 value');
    expect(otherName(12)).to.equal('other 12 values');
  });
});
