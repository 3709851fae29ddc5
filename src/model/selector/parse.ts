// Parses Prometheus-style label selectors: `{job="api", instance=~"a.*"}`, also without braces, `{}` or ''.
// The result is a plain value (no offsets) so that parse(format(x)) deep-equals x.
import { regexProblem } from './regex.js';
import { type SelectorProblem, type Token, tokenize } from './tokens.js';

export type MatchOperator = '=' | '!=' | '=~' | '!~';

export const MATCH_OPERATORS: readonly MatchOperator[] = ['=', '!=', '=~', '!~'];

export interface LabelMatcher {
  readonly name: string;
  readonly op: MatchOperator;
  readonly value: string;
}

export interface Selector {
  readonly matchers: readonly LabelMatcher[];
}

export type SelectorParseResult = { readonly ok: true; readonly selector: Selector } | { readonly ok: false; readonly error: SelectorProblem };

/** Thrown by parseSelectorOrThrow; carries where and why. */
export class SelectorSyntaxError extends Error {
  override readonly name = 'SelectorSyntaxError';
  constructor(readonly problem: SelectorProblem) {
    super(describeProblem(problem));
  }
}

/** A label name as Parca accepts it: Prometheus's rule plus `.` and `:`. */
export const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_:.]*$/;

export function isMatchOperator(text: string): text is MatchOperator {
  return (MATCH_OPERATORS as readonly string[]).includes(text);
}

export function isRegexOperator(op: MatchOperator): boolean {
  return op === '=~' || op === '!~';
}

/** "reason at character N" with N counted from 1, for people. */
export function describeProblem(problem: SelectorProblem): string {
  return `${problem.reason} (at character ${problem.offset + 1})`;
}

export function parseSelector(text: string): SelectorParseResult {
  try {
    return { ok: true, selector: new Parser(text).parse() };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return { ok: false, error: error.problem };
    throw error;
  }
}

export function parseSelectorOrThrow(text: string): Selector {
  const result = parseSelector(text);
  if (!result.ok) throw new SelectorSyntaxError(result.error);
  return result.selector;
}

class Parser {
  readonly #tokens: Token[];
  #i = 0;

  constructor(readonly text: string) {
    this.#tokens = tokenize(text);
  }

  parse(): Selector {
    const matchers: LabelMatcher[] = [];
    const braced = this.#peek()?.kind === 'lbrace';
    if (braced) this.#i++;
    for (;;) {
      const token = this.#peek();
      if (!token) {
        if (braced) this.#fail(this.text.length, this.text.length, 'missing closing }');
        break;
      }
      // `{}` and a trailing comma before `}` are fine, as in Prometheus.
      if (token.kind === 'rbrace' && braced) {
        this.#i++;
        break;
      }
      matchers.push(this.#matcher());
      const after = this.#peek();
      if (!after) continue;
      if (after.kind === 'comma') {
        this.#i++;
        continue;
      }
      if (after.kind === 'rbrace') {
        if (!braced) this.#failAt(after, 'unexpected }: there is no opening {');
        continue;
      }
      this.#failAt(after, braced ? 'expected , or }' : 'expected ,');
    }
    const extra = this.#peek();
    if (extra) this.#failAt(extra, 'unexpected text after }');
    return { matchers };
  }

  #matcher(): LabelMatcher {
    const nameToken = this.#next();
    if (!nameToken) return this.#fail(this.text.length, this.text.length, 'expected a label name');
    if (nameToken.kind !== 'word') return this.#failAt(nameToken, nameToken.kind === 'comma' ? 'unexpected ,: expected a label name' : 'expected a label name');
    if (!LABEL_NAME.test(nameToken.text)) {
      return this.#failAt(nameToken, 'a label name starts with a letter or _');
    }
    const opToken = this.#next();
    if (!opToken) return this.#fail(this.text.length, this.text.length, `expected =, !=, =~ or !~ after ${nameToken.text}`);
    if (opToken.kind !== 'op' || !isMatchOperator(opToken.text)) {
      return this.#failAt(opToken, opToken.problem?.reason ?? `expected =, !=, =~ or !~ after ${nameToken.text}`);
    }
    const op = opToken.text;
    const valueToken = this.#next();
    if (!valueToken) return this.#fail(this.text.length, this.text.length, 'expected a double-quoted value');
    if (valueToken.kind !== 'string') {
      return this.#failAt(valueToken, valueToken.kind === 'word' ? `values are double-quoted: "${valueToken.text}"` : 'expected a double-quoted value');
    }
    if (valueToken.problem) this.#throw(valueToken.problem);
    const value = valueToken.value ?? '';
    if (isRegexOperator(op)) {
      const problem = regexProblem(value);
      if (problem) this.#fail(valueToken.start, valueToken.end, problem);
    }
    return { name: nameToken.text, op, value };
  }

  #peek(): Token | undefined {
    return this.#tokens[this.#i];
  }

  #next(): Token | undefined {
    return this.#tokens[this.#i++];
  }

  /** Invalid tokens report their own problem, whatever was expected. */
  #failAt(token: Token, reason: string): never {
    if (token.kind === 'invalid' && token.problem) this.#throw(token.problem);
    return this.#fail(token.start, token.end, reason);
  }

  #fail(offset: number, end: number, reason: string): never {
    return this.#throw({ offset, end, reason });
  }

  #throw(problem: SelectorProblem): never {
    throw new SelectorSyntaxError(problem);
  }
}
