// The context a <parca-source> provides: its connection and the shared query, replaced whole on change.
import { createContext } from '@lit/context';
import type { ParcaConnection } from '../client/connection.js';
import type { QueryState } from '../model/query-state.js';

export interface SourceState {
  /** How errors and events name the source (its `name`, else its `id`, else its URL). */
  readonly name: string;
  /** Undefined until the source has a URL. */
  readonly connection: ParcaConnection | undefined;
  readonly query: QueryState;
}

export const sourceContext = createContext<SourceState | undefined>(Symbol.for('parca-elements.source'));
