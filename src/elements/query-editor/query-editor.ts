import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { QueryController } from '../../controllers/query-controller.js';
import { ParcaQueryChangeEvent } from '../../events/query-change.js';
import { ParcaQuerySubmitEvent, type QuerySubmission } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaRefreshSelectEvent } from '../../events/refresh-select.js';
import { formatRefreshInterval } from '../../model/refresh.js';
import { parseLabelNames } from '../../model/metrics/labels.js';
import { groupProfileTypes } from '../../model/profile-types.js';
import { DEFAULT_RANGE, type QueryKind, type QueryState, isQueryKind, normalizeSelectorText, resolveWindow, sameSumBy } from '../../model/query-state.js';
import { fromLocalInputValue, toLocalInputValue } from '../../model/range-presets.js';
import type { CompletionContext } from '../../model/selector/completion.js';
import { formatSelector } from '../../model/selector/format.js';
import { listboxKeydown } from '../../model/selector/listbox-keys.js';
import { type SelectorParseResult, parseSelector } from '../../model/selector/parse.js';
import { type ResolvedRange, type TimeRange, absoluteRange } from '../../model/time-range.js';
import { ParcaElement } from '../parca-element.js';
import { queryEditorStyles } from './query-editor.styles.js';
import { requestRange } from './request-range.js';
import type { SelectorSuggestions } from './suggestions.js';
import type { SumByPicker } from './sum-by-picker.js';
import { renderOptions, renderProfileType, renderSelector, renderSumBy } from './templates.js';
import type { ListenerMethods, ParcaQueryEditorEvents } from '../../events/event-maps.js';

/**
 * Edits a Parca query: the profile type, a label selector with autocomplete, the query kind and the time range.
 *
 * A new profile type or query kind applies at once (when the selector is valid); a selector applies with Run or
 * Enter, and until then a note says the views show the query as it was. The selector is checked as it is typed;
 * an invalid selector or a missing profile type disables Run and nothing is sent. The range in effect is always
 * shown, named ("Last hour") and resolved (the window the views show), with presets, typed bounds and, under a
 * source, how often it refreshes. Suggestions for label names and values come from Parca, scoped to the chosen
 * profile type and range (cached per type and range; the autocomplete loads when the selector first gets focus).
 * The selector field is an ARIA 1.2 combobox: arrows move through suggestions, Enter or Tab accepts one, Escape
 * closes the list; Enter with the list closed runs the query.
 *
 * "Sum by" picks the labels the metrics sum series by, from Parca's label names for the type and range (none
 * chosen: Parca's default, every label); like a type or a kind, a change applies at once. Only delta types sum
 * series: for others the button is disabled and says why. The picker loads when it first opens.
 *
 * Initial state comes from the `profile-type`, `selector`, `query-kind` and `sum-by` attributes, else from the
 * source's query. Works under a `<parca-source>` or alone with a `connection` property.
 *
 * @tagname parca-query-editor
 * @summary Profile type, label selector with autocomplete, query kind and time range for a Parca query.
 *
 * @fires parca-query-submit - The user ran the query (Run or Enter, or a type, kind or sum-by chosen); `query` is `{profileType, selector, kind, sumBy?}`.
 * @fires parca-query-change - The user edited the query without running it; `query` and `error` describe the draft.
 * @fires parca-range-select - The user picked a preset or typed a from/to range.
 * @fires parca-refresh-select - The user chose how often the source refreshes.
 * @fires parca-load - Profile types, label names or values arrived.
 * @fires parca-error - A request failed; the last good list stays.
 *
 * @csspart base - The layout wrapper.
 * @csspart profile-type - Wrapper of the profile type label, filter and select.
 * @csspart profile-type-label - The profile type's label.
 * @csspart profile-type-filter - The search field that filters long profile type lists.
 * @csspart profile-type-select - The profile type select (options grouped by profile name).
 * @csspart profile-type-note - Says when the chosen type has no data in the range.
 * @csspart hint - Says what is missing before a query can run (a profile type).
 * @csspart selector - Wrapper of the selector label, field, suggestions and error.
 * @csspart selector-label - The selector's label.
 * @csspart selector-input - The label selector field (the combobox).
 * @csspart listbox - The suggestions list.
 * @csspart option - One suggestion.
 * @csspart option-active - The suggestion the arrows are on.
 * @csspart selector-error - Why the selector is invalid, with its position.
 * @csspart selector-error-mark - The offending text inside the error.
 * @csspart run - The Run button.
 * @csspart error - A request failure.
 * @csspart draft-note - Says the selector was edited and not run yet.
 * @csspart options - The row of query kind, range and refresh controls.
 * @csspart query-kind - The query kind radio group (profile, metrics or both).
 * @csspart range - The time range group.
 * @csspart range-summary - The range in effect: its name and the window it resolves to.
 * @csspart range-presets - The relative range buttons.
 * @csspart range-preset - One relative range button.
 * @csspart range-preset-active - The button of the range in effect.
 * @csspart range-from - The absolute start field.
 * @csspart range-to - The absolute end field.
 * @csspart range-error - Why typed from/to bounds were not applied.
 * @csspart refresh - The auto-refresh interval control (under a source).
 * @csspart sum-by - Wrapper of the sum-by button, its note and its picker.
 * @csspart sum-by-button - The button that opens the sum-by picker and names the labels chosen.
 * @csspart sum-by-note - Says why a profile type cannot sum series.
 * @csspart sum-by-picker - The picker: one checkbox per label name and a button back to the default.
 * @csspart sum-by-option - One label name of the picker.
 * @csspart sum-by-default - The picker's button back to Parca's default (all labels).
 *
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-background - Background of the element.
 * @cssprop --parca-color-field-background - Background of fields, buttons and the suggestion list.
 * @cssprop --parca-color-border - Borders of fields and groups.
 * @cssprop --parca-color-muted - Secondary text (hints, notes).
 * @cssprop --parca-color-accent - The Run button, focus rings and the active range.
 * @cssprop --parca-color-accent-text - Text on the accent color.
 * @cssprop --parca-color-error - Error text and the invalid field's border.
 * @cssprop --parca-color-option-active - Background of the active suggestion.
 * @cssprop --parca-font-family - Font of labels and fields.
 * @cssprop --parca-font-family-mono - Font of the selector and suggestions.
 * @cssprop --parca-font-size - Base font size.
 * @cssprop --parca-space - Base spacing.
 * @cssprop --parca-radius - Corner radius of fields and buttons.
 * @cssprop --parca-query-editor-listbox-max-height - Height of the suggestion list before it scrolls.
 */
export class ParcaQueryEditorElement extends ParcaElement {
  static override styles = queryEditorStyles;
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The chosen profile type id; empty means the source's. */
  @property({ attribute: 'profile-type' }) profileType = '';
  /** The label selector text as typed; empty means the source's (or every profile of the type). */
  @property() selector = '';
  /** `profile`, `metrics` or `both`; empty means the source's. */
  @property({ attribute: 'query-kind' }) queryKind: QueryKind | '' = '';
  /**
   * Label names the metrics sum series by, comma separated (`job,instance`); empty means the source's (and
   * with none, Parca's default: every label).
   */
  @property({ attribute: 'sum-by' }) sumBy = '';
  /** Above this many profile types, a search field filters the list. */
  @property({ type: Number, attribute: 'search-threshold' }) searchThreshold = 12;

  @state() private typeFilter = '';
  @state() private cursor = 0;
  @state() private listOpen = false;
  @state() private activeIndex = -1;
  /** A range picked here, resolved when picked, until the query in effect reflects it. */
  @state() private rangeOverride: { range: TimeRange; window: ResolvedRange | undefined } | undefined;
  @state() private rangeError = '';

  #adoptedQuery: QueryState | undefined;
  #parsed: { text: string; result: SelectorParseResult } | undefined;
  #range: TimeRange = DEFAULT_RANGE;
  #window: ResolvedRange | undefined;
  #standaloneWindow: ResolvedRange | undefined;
  #context: CompletionContext = { kind: 'none' };
  #suggestions: readonly string[] = [];
  /** The autocomplete and its suggestions, once loaded (see autocomplete.ts). */
  #autocomplete: { readonly module: typeof import('./autocomplete.js'); readonly suggester: SelectorSuggestions } | undefined;
  #autocompleteLoaded: Promise<SelectorSuggestions> | undefined;
  #picker: SumByPicker | undefined;

  readonly #types = new QueryController(this, {
    args: () => (this.activeConnection && this.#window ? ([this.activeConnection, this.#window] as const) : undefined),
    run: async ([connection, window], signal) => {
      const { types } = await connection.profileTypes(requestRange(window), { signal });
      return groupProfileTypes(types);
    },
    sourceName: () => this.sourceName,
    isRefresh: ([c1], [c2]) => c1 === c2,
  });

  /**
   * Settles when the profile types of the latest request are shown: the request settled and the update applied
   * (and, once the selector field had focus, its autocomplete loaded).
   */
  get settled(): Promise<void> {
    return Promise.all([this.#types.settled, this.#autocompleteLoaded])
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** Loads the selector's autocomplete, once: the suggestions then follow the caret. */
  #loadAutocomplete(): Promise<SelectorSuggestions> {
    return (this.#autocompleteLoaded ??= import('./autocomplete.js').then((module) => {
      const suggester = new module.SelectorSuggestions(this, () => ({
        connection: this.activeConnection,
        profileType: this.profileType,
        range: this.#range,
        window: this.#window,
        open: this.listOpen,
        context: this.#context,
      }));
      this.#autocomplete = { module, suggester };
      this.requestUpdate();
      return suggester;
    }));
  }

  /** The selector's parse result (valid or the first problem). */
  get selectorResult(): SelectorParseResult {
    return this.#parse();
  }

  /** The query Run would submit, or undefined while it cannot run (no profile type, invalid selector). */
  get submission(): QuerySubmission | undefined {
    const result = this.#parse();
    if (!this.profileType || !result.ok) return undefined;
    return { ...this.#draft, selector: formatSelector(result.selector) };
  }

  /** Runs the query as the Run button does; false (and nothing sent) when it cannot run. */
  submit(): boolean {
    const query = this.submission;
    if (!query) return false;
    this.listOpen = false;
    this.dispatchEvent(new ParcaQuerySubmitEvent(query));
    return true;
  }

  get #kind(): QueryKind {
    return isQueryKind(this.queryKind) ? this.queryKind : 'both';
  }

  get #listVisible(): boolean {
    return this.listOpen && this.#suggestions.length > 0;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#adoptSourceQuery();
    const query = this.activeQuery;
    this.#range = this.rangeOverride?.range ?? query?.range ?? DEFAULT_RANGE;
    // Without a query, the default range is resolved once (and again by refresh()), not on every update.
    this.#standaloneWindow ??= resolveWindow(DEFAULT_RANGE, this.activeClock.now());
    this.#window = this.rangeOverride ? this.rangeOverride.window : query ? query.window : this.#standaloneWindow;
    const autocomplete = this.#autocomplete;
    this.#context = autocomplete ? autocomplete.module.completionContext(this.selector, Math.min(this.cursor, this.selector.length)) : { kind: 'none' };
    this.#suggestions = autocomplete ? autocomplete.suggester.list() : [];
    if (this.activeIndex >= this.#suggestions.length) this.activeIndex = -1;
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed as Map<PropertyKey, unknown>).has('activeIndex') && this.activeIndex >= 0) {
      this.renderRoot.querySelector(`#option-${this.activeIndex}`)?.scrollIntoView({ block: 'nearest' });
    }
  }

  /**
   * Follows the source: on first sight its query fills what attributes left empty; later, a field the source
   * changed replaces the draft's (a range change alone leaves the draft as it is).
   */
  #adoptSourceQuery(): void {
    const query = this.activeQuery;
    const previous = this.#adoptedQuery;
    if (!query || query === previous) return;
    this.#adoptedQuery = query;
    const take = (field: 'profileType' | 'selector' | 'kind', empty: boolean) => (previous ? previous[field] !== query[field] : empty);
    if (take('profileType', !this.profileType)) this.profileType = query.profileType;
    if (take('selector', !this.selector)) this.selector = query.selector === '{}' ? '' : query.selector;
    if (take('kind', !isQueryKind(this.queryKind))) this.queryKind = query.kind;
    if (previous ? !sameSumBy(previous.sumBy, query.sumBy) : !this.sumBy) this.sumBy = query.sumBy.join(',');
    if (previous && (previous.range !== query.range || previous.window !== query.window)) this.rangeOverride = undefined;
  }

  #parse(): SelectorParseResult {
    if (this.#parsed?.text !== this.selector) this.#parsed = { text: this.selector, result: parseSelector(this.selector) };
    return this.#parsed.result;
  }

  /** The query as edited, the selector as typed; `sumBy` only when labels are chosen. */
  get #draft(): QuerySubmission {
    const sumBy = parseLabelNames(this.sumBy);
    return { profileType: this.profileType, selector: this.selector, kind: this.#kind, ...(sumBy.length ? { sumBy } : {}) };
  }

  #announceChange(): void {
    const result = this.#parse();
    this.dispatchEvent(new ParcaQueryChangeEvent(this.#draft, result.ok ? undefined : result.error));
  }

  /** What Run would change: the selector (or a type that could not apply) differs from the query in effect. */
  get #draftDiffers(): boolean {
    const applied = this.activeQuery;
    if (!applied || !applied.profileType) return false;
    const result = this.#parse();
    const selector = result.ok ? normalizeSelectorText(formatSelector(result.selector)) : this.selector;
    return selector !== normalizeSelectorText(applied.selector) || (!!this.profileType && this.profileType !== applied.profileType);
  }

  // --- selector combobox -------------------------------------------------------------------------------------

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('#selector');
  }

  #onSelectorInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    this.selector = input.value;
    this.cursor = input.selectionStart ?? input.value.length;
    this.listOpen = true;
    this.activeIndex = -1;
    this.#announceChange();
  };

  /** Caret moves (arrows left/right, Home/End, clicks) change what is suggested. */
  #onCaretMove = (): void => {
    const input = this.#input;
    if (input && input.selectionStart !== null && input.selectionStart !== this.cursor) {
      this.cursor = input.selectionStart;
      this.activeIndex = -1;
    }
  };

  #onSelectorKeydown = (event: KeyboardEvent): void => {
    const step = listboxKeydown({ open: this.listOpen, active: this.activeIndex, count: this.#suggestions.length }, event);
    if (!step) return;
    event.preventDefault();
    if (step.stopPropagation) event.stopPropagation();
    // The state first: opening then follows the caret, which may clear the active option.
    this.listOpen = step.open;
    this.activeIndex = step.active;
    if (step.action === 'open') this.#onCaretMove();
    else if (step.action === 'accept') this.#accept(step.active);
    else if (step.action === 'submit') this.submit();
  };

  #accept = (index: number): void => {
    const suggestion = this.#suggestions[index];
    if (suggestion === undefined) return;
    const edit = this.#autocomplete!.module.applyCompletion(this.selector, this.#context, suggestion);
    this.selector = edit.text;
    this.cursor = edit.cursor;
    this.activeIndex = -1;
    this.listOpen = true;
    this.#announceChange();
    void this.updateComplete.then(() => {
      const input = this.#input;
      if (!input) return;
      input.focus();
      input.setSelectionRange(edit.cursor, edit.cursor);
    });
  };

  #onSelectorBlur = (): void => {
    this.listOpen = false;
    this.activeIndex = -1;
  };

  // --- other controls ----------------------------------------------------------------------------------------

  // A profile type or query kind chosen applies at once, as in Parca's UI: the views never show a unit or a
  // kind the picker no longer names.
  #onTypeChange = (id: string): void => {
    this.profileType = id;
    this.#announceChange();
    this.submit();
  };

  #onTypeFilter = (text: string): void => {
    this.typeFilter = text;
  };

  #onKindChange = (value: string): void => {
    if (!isQueryKind(value)) return;
    this.queryKind = value;
    this.#announceChange();
    this.submit();
  };

  /** Opens or closes the sum-by picker, loaded the first time; it asks for the label names of the type and range. */
  #toggleSumBy = (): void =>
    void Promise.all([import('./sum-by-picker.js'), this.#loadAutocomplete()]).then(([{ SumByPicker }, suggester]) =>
      (this.#picker ??= new SumByPicker(this, suggester, () => [this.activeConnection, this.profileType, this.#range, this.#window])).toggle(),
    );

  // Applies at once, as a type or a kind does.
  #onSumBy = (names: readonly string[]): void => {
    this.sumBy = names.join(',');
    this.#announceChange();
    this.submit();
  };

  #selectRange = (range: TimeRange): void => {
    this.rangeError = '';
    this.rangeOverride = { range, window: resolveWindow(range, this.activeClock.now()) };
    this.dispatchEvent(new ParcaRangeSelectEvent(range));
  };

  #onRefreshChange = (choice: string): void => {
    this.dispatchEvent(new ParcaRefreshSelectEvent(choice));
  };

  #onAbsoluteRange = (): void => {
    const from = fromLocalInputValue(this.renderRoot.querySelector<HTMLInputElement>('#range-from')?.value ?? '');
    const to = fromLocalInputValue(this.renderRoot.querySelector<HTMLInputElement>('#range-to')?.value ?? '');
    if (from === undefined || to === undefined) {
      this.rangeError = 'Enter both a start and an end date and time.';
      return;
    }
    if (from >= to) {
      this.rangeError = 'The range must end after it starts.';
      return;
    }
    this.#selectRange(absoluteRange(from, to));
  };

  // --- rendering ---------------------------------------------------------------------------------------------

  protected override render() {
    const state = this.sourceController.state;
    return html`
      <div part="base">
        ${renderProfileType({
          types: this.#types.value,
          profileType: this.profileType,
          searchThreshold: this.searchThreshold,
          typeFilter: this.typeFilter,
          loading: this.#types.status === 'loading' && !this.#types.value,
          onChoose: this.#onTypeChange,
          onFilter: this.#onTypeFilter,
        })}
        ${renderSelector({
          selector: this.selector,
          result: this.#parse(),
          suggestions: this.#suggestions,
          listVisible: this.#listVisible,
          activeIndex: this.activeIndex,
          edited: this.#draftDiffers,
          onInput: this.#onSelectorInput,
          onKeydown: this.#onSelectorKeydown,
          onCaretMove: this.#onCaretMove,
          onFocus: () => void this.#loadAutocomplete(),
          onBlur: this.#onSelectorBlur,
          onAccept: this.#accept,
        })}
        <button part="run" type="button" ?disabled=${!this.submission} @click=${() => this.submit()}>Run</button>
        ${this.#types.error ? html`<p part="error" role="alert">${this.#types.error.message}</p>` : nothing}
        ${renderOptions({
          kind: this.#kind,
          range: this.#range,
          window: this.#window,
          fromValue: this.#fieldValue('range-from', this.#window?.startMs),
          toValue: this.#fieldValue('range-to', this.#window?.endMs),
          rangeError: this.rangeError,
          // Only under a source, which does the refreshing.
          refresh: state && !this.connection && !this.query ? formatRefreshInterval(state.refreshMs ?? 0) : undefined,
          sumBy: renderSumBy(parseLabelNames(this.sumBy), this.profileType, this.#picker, this.#toggleSumBy, this.#onSumBy),
          onKind: this.#onKindChange,
          onRange: this.#selectRange,
          onBounds: this.#onAbsoluteRange,
          onRefresh: this.#onRefreshChange,
        })}
      </div>
    `;
  }

  /** A bound's field follows the window, except while someone is typing in it. */
  #fieldValue(id: string, ms: number | undefined): string {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    if (input && this.shadowRoot?.activeElement === input) return input.value;
    return ms === undefined ? '' : toLocalInputValue(ms);
  }
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaQueryEditorElement {
  addEventListener: ListenerMethods<ParcaQueryEditorEvents, ParcaQueryEditorElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaQueryEditorEvents, ParcaQueryEditorElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-query-editor': ParcaQueryEditorElement;
  }
}
