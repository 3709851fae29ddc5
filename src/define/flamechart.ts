import { ParcaFlamechartElement } from '../elements/flamechart/flamechart.js';
import { defineElement } from './define-element.js';

defineElement('parca-flamechart', ParcaFlamechartElement);

declare global {
  interface HTMLElementTagNameMap {
    'parca-flamechart': ParcaFlamechartElement;
  }
}
