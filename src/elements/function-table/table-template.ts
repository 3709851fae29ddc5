// The function table's template: a header of sortable columns, and only the lines in view of a virtual list
// (functions, and the callers and callees of expanded ones). An ARIA grid with one active line, kept by the
// element (aria-activedescendant), so a list of any length costs the same.
import { html, nothing } from 'lit';
import { formatPercent, formatValue } from '../../model/units.js';
import type { TableLine } from '../../model/flamegraph/table-rows.js';
import { type FunctionTable, type TableColumn, tableRowName, visibleRows } from '../../model/flamegraph/table.js';
import { baseName } from '../../model/flamegraph/names.js';
import { styleProps } from '../directives/style-props.js';

/** Height of a line in CSS px (the body scrolls in whole lines of this height). */
export const TABLE_ROW_HEIGHT = 24;

/** A column a page can show (the `columns` attribute's words): the four figures, and the function's file and binary. */
export type ShownColumn = 'flat' | 'cumulative' | 'flat-diff' | 'cumulative-diff' | 'file' | 'binary';

/** Every column in display order: its label, the figure it sorts by (none for text), and whether only a diff has it. */
export const SHOWN_COLUMNS: readonly {
  readonly column: ShownColumn;
  readonly label: string;
  readonly sort?: Exclude<TableColumn, 'name'>;
  readonly diff?: boolean;
}[] = [
  { column: 'flat', label: 'Flat', sort: 'flat' },
  { column: 'cumulative', label: 'Cumulative', sort: 'cumulative' },
  { column: 'flat-diff', label: 'Flat change', sort: 'flatDiff', diff: true },
  { column: 'cumulative-diff', label: 'Cumulative change', sort: 'cumulativeDiff', diff: true },
  { column: 'file', label: 'File' },
  { column: 'binary', label: 'Binary' },
];

const columnOf = (column: ShownColumn) => SHOWN_COLUMNS.find((c) => c.column === column)!;

export interface TableTemplate {
  readonly table: FunctionTable;
  readonly unit: string;
  /** What percentages are of. */
  readonly total: number;
  readonly isDiff: boolean;
  readonly lines: readonly TableLine[];
  /** The columns shown after the name, in order. */
  readonly columns: readonly ShownColumn[];
  readonly sort: { readonly column: TableColumn; readonly descending: boolean };
  readonly expanded: ReadonlySet<number>;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  /** The line the keyboard is on (-1: none). */
  readonly active: number;
  /** The function picked in the source's views (an exact-name search), if any. */
  readonly picked: string;
  readonly onSort: (column: TableColumn) => void;
  readonly onScroll: (scrollTop: number) => void;
  readonly onLine: (index: number, line: TableLine) => void;
  readonly onToggle: (row: number) => void;
  readonly onKey: (event: KeyboardEvent) => void;
  readonly onColumns: (columns: ShownColumn[]) => void;
}

/** A function's figure in a column, as the cell writes it. */
export function cellText(view: Pick<TableTemplate, 'table' | 'unit' | 'total'>, row: number, column: ShownColumn): string {
  const { table } = view;
  if (column === 'file') return table.functionFileName.value(row);
  if (column === 'binary') return baseName(table.mappingFile.value(row));
  const key = columnOf(column).sort!;
  const v = table[key][row]!;
  if (key === 'flatDiff' || key === 'cumulativeDiff') return `${v > 0 ? '+' : ''}${formatValue(v, view.unit)}`;
  return `${formatValue(v, view.unit)} (${formatPercent(v, view.total)})`;
}

/** The id of a line's element, for aria-activedescendant. */
export const lineId = (index: number) => `line-${index}`;

function renderLine(view: TableTemplate, index: number) {
  const line = view.lines[index]!;
  const common = { id: lineId(index), top: `${index * TABLE_ROW_HEIGHT}px` };
  const active = index === view.active;
  if (line.kind === 'function') {
    const { row } = line;
    const name = tableRowName(view.table, row);
    const open = view.expanded.has(row);
    return html`<div
      role="row"
      id=${common.id}
      class="table-row function"
      aria-rowindex=${index + 2}
      aria-selected=${name === view.picked ? 'true' : 'false'}
      ?data-active=${active}
      ${styleProps({ top: common.top })}
      @click=${() => view.onLine(index, line)}
    >
      <span role="gridcell" class="name"
        ><button class="toggle" tabindex="-1" aria-expanded=${open ? 'true' : 'false'} aria-label="Callers and callees" @click=${(e: Event) => (e.stopPropagation(), view.onToggle(row))}>
          ${open ? '▾' : '▸'}</button
        ><span title=${name}>${name}</span></span
      >
      ${view.columns.map((column) => html`<span role="gridcell" class=${column === 'file' || column === 'binary' ? 'text' : ''}>${cellText(view, row, column)}</span>`)}
    </div>`;
  }
  if (!('neighbour' in line)) {
    const label = line.kind === 'callers' ? 'Called by' : 'Calls';
    return html`<div role="row" id=${common.id} class="table-row heading" aria-rowindex=${index + 2} ?data-active=${active} ${styleProps({ top: common.top })}>
      <span role="gridcell" class="name">${label}${line.count === 0 ? ' nothing (the stacks start or end here)' : ''}</span>
    </div>`;
  }
  const { neighbour } = line;
  return html`<div
    role="row"
    id=${common.id}
    class="table-row neighbour"
    aria-rowindex=${index + 2}
    ?data-active=${active}
    ${styleProps({ top: common.top })}
    @click=${() => view.onLine(index, line)}
  >
    <span role="gridcell" class="name"><span title=${neighbour.name}>${neighbour.name}</span></span>
    <span role="gridcell">${formatValue(neighbour.value, view.unit)} (${formatPercent(neighbour.value, view.total)})</span>
  </div>`;
}

function renderPicker(view: TableTemplate) {
  const available = SHOWN_COLUMNS.filter((c) => !c.diff || view.isDiff);
  const toggle = (column: ShownColumn, on: boolean) =>
    view.onColumns(SHOWN_COLUMNS.map((c) => c.column).filter((c) => (c === column ? on : view.columns.includes(c))));
  return html`<details part="columns">
    <summary>Columns</summary>
    <fieldset>
      <legend class="visually-hidden">Columns shown</legend>
      ${available.map(
        (c) =>
          html`<label
            ><input type="checkbox" .checked=${view.columns.includes(c.column)} @change=${(e: Event) => toggle(c.column, (e.target as HTMLInputElement).checked)} />
            ${c.label}</label
          >`,
      )}
    </fieldset>
  </details>`;
}

export function renderTable(view: TableTemplate) {
  const { sort, lines } = view;
  const [first, last] = visibleRows(view.scrollTop, view.viewportHeight, TABLE_ROW_HEIGHT, lines.length);
  const rendered = [];
  for (let i = first; i < last; i++) rendered.push(renderLine(view, i));
  const header = (column: TableColumn, label: string) =>
    html`<span role="columnheader" aria-sort=${column === sort.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      ><button @click=${() => view.onSort(column)}>
        ${label}${column === sort.column ? html`<span class="sort-mark" aria-hidden="true">${sort.descending ? ' ▼' : ' ▲'}</span>` : nothing}
      </button></span
    >`;
  const template = `minmax(16ch, 1fr) ${view.columns.map((c) => (c === 'file' || c === 'binary' ? 'minmax(10ch, 0.6fr)' : '16ch')).join(' ')}`;
  return html`${renderPicker(view)}
    <div
      part="table"
      role="grid"
      tabindex="0"
      aria-label="Functions"
      aria-rowcount=${lines.length + 1}
      aria-activedescendant=${view.active >= first && view.active < last ? lineId(view.active) : nothing}
      ${styleProps({ '--_columns': template })}
      @keydown=${view.onKey}
    >
      <div role="row" part="table-header" aria-rowindex="1">
        ${header('name', 'Function')}
        ${view.columns.map((column) => {
          const { sort, label } = columnOf(column);
          return sort ? header(sort, label) : html`<span role="columnheader">${label}</span>`;
        })}
      </div>
      <div part="table-body" role="rowgroup" @scroll=${(e: Event) => view.onScroll((e.target as HTMLElement).scrollTop)}>
        <div class="table-rows" ${styleProps({ height: `${lines.length * TABLE_ROW_HEIGHT}px` })}>${rendered}</div>
      </div>
    </div>`;
}
