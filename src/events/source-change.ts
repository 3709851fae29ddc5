import type { QueryState } from '../model/query-state.js';

/** A source applied a query or range that one of its elements asked for. Not fired for property changes. */
export class ParcaSourceChangeEvent extends Event {
  static readonly eventName = 'parca-source-change' as const;
  constructor(
    readonly sourceName: string,
    readonly query: QueryState,
  ) {
    super(ParcaSourceChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaSourceChangeEvent.eventName]: ParcaSourceChangeEvent;
  }
}
