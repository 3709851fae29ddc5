// The sandwich element: a shell that wires its parts. The samples come from SamplesData (the same request a
// function table of the query makes), the two graphs are SandwichPanes drawn by the flame graph's canvas, and
// what is shared with the source's other views (the function, search, filters) comes from ProfileViewElement.
import { type PropertyValues, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ListenerMethods, ParcaSandwichEvents } from '../../events/event-maps.js';
import { COLOR_BY, type ColorBy } from '../../model/flamegraph/colors.js';
import { LABEL_ALIGNS, type LabelAlign } from '../../model/flamegraph/label-fit.js';
import { frameName } from '../../model/flamegraph/names.js';
import { nameOfExactSearch } from '../../model/flamegraph/search.js';
import { placeOverlay } from '../../model/overlay.js';
import { formatPercent, formatValue } from '../../model/units.js';
import type { FlamegraphData } from '../flamegraph/fetch.js';
import type { FrameLook } from '../flamegraph/options.js';
import { renderTooltip } from '../flamegraph/templates.js';
import { styleProps } from '../directives/style-props.js';
import { ProfileViewElement } from '../profile-view.js';
import { SamplesData } from '../samples-data.js';
import { type SandwichSide, SandwichPane } from './sandwich-pane.js';
import { sandwichStyles } from './sandwich.styles.js';

/**
 * A function's callers over its callees, as two flame graphs of the source's profile: the callers grow upwards
 * from the function at the bottom of the first, its callees hang down from it in the second. Each holds every
 * sample through the function once (its cumulative value, as pprof and `<parca-function-table>` count it);
 * callers are cut at the function's outermost occurrence on a stack and callees at its innermost, so recursion
 * folds away.
 *
 * It shows `sandwich` (shared with the other views: "Callers and callees" in a flame graph sets it), else the
 * function picked in any view of the source. A click on a frame (or Enter) centres the sandwich on that frame's
 * function; Clear (or Escape) goes back to the picked function. Used alone, it shows the `query` of its own
 * `connection`, or a saved pprof profile given through `pprof`.
 *
 * @tagname parca-sandwich
 * @summary Callers over callees of one function, sharing the picked function with the other views.
 * @fires parca-load - The samples arrived.
 * @fires parca-error - A request failed; the last good sandwich stays.
 * @fires parca-view-change - A user centred the sandwich on a function or cleared it (`view.sandwich`).
 *
 * @csspart header - Names the function, with Clear.
 * @csspart exit - Clears `sandwich` (back to the picked function).
 * @csspart callers - The scrolling callers graph.
 * @csspart callees - The scrolling callees graph.
 * @csspart canvas - Each graph's focusable canvas.
 * @csspart tooltip - Details of the hovered frame.
 * @csspart status - Loading and no-function messages.
 * @csspart error - What went wrong.
 * @cssprop --parca-flamegraph-palette - Comma-separated frame colors (a hash of the binary, package or file picks one).
 * @cssprop --parca-flamegraph-neutral-color - Frames with nothing to color by, such as the root.
 * @cssprop --parca-flamegraph-muted-color - As on the flame graph (the sandwich reads the same frame tokens).
 * @cssprop --parca-flamegraph-match-color - As on the flame graph.
 * @cssprop --parca-flamegraph-diff-growth-color - As on the flame graph.
 * @cssprop --parca-flamegraph-diff-shrink-color - As on the flame graph.
 * @cssprop --parca-flamegraph-row-height - Height of a frame row (default 20px).
 * @cssprop --parca-flamegraph-font - Font of frame labels.
 * @cssprop --parca-flamegraph-max-height - Height beyond which each graph scrolls (default 640px).
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-muted - Secondary text color.
 * @cssprop --parca-color-accent - Outline of the selected frame and the focused canvas.
 * @cssprop --parca-color-background - Background of the tooltip.
 * @cssprop --parca-color-border - Border of the tooltip.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font of the header.
 * @cssprop --parca-font-size - Font size of the header.
 */
export class ParcaSandwichElement extends ProfileViewElement {
  static override styles = sandwichStyles;
  protected static override readonly devChecks = { needsProfileType: true, oneOf: { colorBy: COLOR_BY, labelAlign: LABEL_ALIGNS } };

  /** The function whose callers and callees are shown; empty: the function picked in the source's views. */
  @property() sandwich = '';
  /** What picks a frame's color: `binary` (default), `package` or `file`. */
  @property({ attribute: 'color-by' }) colorBy: ColorBy = 'binary';
  /** Which end of a frame its name is drawn against: `left` (default) or `right`. */
  @property({ attribute: 'label-align' }) labelAlign: LabelAlign = 'left';
  /** A saved pprof profile (bytes, gzip-compressed or not) to show instead of querying: a page with no server. */
  @property({ attribute: false }) pprof: Uint8Array | undefined;

  readonly #data = new SamplesData(this);
  readonly #panes: readonly [SandwichPane, SandwichPane] = [
    new SandwichPane(this, 'callers', () => this.#graphs()?.[0]),
    new SandwichPane(this, 'callees', () => this.#graphs()?.[1]),
  ];
  #shownGraphs: readonly [FlamegraphData, FlamegraphData] | undefined;
  #announcement = '';

  /** The function shown: `sandwich`, else the one picked in the source's views. */
  get functionName(): string {
    return this.sandwich || nameOfExactSearch(this.search);
  }

  /** The callers graph shown (root, the function, its callers outward). */
  get callers(): FlamegraphData | undefined {
    return this.#graphs()?.[0];
  }

  /** The callees graph shown (root, the function, what it called). */
  get callees(): FlamegraphData | undefined {
    return this.#graphs()?.[1];
  }

  /** Settles when the latest request has settled and both graphs are drawn. */
  get settled(): Promise<void> {
    return this.#data.settled
      .then(() => this.updateComplete)
      .then(() => Promise.all(this.#panes.map((pane) => pane.canvas.drawComplete)))
      .then(() => undefined);
  }

  /** How frames are drawn. @internal */
  get frameLook(): FrameLook {
    return { colorBy: this.colorBy, labelAlign: this.labelAlign };
  }

  /** Where a frame of one graph was drawn in the last frame (CSS pixels of its canvas); undefined when not visible. */
  frameRect(side: SandwichSide, row: number): { x: number; y: number; width: number; height: number } | undefined {
    return this.#panes[side === 'callers' ? 0 : 1].canvas.rectOf(row);
  }

  /** Centres the sandwich on a function, as a click on one of its frames does. @internal */
  recentre(name: string): void {
    if (name === this.functionName) return;
    this.sandwich = name;
    this.reportView();
    this.#announcement = `Callers and callees of ${name}`;
  }

  /** Says a frame in the live region. @internal */
  announce(data: FlamegraphData, row: number, prefix = ''): void {
    const value = data.model.cumulative[row]!;
    this.#announcement = `${prefix}${frameName(data.model, row)}: ${formatValue(value, data.unit)}, ${formatPercent(value, data.total)} of total`;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.applySourceView(() => []);
    this.readOptions();
    const graphs = this.#graphs();
    if (graphs !== this.#shownGraphs) {
      this.#shownGraphs = graphs;
      for (const pane of this.#panes) pane.reset();
    }
  }

  protected override updated(): void {
    const pane = this.#panes.find((p) => p.pointer);
    const tooltip = this.renderRoot.querySelector<HTMLElement>('[part="tooltip"]');
    const frame = this.renderRoot.querySelector<HTMLElement>('.frame');
    if (pane?.pointer && tooltip && frame) {
      const place = placeOverlay(pane.pointer.x, pane.pointer.y, { width: tooltip.offsetWidth, height: tooltip.offsetHeight }, frame.getBoundingClientRect());
      tooltip.style.left = `${place.left}px`;
      tooltip.style.top = `${place.top}px`;
    }
    for (const p of this.#panes) p.canvas.schedule();
  }

  protected override render() {
    const name = this.functionName;
    const graphs = this.#graphs();
    const error = this.#data.error;
    const query = this.activeQuery;
    const status =
      !this.pprof && !query?.profileType
        ? 'Choose a profile type to see callers and callees.'
        : !name
          ? 'Pick a function (in the flame graph, the function table or the call tree) to see its callers and callees.'
          : this.#data.samples?.isDiff
            ? 'A comparison has no callers and callees view: it shows two profiles.'
            : !graphs && this.#data.loading
              ? 'Loading callers and callees…'
              : graphs && graphs[0].model.size <= 1
                ? `${name} is not on any stack of this profile.`
                : '';
    const hovered = this.#panes.find((pane) => pane.pointer && pane.hovered >= 0);
    const hoveredData = hovered?.data();
    return html`<div class="frame" @keydown=${this.#onKey}>
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${
        name
          ? html`<div part="header">
            <span>Callers and callees of <strong>${name}</strong></span>
            ${this.sandwich ? html`<button part="exit" @click=${this.#clear}>Clear</button>` : nothing}
          </div>`
          : nothing
      }
      ${status ? html`<div part="status">${status}</div>` : nothing} ${this.#renderPane(this.#panes[0], name, !!graphs)} ${this.#renderPane(this.#panes[1], name, !!graphs)}
      ${hovered && hoveredData ? renderTooltip(hoveredData, hovered.hovered) : nothing}
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    </div>`;
  }

  #renderPane(pane: SandwichPane, name: string, shown: boolean) {
    const model = pane.data()?.model;
    const rows = model && model.size > 0 ? model.maxDepth + 1 : 0;
    const label = `${pane.side === 'callers' ? 'Callers' : 'Callees'} of ${name}. Arrow keys move between frames; Enter shows a frame's function in the middle.`;
    return html`<div part=${pane.side} class="viewport" ?hidden=${!shown} @scroll=${pane.scroll}>
      <div class="content" ${styleProps({ height: `${rows * pane.canvas.theme.rowHeight}px` })}>
        <canvas
          part="canvas"
          tabindex="0"
          role="application"
          aria-roledescription="flame graph"
          aria-label=${label}
          @pointermove=${pane.pointerMove}
          @pointerleave=${pane.pointerLeave}
          @click=${pane.click}
          @keydown=${pane.keydown}
          @focus=${pane.focusCanvas}
        ></canvas>
      </div>
    </div>`;
  }

  /** The two graphs of the function shown (none for a comparison, which has two profiles). */
  #graphs(): readonly [FlamegraphData, FlamegraphData] | undefined {
    return this.#data.sandwich(this.functionName);
  }

  #clear = (): void => {
    this.sandwich = '';
    this.reportView();
  };

  #onKey = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.sandwich) return;
    event.preventDefault();
    this.#clear();
  };
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaSandwichElement {
  addEventListener: ListenerMethods<ParcaSandwichEvents, ParcaSandwichElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaSandwichEvents, ParcaSandwichElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-sandwich': ParcaSandwichElement;
  }
}
