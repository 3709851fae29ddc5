// The line the keyboard is on in a list that renders only the lines in view (the function table, the call tree):
// its index, and the scroll that keeps it in view, applied after the render that makes the list that tall (a
// scroll set before it would stop at the old height). One behaviour for every such list.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class ActiveLine implements ReactiveController {
  /** The active line (-1: none). */
  index = -1;
  /** The scroll position of the list's body, as last seen or asked for. */
  scrollTop = 0;
  #pending = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** The scrolling body of the list. */
    private readonly body: () => HTMLElement | null,
    readonly rowHeight: number,
    /** The body's height before it is laid out. */
    private readonly fallbackHeight: number,
  ) {
    host.addController(this);
  }

  get viewportHeight(): number {
    return this.body()?.clientHeight || this.fallbackHeight;
  }

  /** How many lines Page Up and Page Down move. */
  get page(): number {
    return Math.max(1, Math.floor(this.viewportHeight / this.rowHeight) - 1);
  }

  /** Makes `index` (kept within `count` lines) the active line and scrolls it into view; false for an empty list. */
  moveTo(index: number, count: number): boolean {
    if (count === 0) return false;
    this.index = Math.max(0, Math.min(count - 1, index));
    const height = this.viewportHeight;
    const top = this.index * this.rowHeight;
    if (top < this.scrollTop || top + this.rowHeight > this.scrollTop + height) {
      this.scrollTop = Math.max(0, top - height / 2);
      this.#pending = true;
    }
    this.host.requestUpdate();
    return true;
  }

  /** A user scrolled the body. */
  scrolled = (top: number): void => {
    this.scrollTop = top;
    this.host.requestUpdate();
  };

  hostUpdated(): void {
    const body = this.body();
    if (this.#pending && body) {
      this.#pending = false;
      body.scrollTop = this.scrollTop;
    }
  }
}
