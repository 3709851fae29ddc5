// Where a tooltip goes: beside the point it describes, flipped to the other side when it would leave its bounds.
// Pure arithmetic, shared by every element that shows one.

export interface Placement {
  readonly left: number;
  readonly top: number;
}

export interface PlacementOptions {
  /** Distance from the point. */
  readonly gap?: number;
  /** Above the point by preference (a chart's tooltip must not hide the line below it); below otherwise. */
  readonly above?: boolean;
}

/**
 * The tooltip's corner for a point at (x, y) in a box `bounds` wide and high: `gap` right of the point and below
 * (or above) it, on the other side when it would not fit; never outside the box where it can help it.
 */
export function placeOverlay(
  x: number,
  y: number,
  overlay: { readonly width: number; readonly height: number },
  bounds: { readonly width: number; readonly height: number },
  { gap = 12, above = false }: PlacementOptions = {},
): Placement {
  let left = x + gap;
  if (left + overlay.width > bounds.width) left = x - gap - overlay.width;
  const below = y + gap;
  const over = y - gap - overlay.height;
  const top = above ? (over >= 0 ? over : below) : below + overlay.height > bounds.height ? over : below;
  return { left: Math.max(0, Math.min(left, bounds.width - overlay.width)), top: Math.max(0, top) };
}
