import type { ParcaError } from '../client/errors.js';

/** A request or a decode failed. The element keeps its last good view and says so; this lets a host say it too. */
export class ParcaErrorEvent extends Event {
  static readonly eventName = 'parca-error' as const;
  constructor(
    readonly error: ParcaError,
    /** The source's name, so a page with several sources can tell them apart. */
    readonly sourceName: string | undefined,
  ) {
    super(ParcaErrorEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaErrorEvent.eventName]: ParcaErrorEvent;
  }
}
