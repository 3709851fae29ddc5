// Draws a canvas element at most once per animation frame, whatever asked for it in between, and tells when the
// frame has been drawn. A removed element cancels its frame.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class FrameController implements ReactiveController {
  #request = 0;
  #waiters: (() => void)[] = [];
  /** Frames drawn so far (for tests and benchmarks counting draws per change); a skipped frame does not count. */
  draws = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** Draws; returns false when the picture would be the one already on the canvas (nothing was drawn). */
    private readonly draw: () => boolean,
  ) {
    host.addController(this);
  }

  /** Asks for a draw in the next animation frame (once, however often asked before it). */
  schedule(): void {
    if (this.#request || !this.host.isConnected) return;
    this.#request = requestAnimationFrame(() => {
      this.#request = 0;
      if (this.draw()) this.draws++;
      this.#flush();
    });
  }

  /** Settles after the next frame is drawn (at once when none is pending). */
  get complete(): Promise<void> {
    if (!this.#request) return Promise.resolve();
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  hostDisconnected(): void {
    if (this.#request) cancelAnimationFrame(this.#request);
    this.#request = 0;
    this.#flush();
  }

  #flush(): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve();
  }
}
