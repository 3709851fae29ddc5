// Auto-refresh intervals as people write them (`30s`, `1m`, `off`) and the back-off while a server fails.

/** The intervals the query editor offers, off first. */
export const REFRESH_CHOICES: readonly string[] = ['off', '10s', '30s', '1m', '5m', '15m', '1h'];

/** Shorter intervals would ask Parca more often than profiles arrive (agents send every 10 s). */
export const MIN_REFRESH_MS = 5_000;
/** The longest wait between attempts while the server keeps failing. */
export const MAX_BACKOFF_MS = 5 * 60_000;

const UNITS: Readonly<Record<string, number>> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export class RefreshIntervalError extends Error {
  override readonly name = 'RefreshIntervalError';
}

/** `30s`, `1m`, `5m`, `1h` → milliseconds; `off`, `''` or `0` → 0. Throws on anything else or below 5 s. */
export function parseRefreshInterval(text: string | null | undefined): number {
  const trimmed = (text ?? '').trim().toLowerCase();
  if (trimmed === '' || trimmed === 'off' || trimmed === '0') return 0;
  const match = /^(\d+(?:\.\d+)?)\s*(s|m|h|d)$/.exec(trimmed);
  if (!match) throw new RefreshIntervalError(`refresh="${text}" is not an interval: use off, 10s, 30s, 1m, 5m or 1h`);
  const ms = Number(match[1]) * UNITS[match[2]!]!;
  if (ms < MIN_REFRESH_MS) throw new RefreshIntervalError(`refresh="${text}" is shorter than ${MIN_REFRESH_MS / 1000} s`);
  return ms;
}

/** The inverse of parseRefreshInterval, in the largest whole unit: 30000 → `30s`, 0 → `off`. */
export function formatRefreshInterval(ms: number): string {
  if (!(ms > 0)) return 'off';
  for (const unit of ['d', 'h', 'm', 's']) {
    const size = UNITS[unit]!;
    if (ms % size === 0) return `${ms / size}${unit}`;
  }
  return `${ms / 1000}s`;
}

/**
 * The wait before the next refresh: the interval, doubled for every round in a row that failed (the server
 * unreachable, timing out or failing), never more than MAX_BACKOFF_MS (or the interval, when it is longer).
 */
export function refreshDelay(intervalMs: number, failedRounds: number): number {
  if (failedRounds <= 0) return intervalMs;
  return Math.min(intervalMs * 2 ** failedRounds, Math.max(intervalMs, MAX_BACKOFF_MS));
}
