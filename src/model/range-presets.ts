// The relative ranges a person picks most, and the conversions for `<input type="datetime-local">` (local time).
import { type TimeRange, parseTimeRange, sameRange } from './time-range.js';

export interface RangePreset {
  /** Short form shown on the control: `15m`. */
  readonly key: string;
  /** Long form for people and assistive technology: "Last 15 minutes". */
  readonly label: string;
  readonly range: TimeRange;
}

function preset(key: string, label: string): RangePreset {
  return { key, label, range: parseTimeRange(`now-${key === '24h' ? '1d' : key}`, 'now') };
}

export const RANGE_PRESETS: readonly RangePreset[] = [
  preset('5m', 'Last 5 minutes'),
  preset('15m', 'Last 15 minutes'),
  preset('1h', 'Last hour'),
  preset('6h', 'Last 6 hours'),
  preset('24h', 'Last 24 hours'),
  preset('7d', 'Last 7 days'),
];

/** The preset a range is, if any. */
export function rangePreset(range: TimeRange): RangePreset | undefined {
  return RANGE_PRESETS.find((p) => sameRange(p.range, range));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `2026-11-25T10:05:00` in the local time zone, to the second: the value format of datetime-local. */
export function toLocalInputValue(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` +
    `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`
  );
}

/** The instant a datetime-local value names (local time); undefined when it is empty or not a date. */
export function fromLocalInputValue(value: string): number | undefined {
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0')));
  return Number.isNaN(date.getTime()) ? undefined : date.getTime();
}
