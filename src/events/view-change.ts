import type { FlamegraphView } from '../model/flamegraph/view-state.js';

/**
 * A user changed a view of the profile (flame graph, function table, call tree): focus, search (a picked
 * function), sandwich or an analysis option. The source applies it to its other views of the same `view-id`; with
 * `sync-url` it writes it to the page URL; a page may keep it to restore the view later.
 */
export class ParcaViewChangeEvent extends Event {
  static readonly eventName = 'parca-view-change' as const;
  constructor(
    readonly view: FlamegraphView,
    /** The element's `view-id` ('' for the source's main view): which shared view changed, and its URL key. */
    readonly viewId: string,
  ) {
    super(ParcaViewChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaViewChangeEvent.eventName]: ParcaViewChangeEvent;
  }
}
