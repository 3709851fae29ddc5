// Times on a metrics chart, in the user's time zone (or a given one): tick labels that add the date only
// where the day changes, and full timestamps for tooltips.

export interface TimeFormatOptions {
  /** IANA zone, e.g. `Europe/Berlin`; undefined means the user's own. */
  readonly timeZone?: string | undefined;
  readonly locale?: string | undefined;
}

const DAY_MS = 86_400_000;
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(options: TimeFormatOptions, parts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify([options.locale, options.timeZone, parts]);
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(options.locale ?? 'en-US', {
      ...parts,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
      hourCycle: 'h23',
    });
    cache.set(key, format);
  }
  return format;
}

function fields(ms: number, options: TimeFormatOptions): Record<string, string> {
  const parts = formatter(options, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  return Object.fromEntries(parts.map((p) => [p.type, p.value]));
}

/** `2026-11-25 14:05:09` in the zone: unambiguous and sortable, for tooltips and the table. */
export function formatTimestamp(ms: number, options: TimeFormatOptions = {}): string {
  const f = fields(ms, options);
  return `${f.year}-${f.month}-${f.day} ${f.hour}:${f.minute}:${f.second}`;
}

/** The calendar day of `ms` in the zone, `2026-11-25`. */
export function dayOf(ms: number, options: TimeFormatOptions = {}): string {
  const f = fields(ms, options);
  return `${f.year}-${f.month}-${f.day}`;
}

function shortDate(ms: number, options: TimeFormatOptions): string {
  return formatter(options, { month: 'short', day: 'numeric' }).format(ms);
}

function clock(ms: number, withSeconds: boolean, options: TimeFormatOptions): string {
  const f = fields(ms, options);
  return withSeconds ? `${f.hour}:${f.minute}:${f.second}` : `${f.hour}:${f.minute}`;
}

/**
 * Labels for ticks at `ticksMs`, `incrementMs` apart: the time of day (with seconds when ticks are less than a
 * minute apart), and on a second line the date at the first tick and wherever the day changes. Ticks a day or
 * more apart show only the date.
 */
export function formatTimeTicks(ticksMs: readonly number[], incrementMs: number, options: TimeFormatOptions = {}): string[] {
  if (incrementMs >= DAY_MS) return ticksMs.map((t) => shortDate(t, options));
  const withSeconds = incrementMs < 60_000;
  let previousDay = '';
  return ticksMs.map((t) => {
    const day = dayOf(t, options);
    const label = clock(t, withSeconds, options);
    if (day === previousDay) return label;
    previousDay = day;
    return `${label}\n${shortDate(t, options)}`;
  });
}

/**
 * A window as people read it: `Nov 30 18:05:12 – 19:05:12`, the date said once when both ends share it, and
 * again at the end when they do not.
 */
export function formatWindow(startMs: number, endMs: number, options: TimeFormatOptions = {}): string {
  const sameDay = dayOf(startMs, options) === dayOf(endMs, options);
  const start = `${shortDate(startMs, options)} ${clock(startMs, true, options)}`;
  const end = sameDay ? clock(endMs, true, options) : `${shortDate(endMs, options)} ${clock(endMs, true, options)}`;
  return `${start} – ${end}`;
}
