// A function's callers and callees from a profile's samples, each a flame graph whose root holds every sample
// through the function once (its cumulative value, as in the function table). As in Parca's UI, callers are cut
// at the function's outermost occurrence on a stack and callees at its innermost, so recursion folds away.
import type { FlamegraphModel } from '../flamegraph/decode.js';
import { TreeBuilder } from '../flamegraph/tree.js';
import type { PprofProfile } from './decode.js';
import { sampleFrames } from './functions.js';

export interface Sandwich {
  /** Root → the function → its callers, outward. */
  readonly callers: FlamegraphModel;
  /** Root → the function → what it called, down to the leaves. */
  readonly callees: FlamegraphModel;
}

export function sandwichOf(profile: PprofProfile, name: string): Sandwich {
  const callers = new TreeBuilder();
  const callees = new TreeBuilder();
  profile.stacks.forEach((_, sample) => {
    const frames = sampleFrames(profile, sample);
    const inner = frames.findIndex((frame) => frame.name === name);
    if (inner < 0) return;
    let outer = inner;
    for (let k = frames.length - 1; k > inner; k--) {
      if (frames[k]!.name === name) {
        outer = k;
        break;
      }
    }
    const value = profile.values[sample]!;
    callers.add(frames.slice(outer), value);
    callees.add(frames.slice(0, inner + 1).reverse(), value);
  });
  return { callers: callers.build(), callees: callees.build() };
}

/** A function next to another on the stacks: its name and the value of the samples through both. */
export interface Neighbour {
  readonly name: string;
  readonly value: number;
}

/**
 * The direct callers and callees of a sandwich's function, each name once with its value summed, largest first
 * (ties by name): what a table row shows when expanded. A stack that starts or ends at the function adds nothing.
 */
export function neighboursOf(sandwich: Sandwich): { callers: Neighbour[]; callees: Neighbour[] } {
  const next = (model: FlamegraphModel): Neighbour[] => {
    const values = new Map<string, number>();
    const { childStart, childIndex } = model;
    // Root → the function (one child per file or binary it was seen in) → its neighbours.
    for (let i = childStart[0] ?? 0; i < (childStart[1] ?? 0); i++) {
      const own = childIndex[i]!;
      for (let j = childStart[own]!; j < childStart[own + 1]!; j++) {
        const row = childIndex[j]!;
        const name = model.functionName.value(row) || '<unknown>';
        values.set(name, (values.get(name) ?? 0) + model.cumulative[row]!);
      }
    }
    return [...values].map(([name, value]) => ({ name, value })).sort((a, b) => b.value - a.value || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return { callers: next(sandwich.callers), callees: next(sandwich.callees) };
}
