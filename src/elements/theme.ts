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
