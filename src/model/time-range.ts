// Time ranges as people write them (`now-1h`, `now`, ISO-8601) and as requests need them (epoch ms).

/** A bound relative to the moment a query runs, or a fixed instant. */
export type TimeBound = { readonly kind: 'relative'; readonly offsetMs: number } | { readonly kind: 'absolute'; readonly ms: number };

export interface TimeRange {
  readonly from: TimeBound;
  readonly to: TimeBound;
}

/** A range with both ends fixed, in epoch milliseconds, `startMs <= endMs`. */
export interface ResolvedRange {
  readonly startMs: number;
  readonly endMs: number;
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
  y: 31_536_000_000,
};

const RELATIVE = /^now(?:\s*([+-])\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w|y))?$/;

export class TimeRangeError extends Error {
  override readonly name = 'TimeRangeError';
}

/** Parses `now`, `now-15m`, `now+1d`, an ISO-8601 instant, or epoch milliseconds. */
export function parseTimeBound(text: string): TimeBound {
  const trimmed = text.trim();
  const relative = RELATIVE.exec(trimmed);
  if (relative) {
    const [, sign, amount, unit] = relative;
    if (!sign) return { kind: 'relative', offsetMs: 0 };
    const offset = Number(amount) * UNIT_MS[unit!]!;
    return { kind: 'relative', offsetMs: sign === '-' ? -offset : offset };
  }
  if (/^\d{10,}$/.test(trimmed)) return { kind: 'absolute', ms: Number(trimmed) };
  // Only full dates: Date.parse accepts many loose forms that would surprise a user.
  if (/^\d{4}-\d{2}-\d{2}/.test(trimmed)) {
    const ms = Date.parse(trimmed);
    if (!Number.isNaN(ms)) return { kind: 'absolute', ms };
  }
  throw new TimeRangeError(`"${text}" is not a time: use now, now-1h, now-15m or an ISO-8601 date such as 2026-11-25T10:00:00Z`);
}

function formatOffset(offsetMs: number): string {
  if (offsetMs === 0) return 'now';
  const sign = offsetMs < 0 ? '-' : '+';
  const abs = Math.abs(offsetMs);
  for (const unit of ['y', 'w', 'd', 'h', 'm', 's']) {
    const size = UNIT_MS[unit]!;
    if (abs % size === 0) return `now${sign}${abs / size}${unit}`;
  }
  return `now${sign}${abs}ms`;
}

/** The inverse of parseTimeBound: relative bounds as `now-1h`, absolute ones as ISO-8601 in UTC. */
export function formatTimeBound(bound: TimeBound): string {
  return bound.kind === 'relative' ? formatOffset(bound.offsetMs) : new Date(bound.ms).toISOString();
}

export function parseTimeRange(from: string, to: string): TimeRange {
  return { from: parseTimeBound(from), to: parseTimeBound(to) };
}

export function absoluteRange(startMs: number, endMs: number): TimeRange {
  return { from: { kind: 'absolute', ms: startMs }, to: { kind: 'absolute', ms: endMs } };
}

function resolveBound(bound: TimeBound, nowMs: number): number {
  return bound.kind === 'relative' ? nowMs + bound.offsetMs : bound.ms;
}

/** Fixes a range at `nowMs`; a reversed range is an error rather than silently swapped. */
export function resolveRange(range: TimeRange, nowMs: number = Date.now()): ResolvedRange {
  const startMs = resolveBound(range.from, nowMs);
  const endMs = resolveBound(range.to, nowMs);
  if (startMs > endMs) {
    throw new TimeRangeError(`the range starts (${formatTimeBound(range.from)}) after it ends (${formatTimeBound(range.to)})`);
  }
  return { startMs, endMs };
}

export function sameRange(a: TimeRange, b: TimeRange): boolean {
  const same = (x: TimeBound, y: TimeBound) => x.kind === y.kind && (x.kind === 'relative' ? x.offsetMs === (y as typeof x).offsetMs : x.ms === (y as typeof x).ms);
  return same(a.from, b.from) && same(a.to, b.to);
}

/**
 * `range` moved back by `byMs`: relative bounds stay relative (now-1h..now by a day is now-25h..now-24h), absolute
 * ones move by the milliseconds. By the range's own length it is the period just before it.
 */
export function shiftRange(range: TimeRange, byMs: number): TimeRange {
  const shift = (bound: TimeBound): TimeBound =>
    bound.kind === 'relative' ? { kind: 'relative', offsetMs: bound.offsetMs - byMs } : { kind: 'absolute', ms: bound.ms - byMs };
  return { from: shift(range.from), to: shift(range.to) };
}
