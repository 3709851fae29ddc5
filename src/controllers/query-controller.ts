// Runs an element's request whenever its inputs change: aborts the one in flight, ignores a late answer,
// keeps the last good value through loading and errors, retries transient failures a bounded number of
// times, and reports `parca-load` / `parca-error` on the host.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ParcaError, toParcaError } from '../client/errors.js';
import { ParcaErrorEvent } from '../events/error.js';
import { ParcaLoadEvent } from '../events/load.js';

/**
 * `refreshing`: the same request asked again for newer data (a refresh) while the last value stays on screen,
 * with no loading state over it.
 */
export type QueryStatus = 'idle' | 'loading' | 'refreshing' | 'complete' | 'error';

export interface QueryControllerOptions<Args extends readonly unknown[], T> {
  /** The request's inputs; undefined means there is nothing to ask for yet. Compared item by item (===). */
  args: () => Args | undefined;
  /** Performs the request. Must honour `signal`. */
  run: (args: Args, signal: AbortSignal) => Promise<T>;
  /** Names the source in the events the controller fires. */
  sourceName?: () => string | undefined;
  /** Retries for transient failures (unreachable, timeout, server), with doubling delays. */
  retries?: number;
  retryDelayMs?: number;
  /** Builds the `parca-load` event; defaults to a plain one; null fires none (a request a view makes on the side). */
  loadEvent?: (value: T, durationMs: number) => Event | null;
  /** Whether `next` only asks `previous` again for newer data (a refresh): it then loads as `refreshing`. */
  isRefresh?: (previous: Args, next: Args) => boolean;
}

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((value, i) => Object.is(value, b[i]));
}

/** A retry's pause, in real time: a second or so between attempts of one request, not part of a page's clock. */
function wait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new ParcaError('aborted', 'The request was cancelled.'));
    });
  });
}

export class QueryController<Args extends readonly unknown[], T> implements ReactiveController {
  status: QueryStatus = 'idle';
  /** The last value that arrived; kept while a newer request loads or fails. */
  value: T | undefined;
  /** The failure of the latest request, cleared when a request succeeds. */
  error: ParcaError | undefined;

  #args: Args | undefined;
  #abort: AbortController | undefined;
  #pending: Promise<void> = Promise.resolve();

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: QueryControllerOptions<Args, T>,
  ) {
    host.addController(this);
  }

  /** Settles when the latest request has settled (for tests and hosts that sequence work). */
  get settled(): Promise<void> {
    return this.#pending;
  }

  hostUpdate(): void {
    const args = this.options.args();
    if (sameArgs(args, this.#args)) return;
    const previous = this.#args;
    this.#args = args;
    this.#start(args, !!previous && !!args && this.value !== undefined && !!this.options.isRefresh?.(previous, args));
  }

  hostDisconnected(): void {
    // A removed element cancels its request; reconnecting asks again.
    this.#abort?.abort();
    this.#abort = undefined;
    this.#args = undefined;
    if (this.status === 'loading' || this.status === 'refreshing') this.status = this.value === undefined ? 'idle' : 'complete';
  }

  /** Runs the request again with the same inputs (a retry button, a refresh). */
  rerun(): void {
    this.#start(this.#args);
    this.host.requestUpdate();
  }

  #start(args: Args | undefined, refreshing = false): void {
    this.#abort?.abort();
    this.#abort = undefined;
    if (!args) {
      this.status = this.value === undefined ? 'idle' : 'complete';
      this.#pending = Promise.resolve();
      return;
    }
    const abort = new AbortController();
    this.#abort = abort;
    this.status = refreshing ? 'refreshing' : 'loading';
    this.#pending = this.#perform(args, abort);
  }

  async #perform(args: Args, abort: AbortController): Promise<void> {
    const started = performance.now();
    const retries = this.options.retries ?? 2;
    let delay = this.options.retryDelayMs ?? 400;
    for (let attempt = 0; ; attempt++) {
      try {
        const value = await this.options.run(args, abort.signal);
        if (abort !== this.#abort) return;
        this.value = value;
        this.error = undefined;
        this.status = 'complete';
        this.host.requestUpdate();
        const duration = performance.now() - started;
        const event = this.options.loadEvent ? this.options.loadEvent(value, duration) : new ParcaLoadEvent(this.options.sourceName?.(), duration);
        if (event) this.host.dispatchEvent(event);
        return;
      } catch (thrown) {
        if (abort !== this.#abort || abort.signal.aborted) return;
        const error = thrown instanceof ParcaError ? thrown : toParcaError(thrown, '');
        if (error.transient && attempt < retries) {
          try {
            await wait(delay, abort.signal);
          } catch {
            return;
          }
          delay *= 2;
          continue;
        }
        this.error = error;
        this.status = 'error';
        this.host.requestUpdate();
        this.host.dispatchEvent(new ParcaErrorEvent(error, this.options.sourceName?.()));
        return;
      }
    }
  }
}
