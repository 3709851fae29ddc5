import { ParcaBreakdownElement } from '../elements/breakdown/breakdown.js';
import { defineElement } from './define-element.js';

defineElement('parca-breakdown', ParcaBreakdownElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-breakdown': ParcaBreakdownElement;
  }
}
