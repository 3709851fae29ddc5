// The function table element: a shell that wires its parts. What it shows comes from SamplesData (the samples
// request and what is computed from them), the lines from table-template.ts; what is shared with the source's
// other views (search, the picked function, filters, baseline) from ProfileViewElement.
import { type PropertyValues, html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaError } from '../../client/errors.js';
import type { ListenerMethods, ParcaFunctionTableEvents } from '../../events/event-maps.js';
import { exactNameSearch, nameOfExactSearch } from '../../model/flamegraph/search.js';
import type { TableLine } from '../../model/flamegraph/table-rows.js';
import { type TableColumn, tableRowName } from '../../model/flamegraph/table.js';
import { formatPercent, formatValue } from '../../model/units.js';
import { ActiveLine } from '../../controllers/active-line.js';
import { copyText } from '../flamegraph/actions.js';
import { listConverter, ProfileViewElement } from '../profile-view.js';
import { functionTableStyles } from './function-table.styles.js';
import { type FunctionTableData, SamplesData } from '../samples-data.js';
import { SHOWN_COLUMNS, type ShownColumn, TABLE_ROW_HEIGHT, cellText, renderTable } from './table-template.js';

/**
 * Every function of the source's profile with its flat and cumulative value and share, as pprof counts them (a
 * sample counts once per function however often it recurs), read from Parca's pprof answer for the query.
 *
 * Click a header to sort by it (again: reverse). Only the lines in view are in the DOM, so a table of any length
 * costs the same. Click a function (or press Enter) to pick it: every view of the source with the same `view-id`
 * selects it (the flame graph highlights its frames, the call tree reveals it). The arrow beside a name (or the
 * Right key) shows its direct callers and callees. A `search` shared with the other views keeps the matching
 * functions; a picked function (an exact-name search) is marked instead.
 *
 * Keyboard (an ARIA grid): Up/Down, Page Up/Down, Home/End move; Enter picks; Right/Left show and hide callers
 * and callees; Ctrl+C (⌘C) copies the line. Used alone, it shows the `query` of its own `connection`, or a saved
 * pprof profile given through `pprof`.
 *
 * @tagname parca-function-table
 * @summary The profile's functions, sortable, with callers and callees, sharing the picked function.
 * @fires parca-load - The samples arrived and the table is computed.
 * @fires parca-error - A request failed; the last good table stays.
 * @fires parca-view-change - A user picked a function (`view.search` is its exact-name search).
 *
 * @csspart columns - The column picker.
 * @csspart summary - How many functions are listed, of how many.
 * @csspart table - The grid: header and lines.
 * @csspart table-header - The header row; its buttons sort by a column (again: reverse).
 * @csspart table-body - The scrolling lines (only those in view are in the DOM).
 * @csspart status - Loading, empty and no-query messages.
 * @csspart error - What went wrong.
 * @cssprop --parca-function-table-height - Height beyond which the lines scroll (default 320px).
 * @cssprop --parca-color-text - Text color.
 * @cssprop --parca-color-muted - Secondary text color (callers and callees, status).
 * @cssprop --parca-color-accent - Outline of the line the keyboard is on.
 * @cssprop --parca-color-border - Borders of the header and the column picker.
 * @cssprop --parca-color-error - Error messages.
 * @cssprop --parca-font-family - Font.
 * @cssprop --parca-font-size - Font size.
 * @cssprop --parca-space - Spacing in and around the column picker.
 * @cssprop --parca-radius - Corner radius of the column picker.
 */
export class ParcaFunctionTableElement extends ProfileViewElement {
  static override styles = functionTableStyles;
  protected static override readonly devChecks = { needsProfileType: true };

  /**
   * The columns after the name, in the attribute's words: `flat`, `cumulative`, `flat-diff`, `cumulative-diff`,
   * `file`, `binary`. By default flat and cumulative, and the changes in a diff. The column picker sets it.
   */
  @property({ converter: listConverter }) columns: string[] | undefined;
  /** A saved pprof profile (bytes, gzip-compressed or not) to show instead of querying: a page with no server. */
  @property({ attribute: false }) pprof: Uint8Array | undefined;

  readonly #data = new SamplesData(this);
  #sort: { column: TableColumn; descending: boolean } = { column: 'flat', descending: true };
  readonly #line = new ActiveLine(this, () => this.#body(), TABLE_ROW_HEIGHT, 320);
  #expanded = new Set<number>();
  #announcement = '';
  #actionError: ParcaError | undefined;

  /** The table shown: flat and cumulative values per function (and changes in a diff); for pages that draw their own. */
  get functionTable(): FunctionTableData | undefined {
    return this.#data.table;
  }

  /** Settles when the latest request has settled and its table is rendered. */
  get settled(): Promise<void> {
    return Promise.all([this.#data.settled, this.#copying])
      .then(() => this.updateComplete)
      .then(() => undefined);
  }

  /** A copy a user asked for, until it is done or said to have failed. */
  #copying: Promise<void> = Promise.resolve();

  /** The columns shown after the name. */
  get shownColumns(): ShownColumn[] {
    const isDiff = !!this.functionTable?.isDiff;
    const asked = this.columns?.filter((c): c is ShownColumn => SHOWN_COLUMNS.some((s) => s.column === c));
    // By default the figures (the columns that sort); file and binary when asked for.
    return SHOWN_COLUMNS.filter((c) => (!c.diff || isDiff) && (asked ? asked.includes(c.column) : !!c.sort)).map((c) => c.column);
  }

  /** Words of `columns` that name no column, said in the element. */
  get #columnsError(): string {
    const unknown = (this.columns ?? []).filter((c) => !SHOWN_COLUMNS.some((s) => s.column === c));
    return unknown.length ? `No column is called ${unknown.map((c) => `"${c}"`).join(', ')}: use ${SHOWN_COLUMNS.map((s) => s.column).join(', ')}.` : '';
  }

  /** The lines in display order: functions, and the callers and callees of expanded ones. */
  get lines(): readonly TableLine[] {
    return this.#data.lines(this.#sort, this.search, this.#expanded);
  }

  /** Picks a function for every view of the source (an exact-name search), as a click on it does. */
  pick(name: string): void {
    this.search = exactNameSearch(name);
    this.reportView();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.applySourceView(() => []);
    this.readOptions();
    // Another profile: rows are other functions.
    if (this.#data.table !== this.#shown) {
      this.#shown = this.#data.table;
      this.#expanded = new Set();
      this.#line.index = -1;
    }
    if (changed.has('search')) this.#revealPicked();
  }

  #shown: FunctionTableData | undefined;

  protected override render() {
    const data = this.#data.table;
    const query = this.activeQuery;
    const error = this.#actionError ?? this.#data.error;
    const status =
      !this.pprof && !query?.profileType
        ? 'Choose a profile type to see its functions.'
        : query?.kind === 'metrics' && !this.pprof
          ? ''
          : !data
            ? this.#data.loading
              ? 'Loading functions…'
              : ''
            : data.table.size === 0
              ? 'No samples in this range.'
              : '';
    const lines = this.lines;
    const functions = lines.filter((line) => line.kind === 'function').length;
    return html`
      ${error ? html`<div part="error" role="alert">${error.message}</div>` : nothing}
      ${
        this.optionsErrors.length || this.#columnsError
          ? html`<div part="error" role="alert">${[...this.optionsErrors, this.#columnsError].filter(Boolean).join(' ')}</div>`
          : nothing
      }
      ${status ? html`<div part="status">${status}</div>` : nothing}
      ${
        data && data.table.size > 0
          ? html`<div part="summary">${functions === data.table.size ? `${functions} functions` : `${functions} of ${data.table.size} functions match “${this.search}”`}</div>
            ${renderTable({
              ...data,
              lines,
              columns: this.shownColumns,
              sort: this.#sort,
              expanded: this.#expanded,
              scrollTop: this.#line.scrollTop,
              viewportHeight: this.#line.viewportHeight,
              active: this.#line.index,
              picked: nameOfExactSearch(this.search),
              onSort: (column) => {
                // A column sorts largest first (names A to Z); the same column again reverses.
                this.#sort = { column, descending: column === this.#sort.column ? !this.#sort.descending : column !== 'name' };
                this.requestUpdate();
              },
              onScroll: (top) => {
                this.#line.scrolled(top);
              },
              onLine: (index, line) => {
                this.#line.index = index;
                this.#choose(line);
              },
              onToggle: (row) => this.#toggle(row),
              onKey: this.#onKey,
              onColumns: (columns) => {
                this.columns = columns;
              },
            })}`
          : nothing
      }
      <div class="visually-hidden" role="status" aria-live="polite">${this.#announcement}</div>
    `;
  }

  #body(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~="table-body"]');
  }

  /** A click or Enter on a line: a function (or a caller or callee) is picked for every view. */
  #choose(line: TableLine): void {
    const data = this.#data.table;
    if (!data) return;
    const name = line.kind === 'caller' || line.kind === 'callee' ? line.neighbour.name : tableRowName(data.table, line.row);
    if (line.kind === 'callers' || line.kind === 'callees') return;
    this.pick(name);
    this.#announce(line, 'Picked ');
  }

  #toggle(row: number): void {
    const expanded = new Set(this.#expanded);
    if (!expanded.delete(row)) expanded.add(row);
    this.#expanded = expanded;
    this.requestUpdate();
  }

  /** A picked function (from any view) becomes the active line, scrolled into view. */
  #revealPicked(): void {
    const name = nameOfExactSearch(this.search);
    const data = this.#data.table;
    if (!name || !data) return;
    const index = this.lines.findIndex((line) => line.kind === 'function' && tableRowName(data.table, line.row) === name);
    if (index >= 0) this.#moveTo(index, false);
  }

  /** Makes a line the active one and scrolls it into view. */
  #moveTo(index: number, announce = true): void {
    if (!this.#line.moveTo(index, this.lines.length)) return;
    if (announce) this.#announce(this.lines[this.#line.index]!);
  }

  #announce(line: TableLine, prefix = ''): void {
    const data = this.#data.table;
    if (!data) return;
    if (line.kind === 'function') {
      const { row } = line;
      this.#announcement = `${prefix}${tableRowName(data.table, row)}: flat ${cellText(data, row, 'flat')}, cumulative ${cellText(data, row, 'cumulative')}`;
    } else if (line.kind === 'caller' || line.kind === 'callee') {
      const { name, value } = line.neighbour;
      this.#announcement = `${prefix}${line.kind} ${name}: ${formatValue(value, data.unit)}, ${formatPercent(value, data.total)}`;
    } else {
      this.#announcement = line.kind === 'callers' ? 'Called by' : 'Calls';
    }
    this.requestUpdate();
  }

  /** The text of a line as copied: the name and the figures shown, tab-separated. */
  #lineText(line: TableLine): string {
    const data = this.#data.table!;
    if (line.kind === 'function') return [tableRowName(data.table, line.row), ...this.shownColumns.map((c) => cellText(data, line.row, c))].join('\t');
    if (line.kind === 'caller' || line.kind === 'callee') return `${line.neighbour.name}\t${formatValue(line.neighbour.value, data.unit)}`;
    return line.kind === 'callers' ? 'Called by' : 'Calls';
  }

  #onKey = (event: KeyboardEvent): void => {
    const lines = this.lines;
    const line = lines[this.#line.index];
    const page = this.#line.page;
    const move: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page };
    if (event.key in move) this.#moveTo(this.#line.index < 0 ? 0 : this.#line.index + move[event.key]!);
    else if (event.key === 'Home') this.#moveTo(0);
    else if (event.key === 'End') this.#moveTo(lines.length - 1);
    else if ((event.key === 'Enter' || event.key === ' ') && line) this.#choose(line);
    else if (event.key === 'ArrowRight' && line?.kind === 'function' && !this.#expanded.has(line.row)) this.#toggle(line.row);
    else if (event.key === 'ArrowLeft' && line && (line.kind !== 'function' || this.#expanded.has(line.row))) {
      // Left on a neighbour goes back to its function; on an open function it closes it.
      if (line.kind === 'function') this.#toggle(line.row);
      else this.#moveTo(lines.findIndex((l) => l.kind === 'function' && l.row === line.row));
    } else if ((event.ctrlKey || event.metaKey) && event.key === 'c' && line) {
      this.#copying = copyText(this.#lineText(line), 'the line').then(
        () => this.#announce(line, 'Copied '),
        (error: ParcaError) => {
          this.#actionError = error;
          this.requestUpdate();
        },
      );
    } else return;
    event.preventDefault();
  };
}

/** Listeners typed from the element's own events (src/events/event-maps.ts). */
export interface ParcaFunctionTableElement {
  addEventListener: ListenerMethods<ParcaFunctionTableEvents, ParcaFunctionTableElement>['addEventListener'];
  removeEventListener: ListenerMethods<ParcaFunctionTableEvents, ParcaFunctionTableElement>['removeEventListener'];
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-function-table': ParcaFunctionTableElement;
  }
}
