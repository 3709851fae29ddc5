// The call tree's structural styles: a grid header over a scrolling body of absolutely placed lines (only those in
// view exist), names indented by depth. Colors and fonts come from the shared tokens (baseStyles).
import { css } from 'lit';
import { baseStyles } from '../theme.js';

export const calltreeStyles = [
  ...baseStyles,
  css`
    :host {
      display: block;
      --_tree-height: var(--parca-calltree-height, 480px);
    }
    [part='toolbar'] {
      margin-block-end: calc(var(--_space) / 2);
    }
    [part='tree']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='tree-header'],
    .tree-row {
      display: grid;
      grid-template-columns: minmax(16ch, 1fr) 18ch 18ch;
      gap: 0.5em;
      align-items: center;
    }
    .diff [part='tree-header'],
    .diff .tree-row {
      grid-template-columns: minmax(16ch, 1fr) 18ch 18ch 12ch;
    }
    [part='tree-header'] {
      border-bottom: 1px solid var(--_border);
    }
    [part='tree-header'] [role='columnheader']:not(:first-child),
    .tree-row [role='gridcell'] {
      text-align: end;
    }
    [part='tree-body'] {
      overflow: auto;
      max-height: var(--_tree-height);
    }
    .tree-rows {
      position: relative;
    }
    .tree-row {
      position: absolute;
      inset-inline: 0;
      height: 24px;
      cursor: default;
    }
    .tree-row [role='gridcell'] {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-variant-numeric: tabular-nums;
    }
    .tree-row .name {
      text-align: start;
      padding-inline-start: calc(min(var(--_depth), 40) * 1em);
    }
    .toggle {
      display: inline-block;
      width: 1.5em;
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      padding: 0;
      cursor: pointer;
    }
    .inlined {
      color: var(--_muted-text);
    }
    .tree-row[aria-selected='true'] {
      font-weight: 600;
    }
    .tree-row[data-active] {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part='status'],
    [part='note'] {
      color: var(--_muted-text);
    }
    [part='error'] {
      color: var(--_error);
    }
  `,
];
