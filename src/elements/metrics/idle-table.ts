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
    private readonly template: (value: T) => unknown,
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
    const done = new Promise<void>((resolve) => (settle = resolve));
    const cancel = whenIdle(() => {
      this.#job = undefined;
      this.#renderNow();
      settle();
      // What is wanted may have changed again while this waited.
      this.schedule();
    });
    this.#job = {
      done,
      cancel: () => {
        cancel();
        this.#job = undefined;
        settle();
      },
    };
  }

  #renderNow(): void {
    const target = this.target();
    if (!target) return;
    const value = this.wanted();
    render(value === undefined ? nothing : this.template(value), target);
    this.#shows = value;
  }
}
