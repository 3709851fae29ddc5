// What an element that keeps its state in the page URL needs: a key prefix (none: nothing goes in the URL), back
// and forward (popstate) telling it to read the URL again, and writing a query string as a history entry.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class UrlController implements ReactiveController {
  constructor(
    host: ReactiveControllerHost,
    /** The key prefix, or undefined when the element keeps nothing in the URL. */
    protected readonly prefix: () => string | undefined,
    /** Back or forward moved the page's history: the element reads the URL again. */
    private readonly onHistory: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.#onPopState);
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.#onPopState);
  }

  /** Puts `params` in the URL as a new history entry (`replace`: in place of the current one) unless they are there. */
  protected writeParams(params: URLSearchParams, replace = false): void {
    const search = params.toString();
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }

  #onPopState = (): void => {
    if (this.prefix()) this.onHistory();
  };
}
