import type { TimeRange } from '../model/time-range.js';

/** A user chose a time range (a brush on a chart, a preset, typed bounds). A source narrows to it. */
export class ParcaRangeSelectEvent extends Event {
  static readonly eventName = 'parca-range-select' as const;
  constructor(readonly range: TimeRange) {
    super(ParcaRangeSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaRangeSelectEvent.eventName]: ParcaRangeSelectEvent;
  }
}
