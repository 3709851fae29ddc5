import { css } from 'lit';
import { baseStyles, themeStyles } from '../theme.js';

// Public tokens (--parca-*) map to private ones (--_*) once, here; the rules below use only the private ones.
const colors = themeStyles([
  { name: '--_field-bg', token: '--parca-color-field-background', light: '#ffffff', dark: '#161b22' },
  { name: '--_accent-fg', token: '--parca-color-accent-text', light: '#ffffff', dark: '#0d1117' },
  { name: '--_active-bg', token: '--parca-color-option-active', light: '#ddf4ff', dark: '#1f3a5f' },
]);

export const queryEditorStyles = [
  ...baseStyles,
  colors,
  css`
  :host {
    --_listbox-max-height: var(--parca-query-editor-listbox-max-height, 16em);

    display: block;
    background: var(--_background);
  }

  [part~='base'] {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    gap: var(--_space);
  }

  [part~='profile-type'],
  [part~='selector'] {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) / 2);
    min-width: 12em;
  }

  [part~='selector'] {
    position: relative;
    flex: 1 1 20em;
  }

  label,
  legend {
    font-weight: 600;
  }

  input,
  select,
  button {
    font: inherit;
    color: var(--_text);
    background: var(--_field-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) / 2) var(--_space);
  }

  [part~='selector-input'] {
    font-family: var(--_mono);
    box-sizing: border-box;
    width: 100%;
  }

  [part~='selector-input'][aria-invalid='true'] {
    border-color: var(--_error);
  }

  :focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
  }

  [part~='run'] {
    align-self: flex-end;
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
    cursor: pointer;
  }

  [part~='run']:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }

  [part~='listbox'] {
    position: absolute;
    z-index: 1;
    top: 100%;
    left: 0;
    right: 0;
    margin: 2px 0 0;
    padding: 2px 0;
    list-style: none;
    max-height: var(--_listbox-max-height);
    overflow-y: auto;
    background: var(--_field-bg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_mono);
  }

  [part~='option'] {
    padding: 2px var(--_space);
    cursor: pointer;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  [part~='option-active'] {
    background: var(--_active-bg);
  }

  [part~='selector-error'],
  [part~='range-error'],
  [part~='error'] {
    color: var(--_error);
    margin: 0;
  }

  [part~='selector-error-mark'] {
    color: inherit;
    background: none;
    text-decoration: underline wavy;
  }

  [part~='hint'],
  [part~='profile-type-note'],
  [part~='sum-by-note'] {
    color: var(--_muted-text);
    margin: 0;
  }

  [part~='sum-by'] {
    position: relative;
  }

  [part~='options'] {
    flex-basis: 100%;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }

  [part~='range-summary'] {
    font-variant-numeric: tabular-nums;
  }

  [part~='draft-note'] {
    margin: 0;
    color: var(--_muted-text);
    font-style: italic;
  }

  /* The selector's error line keeps its place, so the layout does not jump while typing. */
  [part~='selector'] {
    padding-bottom: 1.5em;
  }

  /* The selector's error, or the note that an edit waits for Run, on the line kept for them. */
  [part~='selector-error'],
  [part~='draft-note'] {
    position: absolute;
    left: 0;
    right: 0;
    bottom: 0;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }

  [part~='range-presets'] {
    display: flex;
    gap: 2px;
  }

  [part~='range-preset-active'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }

  @media (forced-colors: active) {
    [part~='option-active'],
    [part~='range-preset-active'] {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    [part~='run'] {
      border-color: ButtonText;
    }
    [part~='selector-input'][aria-invalid='true'] {
      border: 2px dashed CanvasText;
    }
    [part~='selector-error-mark'] {
      color: Mark;
    }
  }
`,
];
