import type { QueryKind } from '../model/query-state.js';

export interface QuerySubmission {
  readonly profileType: string;
  readonly selector: string;
  readonly kind: QueryKind;
  /** Label names the metrics sum series by (`sum_by`); absent or empty: Parca's default, every label. */
  readonly sumBy?: readonly string[];
}

/** A user asked to run a query (the editor's Run button or Enter). A source applies it. */
export class ParcaQuerySubmitEvent extends Event {
  static readonly eventName = 'parca-query-submit' as const;
  constructor(readonly query: QuerySubmission) {
    super(ParcaQuerySubmitEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaQuerySubmitEvent.eventName]: ParcaQuerySubmitEvent;
  }
}
