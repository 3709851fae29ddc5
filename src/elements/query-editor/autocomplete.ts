// The selector's autocomplete, loaded the first time the selector field gets focus (or the sum-by picker opens,
// which shares its label names): what to suggest at the caret and how accepting it edits the text
// (model/selector/completion.ts), and the label names and values asked of Parca for it (suggestions.ts). A page
// whose users never edit the selector never loads it.
export { applyCompletion, completionContext } from '../../model/selector/completion.js';
export { SelectorSuggestions } from './suggestions.js';
