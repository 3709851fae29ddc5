// The query editor's controls as templates the element renders: the profile type picker, the selector combobox
// with its suggestions and error, and the row of query kind, time range and refresh controls. They read plain
// values and call back; the element decides what happens.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatWindow } from '../../model/metrics/time-format.js';
import { type ProfileTypeGroup, filterProfileTypeGroups, profileTypeOptions, withChosenProfileType } from '../../model/profile-types.js';
import { type QueryKind, QUERY_KINDS } from '../../model/query-state.js';
import { RANGE_PRESETS, type RangePreset, describeRange, rangePreset } from '../../model/range-presets.js';
import { REFRESH_CHOICES } from '../../model/refresh.js';
import { isDeltaType } from '../../model/metrics/series.js';
import type { SelectorParseResult } from '../../model/selector/parse.js';
import type { ResolvedRange, TimeRange } from '../../model/time-range.js';
import type { SumByPicker } from './sum-by-picker.js';

const KIND_LABELS: Record<QueryKind, string> = { profile: 'Profile', metrics: 'Metrics', both: 'Both' };

export interface ProfileTypeView {
  /** The types the range has data for, undefined until they arrive. */
  readonly types: readonly ProfileTypeGroup[] | undefined;
  /** The chosen type's id. */
  readonly profileType: string;
  /** Above this many types, a search field filters the list. */
  readonly searchThreshold: number;
  /** The text filtering a long list. */
  readonly typeFilter: string;
  /** The types are loading and none has arrived yet. */
  readonly loading: boolean;
  readonly onChoose: (id: string) => void;
  readonly onFilter: (text: string) => void;
}

/** The types to pick from, with the chosen one among them even when the range has no data for it. */
function pickerGroups(types: readonly ProfileTypeGroup[] | undefined, chosen: string): ProfileTypeGroup[] {
  // Until the types arrive, the chosen one is shown plainly; after, it is marked if the range lacks it.
  const groups = withChosenProfileType(types ?? [], chosen);
  return types ? groups : groups.map((group) => ({ ...group, options: group.options.map((o) => ({ ...o, missing: false })) }));
}

export function renderProfileType(view: ProfileTypeView) {
  const id = view.profileType;
  const groups = pickerGroups(view.types, id);
  const options = profileTypeOptions(groups);
  const searchable = options.length > view.searchThreshold;
  const shown = searchable ? filterProfileTypeGroups(groups, view.typeFilter, id) : groups;
  const chosen = options.find((option) => option.id === id);
  return html`
    <div part="profile-type">
      <label part="profile-type-label" for="type">Profile type</label>
      ${
        searchable
          ? html`<input
            id="type-filter"
            part="profile-type-filter"
            type="search"
            aria-label="Filter profile types"
            aria-controls="type"
            placeholder="Filter…"
            autocomplete="off"
            .value=${live(view.typeFilter)}
            @input=${(e: Event) => view.onFilter((e.target as HTMLInputElement).value)}
          />`
          : nothing
      }
      <select
        id="type"
        part="profile-type-select"
        aria-describedby=${chosen?.missing ? 'type-note' : nothing}
        @change=${(e: Event) => view.onChoose((e.target as HTMLSelectElement).value)}
      >
        ${id ? nothing : html`<option value="" selected disabled>${view.loading ? 'Loading…' : 'Choose a profile type'}</option>`}
        ${shown.map(
          (group) => html`<optgroup label=${group.label}>
            ${group.options.map(
              (option) =>
                html`<option value=${option.id} title=${option.id} ?selected=${option.id === id}>
                  ${option.shortLabel}${option.missing ? ' — no data' : ''}
                </option>`,
            )}
          </optgroup>`,
        )}
      </select>
      ${chosen?.missing ? html`<p id="type-note" part="profile-type-note">No data for ${chosen.label} in this time range.</p>` : nothing}
      ${id ? nothing : html`<p part="hint">Choose a profile type to run a query.</p>`}
    </div>
  `;
}

export interface SelectorView {
  /** The selector as typed. */
  readonly selector: string;
  readonly result: SelectorParseResult;
  /** The suggestions, shown when `listVisible`. */
  readonly suggestions: readonly string[];
  readonly listVisible: boolean;
  /** The suggestion the arrows are on (-1: none). */
  readonly activeIndex: number;
  /** The valid selector differs from the query in effect (Run would change it). */
  readonly edited: boolean;
  readonly onInput: (event: Event) => void;
  readonly onKeydown: (event: KeyboardEvent) => void;
  /** Anything that may have moved the caret (keys up, clicks, selections). */
  readonly onCaretMove: () => void;
  /** The field got focus: its autocomplete loads (the first time). */
  readonly onFocus: () => void;
  readonly onBlur: () => void;
  readonly onAccept: (index: number) => void;
}

export function renderSelector(view: SelectorView) {
  const { result, listVisible: visible, activeIndex } = view;
  const active = visible && activeIndex >= 0 ? `option-${activeIndex}` : undefined;
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
        .value=${live(view.selector)}
        @input=${view.onInput}
        @keydown=${view.onKeydown}
        @keyup=${view.onCaretMove}
        @click=${view.onCaretMove}
        @select=${view.onCaretMove}
        @focus=${view.onFocus}
        @blur=${view.onBlur}
      />
      <ul id="listbox" part="listbox" role="listbox" aria-label="Suggestions" ?hidden=${!visible}>
        ${
          visible
            ? view.suggestions.map(
                (suggestion, i) =>
                  html`<li
                  id="option-${i}"
                  part=${i === activeIndex ? 'option option-active' : 'option'}
                  role="option"
                  aria-selected=${i === activeIndex ? 'true' : 'false'}
                  @mousedown=${(e: Event) => e.preventDefault()}
                  @click=${() => view.onAccept(i)}
                >
                  ${suggestion}
                </li>`,
              )
            : nothing
        }
      </ul>
      ${
        result.ok
          ? view.edited
            ? html`<p part="draft-note" role="status">Edited: the views show the query as it was until you press Run.</p>`
            : nothing
          : renderSelectorError(view.selector, result.error.offset, result.error.end, result.error.reason)
      }
    </div>
  `;
}

/** The reason and the text with the offending part marked (a lone space marks a missing token at the end). */
function renderSelectorError(text: string, offset: number, end: number, reason: string) {
  const marked = text.slice(offset, Math.max(end, offset + 1)) || ' ';
  return html`<p id="selector-error" part="selector-error" title=${`${reason} (at character ${offset + 1})`}>
    <span>${reason} (at character ${offset + 1}):</span>
    <code>${text.slice(0, offset)}<mark part="selector-error-mark">${marked}</mark>${text.slice(Math.max(end, offset + 1))}</code>
  </p>`;
}

export interface OptionsView {
  readonly kind: QueryKind;
  /** The range in effect and the window it resolves to (undefined: it ends before it starts). */
  readonly range: TimeRange;
  readonly window: ResolvedRange | undefined;
  /** What the from and to fields show. */
  readonly fromValue: string;
  readonly toValue: string;
  /** Why typed bounds were not applied; empty when they were. */
  readonly rangeError: string;
  /** The refresh interval in effect (`off`, `30s`...), or undefined when there is no source to refresh. */
  readonly refresh: string | undefined;
  /** The sum-by control (renderSumBy). */
  readonly sumBy: unknown;
  readonly onKind: (value: string) => void;
  readonly onRange: (range: TimeRange) => void;
  /** A from or to field changed: the element reads both. */
  readonly onBounds: () => void;
  readonly onRefresh: (choice: string) => void;
}

export function renderOptions(view: OptionsView) {
  const { window } = view;
  const current = rangePreset(view.range);
  const name = describeRange(view.range);
  return html`
    <div part="options">
      <fieldset part="query-kind">
        <legend>Show</legend>
        ${QUERY_KINDS.map(
          (kind) => html`<label>
            <input
              type="radio"
              name="kind"
              value=${kind}
              .checked=${live(view.kind === kind)}
              @change=${(e: Event) => view.onKind((e.target as HTMLInputElement).value)}
            />
            ${KIND_LABELS[kind]}
          </label>`,
        )}
      </fieldset>
      ${view.sumBy}
      <fieldset part="range">
        <legend>Time range</legend>
        <span part="range-summary" role="status">${name ? html`<strong>${name}</strong> ` : nothing}${window ? formatWindow(window.startMs, window.endMs) : 'The range ends before it starts.'}</span>
        <div part="range-presets" role="group" aria-label="Last">
          ${RANGE_PRESETS.map((preset) => renderPreset(preset, preset === current, view.onRange))}
        </div>
        <label
          >From
          <input id="range-from" part="range-from" type="datetime-local" step="1" .value=${live(view.fromValue)} @change=${view.onBounds}
        /></label>
        <label
          >To
          <input id="range-to" part="range-to" type="datetime-local" step="1" .value=${live(view.toValue)} @change=${view.onBounds}
        /></label>
        ${view.rangeError ? html`<p part="range-error" role="alert">${view.rangeError}</p>` : nothing}
      </fieldset>
      ${view.refresh === undefined ? nothing : renderRefresh(view.refresh, view.onRefresh)}
    </div>
  `;
}

/**
 * The button that names the labels the metrics sum by (none: Parca's default) and opens the picker (sum-by-picker.ts,
 * loaded on first use); disabled, with the reason, for a type that is not a delta type.
 */
export function renderSumBy(
  names: readonly string[],
  profileType: string,
  picker: SumByPicker | undefined,
  onToggle: () => void,
  onChange: (names: readonly string[]) => void,
) {
  const delta = isDeltaType(profileType);
  const open = delta && !!picker?.open;
  return html`<div part="sum-by">
    <button id="sum-by" part="sum-by-button" aria-expanded=${open} aria-describedby=${delta ? nothing : 'sum-by-note'} ?disabled=${!delta} @click=${onToggle}>
      Sum by: ${names.join(', ') || 'all labels (default)'}
    </button>
    ${delta ? nothing : html`<span id="sum-by-note" part="sum-by-note">Only delta profile types sum series by labels.</span>`}
    ${open ? picker.render(names, onChange) : nothing}
  </div>`;
}

function renderPreset(preset: RangePreset, active: boolean, onRange: (range: TimeRange) => void) {
  return html`<button
    type="button"
    part=${active ? 'range-preset range-preset-active' : 'range-preset'}
    aria-pressed=${active ? 'true' : 'false'}
    title=${preset.label}
    @click=${() => onRange(preset.range)}
  >
    ${preset.key}
  </button>`;
}

/** The choices, with the interval in effect among them even when it is not a usual one. */
function renderRefresh(chosen: string, onRefresh: (choice: string) => void) {
  const choices = REFRESH_CHOICES.includes(chosen) ? REFRESH_CHOICES : [...REFRESH_CHOICES, chosen];
  return html`<label part="refresh"
    >Refresh
    <select aria-label="Refresh every" @change=${(e: Event) => onRefresh((e.target as HTMLSelectElement).value)}>
      ${choices.map((choice) => html`<option value=${choice} ?selected=${choice === chosen}>${choice === 'off' ? 'Off' : `every ${choice}`}</option>`)}
    </select></label
  >`;
}
