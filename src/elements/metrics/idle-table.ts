// The accessible table of series, rendered once the browser is idle after the chart's frame: a screen reader finds
// it moments after the chart appears, and 200 rows no longer delay the first paint.
import { type ReactiveController, type ReactiveElement, nothing, render } from 'lit';
import { whenIdle } from './idle.js';

export class IdleTable<T> implements ReactiveController {
  /** What the table lists now (null before it was first rendered). */
  #shows: T | undefined | null = null;
  #job: { readonly done: Promise<void>; cancel(): void } | undefined;

  constructor(
    host: ReactiveElement,
    /** Where the table goes; undefined until it is rendered. */
    private readonly target: () => HTMLElement | null,
    /** What the table should list, compared by identity: undefined for no table. */
    private readonly wanted: () => T | undefined,
    /** The table for a value: its template may be loaded on first use, since the table waits anyway. */
    private readonly template: (value: T) => Promise<unknown>,
  ) {
    host.addController(this);
  }

  /** Settles when the table lists what is wanted. */
  get complete(): Promise<void> {
    return this.#job?.done ?? Promise.resolve();
  }

  hostDisconnected(): void {
    this.#job?.cancel();
  }

  /** Renders the table when the browser is next idle, unless it lists what is wanted already. */
  schedule(): void {
    if (this.#job || this.#shows === this.wanted()) return;
    let settle!: () => void;
    const job = {
      done: new Promise<void>((resolve) => (settle = resolve)),
      cancel: () => {
        cancelIdle();
        this.#job = undefined;
        settle();
      },
    };
    const cancelIdle = whenIdle(() => {
      const value = this.wanted();
      // A template that failed to load leaves the table empty rather than the job pending.
      void (value === undefined ? Promise.resolve(nothing) : this.template(value).catch(() => nothing)).then((table) => {
        if (this.#job !== job) return;
        this.#job = undefined;
        const target = this.target();
        if (target) {
          render(table, target);
          this.#shows = value;
        }
        settle();
        // What is wanted may have changed again while this waited.
        this.schedule();
      });
    });
    this.#job = job;
  }
}
