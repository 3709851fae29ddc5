// Everything the function table and the sandwich compute from a query's samples, as one module that the flame
// graph loads on first use: a page that never opens either never downloads it.
import { decodePprof, gunzipIfNeeded, type PprofProfile } from './decode.js';
import { functionTable, profileTotal } from './functions.js';
import { type Neighbour, type Sandwich, neighboursOf, sandwichOf } from './sandwich.js';
import type { FunctionTable } from '../flamegraph/table.js';

export { decodePprof, gunzipIfNeeded, profileTotal };

/** A query's samples (and a baseline's), with the figures computed from them on first use. */
export class ProfileSamples {
  #table: FunctionTable | undefined;
  readonly #sandwiches = new Map<string, Sandwich>();

  constructor(
    readonly profile: PprofProfile,
    /** The baseline's samples and the factor that scales them, for a diff. */
    readonly baseline: { readonly profile: PprofProfile; readonly scale: number } | undefined,
  ) {}

  /** The function table (see functions.ts), with changes per function when there is a baseline. */
  table(): FunctionTable {
    return (this.#table ??= functionTable(this.profile, this.baseline));
  }

  /** The callers and callees of `name` (see sandwich.ts). */
  sandwich(name: string): Sandwich {
    let sandwich = this.#sandwiches.get(name);
    if (!sandwich) this.#sandwiches.set(name, (sandwich = sandwichOf(this.profile, name)));
    return sandwich;
  }

  /** The direct callers and callees of `name` (see neighboursOf). */
  neighbours(name: string): { callers: Neighbour[]; callees: Neighbour[] } {
    return neighboursOf(this.sandwich(name));
  }
}
