import type { TimeRange } from '../model/time-range.js';

/**
 * A user chose the baseline range a flame graph compares with (a modifier-drag on a chart, the compare
 * control), or cleared it (`range` undefined). A source shares it with its flame graphs.
 */
export class ParcaBaselineSelectEvent extends Event {
  static readonly eventName = 'parca-baseline-select' as const;
  constructor(readonly range: TimeRange | undefined) {
    super(ParcaBaselineSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaBaselineSelectEvent.eventName]: ParcaBaselineSelectEvent;
  }
}
