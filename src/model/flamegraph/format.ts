// Values as people read them: nanoseconds as durations, bytes as binary sizes, counts with k/M/G.

const TIME_UNITS: readonly [number, string][] = [
  [86_400e9, 'd'],
  [3_600e9, 'h'],
  [60e9, 'min'],
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const COUNT_UNITS = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** Three significant digits at most, no trailing zeros. */
function short(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return String(Number(value.toFixed(digits)));
}

export function formatDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0 s';
  const abs = Math.abs(nanoseconds);
  for (const [size, unit] of TIME_UNITS) {
    if (abs >= size) return `${short(nanoseconds / size)} ${unit}`;
  }
  return `${short(nanoseconds)} ns`;
}

function scaled(value: number, base: number, units: readonly string[]): [number, string] {
  let index = 0;
  let scaledValue = value;
  while (Math.abs(scaledValue) >= base && index < units.length - 1) {
    scaledValue /= base;
    index++;
  }
  // Rounding can carry into the next unit (1023.9 KiB shows as 1024 KiB otherwise).
  if (Math.abs(Number(short(scaledValue))) >= base && index < units.length - 1) {
    scaledValue /= base;
    index++;
  }
  return [scaledValue, units[index]!];
}

export function formatBytes(bytes: number): string {
  const [value, unit] = scaled(bytes, 1024, BYTE_UNITS);
  return `${short(value)} ${unit}`;
}

export function formatCount(count: number): string {
  if (Math.abs(count) < 1000) return String(Math.round(count * 100) / 100);
  const [value, unit] = scaled(count, 1000, COUNT_UNITS);
  return `${short(value)}${unit}`;
}

/** Formats `value` in the record's unit (`nanoseconds`, `bytes`, `count`, anything else as a count). */
export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case 'nanoseconds':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    default:
      return formatCount(value);
  }
}

/** `part` as a percentage of `whole`, with more precision for small shares; '0%' when `whole` is 0. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0)) return '0%';
  const percent = (part / whole) * 100;
  if (percent === 0) return '0%';
  if (percent < 0.01) return '<0.01%';
  return `${Number(percent.toFixed(percent < 10 ? 2 : 1))}%`;
}
