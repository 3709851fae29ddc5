// What every view of one profile shares (flame graph, function table, call tree): the view's fields as
// properties (search, invert, group by, filters, baseline), the view they make, and the source's copy of it.
// Under a source, views with the same `view-id` share one view: a user's change goes up as parca-view-change, the
// source keeps it (and the URL, with `sync-url`) and every view of that id applies it. Alone, the properties are
// the view.
import { property } from 'lit/decorators.js';
import { ParcaViewChangeEvent } from '../events/view-change.js';
import { type FrameFilter, formatFilters, parseFilters } from '../model/flamegraph/filters.js';
import { type FlamegraphOptions, NO_OPTIONS, keepEqual, optionsOf } from '../model/flamegraph/options.js';
import { EMPTY_VIEW, type FlamegraphView, VIEW_FIELDS } from '../model/flamegraph/view-state.js';
import type { QueryState } from '../model/query-state.js';
import { ParcaElement } from './parca-element.js';

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

export abstract class ProfileViewElement extends ParcaElement {
  /**
   * Which of its source's views this element shows: elements with the same `view-id` share search, selection,
   * focus and options, and keep them in the URL under `<prefix>.<view-id>` (with `sync-url`). Empty (the
   * default) is the source's main view.
   */
  @property({ attribute: 'view-id', reflect: true }) viewId = '';
  /** Highlights frames whose function name contains this (case-insensitive), or matches `/regex/`; `/^name$/` selects one function. */
  @property() search = '';
  /** Bottom-up call stacks: the root's children are the functions that were running (Parca's invert_call_stack). */
  @property({ type: Boolean, reflect: true }) invert = false;
  /** Group-by fields (attribute: comma-separated): function_name, binary, filename, address, labels.<pprof label>. */
  @property({ attribute: 'group-by', converter: listConverter }) groupBy: string[] = [];
  /**
   * Filters: `{field, match, value, scope?: 'stack' | 'frame'}`, field one of `function_name`, `system_name`,
   * `binary`, `filename` (match `equal`, `contains`, `starts_with` or `not_…`), `address`, `line_number` (`equal` or
   * `not_equal`, decimal or 0x hex). Replace the array to change them. Attribute: `function_name ~ runtime; binary != x`.
   */
  @property({ converter: filtersConverter }) filters: FrameFilter[] = [];
  /**
   * Parca's filter presets by key (attribute: comma-separated), applied before `filters`: `hide_libc`,
   * `hide_v8_internals`, `hide_python_internals`, `hide_cuda_internals`, `hide_tokio_frames`, `hide_rust_futures`,
   * `hide_rust_panic_backtrace`, and for wallclock profiles `go_runtime_expected_off_cpu`,
   * `rust_runtime_expected_off_cpu`.
   */
  @property({ converter: listConverter }) presets: string[] = [];
  /** A baseline query to diff against (wins over baseline-from/baseline-to). */
  @property({ attribute: false }) baselineQuery: QueryState | undefined;
  /** Start of the baseline range (now-2h, ISO-8601): with baseline-to, the view is a diff against it. */
  @property({ attribute: 'baseline-from' }) baselineFrom = '';
  @property({ attribute: 'baseline-to' }) baselineTo = '';
  /** Diff absolute values; by default Parca scales the baseline and comparison to the same total. */
  @property({ type: Boolean, attribute: 'diff-absolute' }) diffAbsolute = false;

  #options: FlamegraphOptions = NO_OPTIONS;
  #optionsErrors: readonly string[] = [];
  /** The source's views last looked at, the entry of this view applied or reported last, and this view before any was. */
  #seenViews: ReadonlyMap<string, FlamegraphView> | undefined;
  #seenView: FlamegraphView | undefined;
  #initialView: FlamegraphView | undefined;

  /** What the request asks beyond the shared query (invert, group by, filters, baseline). */
  get options(): FlamegraphOptions {
    return this.#options;
  }

  /** Why an option is not used, for the element to say (empty when all are). @internal */
  get optionsErrors(): readonly string[] {
    return this.#optionsErrors;
  }

  /** The view as this element shows it: the source's shared view with this element's fields. */
  get view(): FlamegraphView {
    const shared = this.sourceController.state?.views?.get(this.viewId) ?? EMPTY_VIEW;
    return Object.freeze({ ...shared, ...this.ownView() });
  }

  /** The view fields this element holds, as the properties hold them (filters as text). */
  protected ownView(): Partial<FlamegraphView> {
    const values: Record<string, unknown> = {};
    for (const field of VIEW_FIELDS) {
      if (!(field.name in this)) continue;
      const value = (this as unknown as Record<string, unknown>)[field.name];
      values[field.name] =
        field.name === 'filters' && typeof value !== 'string' ? formatFilters(value as FrameFilter[]) : Array.isArray(value) ? [...(value as unknown[])] : value;
    }
    return values;
  }

  /** Sets the properties this element has from a view's fields (the focus is the element's to apply). */
  protected applyViewFields(view: FlamegraphView): void {
    const target = this as unknown as Record<string, unknown>;
    for (const field of VIEW_FIELDS) {
      if (!(field.name in this)) continue;
      const value = view[field.name];
      target[field.name] = field.name === 'filters' ? filtersConverter.fromAttribute(value as string) : Array.isArray(value) ? [...(value as unknown[])] : value;
    }
  }

  /**
   * The source's view of this element's id when it changed since last looked at and is not the one this element
   * reported; applied to the properties and returned (its focus is the caller's to apply). A view the source
   * dropped (back to a URL without it) restores the element's first one.
   */
  protected applySourceView(focus: () => readonly string[]): FlamegraphView | undefined {
    const views = this.sourceController.state?.views;
    if (!views || views === this.#seenViews) return undefined;
    this.#seenViews = views;
    this.#initialView ??= Object.freeze({ ...EMPTY_VIEW, ...this.ownView(), focus: [...focus()] });
    const view = views.get(this.viewId) ?? (this.#seenView ? this.#initialView : undefined);
    if (!view || view === this.#seenView) return undefined;
    this.#seenView = view;
    this.applyViewFields(view);
    return view;
  }

  /** Tells the page and the source that a user changed the view; the other views of the source apply it. */
  protected reportView(view: FlamegraphView = this.view): void {
    this.#seenView = view;
    this.dispatchEvent(new ParcaViewChangeEvent(view, this.viewId));
  }

  /** Reads the option properties (and the source's baseline) into `options`, keeping equal options' identity. */
  protected readOptions(): void {
    const { options, errors } = optionsOf(this, this.activeQuery?.baseline);
    this.#options = keepEqual(this.#options, options);
    this.#optionsErrors = errors;
  }
}
