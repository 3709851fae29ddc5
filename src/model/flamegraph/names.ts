// The names a person reads for the rows of a flame graph model: a frame's name, and a path's last part.
import type { FlamegraphModel } from './decode.js';

/** What a person reads as a frame's name: the function, else the binary and address, else a placeholder. */
export function frameName(model: FlamegraphModel, row: number): string {
  if (row === 0) return 'root';
  const name = model.functionName.value(row);
  if (name) return name;
  if (model.labelsOnly[row]) {
    const parts: string[] = [];
    for (const [label, column] of model.labels) {
      const value = column.value(row);
      if (value) parts.push(`${label}="${value}"`);
    }
    return parts.length ? parts.join(', ') : 'labels';
  }
  const address = model.locationAddress.big(row);
  const binary = baseName(model.mappingFile.value(row));
  if (address !== undefined && address !== 0n) return `${binary ? `${binary} ` : ''}0x${address.toString(16)}`;
  return binary || '<unknown>';
}

export function baseName(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash >= 0 ? path.slice(slash + 1) : path;
}
