import { ParcaFunctionTableElement } from '../elements/function-table/function-table.js';
import { defineElement } from './define-element.js';

defineElement('parca-function-table', ParcaFunctionTableElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-function-table': ParcaFunctionTableElement;
  }
}
