// What autocomplete should offer at a cursor in selector text, and how accepting a suggestion edits the text.
// Works on half-typed input (it reads tokens, not a parse tree).
import { escapeRegex, quoteValue } from './format.js';
import { MATCH_OPERATORS, type MatchOperator, isMatchOperator, isRegexOperator } from './parse.js';
import { type Token, tokenize } from './tokens.js';

/** `from`..`to` is the text a suggestion replaces (UTF-16 offsets, `to` exclusive). */
export type CompletionContext =
  | { readonly kind: 'label-name'; readonly prefix: string; readonly from: number; readonly to: number; readonly hasOperator: boolean }
  | {
      readonly kind: 'operator';
      readonly label: string;
      readonly prefix: string;
      readonly from: number;
      readonly to: number;
      readonly hasValue: boolean;
    }
  | {
      readonly kind: 'label-value';
      readonly label: string;
      readonly op: MatchOperator;
      readonly prefix: string;
      readonly from: number;
      readonly to: number;
    }
  | { readonly kind: 'none' };

const NONE: CompletionContext = { kind: 'none' };

export function completionContext(text: string, cursor: number): CompletionContext {
  const tokens = tokenize(text);
  const at = tokens.findIndex((t) => t.start < cursor && (cursor < t.end || (cursor === t.end && isOpenEnded(t))));
  if (at !== -1) return insideToken(text, tokens, at, cursor);
  return betweenTokens(tokens, cursor);
}

/** Tokens the cursor still extends when it sits right after them. */
function isOpenEnded(token: Token): boolean {
  return token.kind === 'word' || token.kind === 'op' || (token.kind === 'string' && !token.closed);
}

function isNamePosition(tokens: Token[], index: number): boolean {
  const before = tokens[index - 1];
  return !before || before.kind === 'lbrace' || before.kind === 'comma';
}

/** The label and operator before the value at `index`, if that is what precedes it. */
function valueOwner(tokens: Token[], index: number): { label: string; op: MatchOperator } | undefined {
  const op = tokens[index - 1];
  const name = tokens[index - 2];
  if (op?.kind !== 'op' || !isMatchOperator(op.text) || name?.kind !== 'word' || !isNamePosition(tokens, index - 2)) return undefined;
  return { label: name.text, op: op.text };
}

function insideToken(text: string, tokens: Token[], index: number, cursor: number): CompletionContext {
  const token = tokens[index]!;
  const next = tokens[index + 1];
  switch (token.kind) {
    case 'word': {
      if (isNamePosition(tokens, index)) {
        const prefix = text.slice(token.start, cursor);
        return { kind: 'label-name', prefix, from: token.start, to: token.end, hasOperator: next?.kind === 'op' };
      }
      // An unquoted value being typed: suggestions will quote it.
      const owner = valueOwner(tokens, index);
      return owner ? { kind: 'label-value', ...owner, prefix: text.slice(token.start, cursor), from: token.start, to: token.end } : NONE;
    }
    case 'op': {
      const name = tokens[index - 1];
      if (cursor === token.end && isMatchOperator(token.text)) return valueAfterOperator(tokens, index, cursor);
      if (name?.kind !== 'word' || !isNamePosition(tokens, index - 1)) return NONE;
      return {
        kind: 'operator',
        label: name.text,
        prefix: text.slice(token.start, cursor),
        from: token.start,
        to: token.end,
        hasValue: next?.kind === 'string',
      };
    }
    case 'string': {
      const owner = valueOwner(tokens, index);
      if (!owner) return NONE;
      return { kind: 'label-value', ...owner, prefix: decodedPrefix(text, token, cursor), from: token.start, to: token.end };
    }
    default:
      return NONE;
  }
}

/** Right after a complete operator: a value goes here (replacing a string that starts at the cursor). */
function valueAfterOperator(tokens: Token[], opIndex: number, cursor: number): CompletionContext {
  const owner = valueOwner(tokens, opIndex + 1);
  if (!owner) return NONE;
  const next = tokens[opIndex + 1];
  const to = next?.kind === 'string' && next.start === cursor ? next.end : cursor;
  return { kind: 'label-value', ...owner, prefix: '', from: cursor, to };
}

function betweenTokens(tokens: Token[], cursor: number): CompletionContext {
  let prevIndex = -1;
  tokens.forEach((t, i) => {
    if (t.end <= cursor) prevIndex = i;
  });
  const prev = tokens[prevIndex];
  const next = tokens[prevIndex + 1];
  if (!prev) {
    return next?.kind === 'lbrace' ? NONE : { kind: 'label-name', prefix: '', from: cursor, to: cursor, hasOperator: false };
  }
  switch (prev.kind) {
    case 'lbrace':
    case 'comma':
      return { kind: 'label-name', prefix: '', from: cursor, to: cursor, hasOperator: next?.kind === 'op' && next.start === cursor };
    case 'word': {
      if (!isNamePosition(tokens, prevIndex)) return NONE;
      const op = next?.kind === 'op' ? next : undefined;
      const afterOp = op ? tokens[prevIndex + 2] : next;
      return { kind: 'operator', label: prev.text, prefix: '', from: cursor, to: op ? op.end : cursor, hasValue: afterOp?.kind === 'string' };
    }
    case 'op':
      if (!isMatchOperator(prev.text)) return NONE;
      return valueAfterOperator(tokens, prevIndex, cursor);
    default:
      return NONE;
  }
}

/** The decoded string content between the opening quote and the cursor. */
function decodedPrefix(text: string, token: Token, cursor: number): string {
  const raw = text.slice(token.start, cursor);
  const [head] = tokenize(`${raw}"`);
  return head?.kind === 'string' && !head.problem && head.end === raw.length + 1 ? (head.value ?? '') : raw.slice(1);
}

export interface CompletionEdit {
  readonly text: string;
  readonly cursor: number;
}

/**
 * Applies a suggestion: a label name gets `=""` (cursor between the quotes) unless an operator follows; an
 * operator gets `""` unless a value follows; a value is quoted (and regex-escaped after =~ and !~).
 */
export function applyCompletion(text: string, context: CompletionContext, suggestion: string): CompletionEdit {
  const splice = (insert: string, cursorInInsert = insert.length): CompletionEdit => {
    if (context.kind === 'none') return { text, cursor: text.length };
    return { text: text.slice(0, context.from) + insert + text.slice(context.to), cursor: context.from + cursorInInsert };
  };
  switch (context.kind) {
    case 'label-name':
      return context.hasOperator ? splice(suggestion) : splice(`${suggestion}=""`, suggestion.length + 2);
    case 'operator':
      return context.hasValue ? splice(suggestion) : splice(`${suggestion}""`, suggestion.length + 1);
    case 'label-value':
      return splice(quoteValue(isRegexOperator(context.op) ? escapeRegex(suggestion) : suggestion));
    case 'none':
      return { text, cursor: text.length };
  }
}

/** The operators that fit a typed prefix (`!` gives != and !~). */
export function operatorSuggestions(prefix: string): MatchOperator[] {
  return MATCH_OPERATORS.filter((op) => op.startsWith(prefix));
}

/** Candidates that start with the prefix first, then those that contain it; case-insensitive; at most `limit`. */
export function filterSuggestions(candidates: readonly string[], prefix: string, limit = 100): string[] {
  const needle = prefix.toLowerCase();
  const starts: string[] = [];
  const contains: string[] = [];
  for (const candidate of candidates) {
    const lower = candidate.toLowerCase();
    if (lower.startsWith(needle)) starts.push(candidate);
    else if (needle && lower.includes(needle)) contains.push(candidate);
  }
  return [...starts, ...contains].slice(0, limit);
}
