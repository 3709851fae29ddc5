/** What a series action does to the query's selector. */
export type SelectorAction = 'only' | 'exclude';

/**
 * A user asked for a new label selector from a series of a chart: "only this series" (`selector` is the query's
 * with each of the series' labels set, `label="value"`) or "exclude this series" (the query's with
 * `label!="value"` added for each label that tells the series apart). Cancelable: by default the source runs
 * `selector` as its query (its query editor shows it) and a chart with a query of its own applies it to that;
 * `preventDefault()` keeps the query as it is.
 */
export class ParcaSelectorSelectEvent extends Event {
  static readonly eventName = 'parca-selector-select' as const;
  constructor(
    /** The new selector, in canonical text (`{job="fib", instance!="a"}`). */
    readonly selector: string,
    readonly action: SelectorAction,
    /** The labels the action used: all of the series' labels (`only`), its distinguishing ones (`exclude`). */
    readonly labels: Readonly<Record<string, string>>,
  ) {
    super(ParcaSelectorSelectEvent.eventName, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaSelectorSelectEvent.eventName]: ParcaSelectorSelectEvent;
  }
}
