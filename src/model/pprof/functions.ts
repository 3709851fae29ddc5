// Per-function figures from a profile's samples, with pprof's meaning: a sample adds its value to the flat
// value of the innermost function of its leaf, and to the cumulative value of every distinct function on its
// stack once, however often the function recurs. Parca's own table counts a recursive function once per
// occurrence (more than the total); flame graphs, search and export agree with this meaning.
import { textColumn } from '../arrow/text-column.js';
import { baseName } from '../flamegraph/names.js';
import type { FunctionTable } from '../flamegraph/table.js';
import type { TreeFrame } from '../flamegraph/tree.js';
import type { PprofProfile } from './decode.js';

/** A frame of a stack: a function of one of a location's lines, or an unsymbolized location. */
export type ProfileFrame = TreeFrame;

const framesCache = new WeakMap<PprofProfile, ProfileFrame[][]>();

/** Each location's frames, innermost (inlined) first; an unsymbolized one is named by its binary and address. */
export function locationFrames(profile: PprofProfile): ProfileFrame[][] {
  let frames = framesCache.get(profile);
  if (!frames) {
    frames = profile.locations.map((location) => {
      const binary = location.mapping >= 0 ? profile.mappings[location.mapping]!.file : '';
      if (location.functions.length === 0) {
        const name = location.address ? `${baseName(binary) ? `${baseName(binary)} ` : ''}0x${location.address.toString(16)}` : baseName(binary) || '<unknown>';
        return [{ name, file: '', binary }];
      }
      return location.functions.map((index) => {
        const fn = profile.functions[index]!;
        return { name: fn.name || fn.systemName || '<unknown>', file: fn.file, binary };
      });
    });
    framesCache.set(profile, frames);
  }
  return frames;
}

/** The frames of sample `i`, leaf first. */
export function sampleFrames(profile: PprofProfile, i: number): ProfileFrame[] {
  const frames = locationFrames(profile);
  const out: ProfileFrame[] = [];
  for (const location of profile.stacks[i]!) out.push(...frames[location]!);
  return out;
}

/** Sum of every sample's value. */
export function profileTotal(profile: PprofProfile): number {
  let total = 0;
  for (const value of profile.values) total += value;
  return total;
}

interface Rows {
  readonly rowOf: Map<string, number>;
  readonly frames: ProfileFrame[];
}

/** Adds each function's flat and cumulative values of `profile` into `flat` and `cumulative`, by row. */
function accumulate(profile: PprofProfile, rows: Rows, flat: number[], cumulative: number[]): void {
  const frames = locationFrames(profile);
  // The rows of each location's frames, found once per location rather than once per sample.
  const locationRows = frames.map((list) =>
    list.map((frame) => {
      let row = rows.rowOf.get(frame.name);
      if (row === undefined) {
        row = rows.frames.push(frame) - 1;
        rows.rowOf.set(frame.name, row);
      }
      return row;
    }),
  );
  const stamp: number[] = [];
  profile.stacks.forEach((stack, sample) => {
    const value = profile.values[sample]!;
    for (let k = 0; k < stack.length; k++) {
      const list = locationRows[stack[k]!]!;
      for (let j = 0; j < list.length; j++) {
        const row = list[j]!;
        if (k === 0 && j === 0) flat[row] = (flat[row] ?? 0) + value;
        // Once per sample, however often the function recurs on its stack.
        if (stamp[row] !== sample + 1) {
          stamp[row] = sample + 1;
          cumulative[row] = (cumulative[row] ?? 0) + value;
        }
      }
    }
  });
}

/**
 * The function table of `profile`; with a `baseline`, also how each function changed: comparison − baseline ×
 * `scale` (the ratio of the totals for a relative diff, 1 for an absolute one).
 */
export function functionTable(profile: PprofProfile, baseline?: { readonly profile: PprofProfile; readonly scale: number }): FunctionTable {
  const rows: Rows = { rowOf: new Map(), frames: [] };
  const flat: number[] = [];
  const cumulative: number[] = [];
  accumulate(profile, rows, flat, cumulative);
  const baseFlat: number[] = [];
  const baseCumulative: number[] = [];
  if (baseline) accumulate(baseline.profile, rows, baseFlat, baseCumulative);
  const size = rows.frames.length;
  const column = (values: number[]) => Float64Array.from({ length: size }, (_, row) => values[row] ?? 0);
  const diff = (values: number[], base: number[]) =>
    Float64Array.from({ length: size }, (_, row) => (baseline ? (values[row] ?? 0) - (base[row] ?? 0) * baseline.scale : 0));
  return {
    size,
    flat: column(flat),
    cumulative: column(cumulative),
    flatDiff: diff(flat, baseFlat),
    cumulativeDiff: diff(cumulative, baseCumulative),
    functionName: textColumn(rows.frames.map((f) => f.name)),
    functionFileName: textColumn(rows.frames.map((f) => f.file)),
    mappingFile: textColumn(rows.frames.map((f) => f.binary)),
  };
}
