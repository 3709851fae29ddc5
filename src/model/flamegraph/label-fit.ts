// Fitting a frame's name into its width: the whole name, or as much as fits with an ellipsis where it was cut.
// Pure: the caller measures text (a canvas context, cached).

export const ELLIPSIS = '…';

/** Which end of a name stays when it must be cut: the start (`left`) or the end (`right`, the name's last part). */
export type LabelAlign = 'left' | 'right';
export const LABEL_ALIGNS: readonly LabelAlign[] = ['left', 'right'];

/** The label, or its longest start (end, for `right`) plus an ellipsis that fits in `space`; '' when not even that fits. */
export function fitLabel(text: string, space: number, measure: (text: string) => number, align: LabelAlign = 'left'): string {
  const full = measure(text);
  if (full <= space) return text;
  if (measure(ELLIPSIS) * 2 > space) return '';
  const cut = (length: number) => (align === 'right' ? ELLIPSIS + text.slice(text.length - length) : text.slice(0, length) + ELLIPSIS);
  // Guess from the average character width, then correct: a couple of measurements instead of a search.
  let length = Math.max(0, Math.min(text.length - 1, Math.floor((space / full) * text.length)));
  while (length > 0 && measure(cut(length)) > space) length--;
  return length > 0 ? cut(length) : '';
}
