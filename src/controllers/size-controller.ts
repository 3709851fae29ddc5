// Watches the size of one part of an element (the part its drawing fills) and reports it, so the element can
// ask for data that fits its width and size its canvas. Stops watching when the element leaves the page.
import type { ReactiveController, ReactiveElement } from 'lit';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export class SizeController implements ReactiveController {
  /** The last size seen, in CSS pixels (0 × 0 until the part is laid out). */
  size: Size = { width: 0, height: 0 };
  #observer: ResizeObserver | undefined;
  #target: Element | undefined;

  constructor(
    private readonly host: ReactiveElement,
    /** The part to watch; undefined until it is rendered. */
    private readonly target: () => Element | null | undefined,
    /** Called with each new size. */
    private readonly onResize: (size: Size) => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (this.host.hasUpdated) this.#watch();
  }

  hostUpdated(): void {
    this.#watch();
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#target = undefined;
  }

  #watch(): void {
    const target = this.target() ?? undefined;
    if (!target || target === this.#target) return;
    this.#observer?.disconnect();
    this.#target = target;
    this.#observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      this.size = { width: Math.floor(entry.contentRect.width), height: Math.floor(entry.contentRect.height) };
      this.onResize(this.size);
    });
    this.#observer.observe(target);
  }
}
