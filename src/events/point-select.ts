/**
 * A user picked one point of a metrics series (a click or Enter on the chart). Under a source, the flame
 * graph shows that one profile: a merge over the point's bucket, `[timestampMs, timestampMs + windowMs]`.
 */
export class ParcaPointSelectEvent extends Event {
  static readonly eventName = 'parca-point-select' as const;
  constructor(
    /** The series' labels. */
    readonly labels: Readonly<Record<string, string>>,
    /** The point's time (for delta types, the start of its bucket), epoch ms. */
    readonly timestampMs: number,
    /** How long the point covers, ms (0 for non-delta types). */
    readonly durationMs: number,
    /** The query's selector with the series' labels added as matchers, e.g. `{job="fib",instance="a"}`. */
    readonly selector: string,
    /** The profile type the series belongs to. */
    readonly profileType: string,
    /**
     * The span of time the point sums up, ms: the chart's step, since a point is a bucket of profiles that may
     * lie anywhere in it. Defaults to the duration.
     */
    readonly windowMs: number = durationMs,
  ) {
    super(ParcaPointSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaPointSelectEvent.eventName]: ParcaPointSelectEvent;
  }
}
