import { expect } from '@open-wc/testing';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { createConnection } from '../../client/connection.js';
import { QueryRequest_Mode, QueryRequest_ReportType } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { formatProfileTypeId } from '../profile-type.js';
import { buildFlamegraphRecord, chainSpec, randomTreeSpec } from '../../test-support/flamegraph-record.js';
import { seededRange, testEnv } from '../../test-support/env.js';
import { LAB } from '../../../scripts/parca/adversarial-plan.js';
import { openRecord } from '../arrow/record.js';
import { FlamegraphDecodeError, type FlamegraphModel, PREVIEW_MIN_ROWS, decodeFlamegraph, decodeFlamegraphSliced, previewModel, treeFromParents } from './decode.js';
import { frameName } from './names.js';

/** The fixtures' profile types (the adversarial `lab` profiles have tests of their own). */
async function seededTypes(): Promise<string[]> {
  const connection = createConnection({ url: testEnv().parcaUrl });
  const { types } = await connection.profileTypes({});
  return types.filter((t) => t.name !== LAB).map((t) => formatProfileTypeId({ ...t, delta: t.delta }));
}

async function queryRecord(profileType: string, selector = '{}') {
  const connection = createConnection({ url: testEnv().parcaUrl });
  const range = seededRange();
  const response = await connection.query({
    mode: QueryRequest_Mode.MERGE,
    options: { case: 'merge', value: { query: profileType + selector, start: timestampFromMs(range.startMs), end: timestampFromMs(range.endMs) } },
    reportType: QueryRequest_ReportType.FLAMEGRAPH_ARROW,
    nodeTrimThreshold: 0,
  });
  if (response.report.case !== 'flamegraphArrow') throw new Error(`expected a flame graph, got ${response.report.case}`);
  return { response, arrow: response.report.value };
}

/** The structural invariants every decoded model must hold. */
function checkInvariants(model: FlamegraphModel): void {
  expect(model.parent[0]).to.equal(-1);
  expect(model.depth[0]).to.equal(0);
  expect(model.childStart[model.size]).to.equal(model.size - 1, 'every row but the root is someone’s child');
  for (let row = 0; row < model.size; row++) {
    let childSum = 0;
    let x = model.valueOffset[row]!;
    for (let k = model.childStart[row]!; k < model.childStart[row + 1]!; k++) {
      const child = model.childIndex[k]!;
      expect(model.parent[child]).to.equal(row);
      expect(model.depth[child]).to.equal(model.depth[row]! + 1);
      childSum += model.cumulative[child]!;
      // Children sit side by side inside their parent, in order.
      expect(model.valueOffset[child]).to.equal(x, `offset of row ${child}`);
      x += model.cumulative[child]!;
    }
    expect(childSum + model.flat[row]!, `row ${row}: children + flat`).to.equal(model.cumulative[row]);
    if (row > 0 && !model.labelsOnly[row]) expect(frameName(model, row), `name of row ${row}`).to.not.equal('');
  }
}

describe('decodeFlamegraph on records from the real Parca', () => {
  it('decodes every seeded profile type, with the root holding the response total', async () => {
    const types = await seededTypes();
    expect(types).to.include('process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta');
    expect(types.length).to.be.at.least(5);
    for (const type of types) {
      const { response, arrow } = await queryRecord(type);
      const model = decodeFlamegraph(arrow.record);
      expect(model.size, type).to.be.greaterThan(10);
      expect(model.total, type).to.equal(Number(response.total));
      expect(model.maxDepth + 1, `${type} height`).to.equal(arrow.height);
      checkInvariants(model);
      // Most frames of these fixtures have function names and files.
      let named = 0;
      for (let row = 1; row < model.size; row++) if (model.functionName.value(row)) named++;
      expect(named / (model.size - 1), type).to.be.greaterThan(0.9);
    }
  });

  it('keeps names as dictionary keys and decodes each distinct name once', async () => {
    const { arrow } = await queryRecord('process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta', '{job="fib"}');
    const model = decodeFlamegraph(arrow.record);
    expect(model.functionName.keyCount).to.be.lessThan(model.size);
    const names = new Set<string>();
    for (let row = 1; row < model.size; row++) names.add(model.functionName.value(row));
    expect([...names].some((name) => name.includes('fib.Fibonacci'))).to.equal(true, [...names].slice(0, 10).join(', '));
    const row = [...Array(model.size).keys()].find((r) => model.functionName.value(r).includes('fib.Fibonacci'))!;
    expect(model.functionName.value(row)).to.equal(model.functionName.text(model.functionName.key(row)));
    expect(model.functionFileName.value(row)).to.match(/\.go$/);
    expect(model.locationLine.some((line) => line > 0)).to.equal(true);
  });

  it('decodes a record that is not 8-byte aligned in its buffer', async () => {
    const { arrow } = await queryRecord('process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta');
    const shifted = new Uint8Array(arrow.record.length + 3).subarray(3);
    shifted.set(arrow.record);
    expectSameModel(decodeFlamegraph(shifted), decodeFlamegraph(arrow.record), 'compressed, 3 bytes in');
    // Uncompressed buffers are viewed in place when they can be: shifted, they must be copied, and left as they were.
    const plain = buildFlamegraphRecord(randomTreeSpec(500, 3), { compress: false });
    const plainShifted = new Uint8Array(plain.length + 5).subarray(5);
    plainShifted.set(plain);
    expectSameModel(decodeFlamegraph(plainShifted), decodeFlamegraph(plain), 'uncompressed, 5 bytes in');
    expect(
      plainShifted.every((byte, i) => byte === plain[i]),
      'the bytes handed over are not written to',
    ).to.equal(true);
  });
});

describe('decodeFlamegraph on synthetic records', () => {
  const twoStacks = {
    parent: [-1, 0, 1, 1, 0],
    cumulative: [100, 70, 40, 20, 30],
    flat: [0, 10, 40, 20, 30],
    names: [null, 'main', 'work', 'idle', 'gc'],
    files: [null, 'main.go', 'work.go', 'idle.go', 'gc.go'],
    binaries: [null, '/bin/app', '/bin/app', '/bin/app', '/lib/libc.so'],
    lines: [null, 10, 20, 30, 40],
  };

  it('reads every value width and dictionary index width the same way', () => {
    for (const valueWidth of [8, 16, 32, 64] as const) {
      for (const indexWidth of [8, 16, 32] as const) {
        const model = decodeFlamegraph(buildFlamegraphRecord(twoStacks, { valueWidth, indexWidth, diffWidth: valueWidth }));
        const label = `values ${valueWidth}, indices ${indexWidth}`;
        expect(Array.from(model.cumulative), label).to.deep.equal([100, 70, 40, 20, 30]);
        expect(Array.from(model.flat), label).to.deep.equal([0, 10, 40, 20, 30]);
        expect(Array.from(model.valueOffset), label).to.deep.equal([0, 0, 0, 40, 70]);
        expect(Array.from(model.depth), label).to.deep.equal([0, 1, 2, 2, 1]);
        expect(model.functionName.value(3), label).to.equal('idle');
        expect(model.mappingFile.value(4), label).to.equal('/lib/libc.so');
        expect(model.locationLine[2], label).to.equal(20);
        checkInvariants(model);
      }
    }
  });

  it('reads uncompressed streams and records without a children column', () => {
    const plain = decodeFlamegraph(buildFlamegraphRecord(twoStacks, { compress: false }));
    const noChildren = decodeFlamegraph(buildFlamegraphRecord(twoStacks, { omitChildren: true }));
    for (const model of [plain, noChildren]) {
      expect(Array.from(model.childIndex)).to.deep.equal([1, 4, 2, 3]);
      checkInvariants(model);
    }
  });

  it('decodes a record with only the root, and an empty byte string', () => {
    const root = decodeFlamegraph(buildFlamegraphRecord({ parent: [-1], cumulative: [0] }));
    expect(root.size).to.equal(1);
    expect(root.total).to.equal(0);
    expect(root.childStart[1]).to.equal(0);
    expect(frameName(root, 0)).to.equal('root');
    expect(decodeFlamegraph(new Uint8Array(0)).size).to.equal(0);
  });

  it('decodes a single stack with zero values and empty dictionaries', () => {
    const model = decodeFlamegraph(buildFlamegraphRecord({ parent: [-1, 0], cumulative: [0, 0] }));
    expect(model.size).to.equal(2);
    expect(model.functionName.value(1)).to.equal('');
    expect(frameName(model, 1)).to.equal('<unknown>');
    checkInvariants(model);
  });

  it('decodes a 5,000-deep chain without recursion', () => {
    const model = decodeFlamegraph(buildFlamegraphRecord(chainSpec(5000)));
    expect(model.maxDepth).to.equal(5000);
    expect(model.depth[5000]).to.equal(5000);
    expect(model.functionName.value(4999)).to.equal('recurse9');
    checkInvariants(model);
  });

  it('decodes a random 20,000-node tree and keeps its structure', () => {
    const spec = randomTreeSpec(20_000, 7);
    const model = decodeFlamegraph(buildFlamegraphRecord(spec, { indexWidth: 16 }));
    expect(model.size).to.equal(20_000);
    expect(Array.from(model.parent.subarray(1, 200))).to.deep.equal(Array.from(spec.parent as Int32Array).slice(1, 200));
    checkInvariants(model);
  });

  it('throws FlamegraphDecodeError on bytes that are not a flame graph record', () => {
    const record = buildFlamegraphRecord(twoStacks);
    const bad: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('definitely not arrow'), /not a readable Arrow stream/],
      [record.subarray(0, Math.floor(record.length / 2)), /Arrow stream|could not be read/],
    ];
    for (const [bytes, message] of bad) expect(() => decodeFlamegraph(bytes)).to.throw(FlamegraphDecodeError, message);
    // Corrupting the compressed body must fail as a decode error too, whatever byte is hit.
    for (let at = Math.floor(record.length / 2); at < record.length - 8; at += 97) {
      const corrupt = record.slice();
      corrupt[at] = corrupt[at]! ^ 0xff;
      try {
        decodeFlamegraph(corrupt);
      } catch (error) {
        expect(error, `byte ${at}`).to.be.instanceOf(FlamegraphDecodeError);
      }
    }
  });

  it('builds the children lists, depths and offsets from parents in breadth-first order and in any other parent-first order', () => {
    const tree = (parents: number[], values = parents.map(() => 1)) => {
      const { childStart, childIndex, depth, maxDepth, valueOffset } = treeFromParents(Int32Array.from(parents), Float64Array.from(values));
      const children = Array.from({ length: parents.length }, (_, row) => Array.from(childIndex.subarray(childStart[row], childStart[row + 1])));
      return { children, depth: Array.from(depth), maxDepth, offsets: Array.from(valueOffset) };
    };
    // Breadth-first (parents never go down from one row to the next), as Parca writes its rows.
    expect(tree([-1, 0, 0, 1, 1, 2], [10, 6, 4, 2, 3, 4])).to.deep.equal({
      children: [[1, 2], [3, 4], [5], [], [], []],
      depth: [0, 1, 1, 2, 2, 2],
      maxDepth: 2,
      offsets: [0, 0, 6, 0, 2, 6],
    });
    // Parent-first but not breadth-first: row 3 goes back to the root after row 2 went down.
    expect(tree([-1, 0, 1, 0, 2, 1], [10, 5, 3, 4, 1, 2])).to.deep.equal({
      children: [[1, 3], [2, 5], [4], [], [], []],
      depth: [0, 1, 2, 1, 3, 2],
      maxDepth: 3,
      offsets: [0, 0, 0, 5, 0, 3],
    });
    expect(tree([-1])).to.deep.equal({ children: [[]], depth: [0], maxDepth: 0, offsets: [0] });
    expect(tree([])).to.deep.equal({ children: [], depth: [], maxDepth: 0, offsets: [] });
    expect(() => tree([-1, 0, 3, 1])).to.throw(FlamegraphDecodeError, /row 2 has parent 3/);
    expect(() => tree([0, 0])).to.throw(FlamegraphDecodeError, /row 0 is not the root/);
  });

  it('places frames by the values of the siblings before them, negative ones too', () => {
    // A delta profile's frame can shrink: its value is negative, and so is the offset of the sibling after it.
    const model = decodeFlamegraph(buildFlamegraphRecord({ parent: [-1, 0, 0, 0], cumulative: [5, -3, 10, -2] }));
    expect(Array.from(model.cumulative)).to.deep.equal([5, -3, 10, -2]);
    expect(Array.from(model.valueOffset)).to.deep.equal([0, 0, -3, 7]);
  });

  it('rejects a tree whose rows are not parent-first', () => {
    const bytes = buildFlamegraphRecord({ parent: [-1, 2, 0], cumulative: [10, 5, 5] }, { omitChildren: true });
    expect(() => decodeFlamegraph(bytes)).to.throw(FlamegraphDecodeError, /not an earlier row/);
  });
});

/** Every array and every string of two models, row by row. */
function expectSameModel(actual: FlamegraphModel, expected: FlamegraphModel, label: string): void {
  expect(actual.size, label).to.equal(expected.size);
  expect(actual.maxDepth, label).to.equal(expected.maxDepth);
  expect(actual.total, label).to.equal(expected.total);
  const arrays = [
    'cumulative',
    'flat',
    'diff',
    'valueOffset',
    'depth',
    'parent',
    'childStart',
    'childIndex',
    'labelsOnly',
    'inlined',
    'locationLine',
    'functionStartLine',
  ] as const;
  for (const name of arrays) expect(Array.from(actual[name]), `${label}: ${name}`).to.deep.equal(Array.from(expected[name]));
  const strings = ['functionName', 'functionSystemName', 'functionFileName', 'mappingFile', 'mappingBuildId'] as const;
  for (const name of strings) {
    expect(actual[name].keyCount, `${label}: ${name} keys`).to.equal(expected[name].keyCount);
    for (let row = 0; row < actual.size; row++) {
      if (actual[name].key(row) !== expected[name].key(row) || actual[name].value(row) !== expected[name].value(row)) {
        expect(`${actual[name].key(row)} ${actual[name].value(row)}`, `${label}: ${name} at row ${row}`).to.equal(
          `${expected[name].key(row)} ${expected[name].value(row)}`,
        );
      }
    }
  }
  expect([...actual.labels.keys()], label).to.deep.equal([...expected.labels.keys()]);
  for (let row = 0; row < actual.size; row++) {
    // As strings: a bigint in a failed assertion cannot be serialized for the test report.
    const [a, e] = [String(actual.locationAddress.big(row)), String(expected.locationAddress.big(row))];
    if (a !== e) expect(a, `${label}: address at ${row}`).to.equal(e);
  }
}

/** A pause that counts how often the decoder gave the event loop a turn. */
function countingPause() {
  const counter = {
    pauses: 0,
    pause: () => {
      counter.pauses++;
      return Promise.resolve();
    },
  };
  return counter;
}

describe('decodeFlamegraphSliced', () => {
  it('gives the same model as decodeFlamegraph on records of every seeded profile type, pausing between slices', async () => {
    for (const type of await seededTypes()) {
      const { arrow } = await queryRecord(type);
      const counter = countingPause();
      const sliced = await decodeFlamegraphSliced(arrow.record, { sliceMs: 0, yieldToEventLoop: counter.pause });
      expect(counter.pauses, type).to.be.greaterThan(5);
      expectSameModel(sliced, decodeFlamegraph(arrow.record), type);
      checkInvariants(sliced);
    }
  });

  it('keeps a large record’s columns and slices its decompression', async () => {
    const spec = randomTreeSpec(60_000, 5);
    const bytes = buildFlamegraphRecord(spec, { valueWidth: 64, indexWidth: 16 });
    const counter = countingPause();
    const sliced = await decodeFlamegraphSliced(bytes, { sliceMs: 0, yieldToEventLoop: counter.pause });
    // More pauses than columns: a column's decompression is itself split.
    expect(counter.pauses).to.be.greaterThan(25);
    expectSameModel(sliced, decodeFlamegraph(bytes), 'random tree');
    expect(Array.from(sliced.cumulative.subarray(0, 100))).to.deep.equal(Array.from(spec.cumulative).slice(0, 100));
  });

  it('stops with the signal’s reason when aborted, and rejects bad bytes with FlamegraphDecodeError', async () => {
    const bytes = buildFlamegraphRecord(randomTreeSpec(5_000, 2));
    const abort = new AbortController();
    let pauses = 0;
    const decoding = decodeFlamegraphSliced(bytes, {
      sliceMs: 0,
      signal: abort.signal,
      yieldToEventLoop: () => {
        if (++pauses === 3) abort.abort(new Error('replaced'));
        return Promise.resolve();
      },
    });
    let reason: unknown;
    await decoding.catch((error: unknown) => (reason = error));
    expect(reason).to.equal(abort.signal.reason);
    let decodeError: unknown;
    await decodeFlamegraphSliced(bytes.subarray(0, bytes.length >> 1)).catch((error: unknown) => (decodeError = error));
    expect(decodeError).to.be.instanceOf(FlamegraphDecodeError);
  });

  it('finishes with the default pause (a message to self)', async () => {
    const bytes = buildFlamegraphRecord(randomTreeSpec(20_000, 4));
    expectSameModel(await decodeFlamegraphSliced(bytes, { sliceMs: 0 }), decodeFlamegraph(bytes), 'default pause');
  });
});

describe('decodeFlamegraph column storage', () => {
  it('reads records split into several batches like a single one', () => {
    const spec = randomTreeSpec(3_000, 9);
    const whole = decodeFlamegraph(buildFlamegraphRecord(spec, { indexWidth: 16 }));
    for (const maxBatchRows of [1_000, 777]) {
      expectSameModel(decodeFlamegraph(buildFlamegraphRecord(spec, { indexWidth: 16, maxBatchRows })), whole, `batches of ${maxBatchRows}`);
    }
  });

  it('keeps null keys apart from real ones when a dictionary uses every key of its type', () => {
    // 256 distinct names with 8-bit keys: no spare key value is left to mark the root's null name.
    const size = 258;
    const parent = Array.from({ length: size }, (_, row) => (row === 0 ? -1 : 0));
    const cumulative = Array.from({ length: size }, (_, row) => (row === 0 ? size - 1 : 1));
    const names = Array.from({ length: size }, (_, row) => (row === 0 ? null : `f${(row - 1) % 256}`));
    const model = decodeFlamegraph(buildFlamegraphRecord({ parent, cumulative, flat: cumulative.map((v, row) => (row === 0 ? 0 : v)), names }, { indexWidth: 8 }));
    expect(model.functionName.keyCount).to.equal(256);
    expect(model.functionName.key(0)).to.equal(-1);
    expect(model.functionName.value(256)).to.equal('f255');
    expect(model.functionName.value(257)).to.equal('f0');
    const keys = new Set(Array.from({ length: size - 1 }, (_, i) => model.functionName.key(i + 1)));
    expect(keys.size).to.equal(256);
  });

  it('keeps narrow columns at their own width and 64-bit values as doubles', () => {
    const model = decodeFlamegraph(buildFlamegraphRecord(randomTreeSpec(1_000, 3), { valueWidth: 64, diffWidth: 8 }));
    expect(model.cumulative).to.be.instanceOf(Float64Array);
    expect(model.diff).to.be.instanceOf(Int8Array);
    expect(model.locationLine).to.be.instanceOf(Uint16Array);
    expect(model.cumulative.length).to.equal(1_000);
    expect(model.diff.length).to.equal(1_000);
  });
});

describe('previewModel: the top levels of a large record', () => {
  /** Every row of the preview equals the full model's, and it holds every row of the levels it shows. */
  function expectTopLevels(preview: FlamegraphModel, full: FlamegraphModel, what: string): void {
    expect(preview.size, what).to.be.below(full.size);
    expect(preview.size, `${what}: the rows of the levels shown`).to.equal(full.depth.filter((depth) => depth <= preview.maxDepth).length);
    expect(preview.maxDepth, what).to.be.below(full.maxDepth);
    expect(preview.total, what).to.equal(full.total);
    for (let row = 0; row < preview.size; row++) {
      const same =
        preview.cumulative[row] === full.cumulative[row] &&
        preview.flat[row] === full.flat[row] &&
        preview.valueOffset[row] === full.valueOffset[row] &&
        preview.diff[row] === full.diff[row] &&
        preview.parent[row] === full.parent[row] &&
        preview.depth[row] === full.depth[row] &&
        preview.labelsOnly[row] === full.labelsOnly[row] &&
        preview.locationLine[row] === full.locationLine[row] &&
        preview.functionName.value(row) === full.functionName.value(row) &&
        preview.functionFileName.value(row) === full.functionFileName.value(row) &&
        preview.mappingFile.value(row) === full.mappingFile.value(row) &&
        frameName(preview, row) === frameName(full, row);
      if (!same) expect.fail(`${what}: row ${row} differs from the whole record's`);
    }
    // Children of the levels shown are complete, in the record's order.
    for (let row = 0; row < preview.size; row++) {
      if (preview.depth[row] === preview.maxDepth) continue;
      const children = (model: FlamegraphModel) => Array.from(model.childIndex.subarray(model.childStart[row], model.childStart[row + 1]));
      expect(children(preview), `${what}: children of ${row}`).to.deep.equal(children(full));
    }
  }

  it('holds every row of the levels whole within the first rows, each equal to the whole record’s', () => {
    const spec = { ...randomTreeSpec(60_000, 8), lines: Array.from({ length: 60_000 }, (_, row) => (row % 7 === 0 ? null : row % 300)) };
    for (const options of [{ valueWidth: 64, indexWidth: 16 }, { valueWidth: 32, indexWidth: 8, diffWidth: 16 }, { compress: false }] as const) {
      const bytes = buildFlamegraphRecord(spec, options);
      const full = decodeFlamegraph(bytes);
      for (const rows of [50, 4_096, 30_000]) {
        const preview = previewModel(openRecord(bytes), rows);
        if (!preview) expect.fail(`no preview of ${rows} rows (${JSON.stringify(options)})`);
        expect(preview.size).to.be.at.most(rows);
        expectTopLevels(preview, full, `${rows} rows, ${JSON.stringify(options)}`);
      }
    }
  });

  it('gives none for a record that is not breadth-first, fits in the rows, or comes in several batches', () => {
    // Sizes, not models: a failure reports a number rather than a whole model.
    const sizeOf = (bytes: Uint8Array, rows: number) => previewModel(openRecord(bytes), rows)?.size;
    // Parent-first but depth-first: row 3 (depth 1) follows row 2 (depth 2).
    const deep = { parent: [-1, 0, 1, 0, 3], cumulative: [4, 2, 1, 2, 1], flat: [0, 1, 1, 1, 1] };
    expect(sizeOf(buildFlamegraphRecord(deep), 4), 'depth-first').to.equal(undefined);
    const bytes = buildFlamegraphRecord(randomTreeSpec(3_000, 4));
    expect(sizeOf(bytes, 3_000), 'the whole record fits').to.equal(undefined);
    expect(sizeOf(buildFlamegraphRecord(randomTreeSpec(3_000, 4), { maxBatchRows: 1_000 }), 500), 'several batches').to.equal(undefined);
    // No level below the root is whole: a root with more children than the rows asked.
    const wide = {
      parent: Array.from({ length: 100 }, (_, row) => (row === 0 ? -1 : 0)),
      cumulative: Array.from({ length: 100 }, (_, row) => (row === 0 ? 99 : 1)),
    };
    expect(sizeOf(buildFlamegraphRecord(wide), 10), 'no whole level').to.equal(undefined);
  });

  it('is sent once by the sliced decode for a large record before the whole model, never for a small one', async () => {
    const spec = randomTreeSpec(PREVIEW_MIN_ROWS, 6);
    const bytes = buildFlamegraphRecord(spec, { valueWidth: 64, indexWidth: 16 });
    const previews: FlamegraphModel[] = [];
    let done = false;
    const model = await decodeFlamegraphSliced(bytes, { onPreview: (preview) => previews.push(preview) && done && expect.fail('after the model') }).then((m) => {
      done = true;
      return m;
    });
    expect(previews).to.have.length(1);
    expectTopLevels(previews[0]!, model, 'the sliced decode');
    const small: FlamegraphModel[] = [];
    await decodeFlamegraphSliced(buildFlamegraphRecord(randomTreeSpec(PREVIEW_MIN_ROWS - 1, 6)), { onPreview: (preview) => small.push(preview) });
    expect(small, 'below PREVIEW_MIN_ROWS').to.have.length(0);
  });
});
