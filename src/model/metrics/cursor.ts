// The chart's keyboard cursor: which point a key moves it to, and when a key picks that point, selects the range
// from the Shift+arrow anchor to it (for the range or as a baseline), or clears it. Pure: the element carries the
// action out (draws the cursor, fires the event).
import { type ChartData, firstPoint, lastPoint, nextPointIndex } from './series.js';

/** A point of one series: the one under the pointer or the keyboard cursor. */
export interface PointRef {
  readonly series: number;
  readonly index: number;
}

/** Where the keyboard cursor is, and where a Shift+arrow selection started (a time index). */
export interface CursorState {
  readonly cursor: PointRef | undefined;
  readonly anchor: number | undefined;
}

export type CursorAction =
  /** The key means nothing here: the browser keeps it. */
  | { readonly kind: 'none' }
  /** The anchor becomes `anchor`; the cursor moves to `to`, or stays when the series has no point to go to. */
  | { readonly kind: 'move'; readonly to: PointRef | undefined; readonly anchor: number | undefined }
  | { readonly kind: 'pick'; readonly point: PointRef }
  /** The range from the anchor to the cursor (epoch ms, in the order they were chosen), and the anchor dropped. */
  | { readonly kind: 'range' | 'baseline'; readonly startMs: number; readonly endMs: number }
  /** Cursor, anchor and selection go. */
  | { readonly kind: 'clear' };

const NONE: CursorAction = { kind: 'none' };

/** The series just above (1) or below (-1) the cursor's value at its time, among `order`; the cursor when none. */
export function neighbourSeries(data: ChartData, order: readonly number[], cursor: PointRef, direction: 1 | -1): PointRef {
  const valueAt = (s: number) => data.series[s]!.values[cursor.index];
  const ranked = order.filter((s) => valueAt(s) != null).sort((a, b) => valueAt(a)! - valueAt(b)!);
  const next = ranked[ranked.indexOf(cursor.series) + direction];
  return next === undefined ? cursor : { series: next, index: cursor.index };
}

/**
 * What `key` (with Shift or not) does to the cursor over `data`, whose visible series are `order` (legend order).
 * A cursor on a series no longer visible starts again on the first series' last point.
 */
export function cursorAction(data: ChartData, order: readonly number[], state: CursorState, key: string, shift: boolean): CursorAction {
  if (order.length === 0) return NONE;
  const cursor = state.cursor && order.includes(state.cursor.series) ? state.cursor : undefined;
  let anchor = state.anchor;
  const start = (): PointRef => ({ series: order[0]!, index: lastPoint(data.series[order[0]!]!) });
  let to: PointRef;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowRight':
      if (!cursor) to = start();
      else {
        if (shift) anchor ??= cursor.index;
        to = { ...cursor, index: nextPointIndex(data.series[cursor.series]!, cursor.index, key === 'ArrowLeft' ? -1 : 1) };
      }
      if (!shift) anchor = undefined;
      break;
    case 'ArrowUp':
    case 'ArrowDown':
      to = cursor ? neighbourSeries(data, order, cursor, key === 'ArrowUp' ? 1 : -1) : start();
      break;
    case 'Home':
    case 'End': {
      const at = cursor ?? start();
      const series = data.series[at.series]!;
      to = { ...at, index: key === 'Home' ? firstPoint(series) : lastPoint(series) };
      break;
    }
    case 'b':
    case 'B':
    case 'Enter': {
      const baseline = key !== 'Enter';
      const ranged = anchor !== undefined && anchor !== cursor?.index;
      if (!cursor || (baseline && !ranged)) return NONE;
      if (!ranged) return { kind: 'pick', point: cursor };
      const ms = (index: number) => Math.round(data.timestamps[index]! * 1000);
      return { kind: baseline ? 'baseline' : 'range', startMs: ms(anchor!), endMs: ms(cursor.index) };
    }
    case 'Escape':
      return cursor || anchor !== undefined ? { kind: 'clear' } : NONE;
    default:
      return NONE;
  }
  return { kind: 'move', to: to.index < 0 ? undefined : to, anchor };
}
