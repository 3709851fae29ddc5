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
