// The sum-by picker, loaded the first time someone opens it: Parca's label names for the profile type and range
// (asked with `Labels` through the cache the selector's suggestions share), one checkbox each, and a button back
// to Parca's default. The editor applies a change at once, as it does a type or a query kind.
import { css, html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ParcaConnection } from '../../client/connection.js';
import { QueryController } from '../../controllers/query-controller.js';
import type { ResolvedRange, TimeRange } from '../../model/time-range.js';
import type { ParcaQueryEditorElement } from './query-editor.js';
import type { SelectorSuggestions, Tagged } from './suggestions.js';

type Args = readonly [ParcaConnection, string, TimeRange, ResolvedRange];

// Adopted by the editor's shadow root on first use, so the editor's own styles carry none of it.
const styles = css`
  [part~='sum-by-picker'] {
    position: absolute;
    z-index: 1;
    top: 100%;
    left: 0;
    margin-top: 2px;
    min-width: 100%;
    max-height: var(--_listbox-max-height);
    overflow-y: auto;
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: calc(var(--_space) / 2);
    background: var(--_field-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  [part~='sum-by-picker'] p {
    margin: 0;
  }
  [part~='sum-by-option'] {
    font-weight: normal;
    font-family: var(--_mono);
    white-space: nowrap;
  }
`;

export class SumByPicker {
  /** Whether the picker is shown (the editor renders it, and asks Parca, only then). */
  open = false;
  readonly #names: QueryController<Args, Tagged>;

  constructor(
    private readonly host: ParcaQueryEditorElement,
    suggestions: SelectorSuggestions,
    /** The connection, profile type, range and window to ask about. */
    input: () => readonly [ParcaConnection | undefined, string, TimeRange, ResolvedRange | undefined],
  ) {
    this.#names = new QueryController<Args, Tagged>(host, {
      args: () => {
        const [connection, type, range, window] = input();
        return this.open && connection && window ? [connection, type, range, window] : undefined;
      },
      run: (args, signal) => suggestions.labelNames(args, signal),
      // The same type and range resolved anew (a query applied, a refresh): the names stay while the cache answers.
      isRefresh: ([c1, t1, r1], [c2, t2, r2]) => c1 === c2 && t1 === t2 && r1 === r2,
      sourceName: () => host.sourceName,
      retries: 0,
    });
    const root = host.renderRoot as ShadowRoot;
    const sheet = styles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** Settles when the label names asked for last are shown. */
  get settled(): Promise<void> {
    return this.#names.settled.then(() => this.host.updateComplete).then(() => undefined);
  }

  /** Opens the picker, focus going to its first label name once the names are shown; or closes it. */
  toggle(open = !this.open, restoreFocus = false): void {
    this.open = open;
    this.host.requestUpdate();
    const root = this.host.renderRoot;
    if (!open) {
      if (restoreFocus) root.querySelector<HTMLElement>('#sum-by')?.focus();
      return;
    }
    void this.host.updateComplete
      .then(() => this.settled)
      .then(() => {
        const picker = root.querySelector<HTMLElement>('#sum-by-picker');
        (picker?.querySelector('input') ?? picker)?.focus();
      });
  }

  /**
   * The picker: Parca's label names (and any name chosen that the range does not have), checked when chosen.
   * Escape closes it and gives focus back to its button; focus leaving it closes it.
   */
  render(chosen: readonly string[], onChange: (names: readonly string[]) => void) {
    const { status, error, value } = this.#names;
    const loading = status === 'loading' || status === 'idle';
    const listed = value && !loading ? value.items : [];
    const names = [...listed, ...chosen.filter((name) => !listed.includes(name))];
    return html`<div
      id="sum-by-picker"
      part="sum-by-picker"
      role="group"
      aria-label="Sum series by"
      aria-busy=${loading}
      tabindex="-1"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopPropagation();
        this.toggle(false, true);
      }}
      @focusout=${(event: FocusEvent) => {
        const wrapper = (event.currentTarget as Element).parentElement!;
        if (!wrapper.contains(event.relatedTarget as Node | null)) this.toggle(false);
      }}
    >
      ${error ? html`<p part="error" role="alert">${error.message}</p>` : nothing}
      ${loading ? html`<p role="status">Loading label names…</p>` : names.length === 0 && !error ? html`<p>No label names in this range.</p>` : nothing}
      ${names.map(
        (name) =>
          html`<label part="sum-by-option"
            ><input
              type="checkbox"
              value=${name}
              .checked=${live(chosen.includes(name))}
              @change=${(event: Event) => onChange((event.target as HTMLInputElement).checked ? [...chosen, name] : chosen.filter((n) => n !== name))}
            />
            ${name}${listed.includes(name) ? '' : ' (not in this range)'}</label
          >`,
      )}
      <button type="button" part="sum-by-default" @click=${() => onChange([])}>All labels (default)</button>
    </div>`;
  }
}
