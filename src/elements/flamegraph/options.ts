// The flame graph's own option properties, in one base class: how it draws (orientation, colors) and what it shows
// around the graph (search field, sandwich, controls). What every view of a profile shares (search, invert, group
// by, filters, baseline) is ProfileViewElement's (../profile-view.ts).
import { property } from 'lit/decorators.js';
import { COLOR_BY, type ColorBy } from '../../model/flamegraph/colors.js';
import type { DiffPalette } from '../../model/flamegraph/diff-colors.js';
import { LABEL_ALIGNS, type LabelAlign } from '../../model/flamegraph/label-fit.js';
import { ProfileViewElement } from '../profile-view.js';
import type { Orientation } from './renderer.js';

/** How frames are drawn, beyond orientation and what the data says. */
export interface FrameLook {
  readonly colorBy: ColorBy;
  readonly labelAlign: LabelAlign;
}

/**
 * The flame graph's options as properties, and the parts of the analysis controls that set them.
 *
 * @csspart options - The row of analysis controls (with `controls`).
 * @csspart invert - The invert control.
 * @csspart group-by - The group-by control.
 * @csspart baseline - The baseline control (baseline, absolute, palette).
 * @csspart diff-absolute - The absolute/relative diff toggle.
 * @csspart diff-palette - The diff palette choice.
 * @csspart export - The PNG and pprof export buttons, and Copy link (under a source with `sync-url`: see viewLink()).
 * @csspart filters - The active filters, the share they removed, and the form to add one.
 * @csspart filter-chip - One active filter.
 * @csspart presets - Parca's filter presets offered for the profile type (with `controls`; else the applied ones).
 * @csspart preset - One preset: a toggle button (aria-pressed) that applies or removes its filters.
 * @csspart filter-remove - The button that removes a filter.
 * @csspart filter-form - The form that adds a filter (with `controls`).
 * @csspart filtered - How much of the profile the filters removed.
 * @csspart legend - The diff colors and what they mean.
 * @csspart legend-swatch - One diff color of the legend.
 * @csspart label-align - The control that aligns frame names left or right (with `controls`).
 */
export abstract class FlamegraphOptionsElement extends ProfileViewElement {
  protected static override readonly devChecks = {
    needsProfileType: true,
    oneOf: { orientation: ['icicle', 'flame'], colorBy: COLOR_BY, labelAlign: LABEL_ALIGNS },
  };

  /** `icicle` (root on top, default) or `flame` (root at the bottom). */
  @property({ reflect: true }) orientation: Orientation = 'icicle';
  /** What picks a frame's color: `binary` (default), `package` or `file`. */
  @property({ attribute: 'color-by' }) colorBy: ColorBy = 'binary';
  /** Which end of a frame its name is drawn against, and kept when cut: `left` (default) or `right` (the name's end, its function's own name). */
  @property({ attribute: 'label-align' }) labelAlign: LabelAlign = 'left';
  /** Shows a built-in search field. */
  @property({ type: Boolean, attribute: 'search-field' }) searchField = false;
  /** Parca's node trim threshold in percent; by default about one pixel of the graph's width. */
  @property({ type: Number, attribute: 'trim-threshold' }) trimThreshold: number | undefined;
  /** `red-green` (default) or `blue-orange` (colour-blind safe). */
  @property({ attribute: 'diff-palette', reflect: true }) diffPalette: DiffPalette = 'red-green';
  /** Shows the analysis controls: invert, group by, filters, baseline, export. */
  @property({ type: Boolean }) controls = false;
  /**
   * A function name: shows its callers (above it) and callees (below it) as two flame graphs instead of the
   * whole graph. Empty for the normal view. Diffs do not apply to it.
   */
  @property() sandwich = '';

  /** How frames are drawn beyond what the data says: what the canvas draws with and a sandwich's graphs share. @internal */
  get frameLook(): FrameLook {
    return { colorBy: this.colorBy, labelAlign: this.labelAlign };
  }
}
