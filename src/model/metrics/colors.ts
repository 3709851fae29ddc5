// Series colors that stay with a label set across queries and reloads: the key's hash picks a palette entry.
// The default palette holds one lightness and chroma in OKLCH, mid-tone, so every hue reads on light and dark
// backgrounds alike; hosts replace it with `--parca-metrics-palette`.
import { hashString } from '../hash.js';

const HUES = [250, 25, 145, 300, 75, 195, 350, 110, 275, 50, 170, 320];

export const DEFAULT_PALETTE: readonly string[] = HUES.map((h) => `oklch(0.64 0.15 ${h})`);

/** The palette entry of the series keyed `key`. */
export function seriesColor(key: string, palette: readonly string[] = DEFAULT_PALETTE): string {
  const colors = palette.length > 0 ? palette : DEFAULT_PALETTE;
  return colors[hashString(key) % colors.length]!;
}

/**
 * A palette written as a CSS value: colors separated by commas outside parentheses, so `rgb(1, 2, 3)` and
 * `oklch(0.6 0.1 20)` stay whole. Blank means none.
 */
export function parsePalette(text: string | null | undefined): string[] {
  const colors: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text ?? '') {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      colors.push(current.trim());
      current = '';
    } else current += ch;
  }
  colors.push(current.trim());
  return colors.filter((c) => c !== '');
}
