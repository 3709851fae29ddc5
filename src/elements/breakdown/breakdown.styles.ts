// The breakdown's styles: a header over a scrolling list of absolutely placed rows (only those in view exist).
// Public tokens map to private ones once, here; colors and fonts otherwise come from the shared tokens (baseStyles).
import { css } from 'lit';
import { baseStyles, themeStyles } from '../theme.js';

const colors = themeStyles([
  { name: '--_line', token: '--parca-breakdown-line-color', light: '#0969da', dark: '#4493f8' },
  { name: '--_fill', token: '--parca-breakdown-fill-color', light: 'rgb(9 105 218 / 0.15)', dark: 'rgb(68 147 248 / 0.22)' },
  { name: '--_other-line', token: '--parca-breakdown-other-color', light: '#59636e', dark: '#9198a1' },
]);

export const breakdownStyles = [
  ...baseStyles,
  colors,
  css`
    :host {
      --_list-height: var(--parca-breakdown-height, 360px);
      display: block;
      background: var(--_background);
    }
    @media (forced-colors: active) {
      :host {
        --_line: CanvasText;
        --_fill: transparent;
        --_other-line: GrayText;
      }
    }
    .sizer {
      height: 0;
    }
    [part~='header'] {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: var(--_space);
      min-height: 1.5em;
    }
    [part~='summary'],
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
      border: 1px solid transparent;
      border-radius: var(--_radius);
      padding: 0 calc(var(--_space) / 2);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part~='show-top'] {
      border-color: var(--_border);
    }
    [part~='list'] {
      overflow: auto;
      max-height: var(--_list-height);
    }
    .rows {
      position: relative;
    }
    .row {
      position: absolute;
      inset-inline: 0;
      height: 36px;
      box-sizing: border-box;
      display: grid;
      grid-template-columns: 1fr 2.25em 2.25em;
      align-items: stretch;
      border-bottom: 1px solid color-mix(in srgb, var(--_border) 35%, transparent);
    }
    [part~='open'] {
      display: grid;
      grid-template-columns: minmax(8ch, 2fr) minmax(4rem, 3fr) minmax(7ch, auto) 6ch;
      align-items: center;
      gap: var(--_space);
      min-width: 0;
      text-align: start;
    }
    [part~='open']:hover,
    [part~='include']:hover,
    [part~='exclude']:hover {
      border-color: var(--_border);
    }
    [part~='name'] {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
    }
    [part~='other'] [part~='name'] {
      color: var(--_muted-text);
      font-style: italic;
    }
    [part~='chart'] {
      display: block;
      width: 100%;
      height: 28px;
    }
    [part~='total'],
    [part~='share'] {
      text-align: end;
      white-space: nowrap;
      font-variant-numeric: tabular-nums;
    }
    [part~='share'] {
      color: var(--_muted-text);
    }
  `,
];
