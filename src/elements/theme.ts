// Light and dark values for an element's private tokens. Each `--_name` reads its public `--parca-*` token
// first, so a page can override any of them; the fallbacks follow prefers-color-scheme, and the element's
// `theme` attribute (`light` or `dark`) overrides the user's scheme.
import { type CSSResult, unsafeCSS } from 'lit';

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
