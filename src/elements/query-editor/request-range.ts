import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import type { ResolvedRange } from '../../model/time-range.js';

/** A window as the start and end of a request to Parca. */
export function requestRange({ startMs, endMs }: ResolvedRange) {
  return { start: timestampFromMs(startMs), end: timestampFromMs(endMs) };
}
