// How finely to ask Parca for points: about one point per few pixels of chart width, rounded to a step a
// person recognises (1 s, 5 s, 1 min, 5 min, ...), never below 1 s (Parca breaks on a missing or zero step).

/** Steps a chart's axis reads well at, in seconds; beyond the last, whole days. */
const NICE_STEPS_S = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400] as const;

export const DEFAULT_PX_PER_POINT = 10;
/** Widths are grouped into classes this wide, so small resizes do not re-query. */
export const WIDTH_CLASS_PX = 100;

/** The smallest nice step (seconds) that is at least `seconds`. */
export function niceStepSeconds(seconds: number): number {
  if (!(seconds > 1)) return 1;
  for (const step of NICE_STEPS_S) if (step >= seconds) return step;
  return Math.ceil(seconds / 86_400) * 86_400;
}

/** The width class of a chart `widthPx` wide: the width rounded to WIDTH_CLASS_PX, at least one class. */
export function widthClass(widthPx: number): number {
  return Math.max(1, Math.round(widthPx / WIDTH_CLASS_PX)) * WIDTH_CLASS_PX;
}

/** The step in seconds for a range `rangeMs` long drawn `widthPx` wide with a point every `pxPerPoint`. */
export function chooseStepSeconds(rangeMs: number, widthPx: number, pxPerPoint: number = DEFAULT_PX_PER_POINT): number {
  const points = Math.max(1, Math.floor(widthPx / Math.max(1, pxPerPoint)));
  return niceStepSeconds(rangeMs / 1000 / points);
}

/** A series' first and last point times (seconds) and how many points it has. */
export type PointSpan = readonly [firstS: number, lastS: number, points: number];

/**
 * The step to ask for so that no bucket is empty between two profiles: the median of the series' mean spacing of
 * points when it is clearly wider than the step the answer was asked at (profiles sparser than the step: most
 * buckets empty, a line that saws between whichever profile fell where), else 0 (the data is as dense as asked).
 */
export function sparseDataStepSeconds(series: readonly PointSpan[], askedStepS: number): number {
  // Each series' mean spacing: points sit at bucket starts, so single gaps jitter by a step around the truth.
  const spacings: number[] = [];
  for (const [first, last, points] of series) if (points > 1) spacings.push((last - first) / (points - 1));
  if (spacings.length === 0) return 0;
  spacings.sort((a, b) => a - b);
  const median = spacings[Math.floor(spacings.length / 2)]!;
  // Bucket starts jitter the spacing by a few percent around the true interval: allow for it when rounding up.
  return median > askedStepS * 1.5 ? niceStepSeconds(Math.round(median * 0.9)) : 0;
}
