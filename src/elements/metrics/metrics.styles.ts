import { css } from 'lit';
import { baseStyles, themeStyles } from '../theme.js';

// Public tokens (--parca-*) map to private ones (--_*) once, here; the rules below use only the private ones.
// The uPlot rules are the few its chart needs to lay out inside a shadow root (its own stylesheet cannot reach in).
const colors = themeStyles([
  { name: '--_selection', token: '--parca-metrics-selection-color', light: 'rgb(9 105 218 / 0.15)', dark: 'rgb(68 147 248 / 0.25)' },
  { name: '--_baseline', token: '--parca-metrics-baseline-color', light: 'rgb(130 80 223 / 0.14)', dark: 'rgb(163 113 247 / 0.22)' },
  { name: '--_picked', token: '--parca-metrics-picked-color', light: 'rgb(9 105 218 / 0.35)', dark: 'rgb(88 166 255 / 0.4)' },
]);

export const metricsStyles = [
  ...baseStyles,
  colors,
  css`
  :host {
    --_grid: var(--parca-metrics-grid-color, rgb(128 128 128 / 0.2));
    --_tooltip-bg: var(--parca-metrics-tooltip-background, var(--_background));
    --_height: var(--parca-metrics-height, 240px);

    display: block;
    position: relative;
    background: var(--_background);
  }

  @media (forced-colors: active) {
    :host {
      --_grid: GrayText;
      --_selection: Highlight;
      --_baseline: Mark;
      --_picked: Highlight;
    }
  }

  [part~='header'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
    min-height: 1.5em;
  }

  [part~='common-labels'] {
    color: var(--_muted-text);
  }

  [part~='note'],
  [part~='status'] {
    color: var(--_muted-text);
  }

  [part~='error'] {
    color: var(--_error);
    border-left: 3px solid var(--_error);
    padding-left: var(--_space);
  }

  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 2px var(--_space);
    cursor: pointer;
  }

  [part~='chart'] {
    position: relative;
    height: var(--_height);
    outline: none;
  }

  [part~='chart']:focus-visible {
    box-shadow: 0 0 0 2px var(--_accent);
    border-radius: var(--_radius);
  }

  .plot {
    position: absolute;
    inset: 0;
  }

  [part~='tooltip'] {
    position: absolute;
    z-index: 2;
    pointer-events: none;
    background: var(--_tooltip-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
    box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
    white-space: nowrap;
    font-size: 0.9em;
  }

  [part~='tooltip'] .value {
    font-weight: 600;
  }

  [part~='baseline'] {
    position: absolute;
    pointer-events: none;
    background: var(--_baseline);
  }

  [part~='picked'] {
    position: absolute;
    pointer-events: none;
    background: var(--_picked);
    border-inline: 1px solid var(--_accent);
    box-sizing: border-box;
  }

  [part~='marker'] {
    position: absolute;
    z-index: 1;
    width: 9px;
    height: 9px;
    margin: -5px 0 0 -5px;
    border-radius: 50%;
    border: 2px solid var(--_background);
    pointer-events: none;
  }

  [part~='legend'] {
    display: flex;
    flex-wrap: wrap;
    gap: 2px var(--_space);
    margin: var(--_space) 0 0;
    padding: 0;
    list-style: none;
  }

  [part~='legend-item'] {
    border: none;
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px;
  }

  [part~='legend-item'][aria-pressed='false'] {
    opacity: 0.45;
  }

  .swatch {
    width: 12px;
    height: 3px;
    background: var(--_swatch);
    forced-color-adjust: none;
  }

  @media (forced-colors: active) {
    .swatch {
      background: CanvasText;
    }
  }

  /* uPlot's layout inside the shadow root. */
  .uplot,
  .uplot * {
    box-sizing: border-box;
  }
  .uplot {
    width: min-content;
  }
  .u-wrap {
    position: relative;
    user-select: none;
  }
  .u-over,
  .u-under {
    position: absolute;
  }
  .u-under {
    overflow: hidden;
  }
  .uplot canvas {
    display: block;
    position: relative;
    width: 100%;
    height: 100%;
  }
  .u-axis {
    position: absolute;
  }
  .u-select {
    position: absolute;
    pointer-events: none;
    background: var(--_selection);
  }
  .u-cursor-x,
  .u-cursor-y {
    position: absolute;
    left: 0;
    top: 0;
    pointer-events: none;
    will-change: transform;
  }
  .u-hz .u-cursor-x {
    height: 100%;
    border-right: 1px dashed var(--_muted-text);
  }
  .u-hz .u-cursor-y {
    width: 100%;
    border-bottom: 1px dashed var(--_muted-text);
  }
  .u-select.u-off,
  .u-cursor-x.u-off,
  .u-cursor-y.u-off,
  .u-axis.u-off {
    display: none;
  }
`,
];
