// The context a <parca-source> provides: its connection and the shared query, replaced whole on change.
import { createContext } from '@lit/context';
import type { ParcaConnection } from '../client/connection.js';
import type { Clock } from '../model/clock.js';
import type { FlamegraphView } from '../model/flamegraph/view-state.js';
import type { QueryState } from '../model/query-state.js';

export interface SourceState {
  /** How errors and events name the source (its `name`, else its `id`, else its URL). */
  readonly name: string;
  /** Undefined until the source has a URL. */
  readonly connection: ParcaConnection | undefined;
  readonly query: QueryState;
  /**
   * The shared views of the profile by `view-id` ('' for the main one): read from the page URL (`sync-url`) and
   * replaced whenever a user changes one, so every element of that id applies it.
   */
  readonly views?: ReadonlyMap<string, FlamegraphView> | undefined;
  /** Whether the source keeps its state in the page URL (`sync-url`): the URL is then a link to the view. */
  readonly syncsUrl?: boolean;
  /** Where the source's "now" and timers come from; its elements use the same. */
  readonly clock?: Clock;
  /** How often the source applies its query again, ms (0: never). */
  readonly refreshMs?: number;
}

export const sourceContext = createContext<SourceState | undefined>(Symbol.for('parca-elements.source'));
