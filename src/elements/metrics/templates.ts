// The chart's parts around the canvas, as templates and texts the element renders: the tooltip, the legend, the
// baseline note, the status, the chart's label, the sum-by note and what the live region
// says of the keyboard cursor's point. They read plain values and call back; the element decides what happens.
import { html, nothing } from 'lit';
import type { QueryStatus } from '../../controllers/query-controller.js';
import type { PointRef } from '../../model/metrics/cursor.js';
import { type SeriesLabel, formatLabels, parseLabelNames } from '../../model/metrics/labels.js';
import type { LegendModel } from '../../model/metrics/legend.js';
import { type ChartData, hasPoints, isDeltaType } from '../../model/metrics/series.js';
import { formatTimestamp, formatWindow } from '../../model/metrics/time-format.js';
import type { QueryState } from '../../model/query-state.js';
import type { ResolvedRange } from '../../model/time-range.js';
import { formatDurationMs, formatMetricValue } from '../../model/units.js';
import { styleProps } from '../directives/style-props.js';

/** A series as people read it: its labels, or "all series" for the one series of a query without any. */
export function seriesName(labels: readonly SeriesLabel[]): string {
  return formatLabels(labels) || 'all series';
}

/** A `time-zone` as the formatters take it: empty means the user's own. */
const zoned = (timeZone: string) => ({ timeZone: timeZone || undefined });

export function renderTooltip(data: ChartData, point: PointRef, timeZone: string) {
  const series = data.series[point.series]!;
  const duration = series.durationsMs[point.index]!;
  return html`<div class="labels">${seriesName(series.labels)}</div>
    <div class="value">${formatMetricValue(series.values[point.index]!, data.unit)}</div>
    <div class="time">${formatTimestamp(data.timestamps[point.index]! * 1000, zoned(timeZone))}</div>
    ${duration > 0 ? html`<div class="duration">over ${formatDurationMs(duration)}</div>` : nothing}`;
}

/** What the live region says when the keyboard cursor reaches a point. */
export function pointAnnouncement(data: ChartData, point: PointRef, timeZone: string): string {
  const series = data.series[point.series]!;
  const time = formatTimestamp(data.timestamps[point.index]! * 1000, zoned(timeZone));
  return `${seriesName(series.labels)}: ${formatMetricValue(series.values[point.index]!, data.unit)} at ${time}`;
}

export interface LegendView {
  readonly data: ChartData;
  readonly legend: LegendModel;
  readonly showAll: boolean;
  readonly visible: ReadonlySet<string>;
  readonly colors: readonly string[];
  /** The series (key) whose actions menu is open. */
  readonly menuFor: string | undefined;
  readonly onClick: (event: MouseEvent) => void;
  readonly onToggleShowAll: () => void;
}

export function renderLegend({ data, legend, showAll, visible, colors, menuFor, onClick, onToggleShowAll }: LegendView) {
  const listed = showAll ? legend.entries : legend.entries.slice(0, legend.top);
  const more = legend.entries.length - legend.top;
  // One listener for the list rather than one per item: hundreds of series are listed at once.
  return html`<ul part="legend" aria-label="Series" @click=${onClick}>
    ${listed.map((entry) => {
      const name = formatLabels(entry.distinct) || seriesName(data.series[entry.index]!.labels);
      return html`<li>
        <button
          part="legend-item"
          aria-pressed=${visible.has(entry.key) ? 'true' : 'false'}
          data-key=${entry.key}
          title="Click to show only this series, Shift+click to show or hide it"
        >
          <span class="swatch" ${styleProps({ '--_swatch': colors[entry.index] ?? '' })}></span>
          ${name}
        </button>
        <button
          part="series-actions"
          data-key=${entry.key}
          aria-haspopup="menu"
          aria-expanded=${menuFor === entry.key ? 'true' : 'false'}
          aria-label="Query actions: ${name}"
          title="Only or exclude this series in the query"
        >
          ⋯
        </button>
      </li>`;
    })}
    ${
      more > 0
        ? html`<li>
          <button part="show-all" @click=${onToggleShowAll}>
            ${showAll ? `Show top ${legend.top}` : `Show all ${legend.entries.length}`}
          </button>
        </li>`
        : nothing
    }
  </ul>`;
}

/** The note naming the baseline window a comparison is drawn against, with a button that clears it. */
export function renderBaselineNote(baseline: ResolvedRange | undefined, timeZone: string, onClear: () => void) {
  if (!baseline) return nothing;
  return html`<div part="baseline-note">
    Baseline: ${formatWindow(baseline.startMs, baseline.endMs, zoned(timeZone))}
    <button @click=${onClear}>Clear baseline</button>
  </div>`;
}

export function statusText(query: QueryState | undefined, status: QueryStatus, data: ChartData | undefined): string {
  if (!query || !query.profileType) return 'Choose a profile type to see its values over time.';
  if (query.kind === 'profile') return '';
  if (status === 'loading') return data ? 'Updating…' : 'Loading…';
  if (data && !hasPoints(data)) return 'No data in this time range.';
  return '';
}

/** Says when `sum-by` names labels but the profile type cannot be summed by them. */
export function sumByNote(sumBy: string, profileType: string): string {
  if (parseLabelNames(sumBy).length === 0 || !profileType || isDeltaType(profileType)) return '';
  return 'sum-by applies to delta profile types only: every series is shown as Parca returns it.';
}

export function chartLabel(profileType: string | undefined, data: ChartData | undefined): string {
  const what = profileType ? `${profileType} over time` : 'Values over time';
  if (!data) return what;
  return `${what}, ${data.series.length} series in ${data.unit.label}. Arrow keys move between points, Enter selects one, Shift+F10 offers its series' query actions.`;
}
