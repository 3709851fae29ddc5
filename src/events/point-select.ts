import type { PointSelection } from '../model/query-state.js';

/**
 * A user picked one point of a metrics series (a click or Enter on the chart), or went back to the whole range
 * (`point` undefined). Under a source, the flame graph then shows that one profile: a merge over the point's
 * bucket, `[timestampMs, timestampMs + max(durationMs, windowMs))`.
 */
export class ParcaPointSelectEvent extends Event {
  static readonly eventName = 'parca-point-select' as const;
  constructor(
    /** The point: its time (a delta series' bucket start), duration, step, the series' labels and selector. */
    readonly point: PointSelection | undefined,
    /** The profile type the series belongs to ('' when going back). */
    readonly profileType = '',
  ) {
    super(ParcaPointSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaPointSelectEvent.eventName]: ParcaPointSelectEvent;
  }
}
