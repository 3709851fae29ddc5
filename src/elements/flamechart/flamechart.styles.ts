// The flame chart's structural styles: a toolbar, the overview strip and the chart's box, with the tooltip over
// it. Frame colors and sizes are the flame graph's tokens (frameTokens), so a function looks the same in both.
import { css } from 'lit';
import { canvasStyles, frameTokens } from '../flamegraph/flamegraph.styles.js';
import { baseStyles } from '../theme.js';

export const flamechartStyles = [
  ...baseStyles,
  ...frameTokens,
  canvasStyles,
  css`
    :host {
      display: block;
      --_chart-height: var(--parca-flamechart-height, 360px);
    }
    [part='toolbar'],
    [part='limit'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.5em;
      margin-block-end: var(--_space);
    }
    button {
      font: inherit;
      color: inherit;
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part='range'],
    [part='status'] {
      color: var(--_muted-text);
    }
    [part='error'] {
      color: var(--_error);
    }
    [part='overview'] {
      display: block;
      width: 100%;
      height: 24px;
      cursor: pointer;
      touch-action: none;
    }
    [part='viewport'] {
      position: relative;
      max-height: var(--_chart-height);
      overflow: hidden;
      touch-action: none;
      cursor: grab;
    }
    [part='viewport']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
  `,
];
