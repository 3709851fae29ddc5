// The function table under the graph (with `table`): its sort and scroll, the rows in view, and a pick that
// becomes the graph's selection. The table itself is drawn by the on-demand module.
import { type ReactiveElement, nothing } from 'lit';
import { nameOfExactSearch } from '../../model/flamegraph/search.js';
import { type TableColumn, tableRowName } from '../../model/flamegraph/table.js';
import type { TableData } from './fetch.js';
import type { GraphData } from './graph-data.js';

/** What the table reads of its element. */
export interface TableHost extends ReactiveElement {
  readonly search: string;
  readonly functionTable: TableData | undefined;
}

export class TableView {
  #sort: { column: TableColumn; descending: boolean } = { column: 'flat', descending: true };
  #scrollTop = 0;

  constructor(
    private readonly host: TableHost,
    private readonly data: GraphData,
    /** A user picked a function: it becomes the graph's selection. */
    private readonly onPick: (name: string) => void,
  ) {}

  /** The table's figures for a function, when the table lists it. */
  rowOf(name: string): { name: string; cumulative: number; total: number; unit: string } | undefined {
    const result = name ? this.host.functionTable : undefined;
    if (!result) return undefined;
    for (let row = 0; row < result.table.size; row++) {
      if (tableRowName(result.table, row) === name) return { name, cumulative: result.table.cumulative[row]!, total: result.total, unit: result.unit };
    }
    return undefined;
  }

  /** The table part, once the samples and the on-demand module have arrived. */
  render() {
    const result = this.host.functionTable;
    const onDemand = this.data.onDemand;
    const { column, descending } = this.#sort;
    const order = this.data.order(column, descending);
    if (!result || !onDemand || !order) return nothing;
    const body = this.host.renderRoot.querySelector<HTMLElement>('[part~="table-body"]');
    return onDemand.renderTable({
      ...result,
      order,
      sort: this.#sort,
      scrollTop: this.#scrollTop,
      viewportHeight: body?.clientHeight || 320,
      highlighted: nameOfExactSearch(this.host.search),
      onSort: (next) => {
        // A column sorts largest first (names A to Z); the same column again reverses.
        this.#sort = { column: next, descending: next === column ? !descending : next !== 'name' };
        this.host.requestUpdate();
      },
      onScroll: (top) => {
        this.#scrollTop = top;
        this.host.requestUpdate();
      },
      onPick: this.onPick,
    });
  }
}
