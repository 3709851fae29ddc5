import { ParcaCompareElement } from '../elements/compare/compare.js';
import { defineElement } from './define-element.js';

defineElement('parca-compare', ParcaCompareElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-compare': ParcaCompareElement;
  }
}
