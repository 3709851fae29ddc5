// A series' query actions, loaded the first time someone opens them (a chart nobody asks never loads this): the
// menu with "Only this series" and "Exclude this series", the selector each makes (model/selector/edit.ts), and
// what choosing one does: a cancelable `parca-selector-select` that the source runs, or that a chart with a query
// of its own applies to it.
import { css, html, nothing } from 'lit';
import { ParcaSelectorSelectEvent, type SelectorAction } from '../../events/selector-select.js';
import { type SeriesLabel, labelsRecord } from '../../model/metrics/labels.js';
import type { PointRef } from '../../model/metrics/cursor.js';
import type { LegendModel } from '../../model/metrics/legend.js';
import { createQueryState } from '../../model/query-state.js';
import { excludeSeriesSelector, onlySeriesSelector } from '../../model/selector/edit.js';
import { styleProps } from '../directives/style-props.js';
import type { ParcaMetricsElement } from './metrics.js';
import type { PlotView } from './plot-view.js';
import { seriesName } from './templates.js';

/** An open menu: the series it is about, where it opens (page coordinates) and what gets focus back. */
export interface SeriesMenu {
  readonly key: string;
  readonly x: number;
  readonly y: number;
  readonly trigger: HTMLElement;
}

// Adopted by the chart's shadow root on first use, so the chart's own styles carry none of it.
const styles = css`
  [part~='series-menu'] {
    position: absolute;
    z-index: 3;
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 2px;
    max-width: min(32em, 100%);
    box-sizing: border-box;
    background: var(--_tooltip-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
  }
  [part~='series-action'] {
    border: none;
    text-align: start;
  }
  [part~='series-action']:hover,
  [part~='series-action']:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  [part~='series-action'][aria-disabled='true'] {
    cursor: not-allowed;
  }
  [part~='series-action'] code {
    display: block;
    color: var(--_muted-text);
    font-size: 0.85em;
    overflow-wrap: anywhere;
  }
`;

/**
 * The menu `event` asks for, or undefined when it points at no series: a legend item's menu button (`target`),
 * a right-click on the chart (the series nearest the pointer) or a key on the keyboard `cursor`'s point.
 */
export function seriesMenu(host: ParcaMetricsElement, view: PlotView, event: Event, target: HTMLElement, cursor: PointRef | undefined): SeriesMenu | undefined {
  const root = host.renderRoot;
  const button = target.closest<HTMLElement>('[part~="series-actions"]');
  if (button) {
    const box = button.getBoundingClientRect();
    return { key: button.dataset.key!, x: box.left, y: box.bottom, trigger: button };
  }
  let point = cursor;
  let at: { x: number; y: number } | undefined;
  if (event instanceof MouseEvent) {
    const over = view.plot?.over.getBoundingClientRect();
    point = over && view.pointAt(event.clientX - over.left, event.clientY - over.top);
    at = { x: event.clientX, y: event.clientY };
  } else {
    const marker = root.querySelector('[part~="marker"]')?.getBoundingClientRect();
    at = marker && { x: marker.right, y: marker.bottom };
  }
  const key = point && host.data?.series[point.series]?.key;
  const chart = root.querySelector<HTMLElement>('[part~="chart"]');
  return key === undefined || !at || !chart ? undefined : { key, ...at, trigger: chart };
}

/** Menus whose first item was given focus (once, when they opened). */
const focused = new WeakSet<SeriesMenu>();

/**
 * The menu of the series `menu.key` over the chart, or nothing when the chart no longer has that series.
 * `selector` is the one the series were asked with; `close` closes the menu.
 */
export function renderSeriesMenu(host: ParcaMetricsElement, menu: SeriesMenu, legend: LegendModel, selector: string | undefined, close: () => void) {
  const series = host.data?.series.find((s) => s.key === menu.key);
  if (!series || selector === undefined || host.activeQuery?.kind === 'profile') return nothing;
  const root = host.renderRoot as ShadowRoot;
  const sheet = styles.styleSheet;
  if (sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  // The labels that tell the series apart from the others: excluding a label every series has would leave nothing.
  const distinct = legend.entries.find((e) => e.key === menu.key)?.distinct ?? [];
  const done = (restoreFocus: boolean) => {
    close();
    if (restoreFocus) (menu.trigger.isConnected ? menu.trigger : root.querySelector<HTMLElement>('[part~="chart"]'))?.focus();
  };
  const act = (next: string | undefined, action: SelectorAction, labels: readonly SeriesLabel[]) => {
    if (next === undefined) return;
    done(true);
    const event = new ParcaSelectorSelectEvent(next, action, labelsRecord(labels));
    // A chart with a query of its own applies it there; under a source, the source runs it.
    if (host.dispatchEvent(event) && host.query) host.query = createQueryState({ ...host.query, point: undefined, selector: next, now: host.activeClock.now() });
  };
  if (!focused.has(menu)) {
    focused.add(menu);
    void host.updateComplete.then(() => root.querySelector<HTMLElement>('[part~="series-action"]')?.focus());
  }
  const box = host.getBoundingClientRect();
  const only = onlySeriesSelector(selector, series.labels);
  const exclude = excludeSeriesSelector(selector, distinct);
  return html`<div
    part="series-menu"
    role="menu"
    aria-label="Query actions: ${seriesName(series.labels)}"
    ${styleProps({ left: `${Math.max(0, Math.min(menu.x - box.left, box.width - 320))}px`, top: `${menu.y - box.top}px` })}
    @keydown=${(event: KeyboardEvent) => menuKeys(event, done)}
    @mousedown=${(event: Event) => event.preventDefault()}
    @focusout=${(event: FocusEvent) => !(event.currentTarget as Element).contains(event.relatedTarget as Node | null) && done(false)}
  >
    ${renderItem('Only this series', only, 'The selector is not valid', () => act(only, 'only', series.labels))}
    ${renderItem('Exclude this series', exclude, 'No label tells it apart: it is the only series', () => act(exclude, 'exclude', distinct))}
  </div>`;
}

function renderItem(label: string, selector: string | undefined, unavailable: string, onClick: () => void) {
  return html`<button type="button" role="menuitem" part="series-action" aria-disabled=${selector === undefined ? 'true' : 'false'} @click=${onClick}>
    ${label} <code>${selector ?? unavailable}</code>
  </button>`;
}

/** Arrows, Home and End move between the items; Escape closes and gives focus back (Tab leaves, which closes too). */
function menuKeys(event: KeyboardEvent, done: (restoreFocus: boolean) => void): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    event.stopPropagation();
    done(true);
    return;
  }
  const items = [...(event.currentTarget as Element).querySelectorAll<HTMLElement>('[role="menuitem"]')];
  const at = items.indexOf(event.target as HTMLElement);
  const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: -1 }[event.key];
  if (next === undefined) return;
  event.preventDefault();
  items.at(next % items.length)?.focus();
}
