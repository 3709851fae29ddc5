// The compare element: a shell over two sources found by id. SourceController follows each source's state, CompareUrl
// keeps the mode (and what a preset or swap sets) in the URL, model/compare/ shifts ranges and makes the baseline.
// Here: the properties, what the profile views under B are given in each mode, and the toolbar's actions.
import { LitElement, type PropertyValues, html } from 'lit';
import { property } from 'lit/decorators.js';
import { sourceOf } from '../../context/source-rule.js';
import { SourceController } from '../../controllers/source-controller.js';
import { type CompareChangeCause, ParcaCompareChangeEvent } from '../../events/compare-change.js';
import type { ListenerMethods, ParcaCompareEvents } from '../../events/event-maps.js';
import {
  COMPARE_MODES,
  COMPARE_PRESETS,
  type CompareMode,
  type Selection,
  baselineOf,
  isCompareMode,
  presetSelection,
  sameBaseline,
  sharedYMax,
} from '../../model/compare/compare.js';
import { type QueryState, createQueryState, isRelativeRange } from '../../model/query-state.js';
import { formatTimeBound } from '../../model/time-range.js';
import { DEV } from '../../dev.js';
import { warnUnlessOneOf } from '../dev-checks.js';
import type { ProfileViewElement } from '../profile-view.js';
import type { ParcaMetricsElement } from '../metrics/metrics.js';
import type { ParcaSourceElement } from '../source/source.js';
import { CompareUrl } from './compare-url.js';
import { compareStyles } from './compare.styles.js';

/** A profile view as the compare element drives it (found by its properties, so its class is not imported). */
type ProfileView = HTMLElement & Pick<ProfileViewElement, 'query' | 'baselineQuery'>;

const MODE_LABELS: Record<CompareMode, string> = { diff: 'Diff', a: 'A alone', b: 'B alone' };

function isProfileView(element: Element): element is ProfileView {
  return 'baselineQuery' in element && 'viewId' in element;
}

/** Sets a source's type, selector and range as properties: the source applies them at once, resolved now. */
function select(source: ParcaSourceElement, selection: Selection): void {
  source.profileType = selection.profileType;
  source.selector = selection.selector === '{}' ? '' : selection.selector;
  source.from = formatTimeBound(selection.range.from);
  source.to = formatTimeBound(selection.range.to);
}

/**
 * Two selections side by side, as Parca's compare view and Grafana's compare presets have them: A (the baseline)
 * and B (the comparison) are two ordinary `<parca-source>` elements, each with its own query editor and chart,
 * named here by id (`baseline="a" comparison="b"`; they may come later). The profile views under B (every flame
 * graph, function table, call tree, sandwich or flame chart of B: its descendants and the elements naming it with
 * `source="b"`, or only those whose ids `views` lists) show, by `mode`:
 *
 * - `diff`: B diffed against A (each view's `baselineQuery` is A's query; a point picked on A's chart is A);
 * - `a`: A alone (each view's `query` is A's);
 * - `b`: B alone (neither is set).
 *
 * A's range in a diff is resolved at B's moment, as the graph resolves B's, so both windows are the same `now`
 * apart as their bounds say.
 *
 * The presets set A to B's profile type and selector over B's range an hour, a day or a week earlier (relative
 * bounds stay relative: now-1h..now a day earlier is now-25h..now-24h; absolute ones move by the milliseconds);
 * a relative B is applied again at the same moment, so both charts show the windows the preset names. Swap
 * exchanges the two sources' type, selector and range. Both set the sources' properties; for each source with
 * `sync-url` the new query is written to the URL with the mode, as one history entry. With `sync-url` the mode is
 * kept in the URL too (`<prefix>.mode`), restored on load and on back/forward.
 *
 * Keyboard: every control is a button in the Tab order (Enter or Space); the modes are toggle buttons
 * (`aria-pressed`).
 *
 * @tagname parca-compare
 * @summary Compares two sources: B diffed against A, A alone or B alone, presets for A, swap.
 * @fires parca-compare-change - A user picked a mode, applied a preset or swapped A and B (`mode`, `cause`, `preset`, and both queries), or the history moved.
 *
 * @csspart toolbar - The row of controls.
 * @csspart modes - The three mode buttons (a group).
 * @csspart mode - One mode: a toggle button (aria-pressed), Diff, A alone or B alone.
 * @csspart presets - The preset buttons (a group).
 * @csspart preset - One preset: sets A to B an hour, a day or a week earlier.
 * @csspart swap - Exchanges A and B.
 * @csspart shared-y - Gives the two charts one y-axis (a toggle button, aria-pressed).
 * @csspart status - Says which source is missing, if one is.
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-background - Button background.
 * @cssprop --parca-color-border - Button border.
 * @cssprop --parca-color-muted - Status and disabled buttons.
 * @cssprop --parca-color-accent - The pressed mode and the focus ring.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Spacing between the controls.
 * @cssprop --parca-radius - Corner radius of the buttons.
 */
export class ParcaCompareElement extends LitElement {
  static override styles = compareStyles;

  /** The `id` of the `<parca-source>` that is A, the baseline. */
  @property() baseline = '';
  /** The `id` of the `<parca-source>` that is B, the comparison: its profile views show what `mode` says. */
  @property() comparison = '';
  /** What B's profile views show: `diff` (B against A), `a` (A alone) or `b` (B alone). */
  @property({ reflect: true }) mode: CompareMode = 'diff';
  /** Ids of the views to drive (comma- or space-separated); empty: every profile view of source B. */
  @property() views = '';
  /**
   * Keeps the mode in the page URL under `<prefix>.mode`, restored on load and on back/forward. The value is the
   * key prefix; when empty, the element's `id`, else `compare`. The sources keep their own queries (their own
   * `sync-url`).
   */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;
  /** `light` or `dark` forces a theme; empty follows the user's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | '' = '';
  /**
   * The metrics charts of A and B share one y-axis: each reaches the highest value of either, so their heights
   * compare at a glance (when they are in one unit). Kept in the URL as `<prefix>.y=shared`.
   */
  @property({ type: Boolean, attribute: 'shared-y', reflect: true }) sharedY = false;

  readonly #a = new SourceController<ParcaSourceElement>(this, () => this.baseline, true);
  readonly #b = new SourceController<ParcaSourceElement>(this, () => this.comparison, true);
  readonly #url = new CompareUrl(
    this,
    () => (this.syncUrl == null ? undefined : this.syncUrl || this.id || 'compare'),
    () => this.#onHistory(),
  );
  /** The views given a query or baseline last time, so views that left are given theirs back. */
  #driven: readonly ProfileView[] = [];
  /** The baseline last given (kept while A asks for the same profiles, so a refresh of A asks nothing again). */
  #baseline: QueryState | undefined;
  /** The mode before the URL said anything: what back to a URL without the key restores. */
  #initialMode: CompareMode | undefined;
  /** Light-DOM changes anywhere: views (and sources) added later. */
  #observer: MutationObserver | undefined;
  /** Tags of undefined elements under B already waited for. */
  readonly #waiting = new Set<string>();
  /** The charts given a shared y-axis last time, so charts that left or a switch off give theirs back. */
  #scaled: readonly ParcaMetricsElement[] = [];
  /** `shared-y` before the URL said anything. */
  #initialSharedY: boolean | undefined;
  /** The shared axis does not apply: the charts are in different units. */
  #unitsDiffer = false;

  /** Source A, once on the page. */
  get baselineSource(): ParcaSourceElement | undefined {
    return this.#a.source;
  }

  /** Source B, once on the page. */
  get comparisonSource(): ParcaSourceElement | undefined {
    return this.#b.source;
  }

  /** The profile views this element drives now. */
  get drivenViews(): readonly HTMLElement[] {
    return this.#driven;
  }

  /**
   * Sets A to B's profile type and selector over B's range moved back by the preset (`1h`, `1d`, `1w`), writes
   * both to the URL and fires `parca-compare-change`. Resolves once the sources applied it.
   */
  async applyPreset(key: string): Promise<void> {
    const preset = COMPARE_PRESETS.find((p) => p.key === key);
    const a = this.#a.source;
    const b = this.#b.source;
    if (!preset || !a || !b) return;
    // Both windows at one moment: the one the preset names.
    if (isRelativeRange(b.query.range)) b.refresh();
    const selection = presetSelection(b.query, preset);
    select(a, selection);
    // A diff's baseline is A's type, selector and range (resolved at B's moment): given now, the views ask once,
    // with B refreshed and A moved together, rather than again when A has applied it.
    if (this.mode === 'diff') this.#apply(createQueryState({ ...selection, now: b.query.now }));
    await this.#changed('preset', [a], key);
  }

  /** Exchanges the two sources' profile type, selector and range; writes them to the URL and fires `parca-compare-change`. */
  async swap(): Promise<void> {
    const a = this.#a.source;
    const b = this.#b.source;
    if (!a || !b) return;
    const [first, second] = [a.query, b.query];
    select(a, second);
    select(b, first);
    await this.#changed('swap', [a, b]);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#initialMode ??= this.mode;
    this.mode = this.#url.read() ?? this.mode;
    this.#observer = new MutationObserver(() => this.requestUpdate());
    this.#observer.observe(document, { childList: true, subtree: true });
    this.#initialSharedY ??= this.sharedY;
    this.sharedY = this.#url.readSharedY() ?? this.sharedY;
    // A chart's new data may change the shared axis.
    document.addEventListener('parca-load', this.#onLoad);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#observer?.disconnect();
    this.#observer = undefined;
    document.removeEventListener('parca-load', this.#onLoad);
    for (const chart of this.#scaled) if (chart.isConnected) chart.yMax = undefined;
    this.#scaled = [];
    // The views still on the page go back to B alone (a view removed with this element is left as it is: it
    // would only update while detached).
    for (const view of this.#driven) if (view.isConnected) drive(view, undefined, undefined);
    this.#driven = [];
    this.#baseline = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('baseline')) this.#a.bind();
    if (changed.has('comparison')) this.#b.bind();
    if (DEV && changed.has('mode')) warnUnlessOneOf(this, 'mode', this.mode, COMPARE_MODES);
    if (this.isConnected) {
      this.#apply();
      this.#shareY();
    }
  }

  #onLoad = (event: Event): void => {
    if ((event.composedPath()[0] as Element).localName === 'parca-metrics') this.requestUpdate();
  };

  /** Gives the charts of A and B one y-axis (with `shared-y`), and charts no longer sharing theirs back. */
  #shareY(): void {
    const a = this.#a.source;
    const b = this.#b.source;
    const charts = this.sharedY && a && b ? [...this.#ofSource(a, 'parca-metrics'), ...this.#ofSource(b, 'parca-metrics')] : [];
    const max = sharedYMax(charts.map((chart) => chart.data));
    this.#unitsDiffer = charts.length > 0 && max === undefined;
    for (const chart of charts) if (chart.yMax !== max) chart.yMax = max;
    for (const chart of this.#scaled) if (!charts.includes(chart)) chart.yMax = undefined;
    this.#scaled = charts;
  }

  /** The elements of one tag that belong to `source` by the source rule: its descendants and those naming it. */
  #ofSource<K extends 'parca-metrics'>(source: ParcaSourceElement, tag: K): HTMLElementTagNameMap[K][] {
    const named = source.id ? [...document.querySelectorAll<HTMLElementTagNameMap[K]>(`${tag}[source="${CSS.escape(source.id)}"]`)] : [];
    return [...source.querySelectorAll(tag), ...named].filter((element) => sourceOf(element, element.getAttribute('source')) === source);
  }

  /** Gives every view of B what the mode says, and views no longer driven their own query back. */
  #apply(a: QueryState | undefined = this.#a.state?.query): void {
    const b = this.#b.source;
    const views = b ? this.#views(b) : [];
    const mode = isCompareMode(this.mode) ? this.mode : 'diff';
    const baseline = mode === 'diff' && a ? this.#baselineOf(a) : undefined;
    const query = mode === 'a' ? a : undefined;
    for (const view of views) drive(view, query, baseline);
    for (const view of this.#driven) if (!views.includes(view)) drive(view, undefined, undefined);
    this.#driven = views;
  }

  #baselineOf(a: QueryState): QueryState | undefined {
    const next = baselineOf(a);
    if (!sameBaseline(next, this.#baseline)) this.#baseline = next;
    return this.#baseline;
  }

  /** The views listed in `views`, else B's own: its descendants and the elements naming it, by the source rule. */
  #views(b: ParcaSourceElement): ProfileView[] {
    const ids = this.views.split(/[\s,]+/).filter(Boolean);
    const root = this.getRootNode() as Document | ShadowRoot;
    const candidates = ids.length
      ? ids.map((id) => root.getElementById?.(id) ?? document.getElementById(id))
      : [...b.querySelectorAll('*'), ...(b.id ? document.querySelectorAll(`[source="${CSS.escape(b.id)}"]`) : [])];
    const views: ProfileView[] = [];
    for (const element of candidates) {
      if (!element) continue;
      if (isProfileView(element)) {
        if (ids.length || sourceOf(element, element.getAttribute('source')) === b) views.push(element);
      } else if (element.localName.includes('-') && !customElements.get(element.localName) && !this.#waiting.has(element.localName)) {
        // An element not defined yet may be a view: look again once it is.
        this.#waiting.add(element.localName);
        void customElements.whenDefined(element.localName).then(() => this.requestUpdate());
      }
    }
    return views;
  }

  /** After a preset or swap: waits for the sources to apply it, writes one history entry, tells the page. */
  async #changed(cause: CompareChangeCause, sources: readonly ParcaSourceElement[], preset?: string): Promise<void> {
    await Promise.all(sources.map((source) => source.updateComplete));
    this.#url.write(this.mode, sources, this.sharedY);
    this.#fire(cause, preset);
    await this.updateComplete;
  }

  #fire(cause: CompareChangeCause, preset?: string): void {
    this.dispatchEvent(new ParcaCompareChangeEvent(this.mode, cause, this.#a.source?.query, this.#b.source?.query, preset));
  }

  #pick(mode: CompareMode): void {
    if (mode === this.mode) return;
    this.mode = mode;
    this.#url.write(mode, [], this.sharedY);
    this.#fire('mode');
  }

  #toggleSharedY(): void {
    this.sharedY = !this.sharedY;
    this.#url.write(this.mode, [], this.sharedY);
    this.#fire('shared-y');
  }

  // Back and forward: the mode the URL holds, or the page's own when it holds none.
  #onHistory(): void {
    const mode = this.#url.read() ?? this.#initialMode ?? 'diff';
    const sharedY = this.#url.readSharedY() ?? this.#initialSharedY ?? false;
    if (mode === this.mode && sharedY === this.sharedY) return;
    this.mode = mode;
    this.sharedY = sharedY;
    this.#fire('history');
  }

  #status(): string {
    if (!this.baseline || !this.comparison) return 'Name the two sources: baseline="…" and comparison="…".';
    const missing = [this.#a.source ? '' : this.baseline, this.#b.source ? '' : this.comparison].filter(Boolean);
    if (missing.length) return `No source ${missing.map((id) => `"${id}"`).join(' or ')} on the page yet.`;
    return this.#unitsDiffer ? 'The charts are in different units: each keeps its own y-axis.' : '';
  }

  protected override render() {
    const ready = !!this.#a.source && !!this.#b.source;
    return html`
      <div part="toolbar">
        <div part="modes" role="group" aria-label="Show">
          ${COMPARE_MODES.map(
            (mode) =>
              html`<button type="button" part="mode" data-mode=${mode} aria-pressed=${this.mode === mode ? 'true' : 'false'} @click=${() => this.#pick(mode)}>
                ${MODE_LABELS[mode]}
              </button>`,
          )}
        </div>
        <div part="presets" role="group" aria-label="Set A to B's query earlier">
          ${COMPARE_PRESETS.map(
            (preset) =>
              html`<button type="button" part="preset" data-preset=${preset.key} ?disabled=${!ready} @click=${() => void this.applyPreset(preset.key)}>
                ${preset.label}
              </button>`,
          )}
        </div>
        <button type="button" part="swap" ?disabled=${!ready} @click=${() => void this.swap()}>Swap A and B</button>
        <button type="button" part="shared-y" aria-pressed=${this.sharedY ? 'true' : 'false'} @click=${() => this.#toggleSharedY()}>Same y-axis</button>
        <span part="status" role="status">${this.#status()}</span>
      </div>
    `;
  }
}

/** Sets a view's query and baseline when they differ (the view asks again when either changes). */
function drive(view: ProfileView, query: QueryState | undefined, baseline: QueryState | undefined): void {
  if (view.query !== query) view.query = query;
  if (view.baselineQuery !== baseline) view.baselineQuery = baseline;
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaCompareElement {
  addEventListener: ListenerMethods<ParcaCompareEvents, ParcaCompareElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaCompareEvents, ParcaCompareElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-compare': ParcaCompareElement;
  }
}
