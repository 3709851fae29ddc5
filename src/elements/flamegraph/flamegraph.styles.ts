import { css } from 'lit';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../model/flamegraph/colors.js';
import { baseStyles, themeStyles } from '../theme.js';

const colors = themeStyles([
  { name: '--_palette', token: '--parca-flamegraph-palette', light: LIGHT_PALETTE.join(', '), dark: DARK_PALETTE.join(', ') },
  { name: '--_neutral', token: '--parca-flamegraph-neutral-color', light: '#d4d4d8', dark: '#52525b' },
  { name: '--_muted-frame', token: '--parca-flamegraph-muted-color', light: '#ececef', dark: '#2b2d31' },
  { name: '--_match', token: '--parca-flamegraph-match-color', light: '#f5a623', dark: '#c77d0a' },
]);

/** The tokens of frames on a canvas: colors, row height and label font; shared by the flame chart. */
export const frameTokens = [
  colors,
  css`
    :host {
      --_row-height: var(--parca-flamegraph-row-height, 20px);
      --_label-font: var(--parca-flamegraph-font, 12px ui-monospace, SFMono-Regular, Menlo, monospace);
    }
    @media (forced-colors: active) {
      :host {
        --_palette: Canvas;
        --_neutral: Canvas;
        --_muted-frame: Canvas;
        --_match: Highlight;
      }
    }
  `,
];

/** The tokens a canvas of frames reads (GraphCanvas): frameTokens, the height and the diff colors; shared by the sandwich. */
export const graphTokens = [
  ...frameTokens,
  css`
    :host {
      --_max-height: var(--parca-flamegraph-max-height, 640px);
      --_diff-growth: var(--parca-flamegraph-diff-growth-color, #dc2626);
      --_diff-shrink: var(--parca-flamegraph-diff-shrink-color, #16a34a);
    }
    :host([diff-palette='blue-orange']) {
      --_diff-growth: var(--parca-flamegraph-diff-growth-color, #e66100);
      --_diff-shrink: var(--parca-flamegraph-diff-shrink-color, #1d6ec2);
    }
  `,
];

/** The canvas of frames inside its scrolling box, and the tooltip over it: shared by the sandwich. */
export const canvasStyles = css`
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
`;

export const flamegraphStyles = [
  ...baseStyles,
  ...graphTokens,
  canvasStyles,
  css`
  :host {
    display: block;
    position: relative;
    --_font-size: var(--parca-font-size, 13px);
  }
  [part='toolbar'],
  [part='options'],
  [part='filters'],
  [part='legend'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.25em;
  }
  [part='filter-chip'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    padding: 0 0 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 1em;
  }
  [part='binaries'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    margin-bottom: 0.25em;
  }
  [part='binary'][aria-pressed='false'] {
    text-decoration: line-through;
    color: var(--_muted-text);
  }
  .binary-swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    margin-inline-end: 0.3em;
    background: var(--_swatch);
    forced-color-adjust: none;
  }
  [part='presets'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  [part='preset'][aria-pressed='true'] {
    border-color: var(--_accent);
    font-weight: 600;
  }
  [part='filter-remove'] {
    border: none;
    border-radius: 1em;
  }
  [part='filter-form'] {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  select,
  input {
    font: inherit;
    color: inherit;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 4px;
  }
  .legend-swatches {
    display: inline-flex;
  }
  [part='legend-swatch'] {
    display: inline-block;
    width: 1em;
    height: 1em;
    background: var(--_swatch);
    forced-color-adjust: none;
  }
  [part='toolbar'] {
    min-height: 1.5em;
  }
  [part='sandwich'] {
    display: grid;
    gap: 0.25em;
  }
  [part='sandwich-header'] {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  [part='breadcrumb'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em;
  }
  [part='breadcrumb'] ol {
    display: contents;
    list-style: none;
  }
  [part='breadcrumb'] li + li::before {
    content: '›';
    margin-inline-end: 0.25em;
    color: var(--_muted-text);
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0.1em 0.5em;
    cursor: pointer;
  }
  /* Path steps read as links; Reset keeps the look of a button. */
  [part='breadcrumb'] li button {
    border-color: transparent;
    padding-inline: 0.1em;
    max-width: 24ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    color: var(--_accent);
    text-decoration: underline;
  }
  [part='breadcrumb'] li button[aria-current='true'] {
    color: inherit;
    text-decoration: none;
    font-weight: 600;
  }
  [part='selection'] {
    margin-top: 0.25em;
    overflow-wrap: anywhere;
  }
  [part='point'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    margin-bottom: 0.25em;
  }
  .sort-mark {
    font-size: 0.8em;
  }
  input {
    padding: 0.15em 0.4em;
  }
  [part='filtered'],
  .legend-note,
  [part='search-summary'],
  [part='note'],
  [part='color-note'],
  [part='detail-note'],
  [part='status'] {
    color: var(--_muted-text);
  }
  [part='error'] {
    color: var(--_error);
    margin-bottom: 0.25em;
  }
  .frame {
    position: relative;
  }
  [part='viewport'] {
    overflow: auto;
    max-height: var(--_max-height);
    transition: opacity 0.15s;
  }
  [part='viewport'].loading {
    opacity: 0.5;
  }
`,
];
