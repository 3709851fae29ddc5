// Splits label-selector text into tokens with their offsets. Lenient on purpose: it never throws and always
// covers the whole text, so the parser can report the first problem and autocomplete can read half-typed input.

export type TokenKind = 'lbrace' | 'rbrace' | 'comma' | 'word' | 'op' | 'string' | 'invalid';

/** Where a problem is (a UTF-16 offset into the text) and what it is, in a few words. */
export interface SelectorProblem {
  readonly offset: number;
  /** Exclusive end of the offending text (at least offset + 1 unless the problem is at the end of the text). */
  readonly end: number;
  readonly reason: string;
}

export interface Token {
  readonly kind: TokenKind;
  /** Offset of the first character. */
  readonly start: number;
  /** Offset after the last character. */
  readonly end: number;
  /** The raw text, quotes and escapes included. */
  readonly text: string;
  /** Strings only: the decoded content (best effort when `problem` is set). */
  readonly value?: string;
  /** Strings only: whether the closing quote is there. */
  readonly closed?: boolean;
  /** Set on invalid tokens and on strings with a bad escape or no closing quote. */
  readonly problem?: SelectorProblem;
}

const WORD_CHAR = /[A-Za-z0-9_:.]/;
const SPACE = /\s/;

/** Go's single-character escapes in double-quoted strings (strconv.Unquote). */
const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  '"': '"',
};

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (SPACE.test(c)) {
      i++;
      continue;
    }
    const token = readToken(text, i);
    tokens.push(token);
    i = token.end;
  }
  return tokens;
}

function readToken(text: string, start: number): Token {
  const c = text[start]!;
  const single = (kind: TokenKind): Token => ({ kind, start, end: start + 1, text: c });
  switch (c) {
    case '{':
      return single('lbrace');
    case '}':
      return single('rbrace');
    case ',':
      return single('comma');
    case '"':
      return readString(text, start);
    case '=':
    case '!':
      return readOperator(text, start);
    case "'":
    case '`':
      return invalid(text, start, 'values use double quotes');
  }
  if (WORD_CHAR.test(c)) {
    let end = start + 1;
    while (end < text.length && WORD_CHAR.test(text[end]!)) end++;
    return { kind: 'word', start, end, text: text.slice(start, end) };
  }
  return invalid(text, start, `unexpected character ${JSON.stringify(String.fromCodePoint(text.codePointAt(start)!))}`);
}

function invalid(text: string, start: number, reason: string): Token {
  const end = start + String.fromCodePoint(text.codePointAt(start)!).length;
  return { kind: 'invalid', start, end, text: text.slice(start, end), problem: { offset: start, end, reason } };
}

function readOperator(text: string, start: number): Token {
  const next = text[start + 1];
  if (next === '~' || (text[start] === '!' && next === '=')) {
    return { kind: 'op', start, end: start + 2, text: text.slice(start, start + 2) };
  }
  if (text[start] === '=') return { kind: 'op', start, end: start + 1, text: '=' };
  // A lone `!` is kept as an operator token so autocomplete can offer != and !~ after it.
  return { kind: 'op', start, end: start + 1, text: '!', problem: { offset: start, end: start + 1, reason: 'expected != or !~' } };
}

function readString(text: string, start: number): Token {
  let value = '';
  let problem: SelectorProblem | undefined;
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      const end = i + 1;
      return { kind: 'string', start, end, text: text.slice(start, end), value, closed: true, ...(problem ? { problem } : {}) };
    }
    // Prometheus ends a string at a line break and reports it unterminated.
    if (c === '\n') break;
    if (c === '\\') {
      const escape = readEscape(text, i);
      if ('reason' in escape) problem ??= { offset: i, end: escape.end, reason: escape.reason };
      else value += escape.value;
      i = escape.end;
      continue;
    }
    value += c;
    i++;
  }
  return {
    kind: 'string',
    start,
    end: i,
    text: text.slice(start, i),
    value,
    closed: false,
    problem: problem ?? { offset: start, end: i, reason: 'unterminated string: missing closing "' },
  };
}

type Escape = { value: string; end: number } | { reason: string; end: number };

/** Reads the escape at `at` (a backslash), following Go's rules for double-quoted strings. */
function readEscape(text: string, at: number): Escape {
  const kind = text[at + 1];
  if (kind === undefined) return { reason: 'unfinished escape', end: at + 1 };
  const simple = SIMPLE_ESCAPES[kind];
  if (simple !== undefined) return { value: simple, end: at + 2 };
  const digitsOf = (from: number, count: number, digit: RegExp): string => {
    let body = '';
    while (body.length < count && from + body.length < text.length && digit.test(text[from + body.length]!)) body += text[from + body.length];
    return body;
  };
  const counts: Record<string, number> = { x: 2, u: 4, U: 8 };
  const count = counts[kind];
  if (count !== undefined) {
    const body = digitsOf(at + 2, count, /[0-9a-fA-F]/);
    const end = at + 2 + body.length;
    if (body.length < count) return { reason: `invalid escape \\${kind}${body}: expected ${count} hex digits`, end };
    return withEnd(codeValue(kind, parseInt(body, 16)), end);
  }
  if (/[0-7]/.test(kind)) {
    const body = digitsOf(at + 1, 3, /[0-7]/);
    const end = at + 1 + body.length;
    if (body.length < 3) return { reason: `invalid escape \\${body}: expected 3 octal digits`, end };
    return withEnd(codeValue('0', parseInt(body, 8)), end);
  }
  const shown = String.fromCodePoint(text.codePointAt(at + 1)!);
  return { reason: `invalid escape \\${shown}`, end: at + 1 + shown.length };
}

function withEnd(decoded: { value: string } | { reason: string }, end: number): Escape {
  return 'reason' in decoded ? { reason: decoded.reason, end } : { value: decoded.value, end };
}

/** \x and octal escapes are bytes in Go; only ASCII bytes stand for a character on their own. */
function codeValue(kind: string, code: number): { value: string } | { reason: string } {
  if (kind === 'x' || kind === '0') {
    return code < 0x80 ? { value: String.fromCharCode(code) } : { reason: 'byte escapes above \\x7f are not text: use \\u' };
  }
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return { reason: `\\${kind} escape is not a Unicode character` };
  return { value: String.fromCodePoint(code) };
}
