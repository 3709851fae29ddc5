// The flame graph's option properties, in one base class: what the graph asks (invert, group-by, filters, a
// baseline), how it draws (orientation, colors) and what it shows around it (search, sandwich, table, controls).
// The view a page keeps (search, sandwich, analysis options: VIEW_FIELDS) is read from and applied to them here.
import { property } from 'lit/decorators.js';
import { COLOR_BY, type ColorBy } from '../../model/flamegraph/colors.js';
import type { DiffPalette } from '../../model/flamegraph/diff-colors.js';
import { LABEL_ALIGNS, type LabelAlign } from '../../model/flamegraph/label-fit.js';
import { type FrameFilter, formatFilters, parseFilters } from '../../model/flamegraph/filters.js';
import { type FlamegraphView, VIEW_FIELDS } from '../../model/flamegraph/view-state.js';
import type { QueryState } from '../../model/query-state.js';
import { ParcaElement } from '../parca-element.js';
import type { Orientation } from './renderer.js';

/** `group-by="binary, labels.api"` ⇄ ['binary', 'labels.api']. */
export const listConverter = {
  fromAttribute: (value: string | null): string[] =>
    value
      ? value
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '')
      : [],
  toAttribute: (value: readonly string[]): string => value.join(', '),
};

/** `filters="function_name ~ runtime; binary != libc.so.6"` ⇄ filter objects; an unreadable attribute is kept as text to report. */
export const filtersConverter = {
  fromAttribute: (value: string | null): FrameFilter[] | string => {
    try {
      return parseFilters(value);
    } catch {
      return value ?? '';
    }
  },
  toAttribute: (value: readonly FrameFilter[]): string => formatFilters(value),
};

/** How frames are drawn, beyond orientation and what the data says. */
export interface FrameLook {
  readonly colorBy: ColorBy;
  readonly labelAlign: LabelAlign;
}

/**
 * The flame graph's options as properties, and the parts of the analysis controls that set them.
 *
 * @csspart options - The row of analysis controls (with `controls`).
 * @csspart invert - The invert control.
 * @csspart table-toggle - The control that shows the function table.
 * @csspart group-by - The group-by control.
 * @csspart baseline - The baseline control (baseline, absolute, palette).
 * @csspart diff-absolute - The absolute/relative diff toggle.
 * @csspart diff-palette - The diff palette choice.
 * @csspart export - The PNG and pprof export buttons, and Copy link (under a source with `sync-url`: see viewLink()).
 * @csspart filters - The active filters, the share they removed, and the form to add one.
 * @csspart filter-chip - One active filter.
 * @csspart filter-remove - The button that removes a filter.
 * @csspart filter-form - The form that adds a filter (with `controls`).
 * @csspart filtered - How much of the profile the filters removed.
 * @csspart legend - The diff colors and what they mean.
 * @csspart legend-swatch - One diff color of the legend.
 * @csspart label-align - The control that aligns frame names left or right (with `controls`).
 */
export abstract class FlamegraphOptionsElement extends ParcaElement {
  protected static override readonly devChecks = {
    needsProfileType: true,
    oneOf: { orientation: ['icicle', 'flame'], colorBy: COLOR_BY, labelAlign: LABEL_ALIGNS },
  };

  /** `icicle` (root on top, default) or `flame` (root at the bottom). */
  @property({ reflect: true }) orientation: Orientation = 'icicle';
  /** What picks a frame's color: `binary` (default), `package` or `file`. */
  @property({ attribute: 'color-by' }) colorBy: ColorBy = 'binary';
  /** Which end of a frame its name is drawn against, and kept when cut: `left` (default) or `right` (the name's end, its function's own name). */
  @property({ attribute: 'label-align' }) labelAlign: LabelAlign = 'left';
  /** Highlights frames whose function name contains this (case-insensitive), or matches `/regex/`. */
  @property() search = '';
  /** Shows a built-in search field. */
  @property({ type: Boolean, attribute: 'search-field' }) searchField = false;
  /** Parca's node trim threshold in percent; by default about one pixel of the graph's width. */
  @property({ type: Number, attribute: 'trim-threshold' }) trimThreshold: number | undefined;
  /** Bottom-up call stacks: the root's children are the functions that were running (Parca's invert_call_stack). */
  @property({ type: Boolean, reflect: true }) invert = false;
  /** Group-by fields (attribute: comma-separated): function_name, binary, filename, address, labels.<pprof label>. */
  @property({ attribute: 'group-by', converter: listConverter }) groupBy: string[] = [];
  /**
   * Filters: `{field: 'function_name' | 'binary', match: 'equal' | 'contains' | 'starts_with' | 'not_…', value,
   * scope?: 'stack' | 'frame'}`. Replace the array to change them. Attribute: `function_name ~ runtime; binary != x`.
   */
  @property({ converter: filtersConverter }) filters: FrameFilter[] = [];
  /** A baseline query to diff against (wins over baseline-from/baseline-to). */
  @property({ attribute: false }) baselineQuery: QueryState | undefined;
  /** Start of the baseline range (now-2h, ISO-8601): with baseline-to, the graph is a diff against it. */
  @property({ attribute: 'baseline-from' }) baselineFrom = '';
  @property({ attribute: 'baseline-to' }) baselineTo = '';
  /** Diff absolute values; by default Parca scales the baseline and comparison to the same total. */
  @property({ type: Boolean, attribute: 'diff-absolute' }) diffAbsolute = false;
  /** `red-green` (default) or `blue-orange` (colour-blind safe). */
  @property({ attribute: 'diff-palette', reflect: true }) diffPalette: DiffPalette = 'red-green';
  /** Shows the analysis controls: invert, group by, filters, baseline, export. */
  @property({ type: Boolean }) controls = false;
  /**
   * A function name: shows its callers (above it) and callees (below it) as two flame graphs instead of the
   * whole graph. Empty for the normal view. Diffs do not apply to it.
   */
  @property() sandwich = '';
  /**
   * Shows the function table under the graph: flat and cumulative values and shares per function (counted as pprof
   * counts them), sortable; picking a function selects it and highlights it in the graph.
   */
  @property({ type: Boolean }) table = false;

  /** How frames are drawn beyond what the data says: what the canvas draws with and a sandwich's graphs share. @internal */
  get frameLook(): FrameLook {
    return { colorBy: this.colorBy, labelAlign: this.labelAlign };
  }

  /** The view fields as the properties hold them, written the way a view keeps them (filters as text). */
  protected viewFields(): Omit<FlamegraphView, 'focus'> {
    const values: Record<string, unknown> = {};
    for (const field of VIEW_FIELDS) {
      const value = (this as unknown as Record<string, unknown>)[field.name];
      values[field.name] = field.name === 'filters' && typeof value !== 'string' ? formatFilters(value as FrameFilter[]) : Array.isArray(value) ? [...value] : value;
    }
    return values as unknown as Omit<FlamegraphView, 'focus'>;
  }

  /** Sets the properties from a view's fields (the focus is the graph's to apply). */
  protected applyViewFields(view: FlamegraphView): void {
    const target = this as unknown as Record<string, unknown>;
    for (const field of VIEW_FIELDS) {
      const value = view[field.name];
      target[field.name] = field.name === 'filters' ? filtersConverter.fromAttribute(value as string) : Array.isArray(value) ? [...value] : value;
    }
  }

  /** The source's URL views last applied, and this graph's view before any was (what "no view" restores). */
  #appliedViews: ReadonlyMap<string, FlamegraphView> | undefined;
  #initialView: FlamegraphView | undefined;

  /** The view of this graph a source read from the page URL, applied once per reading (load, back/forward); its focus is the caller's to apply. */
  protected applySourceViews(views: ReadonlyMap<string, FlamegraphView> | undefined, focus: () => string[]): FlamegraphView | undefined {
    if (!views || views === this.#appliedViews) return undefined;
    this.#appliedViews = views;
    this.#initialView ??= { focus: focus(), ...this.viewFields() };
    const view = views.get(this.id) ?? this.#initialView;
    this.applyViewFields(view);
    return view;
  }
}
