// The breakdown's parts as templates: the header (how many values, the fold undone), the status, and the list
// of rows, only those in view (a list of any length costs the same). Each row is one list item: a button that opens
// the value (its name, mini chart, total and share), then its include and exclude buttons. One row at a time is in
// the Tab order (the row the keyboard is on): Tab goes from its open button to include and exclude, then out.
import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { QueryStatus } from '../../controllers/query-controller.js';
import { type BreakdownModel, type BreakdownRow, otherName, valueName } from '../../model/breakdown/rank.js';
import { visibleRows } from '../../model/flamegraph/table.js';
import type { QueryState } from '../../model/query-state.js';
import { type MetricUnit, formatMetricValue, formatPercent } from '../../model/units.js';
import { styleProps } from '../directives/style-props.js';

/** Height of a row in CSS px (the list scrolls in whole rows of this height). */
export const ROW_HEIGHT = 36;

/** Which of a row's buttons: the keyboard keeps to the same one when it moves between rows. */
export type RowButton = 'open' | 'include' | 'exclude';

export interface RowsView {
  readonly label: string;
  readonly model: BreakdownModel;
  readonly unit: MetricUnit;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  /** The row the keyboard is on (-1: none yet, the first row is in the Tab order). */
  readonly active: number;
  readonly onOpen: (row: BreakdownRow) => void;
  readonly onInclude: (row: BreakdownRow) => void;
  readonly onExclude: (row: BreakdownRow) => void;
}

/** The text a row's figures say: its total and its share of every value's. */
function figures(view: RowsView, total: number): { total: string; share: string } {
  return { total: formatMetricValue(total, view.unit), share: formatPercent(total, view.model.total) };
}

function renderRow(view: RowsView, row: BreakdownRow, index: number, tabbable: boolean) {
  const tab = tabbable ? '0' : '-1';
  // The fold ("other N values") opens into every value; a value opens in the main views and can be included or left out.
  const other = row.kind === 'other';
  const name = row.kind === 'other' ? otherName(row.count) : valueName(view.label, row.group.value);
  const shown = figures(view, row.kind === 'other' ? row.total : row.group.total);
  const matcher = row.kind === 'other' ? '' : `${view.label}="${row.group.value}"`;
  return html`<div
    role="listitem"
    part=${other ? 'row other' : 'row'}
    class="row"
    data-index=${index}
    aria-posinset=${index + 1}
    aria-setsize=${view.model.rows.length}
    ${styleProps({ top: `${index * ROW_HEIGHT}px` })}
  >
    <button
      part="open"
      data-button="open"
      tabindex=${tab}
      aria-expanded=${other ? 'false' : nothing}
      aria-label=${`${name}: ${shown.total}, ${shown.share}${other ? '. Show every value.' : ''}`}
      title=${other ? 'Show every value' : `Open ${matcher} in the main views`}
      @click=${() => view.onOpen(row)}
    >
      <span part="name">${name}</span>
      <canvas part="chart" data-key=${row.key} aria-hidden="true"></canvas>
      <span part="total">${shown.total}</span>
      <span part="share">${shown.share}</span>
    </button>
    ${
      !other
        ? html`<button part="include" data-button="include" tabindex=${tab} aria-label=${`Include ${name}`} title=${`Only ${matcher}`} @click=${() => view.onInclude(row)}>
            =
          </button>
          <button part="exclude" data-button="exclude" tabindex=${tab} aria-label=${`Exclude ${name}`} title=${`Leave out ${matcher}`} @click=${() => view.onExclude(row)}>
            ≠
          </button>`
        : nothing
    }
  </div>`;
}

export function renderRows(view: RowsView) {
  const rows = view.model.rows;
  const [first, last] = visibleRows(view.scrollTop, view.viewportHeight, ROW_HEIGHT, rows.length, 4);
  // The row in the Tab order: the active one when it is rendered, else the first rendered.
  const tabbable = view.active >= first && view.active < last ? view.active : first;
  const shown: { row: BreakdownRow; index: number }[] = [];
  for (let i = first; i < last; i++) shown.push({ row: rows[i]!, index: i });
  return html`<div class="rows" role="list" aria-label=${`Values of ${view.label}`} ${styleProps({ height: `${rows.length * ROW_HEIGHT}px` })}>
    ${repeat(
      shown,
      ({ row }) => row.key,
      ({ row, index }) => renderRow(view, row, index, index === tabbable),
    )}
  </div>`;
}

/** What the status part says; empty when the rows say it all. */
export function statusText(options: { label: string; query: QueryState | undefined; status: QueryStatus; hasData: boolean; empty: boolean }): string {
  const { label, query, status, hasData, empty } = options;
  if (!label) return 'Name the label to break the query down by (the label attribute).';
  if (!query || !query.profileType) return `Choose a profile type to see its values by ${label}.`;
  if (query.kind === 'profile') return '';
  if (status === 'loading') return hasData ? 'Updating…' : 'Loading…';
  if (hasData && empty) return `No values of label ${label} in this range.`;
  return '';
}

/** The header's summary: how many values, and how many the last row folds. */
export function summaryText(label: string, model: BreakdownModel): string {
  const values = `${model.values} ${model.values === 1 ? 'value' : 'values'} of ${label}`;
  return model.folded > 0 ? `${values}, top ${model.values - model.folded} listed` : values;
}

export function renderShowTop(showAll: boolean, topN: number, model: BreakdownModel, onClick: () => void) {
  if (!showAll || model.values - Math.max(0, topN) <= 1) return nothing;
  return html`<button part="show-top" @click=${onClick}>Show top ${topN}</button>`;
}
