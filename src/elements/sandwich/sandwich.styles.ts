// The sandwich's structural styles: a header over two scrolling graphs whose canvases stay in view (sticky), and a
// tooltip over them. Frame colors and sizes are the flame graph's tokens (graphTokens).
import { css } from 'lit';
import { graphTokens } from '../flamegraph/flamegraph.styles.js';
import { baseStyles } from '../theme.js';

export const sandwichStyles = [
  ...baseStyles,
  ...graphTokens,
  css`
    :host {
      display: block;
    }
    .frame {
      position: relative;
      display: grid;
      gap: 0.25em;
    }
    [part='header'] {
      display: flex;
      gap: 0.5em;
      align-items: center;
    }
    button {
      font: inherit;
      color: inherit;
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: 4px;
    }
    .viewport {
      overflow: auto;
      max-height: var(--_max-height);
    }
    .content {
      position: relative;
    }
    canvas {
      position: sticky;
      top: 0;
      display: block;
      width: 100%;
      outline: none;
    }
    canvas:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part='status'] {
      color: var(--_muted-text);
    }
    [part='error'] {
      color: var(--_error);
    }
    [part='tooltip'] {
      position: absolute;
      z-index: 1;
      pointer-events: none;
      max-width: min(40em, 90%);
      padding: 0.4em 0.6em;
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: 4px;
      box-shadow: 0 2px 8px rgb(0 0 0 / 0.2);
      overflow-wrap: anywhere;
    }
    [part='tooltip'] dl {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0 0.75em;
      margin: 0.25em 0 0;
    }
    [part='tooltip'] dt {
      color: var(--_muted-text);
    }
    [part='tooltip'] dd {
      margin: 0;
    }
    .name {
      font-weight: 600;
    }
  `,
];
