// Parca's flame chart record (REPORT_TYPE_FLAMECHART): the flame graph's Arrow columns plus `timestamp`, the
// moment (unix ns) a frame started; its `cumulative` value is how long it ran (ns). Equal stacks of consecutive
// samples are one frame; the same function runs again later as another frame. This file decodes the record and
// indexes each depth's frames by time, so a view finds the frames of any window without visiting the others.
import { type RecordReader, openRecord } from '../arrow/record.js';
import { type FlamegraphModel, FlamegraphDecodeError, asDecodeError, checkParents, columnSteps, depthsFromParents, emptyModel } from '../flamegraph/decode.js';
import { type SliceOptions, runSteps, runStepsSliced } from '../steps.js';

export interface Timeline {
  readonly model: FlamegraphModel;
  /** When each row's frame started and ended, epoch ms (the root spans the window). */
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  /** The rows of depth d, by start: `order[levelStart[d] .. levelStart[d + 1])`. */
  readonly levelStart: Uint32Array;
  readonly order: Uint32Array;
  /** For position i of `order`, the latest end of the frames at positions levelStart[d] .. i (frames may overlap). */
  readonly reach: Float64Array;
  /** The earliest start and latest end of any frame (the root aside); 0 and 0 when there is none. */
  readonly firstMs: number;
  readonly lastMs: number;
}

const NS_PER_MS = 1e6;

/**
 * Each depth's frames by start. Parca's rows are breadth-first, so a depth is a run of rows and `order` is the rows
 * themselves; a run is sorted only where parents overlap (several samples at one moment), which is rare.
 */
function* indexSteps(model: FlamegraphModel, startMs: Float64Array, endMs: Float64Array): Generator<void, Pick<Timeline, 'levelStart' | 'order' | 'reach'>> {
  const { size, depth } = model;
  const depths = model.maxDepth + 1;
  const levelStart = new Uint32Array(depths + 1);
  let runs = true;
  for (let row = 0; row < size; row++) {
    levelStart[depth[row]! + 1]!++;
    if (row > 0 && depth[row]! < depth[row - 1]!) runs = false;
  }
  for (let d = 0; d < depths; d++) levelStart[d + 1]! += levelStart[d]!;
  const order = new Uint32Array(size);
  if (runs) {
    for (let i = 0; i < size; i++) order[i] = i;
  } else {
    const fill = levelStart.slice(0, depths);
    for (let row = 0; row < size; row++) order[fill[depth[row]!]!++] = row;
  }
  yield;
  const reach = new Float64Array(size);
  for (let d = 0; d < depths; d++) {
    const from = levelStart[d]!;
    const to = levelStart[d + 1]!;
    if (!reachOf(order, startMs, endMs, reach, from, to)) {
      order.subarray(from, to).sort((a, b) => startMs[a]! - startMs[b]! || a - b);
      reachOf(order, startMs, endMs, reach, from, to);
    }
  }
  return { levelStart, order, reach };
}

/** Fills `reach` for positions [from, to) of `order`; false (and `reach` unusable) when they are not by start. */
function reachOf(order: Uint32Array, startMs: Float64Array, endMs: Float64Array, reach: Float64Array, from: number, to: number): boolean {
  let latest = -Infinity;
  let previous = -Infinity;
  for (let i = from; i < to; i++) {
    const row = order[i]!;
    const start = startMs[row]!;
    if (start < previous) return false;
    previous = start;
    const end = endMs[row]!;
    if (end > latest) latest = end;
    reach[i] = latest;
  }
  return true;
}

/**
 * The flame graph model of a chart's record with only the columns a chart draws, colors, names and searches by;
 * the others (children lists, value offsets, diff, lines, labels) are left empty, which saves about half of the
 * decode of a large record.
 */
function* chartModelSteps(record: RecordReader): Generator<void, FlamegraphModel> {
  if (!record.has('cumulative') || !record.has('parent'))
    throw new FlamegraphDecodeError('the record has no cumulative or parent column: it is not a Parca flame chart');
  const size = record.size;
  const read = columnSteps(record);
  const cumulative = yield* read('cumulative', (name) => record.doubles(name, true));
  const parent = yield* read('parent', (name) => record.int32(name));
  checkParents(parent);
  const { depth, maxDepth } = depthsFromParents(parent);
  yield;
  const flat = yield* read('flat', (name) => record.doubles(name, true));
  const labelsOnly = yield* read('labels_only', (name) => record.flags(name));
  const locationAddress = yield* read('location_address', (name) => record.raw(name));
  const strings = (name: string) => read(name, (column) => record.strings(column));
  const functionName = yield* strings('function_name');
  const functionFileName = yield* strings('function_file_name');
  const mappingFile = yield* strings('mapping_file');
  const none = new Uint8Array(size);
  return {
    ...emptyModel(),
    size,
    cumulative,
    flat,
    diff: none,
    valueOffset: new Float64Array(size),
    depth,
    parent,
    childStart: new Uint32Array(size + 1),
    labelsOnly,
    inlined: none,
    locationLine: none,
    functionStartLine: none,
    locationAddress,
    functionName,
    functionFileName,
    mappingFile,
    maxDepth,
    total: size > 0 ? cumulative[0]! : 0,
  };
}

function* decodeSteps(bytes: Uint8Array): Generator<void, Timeline> {
  if (bytes.length === 0) return emptyTimeline();
  const record = openRecord(bytes);
  if (!record.has('timestamp')) throw new FlamegraphDecodeError('the record has no timestamp column: it is a flame graph, not a flame chart');
  const model = yield* chartModelSteps(record);
  yield* record.load('timestamp');
  const timestamps = record.doubles('timestamp');
  yield;
  const startMs = new Float64Array(model.size);
  const endMs = new Float64Array(model.size);
  let firstMs = Infinity;
  let lastMs = -Infinity;
  for (let row = 1; row < model.size; row++) {
    // Unix nanoseconds are beyond a double's 2^53: read as doubles they are off by up to 128 ns. Rounded to the
    // microsecond they are exact again (to the nanosecond, a chart has no use), and whole milliseconds stay whole.
    startMs[row] = Math.round(timestamps[row]! / 1e3) / 1e3;
    endMs[row] = startMs[row]! + Math.max(0, model.cumulative[row]!) / NS_PER_MS;
    if (startMs[row]! < firstMs) firstMs = startMs[row]!;
    if (endMs[row]! > lastMs) lastMs = endMs[row]!;
  }
  if (!Number.isFinite(firstMs)) firstMs = lastMs = 0;
  const index = yield* indexSteps(model, startMs, endMs);
  // The root has no time of its own: it spans every frame.
  if (model.size > 0) {
    startMs[0] = firstMs;
    endMs[0] = lastMs;
  }
  return { model, startMs, endMs, ...index, firstMs, lastMs };
}

/** The timeline of a record with no rows. */
function emptyTimeline(): Timeline {
  const none = new Float64Array(0);
  return { model: emptyModel(), startMs: none, endMs: none, levelStart: new Uint32Array(1), order: new Uint32Array(0), reach: none, firstMs: 0, lastMs: 0 };
}

/** Decodes a flame chart record; throws FlamegraphDecodeError on anything malformed. */
export function decodeTimeline(bytes: Uint8Array): Timeline {
  try {
    return runSteps(decodeSteps(bytes));
  } catch (error) {
    throw asDecodeError(error);
  }
}

/** decodeTimeline in slices between which the page runs (no long task for a million frames). */
export async function decodeTimelineSliced(bytes: Uint8Array, options: SliceOptions = {}): Promise<Timeline> {
  try {
    return await runStepsSliced(decodeSteps(bytes), options);
  } catch (error) {
    if (options.signal?.aborted && error === options.signal.reason) throw error;
    throw asDecodeError(error);
  }
}

/** The first position of depth `depth` in `order` whose frame may reach past `fromMs` (frames before it all end earlier). */
export function firstReaching(timeline: Timeline, depth: number, fromMs: number): number {
  let lo = timeline.levelStart[depth]!;
  let hi = timeline.levelStart[depth + 1]!;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (timeline.reach[mid]! > fromMs) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Calls `visit(row)` for each frame of `depth` that overlaps [fromMs, toMs), in order of start. */
export function forEachInWindow(timeline: Timeline, depth: number, fromMs: number, toMs: number, visit: (row: number) => void): void {
  const end = timeline.levelStart[depth + 1]!;
  for (let i = firstReaching(timeline, depth, fromMs); i < end; i++) {
    const row = timeline.order[i]!;
    if (timeline.startMs[row]! >= toMs) break;
    if (timeline.endMs[row]! > fromMs) visit(row);
  }
}

/** How much of a frame lies in [fromMs, toMs), ms. */
export function overlapMs(timeline: Timeline, row: number, fromMs: number, toMs: number): number {
  return Math.max(0, Math.min(toMs, timeline.endMs[row]!) - Math.max(fromMs, timeline.startMs[row]!));
}

/**
 * What ran in [fromMs, toMs): the time of the top-level frames inside it, in the record's unit (ns), each frame
 * counted for the part of it in the window.
 */
export function windowTotal(timeline: Timeline, fromMs: number, toMs: number): number {
  if (timeline.model.maxDepth < 1) return 0;
  let total = 0;
  forEachInWindow(timeline, 1, fromMs, toMs, (row) => {
    total += overlapMs(timeline, row, fromMs, toMs) * NS_PER_MS;
  });
  return total;
}

/**
 * The frame of `depth` running at `atMs`, or -1. Where frames of one depth overlap (several samples at one moment)
 * it is the first by start, the one the chart draws there.
 */
export function rowAt(timeline: Timeline, depth: number, atMs: number): number {
  if (depth < 1 || depth > timeline.model.maxDepth) return -1;
  const end = timeline.levelStart[depth + 1]!;
  for (let i = firstReaching(timeline, depth, atMs); i < end; i++) {
    const row = timeline.order[i]!;
    if (timeline.startMs[row]! > atMs) break;
    if (timeline.endMs[row]! > atMs) return row;
  }
  return -1;
}
