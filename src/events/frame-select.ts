import type { FrameDetails } from '../model/flamegraph/details.js';

/**
 * A user clicked a frame of a flame graph (or pressed Enter on it). Cancelable: the default action focuses
 * the frame; `preventDefault()` keeps the view as it is.
 */
export class ParcaFrameSelectEvent extends Event {
  static readonly eventName = 'parca-frame-select' as const;
  constructor(
    readonly frame: FrameDetails,
    /** The record's unit (`nanoseconds`, `bytes`, `count`...). */
    readonly unit: string,
  ) {
    super(ParcaFrameSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaFrameSelectEvent.eventName]: ParcaFrameSelectEvent;
  }
}
