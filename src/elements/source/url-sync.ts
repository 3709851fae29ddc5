// A source's state in the page URL (`sync-url`): read on connect and on back/forward, written when an element
// changes the query or a flame graph its view. Typing a search replaces the history entry instead of adding one per
// keystroke.
import { UrlController } from '../../controllers/url-controller.js';
import { EMPTY_VIEW, type FlamegraphView, sameView } from '../../model/flamegraph/view-state.js';
import type { QueryState } from '../../model/query-state.js';
import { type SourceParams, readSourceParams, writeSourceParams } from '../../model/url-state.js';

export class UrlSync extends UrlController {
  /** Flame graph views as last read or reported, by flame graph id: what the URL is written with. */
  readonly #views = new Map<string, FlamegraphView>();
  /** The flame graph whose search text the last write was about, while someone types in it. */
  #typingIn: string | undefined;

  /** What the URL holds now (undefined without `sync-url`); its views become the ones written from now on. */
  read(selector: string): SourceParams | undefined {
    const prefix = this.prefix();
    if (!prefix) return undefined;
    const saved = readSourceParams(new URLSearchParams(location.search), prefix, selector);
    this.#views.clear();
    for (const [id, view] of saved.views) this.#views.set(id, view);
    return saved;
  }

  /** Writes the query, refresh interval and views as a new history entry (`replace`: in place of the current). */
  write(query: QueryState, refreshMs: number, replace = false): void {
    const prefix = this.prefix();
    if (!prefix) return;
    this.writeParams(writeSourceParams(new URLSearchParams(location.search), prefix, { query, refreshMs, views: this.#views }), replace);
  }

  /** A flame graph's view changed: written with the rest. */
  viewChanged(viewId: string, view: FlamegraphView, query: QueryState, refreshMs: number): void {
    if (!this.prefix()) return;
    const previous = this.#views.get(viewId) ?? EMPTY_VIEW;
    this.#views.set(viewId, view);
    const searchOnly = previous.search !== view.search && sameView({ ...previous, search: view.search }, view);
    this.write(query, refreshMs, searchOnly && this.#typingIn === viewId);
    this.#typingIn = searchOnly ? viewId : undefined;
  }
}
