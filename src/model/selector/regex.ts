// Checks a regex matcher's value the way Parca will (Go's RE2) as far as a browser can: JavaScript's RegExp
// stands in for RE2 after RE2-only syntax is rewritten, and the JavaScript-only features RE2 refuses are
// refused here. It errs towards accepting: the server has the last word.

/** RE2's POSIX classes, valid only inside brackets (`[[:alpha:]]`). */
const POSIX_CLASS = /^\[:\^?(alnum|alpha|ascii|blank|cntrl|digit|graph|lower|print|punct|space|upper|word|xdigit):\]/;
/** Flag groups `(?i)` and `(?i:` (RE2 flags i, m, s, U; `-` clears). */
const FLAG_GROUP = /^\(\?[imsU]*(?:-[imsU]*)?([):])/;

/** Undefined when the regex is acceptable, else a short reason. */
export function regexProblem(source: string): string | undefined {
  const translated = translate(source);
  if (typeof translated !== 'string') return translated.reason;
  try {
    new RegExp(translated);
    return undefined;
  } catch (error) {
    // V8 says "Invalid regular expression: /x/: Unterminated group"; the last part is the reason.
    const message = error instanceof Error ? error.message : String(error);
    const reason = message.slice(message.lastIndexOf(': ') + 2) || message;
    return `invalid regular expression: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}`;
  }
}

/** Rewrites RE2 syntax into JavaScript syntax of the same validity; refuses what RE2 lacks. */
function translate(source: string): string | { reason: string } {
  let out = '';
  let inClass = false;
  let classStart = -1;
  for (let i = 0; i < source.length;) {
    const c = source[i]!;
    const rest = source.slice(i);
    if (c === '\\') {
      const next = source[i + 1];
      if (next === 'Q') {
        // \Q...\E quotes a literal run.
        const close = source.indexOf('\\E', i + 2);
        const literal = source.slice(i + 2, close === -1 ? undefined : close);
        out += literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
        i = close === -1 ? source.length : close + 2;
        continue;
      }
      if (!inClass && next !== undefined && /[1-9]/.test(next)) return { reason: 'backreferences are not supported' };
      if (next === 'z' || next === 'A') {
        out += next === 'z' ? '$' : '^';
        i += 2;
        continue;
      }
      out += source.slice(i, i + 2);
      i += 2;
      continue;
    }
    if (inClass) {
      const posix = POSIX_CLASS.exec(rest);
      if (posix) {
        out += 'a';
        i += posix[0].length;
        continue;
      }
      // A `]` first in a class is a literal in RE2.
      if (c === ']' && i > classStart) inClass = false;
      out += c === ']' && i === classStart ? '\\]' : c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      classStart = source[i + 1] === '^' ? i + 2 : i + 1;
      out += source.slice(i, classStart);
      i = classStart;
      continue;
    }
    if (c === '(' && source[i + 1] === '?') {
      if (/^\(\?(=|!|<=|<!)/.test(rest)) return { reason: 'lookaround is not supported' };
      if (rest.startsWith('(?P<')) {
        out += '(?<';
        i += 4;
        continue;
      }
      const flags = FLAG_GROUP.exec(rest);
      if (flags && flags[0] !== '(?)') {
        out += flags[1] === ':' ? '(?:' : '';
        i += flags[0].length;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
