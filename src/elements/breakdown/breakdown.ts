// The breakdown element: a shell that wires its parts. What it shows comes from BreakdownData (one QueryRange
// summed by the label, grouped, ranked, the rest folded: model/breakdown/), the mini charts from SparkCanvases, the
// rows from templates.ts; the keyboard's rules from model/breakdown/keys.ts and its row from ActiveLine. Here:
// properties, the request, and user actions turned into `parca-*` events.
import { type PropertyValues, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ActiveLine } from '../../controllers/active-line.js';
import { FrameController } from '../../controllers/frame-controller.js';
import { QueryController, type QueryStatus } from '../../controllers/query-controller.js';
import { SizeController } from '../../controllers/size-controller.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import type { ListenerMethods, ParcaBreakdownEvents } from '../../events/event-maps.js';
import { ParcaSelectorSelectEvent } from '../../events/selector-select.js';
import { rowKeyTarget } from '../../model/breakdown/keys.js';
import { type BreakdownModel, type BreakdownRow, DEFAULT_BREAKDOWN_TOP_N } from '../../model/breakdown/rank.js';
import { type LabelAction, selectorWithLabel } from '../../model/breakdown/selector.js';
import type { ChartData } from '../../model/metrics/series.js';
import { createQueryState } from '../../model/query-state.js';
import { chooseStepSeconds, widthClass } from '../../model/metrics/step.js';
import type { MetricsArgs } from '../metrics/fetch.js';
import { ParcaElement } from '../parca-element.js';
import { BreakdownData, type BreakdownResult, fetchBreakdown } from './breakdown-data.js';
import { breakdownStyles } from './breakdown.styles.js';
import { SparkCanvases } from './spark-canvases.js';
import { ROW_HEIGHT, type RowButton, renderRows, renderShowTop, statusText, summaryText } from './templates.js';

/** Width assumed before the element has been laid out with a width of its own. */
const FALLBACK_WIDTH = 800;
/** About how much of the element's width a mini chart takes (the step is chosen for it). */
const CHART_SHARE = 0.4;
/** Mini chart pixels per requested point. */
const DEFAULT_PX_PER_POINT = 4;

/**
 * Small multiples of the source's query by one label: a row per value of `label` (`instance`, `job`, ...) with
 * its mini chart over the range, its total and its share, the top N by total and the rest folded into one row
 * ("other 12 values"; click it to list them all). One QueryRange request with `sum_by: [label]` brings every value;
 * only the rows in view are rendered, so hundreds of values cost the same as ten.
 *
 * Click a value (or press Enter on it) to open it in the source's main views: the query runs with
 * `label="value"` in its selector. The `=` and `≠` buttons beside it include or exclude the value
 * (`label="value"`, `label!="value"`, in place of any matcher the selector had on the label). Each fires the
 * cancelable `parca-selector-select` a chart's series actions fire: unless a listener calls `preventDefault()`, the
 * source runs the new selector (its query editor shows it); used alone, the element applies it to its own `query`.
 *
 * Keyboard (a list): Up/Down, Page Up/Down, Home/End move between rows; Enter opens; Tab reaches the row's include
 * and exclude buttons. Used alone, it shows the `query` of its own `connection`.
 *
 * @tagname parca-breakdown
 * @summary Small multiples: one mini chart per value of a label, with include and exclude.
 * @fires parca-selector-select - A user opened or included (`only`) or excluded (`exclude`) a value; `selector` is the new selector, `labels` the label and value. Cancelable: the default runs it.
 * @fires parca-load - New values arrived and are shown.
 * @fires parca-error - A request failed; the last good rows stay.
 * @csspart header - The row above the list: summary, status, "Show top N".
 * @csspart summary - How many values the label has, and how many are listed.
 * @csspart status - Loading, empty ("No values of label X") and no-query messages.
 * @csspart error - What went wrong with the last request.
 * @csspart show-top - Folds the values beyond the top N again.
 * @csspart list - The scrolling list of rows (only those in view are in the DOM).
 * @csspart row - One value (and the folded row, which is also `other`).
 * @csspart other - The row that folds the values beyond the top N.
 * @csspart open - The button that opens a value (the folded row's lists them all): name, chart, total, share.
 * @csspart name - The value.
 * @csspart chart - The mini chart (a canvas).
 * @csspart total - The value's total over the range.
 * @csspart share - The value's share of every value's total.
 * @csspart include - The button that keeps only this value (`label="value"`).
 * @csspart exclude - The button that leaves this value out (`label!="value"`).
 * @cssprop --parca-breakdown-height - Height beyond which the rows scroll (default 360px).
 * @cssprop --parca-breakdown-line-color - The mini charts' line.
 * @cssprop --parca-breakdown-fill-color - The area under the line.
 * @cssprop --parca-breakdown-other-color - The folded row's line.
 * @cssprop --parca-color-text - Text.
 * @cssprop --parca-color-background - Background.
 * @cssprop --parca-color-border - Row separators and button borders on hover.
 * @cssprop --parca-color-muted - Summary, status, shares and the folded row's name.
 * @cssprop --parca-color-accent - Focus ring.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Base spacing.
 * @cssprop --parca-radius - Corner radius of buttons.
 */
export class ParcaBreakdownElement extends ParcaElement {
  static override styles = breakdownStyles;
  protected static override readonly devChecks = { needsProfileType: true };

  /** The label to break the query down by: one row per value (`instance`, `job`, ...). */
  @property() label = '';
  /** How many values (by total) are listed before the rest are folded into one row. */
  @property({ type: Number, attribute: 'top-n' }) topN = DEFAULT_BREAKDOWN_TOP_N;
  /** Mini chart pixels per requested point: the step is chosen from the width so there is about one point per this many. */
  @property({ type: Number, attribute: 'px-per-point' }) pxPerPoint = DEFAULT_PX_PER_POINT;

  /** Every value listed, none folded (the folded row was opened). */
  @state() private showAll = false;

  readonly #data = new BreakdownData();
  readonly #line = new ActiveLine(this, () => this.#list(), ROW_HEIGHT, 360);
  /** The row the keyboard is on, by key, so it stays on its value when the rows change. */
  #activeKey: string | undefined;
  /** The button to focus after the next render (the keyboard moved to another row). */
  #focus: RowButton | undefined;
  /** The row the keyboard goes on from once the rows change (the first value the folded row listed). */
  #nextIndex: number | undefined;
  #lastStep = 0;

  readonly #theme = new ThemeController(this);
  readonly #canvases = new SparkCanvases(this.#theme);
  readonly #frame = new FrameController(this, () => this.#draw());
  /** The host was laid out: the step can be chosen for its width. */
  #measured = false;
  // The element's width (a part of no height, so rows coming and going do not resize what is watched): the step
  // follows its width class (a new class asks again), the mini charts its width.
  readonly #size: SizeController = new SizeController(
    this,
    () => this.renderRoot.querySelector('.sizer'),
    () => {
      this.#measured = true;
      this.requestUpdate();
    },
  );

  readonly #query = new QueryController<MetricsArgs, BreakdownResult>(this, {
    args: () => this.#args(),
    run: fetchBreakdown,
    sourceName: () => this.sourceName,
    // The same query over a window resolved anew (a refresh): the rows stay as they are until the answer arrives.
    isRefresh: (previous, next) => previous.every((value, i) => i === 3 || value === next[i]),
  });

  /** `idle`, `loading`, `refreshing`, `complete` or `error`: the state of the latest request. */
  get status(): QueryStatus {
    return this.#query.status;
  }

  /** Settles when what the latest request brought is on screen: the request settled, the rows rendered and drawn. */
  get settled(): Promise<void> {
    const request = this.#query.settled;
    // An answer can ask again at once (a step no finer than the data): then that request is the latest.
    return request.then(() => this.updateComplete).then(() => (request === this.#query.settled ? this.#frame.complete : this.settled));
  }

  /** The answer's columns (raw totals per point), undefined before the first answer. */
  get data(): ChartData | undefined {
    return this.#data.data;
  }

  /** The rows: values ranked by total, the rest folded; their totals, for pages that show their own. */
  get breakdown(): BreakdownModel {
    return this.#data.model;
  }

  /** The step (seconds) of the latest request; 0 before the first. */
  get stepSeconds(): number {
    return this.#lastStep;
  }

  /** Canvas draws so far (for tests and benchmarks). @internal */
  get draws(): number {
    return this.#frame.draws;
  }

  #args(): MetricsArgs | undefined {
    const connection = this.activeConnection;
    const query = this.activeQuery;
    const window = query?.window;
    const label = this.label.trim();
    if (!connection || !query || query.kind === 'profile' || !query.profileType || !label || !this.#measured || !window) return undefined;
    const length = window.endMs - window.startMs;
    const width = widthClass(this.#size.size.width > 0 ? this.#size.size.width : FALLBACK_WIDTH);
    // Never finer than the data (see SeriesData): a step under the profiles' spacing draws a saw.
    const step = Math.max(chooseStepSeconds(length, width * CHART_SHARE, this.pxPerPoint), this.#data.stepFloor(length));
    return [connection, query.profileType, query.selector, window, step, label];
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('label') && this.hasUpdated) this.showAll = false;
    const before = this.#line.index;
    if (this.#data.update(this.#query.value, this.topN, this.showAll)) {
      const rows = this.#data.model.rows;
      // The keyboard's row went (excluded, folded): it stays where it was, on the row that took its place.
      const gone = this.#activeKey !== undefined && !rows.some((row) => row.key === this.#activeKey);
      if (gone && this.#listHasFocus()) {
        this.#nextIndex ??= before;
        this.#focus ??= 'open';
      }
      if (this.#nextIndex !== undefined) this.#activeKey = rows[Math.min(this.#nextIndex, rows.length - 1)]?.key;
      this.#nextIndex = undefined;
      this.#line.index = this.#activeKey === undefined ? -1 : rows.findIndex((row) => row.key === this.#activeKey);
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const args = this.#args();
    if (args) this.#lastStep = args[4];
    if (this.#focus) {
      const row = this.renderRoot.querySelector(`.row[data-index="${this.#line.index}"]`);
      const button = row?.querySelector<HTMLElement>(`[data-button="${this.#focus}"]`) ?? row?.querySelector<HTMLElement>('[data-button="open"]');
      this.#focus = undefined;
      button?.focus({ preventScroll: true });
    }
    this.#frame.schedule();
  }

  #listHasFocus(): boolean {
    return !!this.#list()?.contains(this.shadowRoot?.activeElement ?? null);
  }

  #list(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="list"]');
  }

  /** The height of the list's view: as laid out, or (hidden until the first rows) the most its style allows. */
  #viewportHeight(): number {
    const list = this.#list();
    if (!list || list.clientHeight > 0) return this.#line.viewportHeight;
    return parseFloat(getComputedStyle(list).maxHeight) || this.#line.viewportHeight;
  }

  #draw(): boolean {
    if (!this.#data.data) return false;
    const canvases = this.renderRoot.querySelectorAll<HTMLCanvasElement>('canvas[part~="chart"]');
    return this.#canvases.draw(canvases, (canvas) => this.#data.sparkInput(canvas.dataset.key), this.#data.axis);
  }

  // ---- user actions -> events -------------------------------------------------------------------------

  /**
   * A value opened, included or excluded: a cancelable `parca-selector-select` with the new selector (the chart's
   * series actions fire the same). Its default: the source runs it; without a source, the element's own `query`
   * takes it.
   */
  #select(row: BreakdownRow, action: LabelAction): void {
    const result = this.#data.result;
    if (row.kind !== 'value' || !result) return;
    const value = row.group.value;
    const selector = selectorWithLabel(result.selector, result.label, value, action);
    const event = new ParcaSelectorSelectEvent(selector, action === 'include' ? 'only' : 'exclude', Object.freeze({ [result.label]: value }));
    // Every listener has run when dispatchEvent returns: a veto is known by now.
    if (!this.dispatchEvent(event) || !this.query) return;
    this.query = createQueryState({ ...this.query, point: undefined, selector, now: this.activeClock.now() });
  }

  #open = (row: BreakdownRow): void => {
    if (row.kind === 'value') {
      this.#select(row, 'include');
      return;
    }
    // The folded row lists every value; the keyboard goes on from the first value it folded.
    this.#nextIndex = this.#data.model.rows.indexOf(row);
    this.showAll = true;
    this.#focus = 'open';
  };

  #showTop = (): void => {
    this.showAll = false;
  };

  #onKey = (event: KeyboardEvent): void => {
    const rows = this.#data.model.rows;
    const target = rowKeyTarget(event.key, this.#line.index, rows.length, this.#line.page);
    if (target === undefined) return;
    event.preventDefault();
    const from = (event.composedPath()[0] as HTMLElement).dataset?.button as RowButton | undefined;
    if (!this.#line.moveTo(target, rows.length)) return;
    this.#activeKey = rows[this.#line.index]?.key;
    this.#focus = from ?? 'open';
  };

  /** Focus that reaches a row (Tab, a click) makes it the keyboard's row. */
  #onFocus = (event: FocusEvent): void => {
    const row = (event.composedPath()[0] as Element).closest?.<HTMLElement>('.row');
    const index = Number(row?.dataset.index ?? -1);
    if (!row || index === this.#line.index) return;
    this.#line.index = index;
    this.#activeKey = this.#data.model.rows[index]?.key;
    this.requestUpdate();
  };

  // ---- render -----------------------------------------------------------------------------------------

  protected override render() {
    const data = this.#data.data;
    const model = this.#data.model;
    const empty = this.#data.empty;
    const error = this.#query.error;
    const hidden = this.activeQuery?.kind === 'profile';
    const label = this.#data.label || this.label;
    const shown = !!data && !empty && !hidden;
    const status = statusText({ label: this.label.trim(), query: this.activeQuery, status: this.#query.status, hasData: !!data, empty });
    return html`
      <div class="sizer"></div>
      <div part="header" ?hidden=${hidden}>
        ${shown ? html`<span part="summary">${summaryText(label, model)}</span>` : nothing}
        <span part="status" role="status">${status}</span>
        ${shown ? renderShowTop(this.showAll, this.topN, model, this.#showTop) : nothing}
      </div>
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      <div part="list" ?hidden=${!shown} @scroll=${(e: Event) => this.#line.scrolled((e.target as HTMLElement).scrollTop)} @keydown=${this.#onKey} @focusin=${this.#onFocus}>
        ${
          shown && data
            ? renderRows({
                label,
                model,
                unit: data.unit,
                scrollTop: this.#line.scrollTop,
                viewportHeight: this.#viewportHeight(),
                active: this.#line.index,
                onOpen: this.#open,
                onInclude: (row) => this.#select(row, 'include'),
                onExclude: (row) => this.#select(row, 'exclude'),
              })
            : nothing
        }
      </div>
    `;
  }
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaBreakdownElement {
  addEventListener: ListenerMethods<ParcaBreakdownEvents, ParcaBreakdownElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaBreakdownEvents, ParcaBreakdownElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-breakdown': ParcaBreakdownElement;
  }
}
