// The flame graph's optional function table (per function, as pprof counts: see model/pprof/functions.ts),
// sortable, drawing only the rows in view so a table of any length costs the same. A template the element
// renders, like analysis-controls.ts.
import { html, nothing } from 'lit';
import { formatPercent, formatValue } from '../../model/units.js';
import { type FunctionTable, type TableColumn, tableRowName, visibleRows } from '../../model/flamegraph/table.js';
import { styleProps } from '../directives/style-props.js';

/** Height of a table row in CSS px (the body scrolls in whole rows of this height). */
export const TABLE_ROW_HEIGHT = 24;

export interface TableView {
  readonly table: FunctionTable;
  readonly unit: string;
  /** What percentages are of. */
  readonly total: number;
  readonly isDiff: boolean;
  /** Rows in display order (see sortTable). */
  readonly order: Uint32Array;
  readonly sort: { readonly column: TableColumn; readonly descending: boolean };
  readonly scrollTop: number;
  readonly viewportHeight: number;
  /** The function highlighted in the graph, if any. */
  readonly highlighted: string;
  readonly onSort: (column: TableColumn) => void;
  readonly onScroll: (scrollTop: number) => void;
  readonly onPick: (functionName: string) => void;
}

const COLUMNS: readonly { column: TableColumn; label: string; diff?: boolean }[] = [
  { column: 'name', label: 'Function' },
  { column: 'flat', label: 'Flat' },
  { column: 'cumulative', label: 'Cumulative' },
  { column: 'flatDiff', label: 'Flat change', diff: true },
  { column: 'cumulativeDiff', label: 'Cumulative change', diff: true },
];

export function renderTable(view: TableView) {
  const { table, order, sort } = view;
  const columns = COLUMNS.filter((c) => !c.diff || view.isDiff);
  const [first, last] = visibleRows(view.scrollTop, view.viewportHeight, TABLE_ROW_HEIGHT, order.length);
  const value = (v: number) => formatValue(v, view.unit);
  const cell = (row: number, column: TableColumn) => {
    if (column === 'name') return nothing;
    const v = table[column][row]!;
    if (column === 'flatDiff' || column === 'cumulativeDiff') return `${v > 0 ? '+' : ''}${value(v)}`;
    return `${value(v)} (${formatPercent(v, view.total)})`;
  };
  const rows = [];
  for (let i = first; i < last; i++) {
    const row = order[i]!;
    const name = tableRowName(table, row);
    const file = table.functionFileName.value(row);
    rows.push(html`<div
      role="row"
      class="table-row"
      aria-rowindex=${i + 2}
      aria-current=${name === view.highlighted ? 'true' : 'false'}
      ${styleProps({ top: `${i * TABLE_ROW_HEIGHT}px` })}
    >
      <span role="cell"><button title=${file ? `${name} (${file})` : name} @click=${() => view.onPick(name)}>${name}</button></span>
      ${columns.slice(1).map((c) => html`<span role="cell">${cell(row, c.column)}</span>`)}
    </div>`);
  }
  return html`<div part="table" role="table" aria-label="Functions" aria-rowcount=${order.length + 1} class=${view.isDiff ? 'diff' : ''}>
    <div role="row" part="table-header" aria-rowindex="1">
      ${columns.map(
        (c) =>
          html`<span role="columnheader" aria-sort=${c.column === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
            ><button @click=${() => view.onSort(c.column)}>
              ${c.label}${c.column === sort.column ? html`<span class="sort-mark" aria-hidden="true">${sort.descending ? ' ▼' : ' ▲'}</span>` : nothing}
            </button></span
          >`,
      )}
    </div>
    <div part="table-body" role="rowgroup" @scroll=${(e: Event) => view.onScroll((e.target as HTMLElement).scrollTop)}>
      <div class="table-rows" ${styleProps({ height: `${order.length * TABLE_ROW_HEIGHT}px` })}>${rows}</div>
    </div>
  </div>`;
}
