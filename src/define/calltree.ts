import { ParcaCalltreeElement } from '../elements/calltree/calltree.js';
import { defineElement } from './define-element.js';

defineElement('parca-calltree', ParcaCalltreeElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-calltree': ParcaCalltreeElement;
  }
}
