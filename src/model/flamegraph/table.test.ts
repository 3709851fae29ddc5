import { expect } from '@open-wc/testing';
import { textColumn } from '../arrow/text-column.js';
import { type FunctionTable, prepareOrders, sortTable, tableRowName } from './table.js';
import { runSteps } from '../steps.js';
import { type TreeLines, childrenByValue, hottestPath, lineStartingWith, treeLines, widestRowOf } from './calltree.js';
import { TreeBuilder } from './tree.js';

function table(names: string[], flat: number[]): FunctionTable {
  const zeros = new Float64Array(names.length);
  return {
    size: names.length,
    flat: Float64Array.from(flat),
    cumulative: Float64Array.from(flat, (v) => v * 2),
    flatDiff: zeros,
    cumulativeDiff: zeros,
    functionName: textColumn(names),
    functionFileName: textColumn(names.map(() => '')),
    mappingFile: textColumn(names.map(() => '')),
  };
}

describe('function table order', () => {
  it('sorts names A→Z, case aside, numbers within names by value; the reverse keeps ties in their first order', () => {
    const t = table(['function10', 'Function9', 'alpha', 'function9', 'beta2', 'beta10'], [1, 2, 3, 4, 5, 6]);
    const names = (order: Uint32Array) => [...order].map((row) => tableRowName(t, row));
    expect(names(sortTable(t, 'name', false))).to.deep.equal(['alpha', 'beta2', 'beta10', 'Function9', 'function9', 'function10']);
    expect(names(sortTable(t, 'name', true))).to.deep.equal(['function10', 'Function9', 'function9', 'beta10', 'beta2', 'alpha']);
  });

  it('orders any names like a comparison that takes runs of digits by value and other characters one by one', () => {
    // The reference: walk both names; where both have a run of digits, compare the runs as numbers.
    const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
    const natural = (a: string, b: string): number => {
      const [x, y] = [a.toLowerCase(), b.toLowerCase()];
      let i = 0;
      let j = 0;
      while (i < x.length && j < y.length) {
        if (isDigit(x[i]) && isDigit(y[j])) {
          let [ei, ej] = [i, j];
          while (isDigit(x[ei])) ei++;
          while (isDigit(y[ej])) ej++;
          const [m, n] = [BigInt(x.slice(i, ei)), BigInt(y.slice(j, ej))];
          if (m !== n) return m < n ? -1 : 1;
          [i, j] = [ei, ej];
        } else if (x[i] !== y[j]) {
          return x[i]! < y[j]! ? -1 : 1;
        } else {
          i++;
          j++;
        }
      }
      return x.length - i - (y.length - j);
    };
    let state = 11;
    const random = (n: number) => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) >>> 8) % n;
    const pieces = ['a', 'B', 'z', '.', '/', '_', ':', '0', '00', '7', '9', '10', '123456789', '0000000000000000000000042', '99999999999999999999999'];
    const names = Array.from({ length: 3000 }, () => Array.from({ length: 1 + random(6) }, () => pieces[random(pieces.length)]).join(''));
    const t = table(
      names,
      names.map(() => 1),
    );
    const expected = names.map((_, row) => row).sort((a, b) => natural(names[a]!, names[b]!) || a - b);
    expect([...sortTable(t, 'name', false)].map((row) => names[row])).to.deep.equal(expected.map((row) => names[row]));
  });

  it('sorts numbers largest first, ties by row both ways, and answers a repeated sort from its cache', () => {
    const t = table(['a', 'b', 'c', 'd'], [5, 7, 5, 1]);
    const down = sortTable(t, 'flat', true);
    expect([...down]).to.deep.equal([1, 0, 2, 3]);
    expect([...sortTable(t, 'flat', false)]).to.deep.equal([3, 0, 2, 1]);
    expect(sortTable(t, 'flat', true)).to.equal(down);
  });

  it('reads each name once when a sort by name comes while the idle preparation is half way through', () => {
    const names = Array.from({ length: 20_000 }, (_, i) => `pkg${i % 7}.function${(i * 7919) % 20_000}`);
    const t = table(
      names,
      names.map(() => 1),
    );
    const column = t.functionName;
    let reads = 0;
    const counted: FunctionTable = { ...t, functionName: { ...column, value: (row) => (reads++, column.value(row)) } };
    const preparing = prepareOrders(counted);
    preparing.next();
    preparing.next();
    expect(reads, 'the preparation has begun').to.be.within(1, names.length - 1);
    const byName = [...sortTable(counted, 'name', false)];
    expect(reads, 'the sort went on from where the preparation was').to.equal(names.length);
    runSteps(preparing);
    expect(reads, 'the preparation went on to the sorts').to.equal(names.length);
    expect(sortTable(counted, 'name', false), 'one order, prepared or asked for').to.deep.equal(Uint32Array.from(byName));
  });

  it('prepares the usual orders in steps, after which those sorts are cached', () => {
    const t = table(['x', 'y', 'z'], [3, 1, 2]);
    runSteps(prepareOrders(t));
    const first = sortTable(t, 'cumulative', true);
    expect(sortTable(t, 'cumulative', true)).to.equal(first);
    expect([...first]).to.deep.equal([0, 2, 1]);
  });
});

describe('call tree lines', () => {
  // root → a (6) → b (4) → c (1); a → d (2); root → e (3)
  const builder = new TreeBuilder();
  builder.add(
    [
      { name: 'a', file: '', binary: '' },
      { name: 'b', file: '', binary: '' },
      { name: 'c', file: '', binary: '' },
    ],
    1,
  );
  builder.add(
    [
      { name: 'a', file: '', binary: '' },
      { name: 'b', file: '', binary: '' },
    ],
    3,
  );
  builder.add(
    [
      { name: 'a', file: '', binary: '' },
      { name: 'd', file: '', binary: '' },
    ],
    2,
  );
  builder.add([{ name: 'e', file: '', binary: '' }], 3);
  const model = builder.build();
  const names = (lines: TreeLines) => Array.from(lines.rows, (row) => (row === 0 ? 'root' : model.functionName.value(row)));

  it('shows the root and, under each open row, its children largest first with their place among siblings', () => {
    expect(names(treeLines(model, new Set([0])))).to.deep.equal(['root', 'a', 'e']);
    const a = widestRowOf(model, 'a');
    const lines = treeLines(model, new Set([0, a]));
    expect(names(lines)).to.deep.equal(['root', 'a', 'b', 'd', 'e']);
    expect(Array.from(lines.position)).to.deep.equal([1, 1, 1, 2, 2]);
    expect(Array.from(lines.siblings)).to.deep.equal([1, 2, 2, 2, 2]);
    expect(childrenByValue(model, 0).map((row) => model.functionName.value(row))).to.deep.equal(['a', 'e']);
  });

  it('finds the hottest path and the next line starting with typed text', () => {
    expect(hottestPath(model, 0).map((row) => (row === 0 ? 'root' : model.functionName.value(row)))).to.deep.equal(['root', 'a', 'b', 'c']);
    const lines = treeLines(model, new Set([0, widestRowOf(model, 'a')]));
    expect(lineStartingWith(model, lines, 0, 'D')).to.equal(3);
    expect(lineStartingWith(model, lines, 3, 'zz')).to.equal(-1);
  });
});
