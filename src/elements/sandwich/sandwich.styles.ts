// The sandwich's structural styles: a header over two scrolling graphs whose canvases stay in view (sticky), and a
// tooltip over them. Frame colors and sizes are the flame graph's tokens (graphTokens).
import { css } from 'lit';
import { canvasStyles, graphTokens } from '../flamegraph/flamegraph.styles.js';
import { baseStyles } from '../theme.js';

export const sandwichStyles = [
  ...baseStyles,
  ...graphTokens,
  canvasStyles,
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
    [part='status'] {
      color: var(--_muted-text);
    }
    [part='error'] {
      color: var(--_error);
    }
    .viewport {
      overflow: auto;
      max-height: var(--_max-height);
    }
  `,
];
