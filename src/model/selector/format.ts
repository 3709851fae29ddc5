// Canonical selector text: braces, `name<op>"value"` joined by ", ", values escaped so the parser reads them back.
import type { LabelMatcher, Selector } from './parse.js';

export function formatSelector(selector: Selector): string {
  return `{${selector.matchers.map(formatMatcher).join(', ')}}`;
}

export function formatMatcher(matcher: LabelMatcher): string {
  return `${matcher.name}${matcher.op}${quoteValue(matcher.value)}`;
}

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** A double-quoted string literal; other control characters become \xHH, everything else stays as is. */
export function quoteValue(value: string): string {
  // eslint-disable-next-line no-control-regex -- matching control characters is the point: they get escaped
  const body = value.replace(/[\\"\n\r\t\x00-\x1f\x7f]/g, (c) => NAMED_ESCAPES[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return `"${body}"`;
}

/** Escapes regex metacharacters, so a literal value can be used with =~ and !~. */
export function escapeRegex(value: string): string {
  return value.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
}
