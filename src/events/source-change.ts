import type { QueryState } from '../model/query-state.js';

/** What made a source change its query. */
export type SourceChangeCause = 'query' | 'range' | 'point' | 'baseline' | 'refresh' | 'history';

/**
 * A source applied a query, range, point or baseline one of its elements asked for, went back or forward in the
 * page's history, or refreshed. `query.window` is the window every element of the source now requests. Not
 * fired for property changes.
 */
export class ParcaSourceChangeEvent extends Event {
  static readonly eventName = 'parca-source-change' as const;
  constructor(
    readonly sourceName: string,
    readonly query: QueryState,
    readonly cause: SourceChangeCause,
  ) {
    super(ParcaSourceChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaSourceChangeEvent.eventName]: ParcaSourceChangeEvent;
  }
}
