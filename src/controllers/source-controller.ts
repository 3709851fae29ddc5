// Finds the <parca-source> an element belongs to (the rule is in source-rule.ts) and follows its state through
// the context protocol. Sources that appear later (defined or upgraded after the element) are picked up when they
// announce themselves.
import { ContextEvent as ContextRequestEvent } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { type SourceState, sourceContext } from '../context/source-context.js';
import { sourceOf } from '../context/source-rule.js';

type Host = ReactiveControllerHost & HTMLElement;

export class SourceController<S extends HTMLElement = HTMLElement> implements ReactiveController {
  /** The bound source element; undefined when there is none. */
  source: S | undefined;
  /** The bound source's current state; undefined when no source answers. */
  state: SourceState | undefined;

  #unsubscribe: (() => void) | undefined;
  #generation = 0;
  #connected = false;
  #detached: Element | undefined;

  constructor(
    private readonly host: Host,
    /** The id of the source to use instead of an ancestor (the host's `source` attribute). */
    private readonly sourceId: () => string | null | undefined,
    /**
     * Only the source of that id, never an ancestor or the default (a compare element naming its two sources).
     * Requests then come from an element in no document: a provider that hands its subscriptions on to a source
     * nested in it (the context protocol re-sends them from their target) finds nobody to hand these to.
     */
    private readonly byIdOnly = false,
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

  /** Finds the source again (the `source` attribute changed, a source appeared); subscribes when it is another one. */
  bind(): void {
    if (!this.#connected) return;
    const id = this.sourceId();
    const target = this.byIdOnly && !id ? undefined : (sourceOf(this.host, id) as S | undefined);
    if (target === this.source && (!target || this.#unsubscribe)) return;
    this.#release();
    this.source = target;
    if (target) this.#request(target);
    if (!this.state) this.host.requestUpdate();
  }

  /** Dispatches a subscribing context request on `target`. */
  #request(target: Element): void {
    const generation = ++this.#generation;
    target.dispatchEvent(
      new ContextRequestEvent(
        sourceContext,
        this.byIdOnly ? (this.#detached ??= document.createElement('span')) : this.host,
        (value, unsubscribe) => {
          // A callback from an earlier binding may still fire; it no longer speaks for this element.
          if (generation !== this.#generation) {
            unsubscribe?.();
            return;
          }
          if (unsubscribe && unsubscribe !== this.#unsubscribe) {
            this.#unsubscribe?.();
            this.#unsubscribe = unsubscribe;
          }
          if (value !== this.state) {
            this.state = value;
            this.host.requestUpdate();
          }
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

  // A source connected somewhere: it may be the ancestor, named or default source this element lacks or
  // a closer one than the default it uses now.
  #onProvider = (event: Event): void => {
    if ((event as Event & { context?: unknown }).context !== sourceContext) return;
    queueMicrotask(() => this.bind());
  };
}
