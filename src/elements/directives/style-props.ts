// Sets inline style properties through the CSSOM, never through the `style` attribute: a strict CSP
// (style-src without 'unsafe-inline') refuses the attribute, which lit's styleMap writes on first render.
import { type ElementPart, noChange } from 'lit';
import { Directive, type PartInfo, PartType, directive } from 'lit/directive.js';

class StylePropsDirective extends Directive {
  #previous = new Set<string>();

  constructor(part: PartInfo) {
    super(part);
    if (part.type !== PartType.ELEMENT) throw new Error('styleProps() goes on an element: <div ${styleProps({...})}>');
  }

  render(_props: Readonly<Record<string, string>>): typeof noChange {
    return noChange;
  }

  override update(part: ElementPart, [props]: [Readonly<Record<string, string>>]): typeof noChange {
    const style = (part.element as HTMLElement).style;
    for (const name of this.#previous) if (!(name in props)) style.removeProperty(name);
    for (const [name, value] of Object.entries(props)) style.setProperty(name, value);
    this.#previous = new Set(Object.keys(props));
    return noChange;
  }
}

/** `<div ${styleProps({ height: '20px', '--_swatch': color })}>`: CSP-safe inline styles (kebab-case names). */
export const styleProps = directive(StylePropsDirective);
