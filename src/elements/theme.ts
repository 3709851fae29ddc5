// Light and dark values for an element's private tokens. Each `--_name` reads its public `--parca-*` token
// first, so a page can override any of them; the fallbacks follow prefers-color-scheme, and the element's
// `theme` attribute (`light` or `dark`) overrides the user's scheme.
import { type CSSResult, css, unsafeCSS } from 'lit';

/** A private token and its public custom property, with the fallback for light and for dark. */
export interface ThemeToken {
  readonly name: `--_${string}`;
  readonly token: `--parca-${string}`;
  readonly light: string;
  readonly dark: string;
}

/** Light and dark defaults of the color tokens every element shares, kept in one place. */
const SHARED_COLORS = {
  '--parca-color-text': ['#1f2328', '#e6edf3'],
  '--parca-color-background': ['#ffffff', '#0d1117'],
  '--parca-color-border': ['#8c959f', '#6e7681'],
  '--parca-color-muted': ['#59636e', '#9198a1'],
  '--parca-color-accent': ['#0969da', '#4493f8'],
  '--parca-color-error': ['#cf222e', '#ff7b72'],
} as const;

export type SharedColorToken = keyof typeof SHARED_COLORS;

/** A shared public color token under an element's own private name, with the shared defaults. */
export function sharedColor(token: SharedColorToken, name: ThemeToken['name']): ThemeToken {
  const [light, dark] = SHARED_COLORS[token];
  return { name, token, light, dark };
}

function block(tokens: readonly ThemeToken[], scheme: 'light' | 'dark'): string {
  return tokens.map((t) => `${t.name}: var(${t.token}, ${t[scheme]});`).join('\n');
}

/**
 * The rules that declare `tokens` on :host. Only constants written in this library go in: the values are
 * ours, never a page's (unsafeCSS is safe here for that reason alone).
 */
export function themeStyles(tokens: readonly ThemeToken[]): CSSResult {
  return unsafeCSS(`
    :host { ${block(tokens, 'light')} }
    @media (prefers-color-scheme: dark) {
      :host(:not([theme='light'])) { ${block(tokens, 'dark')} }
    }
    :host([theme='dark']) { ${block(tokens, 'dark')} }
  `);
}

/**
 * What every element shares, adopted first: the shared colors under one set of private names (`--_text`,
 * `--_background`, `--_border`, `--_muted-text`, `--_accent`, `--_error`), their forced-colors values, the font,
 * space and radius tokens, and the hidden and visually-hidden rules. One sheet object for all elements.
 */
export const baseStyles: readonly CSSResult[] = [
  themeStyles([
    sharedColor('--parca-color-text', '--_text'),
    sharedColor('--parca-color-background', '--_background'),
    sharedColor('--parca-color-border', '--_border'),
    sharedColor('--parca-color-muted', '--_muted-text'),
    sharedColor('--parca-color-accent', '--_accent'),
    sharedColor('--parca-color-error', '--_error'),
  ]),
  css`
    :host {
      --_font: var(--parca-font-family, system-ui, sans-serif);
      --_mono: var(--parca-font-family-mono, ui-monospace, SFMono-Regular, Menlo, monospace);
      --_font-size: var(--parca-font-size, 14px);
      --_space: var(--parca-space, 8px);
      --_radius: var(--parca-radius, 6px);
      color: var(--_text);
      font-family: var(--_font);
      font-size: var(--_font-size);
    }
    @media (forced-colors: active) {
      :host {
        --_text: CanvasText;
        --_background: Canvas;
        --_border: CanvasText;
        --_muted-text: GrayText;
        --_accent: Highlight;
        --_error: CanvasText;
      }
    }
    [hidden] {
      display: none !important;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      margin: -1px;
      padding: 0;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
      border: 0;
    }
  `,
];
