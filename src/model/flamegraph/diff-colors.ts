// Colors of a diff flame graph. A frame's relative change is diff / (cumulative − diff): what it gained against
// what it had in the baseline (Parca's diff record holds the comparison's value in `cumulative` and
// comparison − baseline in `diff`). Growth takes the growth color, shrinkage the shrink color, changes within
// ±0.1% stay neutral, and the intensity grows with the magnitude. Colors are palette slots, so the element's
// existing palette mechanism draws them: slot 0 neutral, 1..steps growth, steps+1..2·steps shrinkage.
import type { FlamegraphModel } from './decode.js';

export type DiffPalette = 'red-green' | 'blue-orange';
export const DIFF_PALETTES: readonly DiffPalette[] = ['red-green', 'blue-orange'];

/** Changes smaller than this (0.1%) read as no change. */
export const NEUTRAL_BAND = 0.001;
/** Intensity levels on each side of neutral. */
export const DIFF_STEPS = 8;
/** The magnitude at which the color is at full intensity (±100%). */
export const SATURATION = 1;

/** Default colors per palette; the element lets pages override them through CSS. */
export const DIFF_PALETTE_COLORS: Readonly<Record<DiffPalette, { growth: string; shrink: string }>> = {
  // Parca's own convention.
  'red-green': { growth: '#dc2626', shrink: '#16a34a' },
  // Distinguishable with red-green colour blindness (deuteranopia, protanopia).
  'blue-orange': { growth: '#e66100', shrink: '#1d6ec2' },
};

/** diff / (cumulative − diff): +∞ for a frame new in the comparison, 0 when nothing changed. */
export function relativeChange(cumulative: number, diff: number): number {
  if (diff === 0) return 0;
  const baseline = cumulative - diff;
  if (baseline <= 0) return diff > 0 ? Number.POSITIVE_INFINITY : -1;
  return diff / baseline;
}

/** −steps..steps: the sign says growth or shrinkage, the size the intensity; 0 inside the neutral band. */
export function diffLevel(change: number, steps = DIFF_STEPS): number {
  const magnitude = Math.abs(change);
  if (!(magnitude >= NEUTRAL_BAND)) return 0;
  // Square root: small changes are common and should already show, large ones saturate.
  const level = Math.max(1, Math.ceil(Math.sqrt(Math.min(1, magnitude / SATURATION)) * steps));
  return change > 0 ? level : -level;
}

/** The palette slot of a level. */
export function slotOfLevel(level: number, steps = DIFF_STEPS): number {
  if (level === 0) return 0;
  return level > 0 ? level : steps - level;
}

/** The smallest magnitude that reaches `level` (its lower bound), for the legend. */
export function levelThreshold(level: number, steps = DIFF_STEPS): number {
  const k = Math.abs(level);
  if (k === 0) return 0;
  if (k === 1) return NEUTRAL_BAND;
  return ((k - 1) / steps) ** 2 * SATURATION;
}

/** `row → palette slot` for a diff model; the root and label rows are colored like any frame by their change. */
export function createDiffColorer(model: FlamegraphModel, steps = DIFF_STEPS): (row: number) => number {
  const { cumulative, diff } = model;
  return (row) => slotOfLevel(diffLevel(relativeChange(cumulative[row]!, diff[row]!), steps), steps);
}

export interface Rgb {
  readonly r: number;
  readonly g: number;
  readonly b: number;
}

/** Reads `#rgb`, `#rrggbb`, `rgb(r, g, b)` / `rgba(...)` / `rgb(r g b)`: what a canvas gives back for a fill style. */
export function parseColor(text: string): Rgb | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d).join('') : hex[1]!;
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16) };
  }
  const rgb = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(value);
  if (rgb) return { r: Number(rgb[1]), g: Number(rgb[2]), b: Number(rgb[3]) };
  return undefined;
}

function mix(from: Rgb, to: Rgb, t: number): string {
  const channel = (a: number, b: number) => Math.round(a + (b - a) * t);
  const hex = (n: number) => n.toString(16).padStart(2, '0');
  return `#${hex(channel(from.r, to.r))}${hex(channel(from.g, to.g))}${hex(channel(from.b, to.b))}`;
}

/** The diff palette: slot 0 neutral, then growth and shrinkage from faint (level 1) to full (level `steps`). */
export function buildDiffPalette(neutral: Rgb, growth: Rgb, shrink: Rgb, steps = DIFF_STEPS): string[] {
  const ramp = (color: Rgb) => Array.from({ length: steps }, (_, i) => mix(neutral, color, 0.2 + (0.8 * (i + 1)) / steps));
  return [mix(neutral, neutral, 0), ...ramp(growth), ...ramp(shrink)];
}

/** `+12.5%`, `−3%`, `new`: a relative change as people read it. */
export function formatChange(change: number): string {
  if (change === Number.POSITIVE_INFINITY) return 'new';
  if (change === 0) return '0%';
  const sign = change > 0 ? '+' : '−';
  const value = Math.abs(change) * 100;
  return `${sign}${Number(value.toFixed(value < 10 ? 2 : 1))}%`;
}
