/** A user chose how often a source refreshes (`30s`, `1m`, `off`...). A source applies it. */
export class ParcaRefreshSelectEvent extends Event {
  static readonly eventName = 'parca-refresh-select' as const;
  constructor(
    /** The interval as the `refresh` attribute takes it. */
    readonly interval: string,
  ) {
    super(ParcaRefreshSelectEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaRefreshSelectEvent.eventName]: ParcaRefreshSelectEvent;
  }
}
