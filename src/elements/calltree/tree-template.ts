// The call tree's template: a header and only the lines in view of a virtual list, as an ARIA treegrid with one
// active line kept by the element (aria-activedescendant).
import { html, nothing } from 'lit';
import type { TreeLines } from '../../model/flamegraph/calltree.js';
import { hasChildren } from '../../model/flamegraph/calltree.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { frameName } from '../../model/flamegraph/names.js';
import { visibleRows } from '../../model/flamegraph/table.js';
import { formatPercent, formatValue } from '../../model/units.js';
import { styleProps } from '../directives/style-props.js';

export const TREE_ROW_HEIGHT = 24;

export interface TreeTemplate {
  readonly model: FlamegraphModel;
  readonly unit: string;
  readonly total: number;
  readonly isDiff: boolean;
  readonly lines: TreeLines;
  readonly open: ReadonlySet<number>;
  readonly active: number;
  /** The function picked in the source's views, if any. */
  readonly picked: string;
  readonly scrollTop: number;
  readonly viewportHeight: number;
  readonly onScroll: (scrollTop: number) => void;
  readonly onLine: (index: number) => void;
  readonly onToggle: (row: number) => void;
  readonly onKey: (event: KeyboardEvent) => void;
}

/** A value with its share of the total, as the cells write it. */
export function valueText(value: number, unit: string, total: number): string {
  return `${formatValue(value, unit)} (${formatPercent(value, total)})`;
}

function renderLine(view: TreeTemplate, index: number) {
  const { model, lines } = view;
  const row = lines.rows[index]!;
  const depth = model.depth[row]!;
  const name = frameName(model, row);
  const parent = hasChildren(model, row);
  const open = view.open.has(row);
  const diff = model.diff[row] ?? 0;
  return html`<div
    role="row"
    id=${`line-${index}`}
    class="tree-row"
    aria-level=${depth + 1}
    aria-posinset=${lines.position[index]!}
    aria-setsize=${lines.siblings[index]!}
    aria-expanded=${parent ? (open ? 'true' : 'false') : nothing}
    aria-selected=${name === view.picked ? 'true' : 'false'}
    ?data-active=${index === view.active}
    ${styleProps({ top: `${index * TREE_ROW_HEIGHT}px`, '--_depth': String(depth) })}
    @click=${() => view.onLine(index)}
  >
    <span role="gridcell" class="name"
      >${
        parent
          ? html`<button class="toggle" tabindex="-1" aria-hidden="true" @click=${(e: Event) => (e.stopPropagation(), view.onToggle(row))}>${open ? '▾' : '▸'}</button>`
          : html`<span class="toggle"></span>`
      }<span title=${name}>${name}</span>${model.inlined[row] ? html`<span class="inlined"> (inlined)</span>` : nothing}</span
    >
    <span role="gridcell">${valueText(model.cumulative[row]!, view.unit, view.total)}</span>
    <span role="gridcell">${valueText(model.flat[row]!, view.unit, view.total)}</span>
    ${view.isDiff ? html`<span role="gridcell">${diff > 0 ? '+' : ''}${formatValue(Number(diff), view.unit)}</span>` : nothing}
  </div>`;
}

export function renderTree(view: TreeTemplate) {
  const [first, last] = visibleRows(view.scrollTop, view.viewportHeight, TREE_ROW_HEIGHT, view.lines.length);
  const rendered = [];
  for (let i = first; i < last; i++) rendered.push(renderLine(view, i));
  return html`<div
    part="tree"
    role="treegrid"
    tabindex="0"
    aria-label="Call tree"
    aria-rowcount=${view.lines.length + 1}
    aria-activedescendant=${view.active >= first && view.active < last ? `line-${view.active}` : nothing}
    class=${view.isDiff ? 'diff' : ''}
    @keydown=${view.onKey}
  >
    <div role="row" part="tree-header">
      <span role="columnheader">Function</span><span role="columnheader">Cumulative</span><span role="columnheader">Flat</span>
      ${view.isDiff ? html`<span role="columnheader">Change</span>` : nothing}
    </div>
    <div part="tree-body" role="rowgroup" @scroll=${(e: Event) => view.onScroll((e.target as HTMLElement).scrollTop)}>
      <div class="tree-rows" ${styleProps({ height: `${view.lines.length * TREE_ROW_HEIGHT}px` })}>${rendered}</div>
    </div>
  </div>`;
}
