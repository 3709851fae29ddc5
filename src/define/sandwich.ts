import { ParcaSandwichElement } from '../elements/sandwich/sandwich.js';
import { defineElement } from './define-element.js';

defineElement('parca-sandwich', ParcaSandwichElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-sandwich': ParcaSandwichElement;
  }
}
