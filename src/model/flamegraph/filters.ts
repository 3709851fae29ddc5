// Frame filters as a person writes them (`function_name contains runtime`), and the same filters as Parca's
// Filter messages. Parca v0.28.0 compares case-insensitively, matches binaries by base name, and treats:
//  - a stack filter as "keep stacks where some frame matches" (positive) or "where no frame matches" (negation):
//    dropped stacks are reported as `filtered`;
//  - a frame filter as "keep only frames that match" (the stack's value stays, its other frames disappear).
// A filter matches one of the six fields of Parca's FilterCriteria: function name, system name, binary, file name
// (text, six ways), address and line number (numbers: equal or not).
import type { MessageInitShape } from '@bufbuild/protobuf';
import type { FilterSchema } from '../../gen/parca/query/v1alpha1/query_pb.js';

export type FilterField = 'function_name' | 'system_name' | 'binary' | 'filename' | 'address' | 'line_number';
export type FilterMatch = 'equal' | 'not_equal' | 'contains' | 'not_contains' | 'starts_with' | 'not_starts_with';
export type FilterScope = 'stack' | 'frame';

export interface FrameFilter {
  readonly field: FilterField;
  readonly match: FilterMatch;
  readonly value: string;
  /** `stack` (default) keeps or drops whole stacks; `frame` keeps only matching frames. */
  readonly scope?: FilterScope | undefined;
}

export const FILTER_FIELDS: readonly FilterField[] = ['function_name', 'system_name', 'binary', 'filename', 'address', 'line_number'];

/** Fields Parca compares as numbers (equal or not equal only). */
const NUMERIC_FIELDS: ReadonlySet<FilterField> = new Set(['address', 'line_number']);

export function isNumericField(field: FilterField): boolean {
  return NUMERIC_FIELDS.has(field);
}
export const FILTER_MATCHES: readonly FilterMatch[] = ['contains', 'not_contains', 'equal', 'not_equal', 'starts_with', 'not_starts_with'];

/** The short operators of the text form, by match. */
const OPERATORS: Readonly<Record<FilterMatch, string>> = {
  equal: '=',
  not_equal: '!=',
  contains: '~',
  not_contains: '!~',
  starts_with: '^=',
  not_starts_with: '!^=',
};

/** Words a person may write instead of the operator. */
const MATCH_WORDS: Readonly<Record<string, FilterMatch>> = {
  ...Object.fromEntries(FILTER_MATCHES.map((m) => [m, m])),
  ...Object.fromEntries(FILTER_MATCHES.map((m) => [OPERATORS[m], m])),
  '==': 'equal',
  'not-equal': 'not_equal',
  'not-contains': 'not_contains',
  'starts-with': 'starts_with',
  'not-starts-with': 'not_starts_with',
};

const FIELD_WORDS: Readonly<Record<string, FilterField>> = {
  function_name: 'function_name',
  function: 'function_name',
  fn: 'function_name',
  system_name: 'system_name',
  system: 'system_name',
  binary: 'binary',
  mapping_file: 'binary',
  filename: 'filename',
  file: 'filename',
  file_name: 'filename',
  address: 'address',
  addr: 'address',
  line_number: 'line_number',
  line: 'line_number',
};

/** How a chip names each field. */
const FIELD_LABELS: Readonly<Record<FilterField, string>> = {
  function_name: 'function',
  system_name: 'system name',
  binary: 'binary',
  filename: 'file',
  address: 'address',
  line_number: 'line',
};

export class FilterSyntaxError extends Error {
  override readonly name = 'FilterSyntaxError';
}

export function isNegation(match: FilterMatch): boolean {
  return match.startsWith('not_');
}

/** Whether two filters ask the same thing. */
export function sameFilter(a: FrameFilter, b: FrameFilter): boolean {
  return a.field === b.field && a.match === b.match && a.value === b.value && (a.scope ?? 'stack') === (b.scope ?? 'stack');
}

/** Checks a filter given by a page: known field and match, a non-empty value. */
export function normalizeFilter(filter: FrameFilter): FrameFilter {
  const field = FIELD_WORDS[filter.field];
  const match = MATCH_WORDS[filter.match];
  if (!field) throw new FilterSyntaxError(`unknown filter field "${filter.field}": use ${FILTER_FIELDS.join(', ')}`);
  if (!match) throw new FilterSyntaxError(`unknown filter match "${filter.match}": use ${FILTER_MATCHES.join(', ')}`);
  let value = String(filter.value ?? '').trim();
  if (!value) throw new FilterSyntaxError('a filter needs a value');
  if (NUMERIC_FIELDS.has(field)) {
    if (match !== 'equal' && match !== 'not_equal') throw new FilterSyntaxError(`${FIELD_LABELS[field]} compares as a number: use equal or not_equal`);
    if (!/^(0x[0-9a-f]+|\d+)$/i.test(value)) throw new FilterSyntaxError(`${FIELD_LABELS[field]} "${value}" is not a number (write 4198816 or 0x4011a0)`);
    value = value.toLowerCase();
  }
  const scope: FilterScope = filter.scope === 'frame' ? 'frame' : 'stack';
  return Object.freeze({ field, match, value, scope });
}

/**
 * Parses the attribute form: filters separated by `;`, each `[frame:]field operator value`, where the operator
 * is `=`, `!=`, `~` (contains), `!~`, `^=` (starts with), `!^=` or one of the match names.
 * Example: `function_name ~ runtime; binary != libc.so.6; frame:binary = fib`.
 */
export function parseFilters(text: string | null | undefined): FrameFilter[] {
  if (!text?.trim()) return [];
  return text
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part !== '')
    .map(parseOne);
}

function parseOne(text: string): FrameFilter {
  let rest = text;
  let scope: FilterScope = 'stack';
  const scoped = /^(stack|frame):\s*/i.exec(rest);
  if (scoped) {
    scope = scoped[1]!.toLowerCase() as FilterScope;
    rest = rest.slice(scoped[0].length);
  }
  const match = /^([a-z_]+)\s*(!\^=|\^=|!=|==|=|!~|~|[a-z_-]+)\s*(.*)$/i.exec(rest);
  if (!match) throw new FilterSyntaxError(`"${text}" is not a filter: write e.g. "function_name ~ runtime"`);
  return normalizeFilter({ field: match[1]!.toLowerCase() as FilterField, match: match[2]!.toLowerCase() as FilterMatch, value: match[3]!, scope });
}

/** The attribute form of filters (what parseFilters reads back). */
export function formatFilters(filters: readonly FrameFilter[]): string {
  return filters.map((f) => `${f.scope === 'frame' ? 'frame:' : ''}${f.field} ${OPERATORS[f.match]} ${f.value}`).join('; ');
}

export function fieldLabel(field: FilterField): string {
  return FIELD_LABELS[field];
}

type FilterInit = MessageInitShape<typeof FilterSchema>;

/** One filter as Parca's Filter message. */
export function toFilterMessage(filter: FrameFilter): FilterInit {
  const criteria = NUMERIC_FIELDS.has(filter.field)
    ? { [CRITERIA[filter.field]]: { condition: { case: filter.match === 'equal' ? 'equal' : 'notEqual', value: BigInt(filter.value) } } }
    : { [CRITERIA[filter.field]]: { condition: { case: camel(filter.match), value: filter.value } } };
  return filter.scope === 'frame'
    ? { filter: { case: 'frameFilter', value: { filter: { case: 'criteria', value: criteria } } } }
    : { filter: { case: 'stackFilter', value: { filter: { case: 'criteria', value: criteria } } } };
}

/** FilterCriteria's field for each filter field. */
const CRITERIA = {
  function_name: 'functionName',
  system_name: 'systemName',
  binary: 'binary',
  filename: 'filename',
  address: 'address',
  line_number: 'lineNumber',
} as const;

function camel(match: FilterMatch) {
  switch (match) {
    case 'equal':
      return 'equal' as const;
    case 'not_equal':
      return 'notEqual' as const;
    case 'contains':
      return 'contains' as const;
    case 'not_contains':
      return 'notContains' as const;
    case 'starts_with':
      return 'startsWith' as const;
    case 'not_starts_with':
      return 'notStartsWith' as const;
  }
}

/** The share of the profile filters removed: filtered / (kept + filtered); 0 when nothing was there. */
export function filteredFraction(total: number, filtered: number): number {
  const whole = total + filtered;
  return whole > 0 ? filtered / whole : 0;
}
