import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { LitElement, type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { QueryController } from '../../controllers/query-controller.js';
import { ParcaQueryChangeEvent } from '../../events/query-change.js';
import { ParcaQuerySubmitEvent, type QuerySubmission } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaRefreshSelectEvent } from '../../events/refresh-select.js';
import { formatWindow } from '../../model/metrics/time-format.js';
import { REFRESH_CHOICES, formatRefreshInterval } from '../../model/refresh.js';
import {
  type ProfileTypeGroup,
  filterProfileTypeGroups,
  groupProfileTypes,
  profileTypeOptions,
  withChosenProfileType,
} from '../../model/profile-types.js';
import { DEFAULT_RANGE, type QueryKind, QUERY_KINDS, type QueryState, isQueryKind, normalizeSelectorText, resolveWindow } from '../../model/query-state.js';
import { RANGE_PRESETS, type RangePreset, describeRange, fromLocalInputValue, rangePreset, toLocalInputValue } from '../../model/range-presets.js';
import {
  type CompletionContext,
  applyCompletion,
  completionContext,
  filterSuggestions,
  operatorSuggestions,
} from '../../model/selector/completion.js';
import { formatSelector } from '../../model/selector/format.js';
import { type SelectorParseResult, parseSelector } from '../../model/selector/parse.js';
import { type ResolvedRange, type TimeRange, absoluteRange, formatTimeBound } from '../../model/time-range.js';
import { ParcaElement } from '../parca-element.js';
import { queryEditorStyles } from './query-editor.styles.js';

const KIND_LABELS: Record<QueryKind, string> = { profile: 'Profile', metrics: 'Metrics', both: 'Both' };

/** Suggestions from the server, tagged with what they were asked for so stale ones are never shown. */
interface Suggestions {
  readonly key: string;
  readonly items: readonly string[];
}

function rangeKey(range: TimeRange): string {
  return `${formatTimeBound(range.from)}..${formatTimeBound(range.to)}`;
}

function requestRange({ startMs, endMs }: ResolvedRange) {
  return { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };
}

/**
 * Edits a Parca query: the profile type, a label selector with autocomplete, the query type and the time range.
 *
 * A new profile type or query type applies at once (when the selector is valid); a selector applies with Run or
 * Enter, and until then a note says the views show the query as it was. The selector is checked as it is typed;
 * an invalid selector or a missing profile type disables Run and nothing is sent. The range in effect is always
 * shown, named ("Last hour") and resolved (the window the views show), with presets, typed bounds and, under a
 * source, how often it refreshes. Suggestions for label names and values come from Parca, scoped to the chosen profile type and range
 * (cached per type and range). The selector field is an ARIA 1.2 combobox: arrows move through suggestions,
 * Enter or Tab accepts one, Escape closes the list; Enter with the list closed runs the query.
 *
 * Initial state comes from the `profile-type`, `selector` and `query-type` attributes, else from the source's
 * query. Works under a `<parca-source>` or alone with a `connection` property.
 *
 * @tagname parca-query-editor
 * @summary Profile type, label selector with autocomplete, query type and time range for a Parca query.
 *
 * @fires parca-query-submit - The user ran the query (Run or Enter); `query` is `{profileType, selector, kind}`.
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
 * @csspart options - The row of query type, range and refresh controls.
 * @csspart query-type - The query type radio group.
 * @csspart range - The time range group.
 * @csspart range-summary - The range in effect: its name and the window it resolves to.
 * @csspart range-presets - The relative range buttons.
 * @csspart range-preset - One relative range button.
 * @csspart range-preset-active - The button of the range in effect.
 * @csspart range-from - The absolute start field.
 * @csspart range-to - The absolute end field.
 * @csspart range-error - Why typed from/to bounds were not applied.
 * @csspart refresh - The auto-refresh interval control (under a source).
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
  @property({ attribute: 'query-type' }) queryType: QueryKind | '' = '';
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
  readonly #cache = new Map<string, readonly string[]>();

  readonly #types = new QueryController(this, {
    args: () => (this.activeConnection && this.#window ? ([this.activeConnection, this.#window] as const) : undefined),
    run: async ([connection, window], signal) => {
      const { types } = await connection.profileTypes(requestRange(window), { signal });
      return groupProfileTypes(types);
    },
    sourceName: () => this.sourceName,
    isRefresh: ([c1], [c2]) => c1 === c2,
  });

  readonly #labels = new QueryController(this, {
    args: () => {
      if (!this.activeConnection || !this.listOpen || this.#context.kind !== 'label-name' || !this.#window) return undefined;
      return [this.activeConnection, this.profileType, this.#range, this.#window] as const;
    },
    run: ([connection, type, range, window], signal) =>
      this.#cached(`labels|${type}|${rangeKey(range)}`, async () => {
        const { labelNames } = await connection.labels({ ...requestRange(window), profileType: type || undefined }, { signal });
        return labelNames.filter((name) => !name.startsWith('__')).sort();
      }),
    sourceName: () => this.sourceName,
    retries: 0,
  });

  readonly #values = new QueryController(this, {
    args: () => {
      const context = this.#context;
      if (!this.activeConnection || !this.listOpen || context.kind !== 'label-value' || !this.#window) return undefined;
      return [this.activeConnection, this.profileType, this.#range, this.#window, context.label] as const;
    },
    run: ([connection, type, range, window, label], signal) =>
      this.#cached(`values|${type}|${rangeKey(range)}|${label}`, async () => {
        const request = { ...requestRange(window), labelName: label, profileType: type || undefined };
        const { labelValues } = await connection.values(request, { signal });
        return [...labelValues].sort();
      }),
    sourceName: () => this.sourceName,
    retries: 0,
  });

  /** Settles when the latest profile type request has settled. */
  get settled(): Promise<void> {
    return this.#types.settled;
  }

  /** The selector's parse result (valid or the first problem). */
  get selectorResult(): SelectorParseResult {
    return this.#parse();
  }

  /** The query Run would submit, or undefined while it cannot run (no profile type, invalid selector). */
  get submission(): QuerySubmission | undefined {
    const result = this.#parse();
    if (!this.profileType || !result.ok) return undefined;
    return { profileType: this.profileType, selector: formatSelector(result.selector), kind: this.#kind };
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
    return isQueryKind(this.queryType) ? this.queryType : 'both';
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
    this.#context = completionContext(this.selector, Math.min(this.cursor, this.selector.length));
    this.#suggestions = this.#suggestionsFor(this.#context);
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
    if (take('kind', !isQueryKind(this.queryType))) this.queryType = query.kind;
    if (previous && (previous.range !== query.range || previous.window !== query.window)) this.rangeOverride = undefined;
  }

  #parse(): SelectorParseResult {
    if (this.#parsed?.text !== this.selector) this.#parsed = { text: this.selector, result: parseSelector(this.selector) };
    return this.#parsed.result;
  }

  async #cached(key: string, load: () => Promise<readonly string[]>): Promise<Suggestions> {
    let items = this.#cache.get(key);
    if (!items) {
      items = await load();
      this.#cache.set(key, items);
    }
    return { key, items };
  }

  #suggestionsFor(context: CompletionContext): readonly string[] {
    const fresh = (value: Suggestions | undefined, key: string) => (value?.key === key ? value.items : []);
    switch (context.kind) {
      case 'label-name':
        return filterSuggestions(fresh(this.#labels.value, `labels|${this.profileType}|${rangeKey(this.#range)}`), context.prefix);
      case 'operator':
        return operatorSuggestions(context.prefix);
      case 'label-value': {
        const key = `values|${this.profileType}|${rangeKey(this.#range)}|${context.label}`;
        return filterSuggestions(fresh(this.#values.value, key), context.prefix);
      }
      case 'none':
        return [];
    }
  }

  #announceChange(): void {
    const result = this.#parse();
    const query: QuerySubmission = { profileType: this.profileType, selector: this.selector, kind: this.#kind };
    this.dispatchEvent(new ParcaQueryChangeEvent(query, result.ok ? undefined : result.error));
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
    if (event.isComposing) return;
    const visible = this.#listVisible;
    const count = this.#suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        event.preventDefault();
        if (!this.listOpen || event.altKey) {
          this.#onCaretMove();
          this.listOpen = true;
          return;
        }
        if (count === 0) return;
        const step = event.key === 'ArrowDown' ? 1 : -1;
        this.activeIndex = this.activeIndex < 0 ? (step > 0 ? 0 : count - 1) : (this.activeIndex + step + count) % count;
        return;
      }
      case 'Enter':
        event.preventDefault();
        if (visible && this.activeIndex >= 0) this.#accept(this.activeIndex);
        else this.submit();
        return;
      case 'Tab':
        if (visible && this.activeIndex >= 0 && !event.shiftKey) {
          event.preventDefault();
          this.#accept(this.activeIndex);
        }
        return;
      case 'Escape':
        if (visible) {
          event.preventDefault();
          event.stopPropagation();
          this.listOpen = false;
          this.activeIndex = -1;
        }
        return;
    }
  };

  #accept(index: number): void {
    const suggestion = this.#suggestions[index];
    if (suggestion === undefined) return;
    const edit = applyCompletion(this.selector, this.#context, suggestion);
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
  }

  #onSelectorBlur = (): void => {
    this.listOpen = false;
    this.activeIndex = -1;
  };

  // --- other controls ----------------------------------------------------------------------------------------

  // A profile type or query type chosen applies at once, as in Parca's UI: the views never show a unit or a
  // kind the picker no longer names.
  #onTypeChange = (event: Event): void => {
    this.profileType = (event.target as HTMLSelectElement).value;
    this.#announceChange();
    this.submit();
  };

  #onTypeFilter = (event: Event): void => {
    this.typeFilter = (event.target as HTMLInputElement).value;
  };

  #onKindChange = (event: Event): void => {
    const value = (event.target as HTMLInputElement).value;
    if (!isQueryKind(value)) return;
    this.queryType = value;
    this.#announceChange();
    this.submit();
  };

  #selectRange(range: TimeRange): void {
    this.rangeError = '';
    this.rangeOverride = { range, window: resolveWindow(range, this.activeClock.now()) };
    this.dispatchEvent(new ParcaRangeSelectEvent(range));
  }

  #onRefreshChange = (event: Event): void => {
    this.dispatchEvent(new ParcaRefreshSelectEvent((event.target as HTMLSelectElement).value));
  };

  /** What Run would change: the selector (or a type that could not apply) differs from the query in effect. */
  get #draftDiffers(): boolean {
    const applied = this.activeQuery;
    if (!applied || !applied.profileType) return false;
    const result = this.#parse();
    const selector = result.ok ? normalizeSelectorText(formatSelector(result.selector)) : this.selector;
    return selector !== normalizeSelectorText(applied.selector) || (!!this.profileType && this.profileType !== applied.profileType);
  }

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
    return html`
      <div part="base">
        ${this.#renderProfileType()} ${this.#renderSelector()}
        <button part="run" type="button" ?disabled=${!this.submission} @click=${() => this.submit()}>Run</button>
        ${this.#types.error ? html`<p part="error" role="alert">${this.#types.error.message}</p>` : nothing} ${this.#renderOptions()}
      </div>
    `;
  }

  #visibleGroups(): ProfileTypeGroup[] {
    const loaded = this.#types.value;
    // Until the types arrive, the chosen one is shown plainly; after, it is marked if the range lacks it.
    const groups = loaded ? withChosenProfileType(loaded, this.profileType) : withChosenProfileType([], this.profileType);
    return groups.map((group) => ({ ...group, options: group.options.map((o) => (loaded ? o : { ...o, missing: false })) }));
  }

  #renderProfileType() {
    const groups = this.#visibleGroups();
    const count = profileTypeOptions(groups).length;
    const searchable = count > this.searchThreshold;
    const shown = searchable ? filterProfileTypeGroups(groups, this.typeFilter, this.profileType) : groups;
    const chosen = profileTypeOptions(groups).find((option) => option.id === this.profileType);
    const loading = this.#types.status === 'loading' && !this.#types.value;
    return html`
      <div part="profile-type">
        <label part="profile-type-label" for="type">Profile type</label>
        ${searchable
          ? html`<input
              id="type-filter"
              part="profile-type-filter"
              type="search"
              aria-label="Filter profile types"
              aria-controls="type"
              placeholder="Filter…"
              autocomplete="off"
              .value=${live(this.typeFilter)}
              @input=${this.#onTypeFilter}
            />`
          : nothing}
        <select id="type" part="profile-type-select" aria-describedby=${chosen?.missing ? 'type-note' : nothing} @change=${this.#onTypeChange}>
          ${this.profileType ? nothing : html`<option value="" selected disabled>${loading ? 'Loading…' : 'Choose a profile type'}</option>`}
          ${shown.map(
            (group) => html`<optgroup label=${group.label}>
              ${group.options.map(
                (option) =>
                  html`<option value=${option.id} title=${option.id} ?selected=${option.id === this.profileType}>
                    ${option.shortLabel}${option.missing ? ' — no data' : ''}
                  </option>`,
              )}
            </optgroup>`,
          )}
        </select>
        ${chosen?.missing
          ? html`<p id="type-note" part="profile-type-note">No data for ${chosen.label} in this time range.</p>`
          : nothing}
        ${this.profileType ? nothing : html`<p part="hint">Choose a profile type to run a query.</p>`}
      </div>
    `;
  }

  #renderSelector() {
    const result = this.#parse();
    const visible = this.#listVisible;
    const active = visible && this.activeIndex >= 0 ? `option-${this.activeIndex}` : undefined;
    return html`
      <div part="selector">
        <label part="selector-label" for="selector">Label selector</label>
        <input
          id="selector"
          part="selector-input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${visible ? 'true' : 'false'}
          aria-activedescendant=${active ?? nothing}
          aria-invalid=${result.ok ? 'false' : 'true'}
          aria-describedby=${result.ok ? nothing : 'selector-error'}
          autocomplete="off"
          autocapitalize="off"
          spellcheck="false"
          placeholder='{job="api"}'
          .value=${live(this.selector)}
          @input=${this.#onSelectorInput}
          @keydown=${this.#onSelectorKeydown}
          @keyup=${this.#onCaretMove}
          @click=${this.#onCaretMove}
          @select=${this.#onCaretMove}
          @blur=${this.#onSelectorBlur}
        />
        <ul id="listbox" part="listbox" role="listbox" aria-label="Suggestions" ?hidden=${!visible}>
          ${visible
            ? this.#suggestions.map(
                (suggestion, i) =>
                  html`<li
                    id="option-${i}"
                    part=${i === this.activeIndex ? 'option option-active' : 'option'}
                    role="option"
                    aria-selected=${i === this.activeIndex ? 'true' : 'false'}
                    @mousedown=${(e: Event) => e.preventDefault()}
                    @click=${() => this.#accept(i)}
                  >
                    ${suggestion}
                  </li>`,
              )
            : nothing}
        </ul>
        ${result.ok
          ? this.#draftDiffers
            ? html`<p part="draft-note" role="status">Edited: the views show the query as it was until you press Run.</p>`
            : nothing
          : this.#renderSelectorError(result.error.offset, result.error.end, result.error.reason)}
      </div>
    `;
  }

  #renderSelectorError(offset: number, end: number, reason: string) {
    const text = this.selector;
    const marked = text.slice(offset, Math.max(end, offset + 1)) || ' ';
    return html`<p id="selector-error" part="selector-error" title=${`${reason} (at character ${offset + 1})`}>
      <span>${reason} (at character ${offset + 1}):</span>
      <code>${text.slice(0, offset)}<mark part="selector-error-mark">${marked}</mark>${text.slice(Math.max(end, offset + 1))}</code>
    </p>`;
  }

  #renderOptions() {
    const window = this.#window;
    const current = rangePreset(this.#range);
    const name = describeRange(this.#range);
    const timeZone = undefined;
    return html`
      <div part="options">
        <fieldset part="query-type">
          <legend>Show</legend>
          ${QUERY_KINDS.map(
            (kind) => html`<label>
              <input type="radio" name="kind" value=${kind} .checked=${live(this.#kind === kind)} @change=${this.#onKindChange} />
              ${KIND_LABELS[kind]}
            </label>`,
          )}
        </fieldset>
        <fieldset part="range">
          <legend>Time range</legend>
          <span part="range-summary" role="status">${name ? html`<strong>${name}</strong> ` : nothing}${window ? formatWindow(window.startMs, window.endMs, { timeZone }) : 'The range ends before it starts.'}</span>
          <div part="range-presets" role="group" aria-label="Last">
            ${RANGE_PRESETS.map((preset) => this.#renderPreset(preset, preset === current))}
          </div>
          <label
            >From
            <input
              id="range-from"
              part="range-from"
              type="datetime-local"
              step="1"
              .value=${live(this.#fieldValue('range-from', window?.startMs))}
              @change=${this.#onAbsoluteRange}
          /></label>
          <label
            >To
            <input
              id="range-to"
              part="range-to"
              type="datetime-local"
              step="1"
              .value=${live(this.#fieldValue('range-to', window?.endMs))}
              @change=${this.#onAbsoluteRange}
          /></label>
          ${this.rangeError ? html`<p part="range-error" role="alert">${this.rangeError}</p>` : nothing}
        </fieldset>
        ${this.#renderRefresh()}
      </div>
    `;
  }

  /** A bound's field follows the window, except while someone is typing in it. */
  #fieldValue(id: string, ms: number | undefined): string {
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#${id}`);
    if (input && this.shadowRoot?.activeElement === input) return input.value;
    return ms === undefined ? '' : toLocalInputValue(ms);
  }

  /** How often the source refreshes: only under a source, which does the refreshing. */
  #renderRefresh() {
    const state = this.sourceController.state;
    if (!state || this.connection || this.query) return nothing;
    const chosen = formatRefreshInterval(state.refreshMs ?? 0);
    const choices = REFRESH_CHOICES.includes(chosen) ? REFRESH_CHOICES : [...REFRESH_CHOICES, chosen];
    return html`<label part="refresh"
      >Refresh
      <select aria-label="Refresh every" @change=${this.#onRefreshChange}>
        ${choices.map((choice) => html`<option value=${choice} ?selected=${choice === chosen}>${choice === 'off' ? 'Off' : `every ${choice}`}</option>`)}
      </select></label
    >`;
  }

  #renderPreset(preset: RangePreset, active: boolean) {
    return html`<button
      type="button"
      part=${active ? 'range-preset range-preset-active' : 'range-preset'}
      aria-pressed=${active ? 'true' : 'false'}
      title=${preset.label}
      @click=${() => this.#selectRange(preset.range)}
    >
      ${preset.key}
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-query-editor': ParcaQueryEditorElement;
  }
}
