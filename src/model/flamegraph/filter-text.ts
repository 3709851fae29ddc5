// How filters read to a person, in the analysis controls' chips and menus (loaded with them, on demand).
import { type FilterMatch, type FrameFilter, fieldLabel } from './filters.js';

const LABELS: Readonly<Record<FilterMatch, string>> = {
  equal: 'is',
  not_equal: 'is not',
  contains: 'contains',
  not_contains: 'does not contain',
  starts_with: 'starts with',
  not_starts_with: 'does not start with',
};

/** How a chip reads: `function name contains "runtime"`, `frames: binary is "fib"`. */
export function describeFilter(filter: FrameFilter): string {
  return `${filter.scope === 'frame' ? 'only frames whose ' : ''}${fieldLabel(filter.field)} ${LABELS[filter.match]} "${filter.value}"`;
}

export function matchLabel(match: FilterMatch): string {
  return LABELS[match];
}
