// The keyboard rules of a breakdown's rows, as a pure step: the row the keyboard is on and a key in, the row to
// move to out. Up and Down move one row, Page Up and Page Down a page, Home and End to either end. Enter and
// Space belong to the focused button (open the value, include, exclude), Tab to the browser.

/** The row to move to for `key`, kept within `count` rows; undefined when the key does not move. */
export function rowKeyTarget(key: string, active: number, count: number, page: number): number | undefined {
  if (count === 0) return undefined;
  const from = active < 0 ? -1 : Math.min(active, count - 1);
  let to: number;
  switch (key) {
    case 'ArrowDown':
      to = from + 1;
      break;
    case 'ArrowUp':
      to = from < 0 ? 0 : from - 1;
      break;
    case 'PageDown':
      to = from + Math.max(1, page);
      break;
    case 'PageUp':
      to = from - Math.max(1, page);
      break;
    case 'Home':
      to = 0;
      break;
    case 'End':
      to = count - 1;
      break;
    default:
      return undefined;
  }
  return Math.max(0, Math.min(count - 1, to));
}
