// The relative ranges a person picks most, and the conversions for `<input type="datetime-local">` (local time).
import { type TimeRange, formatTimeBound, parseTimeRange, sameRange } from './time-range.js';

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
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` + `T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** The instant a datetime-local value names (local time); undefined when it is empty or not a date. */
export function fromLocalInputValue(value: string): number | undefined {
  const match = /^(\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, frac] = match;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0), Number((frac ?? '0').padEnd(3, '0')));
  return Number.isNaN(date.getTime()) ? undefined : date.getTime();
}

const UNIT_WORDS: Readonly<Record<string, string>> = { s: 'second', m: 'minute', h: 'hour', d: 'day', w: 'week', y: 'year' };

/**
 * What a range is called: a preset's label ("Last hour"), "Last 2 hours" for any `now-X` to `now`, the bounds as
 * written for other relative ranges ("now-3h to now-1h"), and '' for absolute ranges (their times say it all).
 */
export function describeRange(range: TimeRange): string {
  const known = rangePreset(range);
  if (known) return known.label;
  if (range.from.kind === 'absolute' && range.to.kind === 'absolute') return '';
  const from = formatTimeBound(range.from);
  const to = formatTimeBound(range.to);
  const last = /^now-(\d+)(s|m|h|d|w|y)$/.exec(from);
  if (last && to === 'now') {
    const count = Number(last[1]);
    return `Last ${count === 1 ? '' : `${count} `}${UNIT_WORDS[last[2]!]}${count === 1 ? '' : 's'}`;
  }
  return `${from} to ${to}`;
}
