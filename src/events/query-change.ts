import type { SelectorProblem } from '../model/selector/tokens.js';
import type { QuerySubmission } from './query-submit.js';

/**
 * A user edited the query without submitting it (typed in the selector, picked a type, a query kind or the
 * labels to sum by).
 * Nothing else changes: a source ignores it. `query.selector` is the text as typed; `error` says why it
 * cannot be submitted yet, if it cannot.
 */
export class ParcaQueryChangeEvent extends Event {
  static readonly eventName = 'parca-query-change' as const;
  constructor(
    readonly query: QuerySubmission,
    /** The selector's first problem (offset and reason); undefined when the selector is valid. */
    readonly error: SelectorProblem | undefined,
  ) {
    super(ParcaQueryChangeEvent.eventName, { bubbles: true, composed: true });
  }

  /** Whether the query could be submitted as it is. */
  get valid(): boolean {
    return this.error === undefined && this.query.profileType !== '';
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaQueryChangeEvent.eventName]: ParcaQueryChangeEvent;
  }
}
