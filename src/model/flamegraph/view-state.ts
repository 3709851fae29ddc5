// A flame graph's view (focus, search, sandwich and analysis options) as plain values, in and out of the page
// URL, so a link restores what someone was looking at. Pure: no DOM.
import type { FlamegraphModel } from './decode.js';
import { frameName } from './decode.js';

export interface FlamegraphView {
  /** Function names from the root's child down to the focused frame; empty for the whole graph. */
  readonly focus: readonly string[];
  readonly search: string;
  /** The function a sandwich view is centred on; empty for none. */
  readonly sandwich: string;
  readonly invert: boolean;
  readonly groupBy: readonly string[];
  /** Filters as the `filters` attribute writes them (see filters.ts). */
  readonly filters: string;
  readonly compareFrom: string;
  readonly compareTo: string;
  readonly diffAbsolute: boolean;
}

export const EMPTY_VIEW: FlamegraphView = Object.freeze({
  focus: [],
  search: '',
  sandwich: '',
  invert: false,
  groupBy: [],
  filters: '',
  compareFrom: '',
  compareTo: '',
  diffAbsolute: false,
});

// URL field names: short, because links get pasted into chats and tickets.
const TEXT_FIELDS = { search: 'search', sandwich: 'sandwich', filters: 'filters', compareFrom: 'cfrom', compareTo: 'cto' } as const;
const FLAG_FIELDS = { invert: 'invert', diffAbsolute: 'abs' } as const;

/** Writes `view` under `prefix` into a copy of `params`; default values leave no key, other keys are kept. */
export function writeViewParams(params: URLSearchParams, prefix: string, view: FlamegraphView): URLSearchParams {
  const next = new URLSearchParams(params);
  const key = (field: string) => `${prefix}.${field}`;
  // One `focus` key per level: function names may contain any separator one could pick.
  next.delete(key('focus'));
  for (const name of view.focus) next.append(key('focus'), name);
  for (const [field, name] of Object.entries(TEXT_FIELDS) as [keyof typeof TEXT_FIELDS, string][]) {
    if (view[field]) next.set(key(name), view[field]);
    else next.delete(key(name));
  }
  for (const [field, name] of Object.entries(FLAG_FIELDS) as [keyof typeof FLAG_FIELDS, string][]) {
    if (view[field]) next.set(key(name), '1');
    else next.delete(key(name));
  }
  if (view.groupBy.length) next.set(key('group'), view.groupBy.join(','));
  else next.delete(key('group'));
  return next;
}

/** Every URL field of a view. */
const VIEW_FIELDS: ReadonlySet<string> = new Set(['focus', 'group', ...Object.values(TEXT_FIELDS), ...Object.values(FLAG_FIELDS)]);

/**
 * The flame graph ids with a view under a source's `prefix`: `<prefix>.<field>` is the view of a flame graph with
 * no id, `<prefix>.<id>.<field>` that of the one with that id (`base` and `point` are the source's baseline and picked point, not views).
 */
export function viewIdsInParams(params: URLSearchParams, prefix: string): string[] {
  const ids = new Set<string>();
  for (const key of params.keys()) {
    if (!key.startsWith(`${prefix}.`)) continue;
    const rest = key.slice(prefix.length + 1);
    const dot = rest.lastIndexOf('.');
    const id = dot < 0 ? '' : rest.slice(0, dot);
    if (VIEW_FIELDS.has(rest.slice(dot + 1)) && id !== 'base' && id !== 'point') ids.add(id);
  }
  return [...ids];
}

/** The view the URL holds under `prefix` (absent keys give defaults); undefined when it holds none. */
export function readViewParams(params: URLSearchParams, prefix: string): FlamegraphView | undefined {
  const key = (field: string) => `${prefix}.${field}`;
  if (![...VIEW_FIELDS].some((name) => params.has(key(name)))) return undefined;
  const text = (name: string) => params.get(key(name)) ?? '';
  const flag = (name: string) => ['1', 'true'].includes(text(name));
  return Object.freeze({
    focus: params.getAll(key('focus')).filter((name) => name !== ''),
    search: text(TEXT_FIELDS.search),
    sandwich: text(TEXT_FIELDS.sandwich),
    invert: flag(FLAG_FIELDS.invert),
    groupBy: text('group')
      .split(',')
      .map((field) => field.trim())
      .filter((field) => field !== ''),
    filters: text(TEXT_FIELDS.filters),
    compareFrom: text(TEXT_FIELDS.compareFrom),
    compareTo: text(TEXT_FIELDS.compareTo),
    diffAbsolute: flag(FLAG_FIELDS.diffAbsolute),
  });
}

export function sameView(a: FlamegraphView, b: FlamegraphView): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The names on the way from the root (excluded) to `row`: a focus that survives a reload, unlike row numbers. */
export function focusPathOf(model: FlamegraphModel, row: number): string[] {
  const names: string[] = [];
  for (let current = row; current > 0; current = model.parent[current]!) names.push(frameName(model, current));
  return names.reverse();
}

/**
 * The row a focus path leads to, following children by name from the root: the widest child of that name at
 * each level. A path that no longer matches all the way stops at the deepest frame it reached.
 */
export function rowOfFocusPath(model: FlamegraphModel, path: readonly string[]): number {
  if (model.size === 0) return 0;
  let row = 0;
  for (const name of path) {
    let found = -1;
    for (let i = model.childStart[row]!; i < model.childStart[row + 1]!; i++) {
      const child = model.childIndex[i]!;
      if (frameName(model, child) === name && (found < 0 || model.cumulative[child]! > model.cumulative[found]!)) found = child;
    }
    if (found < 0) break;
    row = found;
  }
  return row;
}
