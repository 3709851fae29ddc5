import { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import { defineElement } from './define-element.js';

defineElement('parca-flamegraph', ParcaFlamegraphElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-flamegraph': ParcaFlamegraphElement;
  }
}
