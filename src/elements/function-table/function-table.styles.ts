// The function table's structural styles: a grid header over a scrolling body of absolutely placed lines (only
// those in view exist). Colors and fonts come from the shared tokens (baseStyles).
import { css } from 'lit';
import { baseStyles } from '../theme.js';

export const functionTableStyles = [
  ...baseStyles,
  css`
    :host {
      display: block;
      --_table-height: var(--parca-function-table-height, 320px);
    }
    [part='columns'] {
      margin-block-end: calc(var(--_space) / 2);
    }
    [part='columns'] fieldset {
      display: flex;
      flex-wrap: wrap;
      gap: var(--_space);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
    }
    [part='table']:focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
    }
    [part='table-header'],
    .table-row {
      display: grid;
      grid-template-columns: var(--_columns);
      gap: 0.5em;
      align-items: center;
    }
    [part='table-header'] {
      border-bottom: 1px solid var(--_border);
    }
    button {
      font: inherit;
      color: inherit;
      background: none;
      border: none;
      padding: 0;
      cursor: pointer;
    }
    [part='table-body'] {
      overflow: auto;
      max-height: var(--_table-height);
    }
    .table-rows {
      position: relative;
    }
    .table-row {
      position: absolute;
      inset-inline: 0;
      height: 24px;
      cursor: default;
    }
    [part='table-header'] [role='columnheader']:not(:first-child),
    .table-row [role='gridcell'] {
      text-align: end;
    }
    .table-row [role='gridcell'] {
      overflow: hidden;
      white-space: nowrap;
      text-overflow: ellipsis;
      font-variant-numeric: tabular-nums;
    }
    .table-row [role='gridcell'].name,
    .table-row [role='gridcell'].text {
      text-align: start;
    }
    .toggle {
      width: 1.5em;
    }
    .heading,
    .neighbour {
      color: var(--_muted-text);
    }
    .heading .name {
      padding-inline-start: 1.5em;
      font-style: italic;
    }
    .neighbour .name {
      padding-inline-start: 3em;
    }
    .table-row[aria-selected='true'] {
      font-weight: 600;
    }
    .table-row[data-active] {
      outline: 2px solid var(--_accent);
      outline-offset: -2px;
    }
    [part='status'],
    [part='summary'] {
      color: var(--_muted-text);
    }
    [part='error'] {
      color: var(--_error);
    }
  `,
];
