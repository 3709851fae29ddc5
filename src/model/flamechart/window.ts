// The flame chart's windows: what Parca lets it ask for, the nearest window that it allows, and the visible part
// of the query's window as a user zooms and pans it. Pure: no DOM.
import { parseProfileTypeId } from '../profile-type.js';
import type { TimeRange } from '../time-range.js';
import { formatTimestamp } from '../metrics/time-format.js';
import { formatDurationMs } from '../units.js';

/** The longest window Parca v0.28.0's UI asks a flame chart for (the server itself sets no limit). */
export const MAX_FLAMECHART_MS = 15 * 60_000;

export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

/** Why a query cannot be a flame chart, and the nearest one that can (none when only another type would do). */
export interface ChartLimit {
  readonly reason: string;
  readonly offer?: { readonly label: string; readonly range: TimeRange };
}

/**
 * Whether the query's window and type make a flame chart: a delta type measured in nanoseconds (frames are
 * placed by how long they ran) over at most 15 minutes. A longer window is offered its last 15 minutes
 * (relative while the range is, so a live page stays live), or the 15 minutes around a picked point.
 */
export function chartLimit(profileType: string, range: TimeRange, window: TimeWindow, pointMs?: number): ChartLimit | undefined {
  let type;
  try {
    type = parseProfileTypeId(profileType);
  } catch {
    return undefined;
  }
  if (!type.delta) return { reason: `A flame chart shows samples over time: it needs a delta profile type, and ${profileType} is cumulative.` };
  if (type.sampleUnit !== 'nanoseconds') {
    return { reason: `A flame chart places frames by how long they ran: ${profileType} counts ${type.sampleUnit}, not nanoseconds.` };
  }
  const length = window.endMs - window.startMs;
  if (length <= MAX_FLAMECHART_MS) return undefined;
  const reason = `A flame chart covers at most ${formatDurationMs(MAX_FLAMECHART_MS)}; this window is ${formatDurationMs(length)}.`;
  if (pointMs !== undefined) {
    const startMs = Math.round(pointMs - MAX_FLAMECHART_MS / 2);
    return {
      reason,
      offer: { label: `Show the ${formatDurationMs(MAX_FLAMECHART_MS)} around the picked point`, range: absolute(startMs, startMs + MAX_FLAMECHART_MS) },
    };
  }
  const range15: TimeRange =
    range.to.kind === 'relative'
      ? { from: { kind: 'relative', offsetMs: range.to.offsetMs - MAX_FLAMECHART_MS }, to: range.to }
      : absolute(window.endMs - MAX_FLAMECHART_MS, window.endMs);
  return { reason, offer: { label: `Show the last ${formatDurationMs(MAX_FLAMECHART_MS)}`, range: range15 } };
}

function absolute(startMs: number, endMs: number): TimeRange {
  return { from: { kind: 'absolute', ms: startMs }, to: { kind: 'absolute', ms: endMs } };
}

/** The narrowest visible window, ms: a microsecond frame can still be zoomed to a readable width. */
export const MIN_SPAN_MS = 0.001;

/** `window` moved and shrunk as needed to lie inside `bounds`, at least MIN_SPAN_MS wide. */
export function clampWindow(window: TimeWindow, bounds: TimeWindow): TimeWindow {
  const full = bounds.endMs - bounds.startMs;
  const span = Math.min(full, Math.max(MIN_SPAN_MS, window.endMs - window.startMs));
  const startMs = Math.min(Math.max(window.startMs, bounds.startMs), bounds.endMs - span);
  return { startMs, endMs: startMs + span };
}

/** Zooms by `factor` (< 1 in, > 1 out) keeping the time at `anchorMs` where it is on screen. */
export function zoomWindow(window: TimeWindow, factor: number, anchorMs: number, bounds: TimeWindow): TimeWindow {
  const startMs = anchorMs - (anchorMs - window.startMs) * factor;
  const endMs = anchorMs + (window.endMs - anchorMs) * factor;
  // Zooming out past the whole window shows the whole window.
  if (endMs - startMs >= bounds.endMs - bounds.startMs) return bounds;
  return clampWindow({ startMs, endMs }, bounds);
}

/** Moves by `deltaMs` (positive: later), stopping at the ends. */
export function panWindow(window: TimeWindow, deltaMs: number, bounds: TimeWindow): TimeWindow {
  return clampWindow({ startMs: window.startMs + deltaMs, endMs: window.endMs + deltaMs }, bounds);
}

/** The window that shows [startMs, endMs] with a margin of 5% on each side. */
export function fitWindow(startMs: number, endMs: number, bounds: TimeWindow): TimeWindow {
  const margin = Math.max(MIN_SPAN_MS, endMs - startMs) * 0.05;
  return clampWindow({ startMs: startMs - margin, endMs: endMs + margin }, bounds);
}

/** x in CSS pixels of a time in a window drawn `widthPx` wide, and back. */
export function xOfTime(window: TimeWindow, widthPx: number, ms: number): number {
  return ((ms - window.startMs) / (window.endMs - window.startMs)) * widthPx;
}

export function timeOfX(window: TimeWindow, widthPx: number, x: number): number {
  return window.startMs + (x / Math.max(1, widthPx)) * (window.endMs - window.startMs);
}

/** A moment to the millisecond, `2026-12-01 10:20:05.250`: frames start and end between seconds. */
export function formatInstant(ms: number): string {
  const whole = Math.floor(ms);
  return `${formatTimestamp(whole)}.${String(((whole % 1000) + 1000) % 1000).padStart(3, '0')}`;
}
