// The compare element's structural styles: one wrapping row of button groups. Colors and fonts come from the
// shared tokens (baseStyles); a pressed mode is marked by its border and weight, not by color alone.
import { css } from 'lit';
import { baseStyles } from '../theme.js';

export const compareStyles = [
  ...baseStyles,
  css`
    :host {
      display: block;
    }
    [part~='toolbar'],
    [part~='modes'],
    [part~='presets'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: calc(var(--_space) / 2);
    }
    [part~='toolbar'] {
      gap: var(--_space);
    }
    button {
      font: inherit;
      color: inherit;
      background: var(--_background);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.15em 0.6em;
      cursor: pointer;
    }
    button:disabled {
      cursor: default;
      color: var(--_muted-text);
    }
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 1px;
    }
    [part~='mode'][aria-pressed='true'] {
      border-color: var(--_accent);
      box-shadow: inset 0 0 0 1px var(--_accent);
      font-weight: 600;
    }
    [part~='status'] {
      color: var(--_muted-text);
    }
  `,
];
