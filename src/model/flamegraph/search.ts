// Search over function names: case-insensitive substring, or a regular expression written as /pattern/.
// Names are tested once per distinct name (the dictionary), not once per node.
import type { FlamegraphModel } from './decode.js';

export interface SearchResult {
  /** 1 where the row's function name matches. */
  readonly mask: Uint8Array;
  /** Matching rows, in row order. */
  readonly rows: Uint32Array;
  /** How many rows match. */
  readonly count: number;
  /** Value covered by the matches, each stack counted once even when matches nest. */
  readonly value: number;
  /** `value` as a fraction of the root's cumulative value (0 when the total is 0). */
  readonly fraction: number;
  /** Why the pattern could not be used (an invalid regular expression); nothing matches then. */
  readonly error?: string;
}

/** Builds the matcher for a query: `/re/` is a regular expression, anything else a plain substring. */
export function compileSearch(query: string): { test: (name: string) => boolean; error?: string } {
  const regex = /^\/(.+)\/$/.exec(query.trim());
  if (regex) {
    try {
      const pattern = new RegExp(regex[1]!, 'i');
      return { test: (name) => pattern.test(name) };
    } catch (error) {
      return { test: () => false, error: `invalid regular expression: ${(error as Error).message}` };
    }
  }
  const needle = query.trim().toLowerCase();
  return { test: (name) => name.toLowerCase().includes(needle) };
}

const NO_MATCH: Omit<SearchResult, 'mask'> = { rows: new Uint32Array(0), count: 0, value: 0, fraction: 0 };

export function searchFlamegraph(model: FlamegraphModel, query: string): SearchResult {
  const mask = new Uint8Array(model.size);
  if (query.trim() === '' || model.size === 0) return { ...NO_MATCH, mask };
  const { test, error } = compileSearch(query);
  if (error) return { ...NO_MATCH, mask, error };
  const names = model.functionName;
  const keyMatches = new Uint8Array(names.keyCount);
  for (let key = 0; key < names.keyCount; key++) keyMatches[key] = test(names.text(key)) ? 1 : 0;
  // covered[row]: the row or an ancestor matches. Parents come before children, so one pass suffices.
  const covered = new Uint8Array(model.size);
  const rows: number[] = [];
  let value = 0;
  for (let row = 1; row < model.size; row++) {
    const key = names.key(row);
    const parentCovered = covered[model.parent[row]!]!;
    if (key >= 0 && keyMatches[key]) {
      mask[row] = 1;
      rows.push(row);
      if (!parentCovered) value += model.cumulative[row]!;
      covered[row] = 1;
    } else {
      covered[row] = parentCovered;
    }
  }
  const total = model.cumulative[0]!;
  return { mask, rows: Uint32Array.from(rows), count: rows.length, value, fraction: total > 0 ? value / total : 0 };
}
