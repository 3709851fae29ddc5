// A flame graph's view (focus, search, sandwich and analysis options) as plain values, in and out of the page
// URL, so a link restores what someone was looking at. Pure: no DOM.
import type { FlamegraphModel } from './decode.js';
import { frameName } from './names.js';

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
  /** Filter presets by key (filter-presets.ts). */
  readonly presets: readonly string[];
  readonly baselineFrom: string;
  readonly baselineTo: string;
  readonly diffAbsolute: boolean;
  /** Which end of a frame its name is drawn against (and kept when cut): `left` or `right`. */
  readonly labelAlign: string;
}

export const EMPTY_VIEW: FlamegraphView = Object.freeze({
  focus: [],
  search: '',
  sandwich: '',
  invert: false,
  groupBy: [],
  filters: '',
  presets: [],
  baselineFrom: '',
  baselineTo: '',
  diffAbsolute: false,
  labelAlign: 'left',
});

/** How a view field is written: text, a flag (`1`), or a comma-separated list. */
export type ViewFieldKind = 'text' | 'flag' | 'list';

/** A field of the view besides the focus: its name, the URL key it is kept under, and how it is written. */
export interface ViewField {
  readonly name: Exclude<keyof FlamegraphView, 'focus'>;
  /** Short, because links get pasted into chats and tickets. */
  readonly key: string;
  readonly kind: ViewFieldKind;
  /** A text field's value when the URL has no key for it (and the value that writes none); '' unless said. */
  readonly default?: string;
}

/** Every field of the view besides the focus: one list for the URL, the view a graph reports and the one it applies. */
export const VIEW_FIELDS: readonly ViewField[] = [
  { name: 'search', key: 'search', kind: 'text' },
  { name: 'sandwich', key: 'sandwich', kind: 'text' },
  { name: 'invert', key: 'invert', kind: 'flag' },
  { name: 'groupBy', key: 'group', kind: 'list' },
  { name: 'filters', key: 'filters', kind: 'text' },
  { name: 'presets', key: 'presets', kind: 'list' },
  { name: 'baselineFrom', key: 'bfrom', kind: 'text' },
  { name: 'baselineTo', key: 'bto', kind: 'text' },
  { name: 'diffAbsolute', key: 'abs', kind: 'flag' },
  { name: 'labelAlign', key: 'align', kind: 'text', default: 'left' },
];

/** Writes `view` under `prefix` into a copy of `params`; default values leave no key, other keys are kept. */
export function writeViewParams(params: URLSearchParams, prefix: string, view: FlamegraphView): URLSearchParams {
  const next = new URLSearchParams(params);
  const key = (field: string) => `${prefix}.${field}`;
  // One `focus` key per level: function names may contain any separator one could pick.
  next.delete(key('focus'));
  for (const name of view.focus) next.append(key('focus'), name);
  for (const field of VIEW_FIELDS) {
    const value = view[field.name];
    const text = field.kind === 'flag' ? (value ? '1' : '') : field.kind === 'list' ? (value as readonly string[]).join(',') : (value as string);
    if (text && text !== field.default) next.set(key(field.key), text);
    else next.delete(key(field.key));
  }
  return next;
}

/** Every URL key of a view. */
const VIEW_KEYS: ReadonlySet<string> = new Set(['focus', ...VIEW_FIELDS.map((field) => field.key)]);

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
    if (VIEW_KEYS.has(rest.slice(dot + 1)) && id !== 'base' && id !== 'point') ids.add(id);
  }
  return [...ids];
}

/** The view the URL holds under `prefix` (absent keys give defaults); undefined when it holds none. */
export function readViewParams(params: URLSearchParams, prefix: string): FlamegraphView | undefined {
  const key = (field: string) => `${prefix}.${field}`;
  if (![...VIEW_KEYS].some((name) => params.has(key(name)))) return undefined;
  const view: Record<string, unknown> = { focus: params.getAll(key('focus')).filter((name) => name !== '') };
  for (const field of VIEW_FIELDS) {
    const text = params.get(key(field.key)) ?? field.default ?? '';
    view[field.name] =
      field.kind === 'flag'
        ? ['1', 'true'].includes(text)
        : field.kind === 'list'
          ? text
              .split(',')
              .map((item) => item.trim())
              .filter((item) => item !== '')
          : text;
  }
  return Object.freeze(view as unknown as FlamegraphView);
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
