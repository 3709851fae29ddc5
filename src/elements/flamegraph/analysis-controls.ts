// The flame graph's analysis controls (invert, group by, frame filters, baseline, export) and the diff legend,
// wired to the graph they belong to. Loaded on first use (see on-demand.ts): a plain graph needs none of it.
import { html, nothing } from 'lit';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { LABEL_ALIGNS, type LabelAlign } from '../../model/flamegraph/label-fit.js';
import { baseName } from '../../model/flamegraph/names.js';
import { type DiffPalette, DIFF_PALETTES } from '../../model/flamegraph/diff-colors.js';
import { legendStops } from '../../model/flamegraph/diff-legend.js';
import type { FlamegraphOptions } from '../../model/flamegraph/options.js';
import { formatWindow } from '../../model/metrics/time-format.js';
import { type QueryState, resolveWindow } from '../../model/query-state.js';
import { formatTimeBound, shiftRange } from '../../model/time-range.js';
import { presetsFor } from '../../model/flamegraph/filter-presets.js';
import { type ColorBy, resolveColorBy } from '../../model/flamegraph/colors.js';
import { hashString } from '../../model/hash.js';
import { copyText, download } from './actions.js';
import type { FlamegraphData } from './fetch.js';
import type { ProfileMetadataInfo } from './metadata.js';
import {
  FILTER_FIELDS,
  FILTER_MATCHES,
  type FilterField,
  type FilterMatch,
  type FrameFilter,
  fieldLabel,
  normalizeFilter,
  sameFilter,
} from '../../model/flamegraph/filters.js';
import { describeFilter, matchLabel } from '../../model/flamegraph/filter-text.js';
import { formatPercent, formatValue } from '../../model/units.js';
import { styleProps } from '../directives/style-props.js';

export interface OptionsView {
  readonly invert: boolean;
  /** The group-by list as the page wrote it. */
  readonly groupBy: readonly string[];
  readonly diffing: boolean;
  readonly absolute: boolean;
  readonly palette: DiffPalette;
  /** How the baseline reads, e.g. `2024-01-01 10:00 – 11:00`. */
  readonly baselineText: string;
  readonly canExport: boolean;
  readonly labelAlign: LabelAlign;
  readonly onLabelAlign: (align: LabelAlign) => void;
  readonly onInvert: (invert: boolean) => void;
  readonly onGroupBy: (text: string) => void;
  readonly onBaselineToggle: (on: boolean) => void;
  readonly onAbsolute: (absolute: boolean) => void;
  readonly onPalette: (palette: DiffPalette) => void;
  readonly onExportPng: () => void;
  readonly onExportPprof: () => void;
  /** Copies a link that restores the view; absent when the page keeps no state in its URL. */
  readonly onCopyLink?: (() => void) | undefined;
  /** Said beside Copy link once the link was copied. */
  readonly copied: boolean;
  /** Why the grouping changes nothing here (e.g. one binary only); empty otherwise. */
  readonly groupNote: string;
  /** The profile's label names (its metadata), offered when grouping by a label; a typed one is taken too. */
  readonly labelNames: readonly string[];
  /** "A label…" was chosen: the field for the label's name shows. */
  readonly groupByLabel: boolean;
  readonly onGroupByLabel: () => void;
}

/** The fields a graph can be grouped by, as the control offers them ('' is Parca's default: by function). */
const GROUPS: readonly (readonly [value: string, label: string])[] = [
  ['', 'Function'],
  ['binary', 'Binary'],
  ['filename', 'File'],
  ['address', 'Address'],
];

/** The group-by control: a field, or a pprof label typed in; a list written by the page shows as it is. */
function renderGroupBy(view: OptionsView) {
  const current = view.groupBy.join(', ');
  const known = GROUPS.some(([value]) => value === current);
  const label = /^labels\.(.+)$/.exec(current)?.[1];
  const chosen = view.groupByLabel || label !== undefined ? 'label' : known ? current : 'custom';
  return html`<label part="group-by"
      >Group by
      <select
        @change=${(e: Event) => {
          const value = (e.target as HTMLSelectElement).value;
          if (value === 'label') view.onGroupByLabel();
          else if (value !== 'custom') view.onGroupBy(value);
        }}
      >
        ${GROUPS.map(([value, text]) => html`<option value=${value} ?selected=${chosen === value}>${text}</option>`)}
        <option value="label" ?selected=${chosen === 'label'}>A label…</option>
        ${chosen === 'custom' ? html`<option value="custom" selected>${current}</option>` : nothing}
      </select></label
    >${
      chosen === 'label'
        ? html`<input
              type="text"
              aria-label="Label to group by"
              placeholder=${view.labelNames[0] ?? 'thread_name'}
              list="group-labels"
              .value=${label ?? ''}
              @change=${(e: Event) => {
                const name = (e.target as HTMLInputElement).value.trim();
                view.onGroupBy(name ? `labels.${name}` : '');
              }}
            /><datalist id="group-labels">${view.labelNames.map((name) => html`<option value=${name}></option>`)}</datalist>`
        : nothing
    }${view.groupNote ? html`<span class="group-note">${view.groupNote}</span>` : nothing}`;
}

/** The row of option controls (shown with the `controls` attribute). */
export function renderOptions(view: OptionsView) {
  return html`<div part="options">
    <label part="invert"
      ><input type="checkbox" .checked=${view.invert} @change=${(e: Event) => view.onInvert((e.target as HTMLInputElement).checked)} /> Invert call
      stacks</label
    >
    ${renderGroupBy(view)}
    <label part="label-align"
      >Names
      <select @change=${(e: Event) => view.onLabelAlign((e.target as HTMLSelectElement).value as LabelAlign)}>
        ${LABEL_ALIGNS.map((align) => html`<option value=${align} ?selected=${align === view.labelAlign}>${align === 'left' ? 'Left-aligned' : 'Right-aligned'}</option>`)}
      </select></label
    >
    <span part="baseline">
      <label
        ><input type="checkbox" .checked=${view.diffing} @change=${(e: Event) => view.onBaselineToggle((e.target as HTMLInputElement).checked)} />
        Compare with ${view.diffing ? view.baselineText : 'the previous period'}</label
      >
      ${
        view.diffing
          ? html`<label part="diff-absolute"
              ><input type="checkbox" .checked=${view.absolute} @change=${(e: Event) => view.onAbsolute((e.target as HTMLInputElement).checked)} />
              Absolute</label
            >
            <select part="diff-palette" aria-label="Diff colors" @change=${(e: Event) => view.onPalette((e.target as HTMLSelectElement).value as DiffPalette)}>
              ${DIFF_PALETTES.map((p) => html`<option value=${p} ?selected=${p === view.palette}>${p === 'red-green' ? 'Red / green' : 'Blue / orange'}</option>`)}
            </select>`
          : nothing
      }
    </span>
    <span part="export">
      <button type="button" @click=${view.onExportPng}>PNG</button>
      <button type="button" ?disabled=${!view.canExport} @click=${view.onExportPprof}>pprof</button>
      ${view.onCopyLink ? html`<button type="button" @click=${view.onCopyLink}>Copy link</button>` : nothing}
      ${view.copied ? html`<span role="status" class="copied">Link copied</span>` : nothing}
    </span>
  </div>`;
}

export interface FiltersView {
  readonly filters: readonly FrameFilter[];
  /** The presets applied, by key, and the profile type that picks which presets are offered. */
  readonly presets: readonly string[];
  readonly profileType: string;
  readonly onPresets: (keys: string[]) => void;
  /** Show the form that adds a filter. */
  readonly editable: boolean;
  /** Kept and removed values of the last response, for the filtered share; undefined before one arrives. */
  readonly totals: { total: number; filtered: number; unit: string } | undefined;
  readonly onRemove: (index: number) => void;
  readonly onAdd: (filter: FrameFilter) => void;
}

/** The filter a form describes; throws FilterSyntaxError when it cannot be used (a number field given text). */
function readForm(form: HTMLFormElement): FrameFilter | undefined {
  const data = new FormData(form);
  const entry = data.get('value');
  const value = typeof entry === 'string' ? entry.trim() : '';
  if (!value) return undefined;
  return normalizeFilter({
    field: data.get('field') as FilterField,
    match: data.get('match') as FilterMatch,
    value,
    scope: data.get('scope') === 'frame' ? 'frame' : 'stack',
  });
}

/** Chips for the active filters, the share they removed, and (when editable) a small form to add one. */
export function renderFilters(view: FiltersView) {
  if (!view.editable && view.filters.length === 0 && view.presets.length === 0) return nothing;
  const totals = view.totals;
  const onSubmit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('value') as HTMLInputElement;
    let filter: FrameFilter | undefined;
    try {
      filter = readForm(form);
    } catch (error) {
      // Said at the field, the way the browser says a required field is empty.
      input.setCustomValidity((error as Error).message);
      input.reportValidity();
      return;
    }
    if (!filter) return;
    input.value = '';
    view.onAdd(filter);
  };
  const presets = presetsFor(view.profileType).filter((preset) => view.editable || view.presets.includes(preset.key));
  const togglePreset = (key: string) => view.onPresets(view.presets.includes(key) ? view.presets.filter((k) => k !== key) : [...view.presets, key]);
  return html`<div part="filters" role="group" aria-label="Frame filters">
    ${
      presets.length
        ? html`<span part="presets" role="group" aria-label="Filter presets"
          >${presets.map(
            (preset) =>
              html`<button
                part="preset"
                type="button"
                title=${preset.description}
                aria-pressed=${view.presets.includes(preset.key) ? 'true' : 'false'}
                @click=${() => togglePreset(preset.key)}
              >
                ${preset.name}
              </button>`,
          )}</span
        >`
        : nothing
    }
    ${view.filters.map(
      (filter, index) =>
        html`<span part="filter-chip"
          >${describeFilter(filter)}<button part="filter-remove" type="button" aria-label=${`Remove filter: ${describeFilter(filter)}`} @click=${() => view.onRemove(index)}>
            ×
          </button></span
        >`,
    )}
    ${
      view.filters.length > 0 && totals
        ? html`<span part="filtered" role="status"
          >${formatPercent(totals.filtered, totals.total + totals.filtered)} filtered out (${formatValue(totals.filtered, totals.unit)} of
          ${formatValue(totals.total + totals.filtered, totals.unit)})</span
        >`
        : nothing
    }
    ${
      view.editable
        ? html`<form part="filter-form" @submit=${onSubmit}>
          <select name="scope" aria-label="Filter kind">
            <option value="stack">Stacks where</option>
            <option value="frame">Only frames where</option>
          </select>
          <select name="field" aria-label="Filter field">
            ${FILTER_FIELDS.map((f) => html`<option value=${f}>${fieldLabel(f)}</option>`)}
          </select>
          <select name="match" aria-label="Filter match">
            ${FILTER_MATCHES.map((m) => html`<option value=${m}>${matchLabel(m)}</option>`)}
          </select>
          <input name="value" type="text" aria-label="Filter value" placeholder="value" required @input=${(e: Event) => (e.target as HTMLInputElement).setCustomValidity('')} />
          <button type="submit">Add filter</button>
        </form>`
        : nothing
    }
  </div>`;
}

export interface BinariesView {
  /** The profile's binaries (paths, as its metadata lists them). */
  readonly binaries: readonly string[];
  /** Base names whose frames are hidden (a frame filter `binary != name`). */
  readonly hidden: ReadonlySet<string>;
  /** The color a binary's frames are drawn in, when frames are colored by binary. */
  readonly colorOf: (base: string) => string | undefined;
  readonly onToggle: (base: string, show: boolean) => void;
}

/** The binary legend: each binary of the profile with its color, a toggle that hides or shows its frames. */
export function renderBinaries(view: BinariesView) {
  const bases = [...new Set(view.binaries.map(baseName))].filter((base) => base !== '');
  if (bases.length === 0) return nothing;
  return html`<div part="binaries" role="group" aria-label="Binaries: a button hides or shows a binary's frames">
    ${bases.map((base) => {
      const shown = !view.hidden.has(base);
      const color = view.colorOf(base);
      return html`<button part="binary" type="button" aria-pressed=${shown ? 'true' : 'false'} title=${`${shown ? 'Hide' : 'Show'} the frames of ${base}`} @click=${() => view.onToggle(base, !shown)}>
        ${color ? html`<span class="binary-swatch" aria-hidden="true" ${styleProps({ '--_swatch': color })}></span>` : nothing}${base}
      </button>`;
    })}
  </div>`;
}

/** The diff legend: one swatch per intensity level from the largest shrinkage to the largest growth. */
export function renderLegend(palette: readonly string[], absolute: boolean) {
  const stops = legendStops();
  return html`<div part="legend" role="img" aria-label="Diff colors, from shrinking through unchanged to growing">
    <span class="legend-end">Shrinking</span>
    <span class="legend-swatches">
      ${stops.map(
        (stop) =>
          html`<span part="legend-swatch" data-level=${stop.level} data-color=${palette[stop.slot] ?? ''} title=${stop.label} ${styleProps({ '--_swatch': palette[stop.slot] ?? 'transparent' })}></span>`,
      )}
    </span>
    <span class="legend-end">Growing</span>
    <span class="legend-note">${absolute ? 'absolute values' : 'relative to the baseline, totals scaled to match'}</span>
  </div>`;
}

/** What the analysis controls read and change of the flame graph they belong to. */
export interface AnalysisHost extends HTMLElement {
  invert: boolean;
  presets: string[];
  labelAlign: LabelAlign;
  groupBy: string[];
  filters: FrameFilter[];
  baselineQuery: QueryState | undefined;
  baselineFrom: string;
  baselineTo: string;
  diffAbsolute: boolean;
  diffPalette: DiffPalette;
  readonly controls: boolean;
  readonly record: unknown;
  readonly activeConnection: unknown;
  readonly activeQuery: QueryState | undefined;
  readonly options: FlamegraphOptions;
  readonly data: FlamegraphData | undefined;
  readonly diffColors: readonly string[];
  /** The profile's binaries and label names (with `controls`), once they arrived. */
  readonly metadata: ProfileMetadataInfo | undefined;
  readonly colorBy: ColorBy;
  /** The frame palette the canvas draws with. */
  readonly framePalette: readonly string[];
  /** The controls' own state, kept by the element. */
  readonly controlState: { copied: boolean; groupByLabel: boolean };
  /** Applies a user's change and tells the page the view changed. */
  userChange(change: () => void): void;
  /** Runs what a user asked for, showing its failure in the element. */
  perform(action: () => Promise<void>): void;
  viewLink(): string | undefined;
  toPNG(): Promise<Blob>;
  exportPprof(): Promise<Blob>;
  requestUpdate(): void;
}

/** The option row (with `controls`), the filter chips, and the diff legend, wired to the graph. */
export function renderAnalysis(host: AnalysisHost) {
  const data = host.data;
  const options = host.options;
  const state = host.controlState;
  const filters = [...options.filters];
  const link = host.viewLink();
  return html`${
    host.controls
      ? renderOptions({
          invert: host.invert,
          labelAlign: host.labelAlign,
          onLabelAlign: (align) => host.userChange(() => (host.labelAlign = LABEL_ALIGNS.includes(align) ? align : 'left')),
          groupBy: host.groupBy,
          diffing: !!options.baseline,
          absolute: host.diffAbsolute,
          palette: host.diffPalette,
          baselineText: baselineText(host),
          canExport: !host.record && !!host.activeConnection,
          onInvert: (invert) => host.userChange(() => (host.invert = invert)),
          onGroupBy: (text) => {
            state.groupByLabel = false;
            host.userChange(
              () =>
                (host.groupBy = text
                  .split(',')
                  .map((v) => v.trim())
                  .filter((v) => v !== '')),
            );
          },
          onBaselineToggle: (on) => host.userChange(() => toggleBaseline(host, on)),
          onAbsolute: (absolute) => host.userChange(() => (host.diffAbsolute = absolute)),
          onPalette: (palette) => (host.diffPalette = DIFF_PALETTES.includes(palette) ? palette : 'red-green'),
          onExportPng: () => host.perform(() => download(() => host.toPNG(), 'flamegraph.png')),
          onExportPprof: () => host.perform(() => download(() => host.exportPprof(), 'profile.pb.gz')),
          onCopyLink: link
            ? () =>
                host.perform(async () => {
                  await copyText(link);
                  state.copied = true;
                })
            : undefined,
          copied: state.copied,
          groupNote: groupNote(host),
          groupByLabel: state.groupByLabel,
          labelNames: host.metadata?.labels ?? [],
          onGroupByLabel: () => {
            state.groupByLabel = true;
            host.requestUpdate();
          },
        })
      : nothing
  }
  ${renderFilters({
    filters,
    presets: host.presets,
    profileType: host.activeQuery?.profileType ?? '',
    onPresets: (keys) => host.userChange(() => (host.presets = keys)),
    editable: host.controls,
    totals: data && !host.record ? { total: data.total, filtered: data.filtered, unit: data.unit } : undefined,
    onRemove: (index) => host.userChange(() => (host.filters = filters.filter((_, i) => i !== index))),
    onAdd: (filter) => {
      if (!filters.some((f) => sameFilter(f, filter))) host.userChange(() => (host.filters = [...filters, filter]));
    },
  })}
  ${host.controls && host.metadata ? renderBinaries(binariesView(host, filters)) : nothing}
  ${data?.isDiff ? renderLegend(host.diffColors, host.diffAbsolute) : nothing}`;
}

/** A frame filter that hides one binary's frames (what the legend's toggle adds). */
const hides = (filter: FrameFilter) => filter.field === 'binary' && filter.match === 'not_equal' && filter.scope === 'frame';

function binariesView(host: AnalysisHost, filters: readonly FrameFilter[]): BinariesView {
  const model = host.data?.model;
  // Swatches only while frames are colored by binary (not a diff, not a fallback to package or file).
  const byBinary = !!model && !host.data?.isDiff && host.colorBy === 'binary' && resolveColorBy(model, 'binary') === 'binary';
  const palette = host.framePalette;
  return {
    binaries: host.metadata?.binaries ?? [],
    hidden: new Set(filters.filter(hides).map((filter) => filter.value)),
    colorOf: (base) => (byBinary && palette.length ? palette[hashString(base) % palette.length] : undefined),
    onToggle: (base, show) =>
      host.userChange(
        () =>
          (host.filters = show
            ? filters.filter((filter) => !(hides(filter) && filter.value === base))
            : [...filters, { field: 'binary', match: 'not_equal', value: base, scope: 'frame' }]),
      ),
  };
}

/** The baseline as people read it: its window in local time (a query baseline by its text). */
function baselineText(host: AnalysisHost): string {
  if (host.baselineQuery) return `${host.baselineQuery.profileType}${host.baselineQuery.selector}`;
  const range = host.options.baseline?.range;
  const query = host.activeQuery;
  const resolved = range && query && resolveWindow(range, query.now);
  return resolved ? formatWindow(resolved.startMs, resolved.endMs) : '';
}

/** Why grouping by binary changes nothing on this graph, when it does not. */
function groupNote(host: AnalysisHost): string {
  const model = host.data?.model;
  if (!model || !host.options.groupBy.includes('mapping_file')) return '';
  const binaries = new Set<string>();
  for (let row = 1; row < model.size && binaries.size < 2; row++) {
    const binary = model.mappingFile.value(row);
    if (binary) binaries.add(binary);
  }
  if (binaries.size > 1) return '';
  const [only] = binaries;
  return only
    ? `Every frame is in one binary (${baseName(only)}): grouping by binary changes nothing.`
    : 'No frame names a binary: grouping by binary changes nothing.';
}

/** The baseline control: the previous period of the same length as the shown range, or no baseline. */
function toggleBaseline(host: AnalysisHost, on: boolean): void {
  if (!on) {
    const fromSource = !host.baselineQuery && !host.baselineFrom && !host.baselineTo && !!host.options.baseline;
    host.baselineQuery = undefined;
    host.baselineFrom = '';
    host.baselineTo = '';
    // A baseline chosen on a chart belongs to the source: ask it to drop it.
    if (fromSource) host.dispatchEvent(new ParcaBaselineSelectEvent(undefined));
    return;
  }
  const query = host.activeQuery;
  if (!query?.window) return;
  const previous = shiftRange(query.range, query.window.endMs - query.window.startMs);
  host.baselineFrom = formatTimeBound(previous.from);
  host.baselineTo = formatTimeBound(previous.to);
}
