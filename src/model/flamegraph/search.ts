// Search over function names: case-insensitive substring, or a regular expression written as /pattern/.
// Names are tested once per distinct name (the dictionary), not once per node.
import type { FlamegraphModel } from './decode.js';

export interface SearchResult {
  /** 1 where the row's function name matches. */
  readonly mask: Uint8Array;
  /** Matching rows in the order stepping visits them: depth-first, left to right (ordered on first read). */
  readonly rows: Uint32Array;
  /** How many rows match. */
  readonly count: number;
  /** Where `row` is in `rows` (-1 when it does not match), without ordering every match to find out. */
  indexOf(row: number): number;
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

/** The search for one whole function name (case aside, like every search), as an anchored regular expression. */
export function exactNameSearch(name: string): string {
  return `/^${name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$/`;
}

/** The name an exactNameSearch() was made for, or '' when `search` is not one. */
export function nameOfExactSearch(search: string): string {
  const body = /^\/\^(.*)\$\/$/.exec(search)?.[1];
  return body === undefined ? '' : body.replace(/\\(.)/g, '$1');
}

const NO_MATCH: Omit<SearchResult, 'mask'> = { rows: new Uint32Array(0), count: 0, value: 0, fraction: 0, indexOf: () => -1 };

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
  const matched = new Uint32Array(model.size);
  const { parent, cumulative } = model;
  let count = 0;
  let value = 0;
  for (let row = 1; row < model.size; row++) {
    const key = names.key(row);
    const parentCovered = covered[parent[row]!]!;
    if (key >= 0 && keyMatches[key]) {
      mask[row] = 1;
      matched[count++] = row;
      if (!parentCovered) value += cumulative[row]!;
      covered[row] = 1;
    } else {
      covered[row] = parentCovered;
    }
  }
  const total = model.cumulative[0]!;
  // Ordered for stepping only when a step asks: sorting a few hundred thousand matches costs tens of ms, and
  // most searches are typed and read, not stepped through.
  let ordered: Uint32Array | undefined;
  return {
    mask,
    get rows() {
      return (ordered ??= matched.slice(0, count).sort((a, b) => compareRows(model, a, b)));
    },
    count,
    indexOf(row: number): number {
      if (!mask[row]) return -1;
      if (ordered) return ordered.indexOf(row);
      // The matches that come before it, one comparison each: linear, where ordering them all is n log n.
      let before = 0;
      for (let i = 0; i < count; i++) if (compareRows(model, matched[i]!, row) < 0) before++;
      return before;
    },
    value,
    fraction: total > 0 ? value / total : 0,
  };
}

/**
 * Depth-first, left to right. A frame starts where its leftmost child starts and siblings do not overlap, so
 * sorting by (value offset, depth) is that order without walking the whole tree; the row number breaks ties
 * between zero-width frames so the order is always the same.
 */
function compareRows(model: FlamegraphModel, a: number, b: number): number {
  return model.valueOffset[a]! - model.valueOffset[b]! || model.depth[a]! - model.depth[b]! || a - b;
}

/**
 * The match a step lands on from `from` (any row): the next (1) or previous (-1) match in `order` (a search's
 * `rows`), wrapping around. From a row that is not a match, the nearest match after (or before) it in the same
 * order. -1 when there are no matches.
 */
export function stepMatch(model: FlamegraphModel, order: Uint32Array, from: number, direction: 1 | -1): number {
  const n = order.length;
  // A linear scan: one step per key press, and matches are far fewer than frames.
  let at = order.findIndex((row) => compareRows(model, row, from) >= 0);
  if (at < 0) at = n;
  if (direction === 1 && order[at] === from) at++;
  return n ? order[(direction === 1 ? at : at + n - 1) % n]! : -1;
}
