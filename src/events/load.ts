/** New data arrived and is shown. `durationMs` is how long the request took. */
export class ParcaLoadEvent extends Event {
  static readonly eventName = 'parca-load' as const;
  constructor(
    readonly sourceName: string | undefined,
    readonly durationMs: number,
  ) {
    super(ParcaLoadEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaLoadEvent.eventName]: ParcaLoadEvent;
  }
}
