import { ParcaSourceElement } from '../elements/source/source.js';
import { defineElement } from './define-element.js';

defineElement('parca-source', ParcaSourceElement);
