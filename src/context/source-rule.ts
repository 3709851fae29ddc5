// Which source an element belongs to: the source its `source` attribute names, else the nearest one around it
// (across shadow roots), else the page's first `default` source. One rule for both directions: an element binding
// to its source (SourceController) and a source deciding whether an element's event is addressed to it.

/** Set on every <parca-source>: how the rule knows a source without importing its class. */
export const SOURCE_MARK = Symbol.for('parca-elements.source-element');

/** Marks `element` as a source (called once by <parca-source>). */
export function markSource(element: HTMLElement): void {
  (element as unknown as Record<symbol, boolean>)[SOURCE_MARK] = true;
}

export function isSource(node: unknown): node is HTMLElement {
  return node instanceof HTMLElement && (node as unknown as Record<symbol, unknown>)[SOURCE_MARK] === true;
}

/** The element an id names, in the element's own tree first (a source beside it in a shadow root), else the page. */
function byId(element: Element, id: string): Element | null {
  const root = element.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? document.getElementById(id);
}

function parentOf(node: Node): Node | null {
  return node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
}

/**
 * The source `element` belongs to, by its `source` id (`named`) or else by position; undefined when none is on
 * the page yet (a source defined later announces itself and elements bind again).
 */
export function sourceOf(element: Element, named: string | null | undefined): HTMLElement | undefined {
  if (named) {
    const target = byId(element, named);
    return isSource(target) ? target : undefined;
  }
  for (let node = parentOf(element); node; node = parentOf(node)) if (isSource(node)) return node;
  for (const candidate of document.querySelectorAll('[default]')) if (candidate !== element && isSource(candidate)) return candidate;
  return undefined;
}

/** Whether an element's event (its origin first on the composed path) is addressed to `source`. */
export function addressedTo(source: HTMLElement, event: Event): boolean {
  const origin = event.composedPath()[0];
  return origin instanceof Element && origin !== source && sourceOf(origin, origin.getAttribute('source')) === source;
}
