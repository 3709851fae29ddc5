import type { FlamegraphView } from '../model/flamegraph/view-state.js';

/**
 * A user changed what a flame graph shows: focus, search, sandwich or an analysis option. A source with
 * `sync-url` writes it to the page URL; a page may keep it to restore the view later.
 */
export class ParcaViewChangeEvent extends Event {
  static readonly eventName = 'parca-view-change' as const;
  constructor(
    readonly view: FlamegraphView,
    /** The flame graph's `id` ('' when it has none): the URL key of the view. */
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
