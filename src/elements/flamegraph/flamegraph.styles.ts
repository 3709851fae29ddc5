import { css, unsafeCSS } from 'lit';
import { DARK_PALETTE, LIGHT_PALETTE } from '../../model/flamegraph/colors.js';

// Our own constants, not user input: safe to inline.
const light = unsafeCSS(LIGHT_PALETTE.join(', '));
const dark = unsafeCSS(DARK_PALETTE.join(', '));

export const flamegraphStyles = css`
  :host {
    display: block;
    position: relative;
    font-family: var(--parca-font-family, system-ui, sans-serif);
    font-size: var(--parca-font-size, 13px);
    color: var(--_text);
    --_palette: var(--parca-flamegraph-palette, ${light});
    --_neutral: var(--parca-flamegraph-neutral-color, #d4d4d8);
    --_muted: var(--parca-flamegraph-muted-color, #ececef);
    --_match: var(--parca-flamegraph-match-color, #f5a623);
    --_text: var(--parca-text-color, #1f2328);
    --_muted-text: var(--parca-muted-text-color, #8b8f96);
    --_outline: var(--parca-focus-color, #0b57d0);
    --_background: var(--parca-background-color, #ffffff);
    --_border: var(--parca-border-color, #d0d7de);
    --_error: var(--parca-error-color, #b3261e);
    --_row-height: var(--parca-flamegraph-row-height, 20px);
    --_label-font: var(--parca-flamegraph-font, 12px ui-monospace, SFMono-Regular, Menlo, monospace);
    --_max-height: var(--parca-flamegraph-max-height, 640px);
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_palette: var(--parca-flamegraph-palette, ${dark});
      --_neutral: var(--parca-flamegraph-neutral-color, #52525b);
      --_muted: var(--parca-flamegraph-muted-color, #2b2d31);
      --_match: var(--parca-flamegraph-match-color, #c77d0a);
      --_text: var(--parca-text-color, #e6e6e6);
      --_muted-text: var(--parca-muted-text-color, #8b8f96);
      --_outline: var(--parca-focus-color, #8ab4f8);
      --_background: var(--parca-background-color, #1b1b1f);
      --_border: var(--parca-border-color, #3d444d);
      --_error: var(--parca-error-color, #f2b8b5);
    }
  }
  @media (forced-colors: active) {
    :host {
      --_palette: Canvas;
      --_neutral: Canvas;
      --_muted: Canvas;
      --_match: Highlight;
      --_text: CanvasText;
      --_muted-text: GrayText;
      --_outline: Highlight;
      --_background: Canvas;
      --_border: CanvasText;
      --_error: CanvasText;
    }
  }
  [hidden] {
    display: none !important;
  }
  [part='toolbar'] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
    min-height: 1.5em;
    margin-bottom: 0.25em;
  }
  [part='toolbar']:empty {
    display: none;
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
  [part='breadcrumb'] button {
    border-color: transparent;
    max-width: 24ch;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--_background);
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0.15em 0.4em;
  }
  [part='search-summary'],
  [part='note'],
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
    outline: 2px solid var(--_outline);
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
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
