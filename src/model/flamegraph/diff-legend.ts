// The diff legend's stops: what each color of a diff graph stands for (loaded with the analysis controls).
import { DIFF_STEPS, NEUTRAL_BAND, levelThreshold, slotOfLevel } from './diff-colors.js';

export interface LegendStop {
  readonly level: number;
  readonly slot: number;
  /** What the swatch stands for, e.g. `+25% or more`, `within ±0.1%`. */
  readonly label: string;
}

function percent(fraction: number): string {
  return `${Number((fraction * 100).toFixed(fraction < 0.1 ? 1 : 0))}%`;
}

/** The legend from the largest shrinkage to the largest growth. */
export function legendStops(steps = DIFF_STEPS): LegendStop[] {
  const stops: LegendStop[] = [];
  for (let level = -steps; level <= steps; level++) {
    const threshold = levelThreshold(level, steps);
    const label = level === 0 ? `within ±${percent(NEUTRAL_BAND)}` : `${level > 0 ? '+' : '−'}${percent(threshold)} or more`;
    stops.push({ level, slot: slotOfLevel(level, steps), label });
  }
  return stops;
}
