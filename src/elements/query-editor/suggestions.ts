// The selector's suggestions: label names and values asked of Parca while the list is open, scoped to the
// profile type and range, cached per type and range (and label) so going back and forth asks nothing again (the
// sum-by picker reads the same label names); operators come from the model. Answers are tagged with what they were
// asked for, so a stale one never shows. Loaded with the autocomplete (autocomplete.ts).
import type { ReactiveControllerHost } from 'lit';
import type { ParcaConnection } from '../../client/connection.js';
import { QueryController } from '../../controllers/query-controller.js';
import { type CompletionContext, filterSuggestions, operatorSuggestions } from '../../model/selector/completion.js';
import { type ResolvedRange, type TimeRange, formatTimeBound } from '../../model/time-range.js';
import { requestRange } from './request-range.js';

/** What the suggestions depend on, read from the element at each update. */
export interface SuggestionInput {
  readonly connection: ParcaConnection | undefined;
  readonly profileType: string;
  readonly range: TimeRange;
  /** The range resolved; undefined when it ends before it starts (nothing is asked). */
  readonly window: ResolvedRange | undefined;
  /** Whether the list is open: a closed list asks for nothing. */
  readonly open: boolean;
  readonly context: CompletionContext;
}

export interface SuggestionsHost extends ReactiveControllerHost, HTMLElement {
  readonly sourceName: string | undefined;
}

export interface Tagged {
  readonly key: string;
  readonly items: readonly string[];
}

/** What a list was asked for: the profile type and the range as written (a relative range keeps its key). */
function scope(type: string, range: TimeRange): string {
  return `${type}|${formatTimeBound(range.from)}..${formatTimeBound(range.to)}`;
}

export class SelectorSuggestions {
  readonly #cache = new Map<string, readonly string[]>();
  readonly #labels: QueryController<readonly [ParcaConnection, string, TimeRange, ResolvedRange], Tagged>;
  readonly #values: QueryController<readonly [ParcaConnection, string, TimeRange, ResolvedRange, string], Tagged>;

  constructor(
    host: SuggestionsHost,
    private readonly input: () => SuggestionInput,
  ) {
    this.#labels = new QueryController(host, {
      args: () => {
        const { connection, profileType, range, window, open, context } = this.input();
        if (!connection || !open || context.kind !== 'label-name' || !window) return undefined;
        return [connection, profileType, range, window] as const;
      },
      run: (args, signal) => this.labelNames(args, signal),
      sourceName: () => host.sourceName,
      retries: 0,
    });
    this.#values = new QueryController(host, {
      args: () => {
        const { connection, profileType, range, window, open, context } = this.input();
        if (!connection || !open || context.kind !== 'label-value' || !window) return undefined;
        return [connection, profileType, range, window, context.label] as const;
      },
      run: ([connection, type, range, window, label], signal) =>
        this.#cached(`values|${scope(type, range)}|${label}`, async () => {
          const { labelValues } = await connection.values({ ...requestRange(window), labelName: label, profileType: type || undefined }, { signal });
          return [...labelValues].sort();
        }),
      sourceName: () => host.sourceName,
      retries: 0,
    });
  }

  /**
   * Parca's label names for a type and range (`Labels`), without `__*` and sorted: asked once per type and range,
   * shared by the suggestions and the sum-by picker.
   */
  labelNames([connection, type, range, window]: readonly [ParcaConnection, string, TimeRange, ResolvedRange], signal: AbortSignal): Promise<Tagged> {
    return this.#cached(`labels|${scope(type, range)}`, async () => {
      const { labelNames } = await connection.labels({ ...requestRange(window), profileType: type || undefined }, { signal });
      return labelNames.filter((name) => !name.startsWith('__')).sort();
    });
  }

  /** The suggestions for the completion context now, from what has arrived for the current type and range. */
  list(): readonly string[] {
    const { profileType, range, context } = this.input();
    const fresh = (value: Tagged | undefined, key: string) => (value?.key === key ? value.items : []);
    switch (context.kind) {
      case 'label-name':
        return filterSuggestions(fresh(this.#labels.value, `labels|${scope(profileType, range)}`), context.prefix);
      case 'operator':
        return operatorSuggestions(context.prefix);
      case 'label-value':
        return filterSuggestions(fresh(this.#values.value, `values|${scope(profileType, range)}|${context.label}`), context.prefix);
      case 'none':
        return [];
    }
  }

  async #cached(key: string, load: () => Promise<readonly string[]>): Promise<Tagged> {
    let items = this.#cache.get(key);
    if (!items) {
      items = await load();
      this.#cache.set(key, items);
    }
    return { key, items };
  }
}
