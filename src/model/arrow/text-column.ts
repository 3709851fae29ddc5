// String columns for models built rather than decoded (from pprof samples, for the sandwich and the function table).
import type { StringColumn } from './record.js';

/** A string column over plain texts, one per row (models built rather than decoded). */
export function textColumn(texts: readonly string[]): StringColumn {
  const text = (key: number) => texts[key] ?? '';
  return { keyCount: texts.length, key: (row) => (row >= 0 && row < texts.length ? row : -1), text, value: text };
}
