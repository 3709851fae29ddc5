import { ParcaQueryEditorElement } from '../elements/query-editor/query-editor.js';
import { defineElement } from './define-element.js';

defineElement('parca-query-editor', ParcaQueryEditorElement);
