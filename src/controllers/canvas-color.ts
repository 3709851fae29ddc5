// One way for every canvas element to turn a CSS color (a token's value: names, system colors, color-mix) into
// what a canvas draws with.
let context: CanvasRenderingContext2D | null | undefined;

/** The color as a canvas normalizes it (#rrggbb or rgba()); `fallback` when the canvas cannot read it. */
export function canvasColor(color: string, fallback = color): string {
  context ??= document.createElement('canvas').getContext('2d');
  if (!context || !color.trim()) return fallback;
  context.fillStyle = '#010203';
  context.fillStyle = color;
  const normalized = String(context.fillStyle);
  // An unreadable color leaves the marker in place.
  return normalized === '#010203' && color.trim() !== '#010203' ? fallback : normalized;
}
