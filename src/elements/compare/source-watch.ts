// One of a compare element's two sources, found by id (the source rule's `source="id"` lookup) and followed
// through the context every element of a source reads: its state arrives whenever the source provides a new one,
// whether a user, the history or code changed it. A source that appears later (defined, upgraded or added after
// the compare element) announces itself, and the watch binds to it then.
import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type SourceState, sourceContext } from '../../context/source-context.js';
import { sourceOf } from '../../context/source-rule.js';
import type { ParcaSourceElement } from '../source/source.js';

type Host = ReactiveControllerHost & HTMLElement;

export class SourceWatch implements ReactiveController {
  /** The bound source; undefined while no source of that id is on the page. */
  source: ParcaSourceElement | undefined;
  /** Its current state (undefined until it first provides one). */
  state: SourceState | undefined;

  #unsubscribe: (() => void) | undefined;
  #generation = 0;
  #connected = false;
  /**
   * The requests' target: an element in no document, so a provider that hands its subscriptions to a nested
   * source (the context protocol re-sends them from their target) finds nobody to hand them to, and the
   * subscription stays with this source.
   */
  readonly #target = document.createElement('span');

  constructor(
    private readonly host: Host,
    /** The source's id (the compare element's `baseline` or `comparison`). */
    private readonly id: () => string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('context-provider', this.#onProvider);
    this.bind();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('context-provider', this.#onProvider);
    this.#release();
  }

  /** Finds the source again (the id changed, a source appeared); subscribes when it is another one. */
  bind(): void {
    if (!this.#connected) return;
    const id = this.id();
    const found = id ? (sourceOf(this.host, id) as ParcaSourceElement | undefined) : undefined;
    if (found === this.source && (found ? this.#unsubscribe : true)) return;
    this.#release();
    this.source = found;
    if (found) this.#request(found);
    this.host.requestUpdate();
  }

  #request(target: ParcaSourceElement): void {
    const generation = ++this.#generation;
    target.dispatchEvent(
      new ContextRequestEvent(
        sourceContext,
        this.#target,
        (value, unsubscribe) => {
          if (generation !== this.#generation) {
            unsubscribe?.();
            return;
          }
          this.#unsubscribe = unsubscribe;
          if (value === this.state) return;
          this.state = value;
          this.host.requestUpdate();
        },
        true,
      ),
    );
  }

  #release(): void {
    this.#generation++;
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.source = undefined;
    this.state = undefined;
  }

  #onProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== sourceContext) return;
    queueMicrotask(() => this.bind());
  };
}
