// The accessible table of the series shown: loaded with the first table, which waits for an idle moment anyway
// (see IdleTable), so a page does not load it before its first chart.
import { html } from 'lit';
import type { LegendModel } from '../../model/metrics/legend.js';
import { type ChartData, lastPoint } from '../../model/metrics/series.js';
import { formatMetricValue } from '../../model/units.js';
import { seriesName } from './templates.js';

/** The series for screen readers: each one's peak, latest value and number of points, in legend order. */
export function renderTable(data: ChartData, legend: LegendModel) {
  const unit = data.unit;
  return html`<table part="table" class="visually-hidden">
    <caption>
      Series shown in the chart, in ${unit.label}
    </caption>
    <thead>
      <tr>
        <th scope="col">Series</th>
        <th scope="col">Peak</th>
        <th scope="col">Latest</th>
        <th scope="col">Points</th>
      </tr>
    </thead>
    <tbody>
      ${legend.entries.map((entry) => {
        const series = data.series[entry.index]!;
        const last = lastPoint(series);
        return html`<tr>
          <th scope="row">${seriesName(series.labels)}</th>
          <td>${formatMetricValue(series.peak, unit)}</td>
          <td>${last >= 0 ? formatMetricValue(series.values[last]!, unit) : '–'}</td>
          <td>${series.points}</td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}
