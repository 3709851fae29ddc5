// Which source an element's event speaks to: the one its `source` attribute names, else the nearest source
// around it, else the page's first `default` source. SourceController binds elements by the same rule.
import type { LitElement } from 'lit';

export function ownsEvent(source: LitElement & { readonly default: boolean }, event: Event): boolean {
  const path = event.composedPath();
  const origin = path[0];
  if (!(origin instanceof Element) || origin === source) return false;
  const named = origin.getAttribute('source');
  if (named) return named === source.id;
  const Source = source.constructor as typeof LitElement;
  const nearest = path.find((node) => node !== origin && node instanceof Source);
  if (nearest) return nearest === source;
  return source.default && firstDefaultSource(Source) === source;
}

function firstDefaultSource(Source: typeof LitElement): Element | undefined {
  for (const candidate of document.querySelectorAll('[default]')) {
    if (candidate instanceof Source) return candidate;
  }
  return undefined;
}
