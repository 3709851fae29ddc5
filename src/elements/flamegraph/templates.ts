// The flame graph's parts around the canvas, as templates the element renders: the toolbar (search, steps,
// breadcrumb, Callers and callees), the tooltip, the status and notes, the picked point and the selection.
// They read plain values and call back; the element decides what happens.
import { html, nothing } from 'lit';
import { styleProps } from '../directives/style-props.js';
import { type ColorBy, resolveColorBy } from '../../model/flamegraph/colors.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { baseName, frameName } from '../../model/flamegraph/names.js';
import { frameDetails } from '../../model/flamegraph/details.js';
import { formatChange, relativeChange } from '../../model/flamegraph/diff-colors.js';
import type { SearchResult } from '../../model/flamegraph/search.js';
import { formatTimestamp } from '../../model/metrics/time-format.js';
import type { PointSelection } from '../../model/query-state.js';
import { formatDurationMs, formatPercent, formatValue } from '../../model/units.js';
import type { FlamegraphData } from './fetch.js';
import type { GraphInput } from './graph-input.js';

export interface ToolbarView {
  readonly searchField: boolean;
  readonly search: string;
  readonly result: SearchResult | undefined;
  /** The summary of the matches ("3 of 12 matching frames, …"). */
  readonly summary: string;
  readonly model: FlamegraphModel | undefined;
  /** The path from the root to the focused frame (empty: the whole graph). */
  readonly path: readonly number[];
  readonly focus: number;
  /** The selected frame's function when Callers and callees can open for it; '' otherwise. */
  readonly sandwichable: string;
  readonly onSearch: (text: string) => void;
  readonly onStep: (direction: 1 | -1) => void;
  readonly onFocus: (row: number) => void;
  readonly onSandwich: () => void;
}

export function renderToolbar(view: ToolbarView) {
  const { result, model, path } = view;
  if (!view.searchField && !result && path.length === 0 && !view.sandwichable) return nothing;
  return html`<div part="toolbar">
    ${
      view.searchField
        ? html`<input
          part="search-field"
          type="search"
          aria-label="Search frames"
          placeholder="Search frames (text or /regex/)"
          .value=${view.search}
          @input=${(e: Event) => view.onSearch((e.target as HTMLInputElement).value)}
          @keydown=${(e: KeyboardEvent) => {
            if (e.key !== 'Enter' || e.isComposing) return;
            e.preventDefault();
            view.onStep(e.shiftKey ? -1 : 1);
          }}
        />`
        : nothing
    }
    ${
      view.searchField && result?.count
        ? html`<button part="search-previous" @click=${() => view.onStep(-1)}>Previous match</button>
          <button part="search-next" @click=${() => view.onStep(1)}>Next match</button>`
        : nothing
    }
    ${result && model ? html`<span part="search-summary" role="status">${result.error ?? view.summary}</span>` : nothing}
    ${
      path.length > 0 && model
        ? html`<nav part="breadcrumb" aria-label="Focused frame">
          <ol>
            ${path.map(
              (row) =>
                html`<li>
                  <button aria-current=${row === view.focus ? 'true' : 'false'} @click=${() => view.onFocus(row)}>${frameName(model, row)}</button>
                </li>`,
            )}
          </ol>
          <button part="reset" @click=${() => view.onFocus(0)}>Reset</button>
        </nav>`
        : nothing
    }
    ${view.sandwichable ? html`<button part="sandwich-button" title=${view.sandwichable} @click=${view.onSandwich}>Callers and callees</button>` : nothing}
  </div>`;
}

/** "n matching frames, x% of total", led by "k of" while the selected (or focused) frame is a match. */
export function searchSummary(result: SearchResult, stepStart: number, total: number): string {
  const index = result.indexOf(stepStart);
  const frames = `${index >= 0 ? `${index + 1} of ` : ''}${result.count} matching ${result.count === 1 ? 'frame' : 'frames'}`;
  return `${frames}, ${formatPercent(result.value, total)} of total`;
}

export function renderTooltip(data: FlamegraphData, row: number) {
  const details = frameDetails(data.model, row);
  const total = data.total || data.model.total;
  const where = details.file ? `${details.file}${details.line ? `:${details.line}` : ''}` : '';
  return html`<div part="tooltip" role="tooltip">
    <div class="name">${details.name}</div>
    <dl>
      <dt>Cumulative</dt>
      <dd>${formatValue(details.cumulative, data.unit)} (${formatPercent(details.cumulative, total)})</dd>
      <dt>Flat</dt>
      <dd>${formatValue(details.flat, data.unit)} (${formatPercent(details.flat, total)})</dd>
      ${
        data.isDiff
          ? html`<dt>Baseline</dt>
            <dd>${formatValue(details.cumulative - details.diff, data.unit)}</dd>
            <dt>Comparison</dt>
            <dd>${formatValue(details.cumulative, data.unit)}</dd>
            <dt>Change</dt>
            <dd>${details.diff > 0 ? '+' : ''}${formatValue(details.diff, data.unit)} (${formatChange(relativeChange(details.cumulative, details.diff))})</dd>`
          : nothing
      }
      ${where ? html`<dt>File</dt><dd>${where}</dd>` : nothing}
      ${details.binary ? html`<dt>Binary</dt><dd>${baseName(details.binary)}</dd>` : nothing}
      ${details.buildId ? html`<dt>Build id</dt><dd>${details.buildId}</dd>` : nothing}
      ${details.address ? html`<dt>Address</dt><dd>${details.address}</dd>` : nothing}
      ${details.inlined ? html`<dt>Inlined</dt><dd>yes</dd>` : nothing}
    </dl>
  </div>`;
}

/** What the graph says instead of a picture, or nothing when it shows one. */
export function statusText(state: { data: FlamegraphData | undefined; loading: boolean; record: boolean; profileType: string; metricsOnly: boolean }): string {
  const { data } = state;
  if (data) {
    if (data.total < 0 && data.model.total <= 0) {
      return `The values of this profile sum to ${formatValue(data.total, data.unit)}: a flame graph draws only frames whose values sum to more than zero. The function table lists every function.`;
    }
    if (data.model.size <= 1 || data.model.total <= 0) return 'No profile data in this time range.';
    return '';
  }
  if (state.loading) return 'Loading flame graph…';
  if (!state.record && !state.profileType) return 'Choose a profile type to see its flame graph.';
  if (!state.record && state.metricsOnly) return 'The query shows values over time only (Show: Metrics).';
  return '';
}

/** Says what frames are colored by when it is not what was asked (most frames lack that key); '' otherwise. */
export function colorNote(model: FlamegraphModel, asked: ColorBy): string {
  const used = resolveColorBy(model, asked);
  return used === asked ? '' : `Colored by ${used}: most of the profile has no ${asked} to color by.`;
}

/** What the trimmed value means: frames too small to draw, or (negative) frames that shrank, which no width can show. */
export function trimNote(data: FlamegraphData): string {
  const amount = `${formatValue(data.trimmed, data.unit)} (${formatPercent(data.trimmed, data.total)})`;
  if (data.trimmed > 0) return `${amount} in frames too small to show was trimmed.`;
  return `Frames whose values sum to zero or less are not drawn, since a width cannot be negative: with frames too small to show they come to ${amount}. The function table lists every function.`;
}

/**
 * The selected frame, named in full with its values, under the graph (so the graph does not move when a frame is
 * clicked): a keyboard user on a frame too narrow for its label (and anyone) reads what is selected here.
 */
export function renderSelection(data: FlamegraphData, row: number) {
  const value = data.model.cumulative[row]!;
  return html`<div part="selection">
    Selected: <strong>${frameName(data.model, row)}</strong>, ${formatValue(value, data.unit)} (${formatPercent(value, data.total || data.model.total)})
  </div>`;
}

/** Says which one profile is shown when a point was picked on a chart, with the way back to the whole range. */
export function renderPoint(point: PointSelection, onBack: () => void) {
  const labels = Object.entries(point.labels ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  const span = Math.max(point.durationMs, point.windowMs ?? 0);
  return html`<div part="point" role="status">
    <span>Profile at <strong>${formatTimestamp(point.timestampMs)}</strong>${labels ? `, ${labels}` : ''}${span ? `, ${formatDurationMs(span)}` : ''}</span>
    <button part="point-clear" @click=${onBack}>Whole range</button>
  </div>`;
}

/** The scrolling viewport and the focusable canvas the graph is drawn on, as tall as all its levels. */
export function renderViewport(state: { loading: boolean; hidden: boolean; height: number; input: GraphInput; onFocus: () => void }) {
  const { input, loading } = state;
  return html`<div part="viewport" class=${loading ? 'loading' : ''} aria-busy=${loading ? 'true' : 'false'} ?hidden=${state.hidden} @scroll=${input.scroll}>
    <div class="content" ${styleProps({ height: `${state.height}px` })}>
      <canvas
        part="canvas"
        tabindex="0"
        role="application"
        aria-roledescription="flame graph"
        aria-label="Flame graph. Arrow keys move between frames, Enter focuses a frame, Escape shows the whole graph."
        @pointermove=${input.pointerMove}
        @pointerleave=${input.pointerLeave}
        @click=${input.click}
        @contextmenu=${input.contextMenu}
        @focus=${state.onFocus}
      ></canvas>
    </div>
  </div>`;
}
