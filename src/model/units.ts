// Values as people read them, one formatter for every view: durations from nanoseconds, bytes in binary
// multiples, counts with SI suffixes, per-second rates (CPU time per second as cores), and shares in percent.
// Negative values (delta profiles can shrink) keep their sign, written with a true minus.

/** Three significant digits, whole numbers from 100 up (1023 B, not 1.02 kB), no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  const text = abs >= 100 ? String(Math.round(abs)) : String(Number(abs.toPrecision(3)));
  return value < 0 && text !== '0' ? `−${text}` : text;
}

const DURATIONS: readonly (readonly [number, string])[] = [
  [86_400e9, 'd'],
  [3_600e9, 'h'],
  [60e9, 'min'],
  [1e9, 's'],
  [1e6, 'ms'],
  [1e3, 'µs'],
  [1, 'ns'],
];
const BYTES = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const SI = ['', 'k', 'M', 'G', 'T', 'P', 'E'];

/** Divides by `base` until below it; a value that rounds up to `base` (1023.9 KiB) moves to the next unit too. */
function scaled(value: number, base: number, units: readonly string[]): [number, string] {
  let v = value;
  let i = 0;
  while (i < units.length - 1 && (Math.abs(v) >= base || Math.abs(Number(formatNumber(Math.abs(v)))) >= base)) {
    v /= base;
    i++;
  }
  return [v, units[i]!];
}

export function formatDuration(nanoseconds: number): string {
  if (nanoseconds === 0) return '0 s';
  const abs = Math.abs(nanoseconds);
  for (const [size, unit] of DURATIONS) if (abs >= size) return `${formatNumber(nanoseconds / size)} ${unit}`;
  return `${formatNumber(nanoseconds)} ns`;
}

export function formatBytes(bytes: number): string {
  const [value, unit] = scaled(bytes, 1024, BYTES);
  return `${formatNumber(value)} ${unit}`;
}

export function formatCount(count: number): string {
  const [value, unit] = scaled(count, 1000, SI);
  return `${formatNumber(value)}${unit}`;
}

/** A value in a profile's sample unit (`nanoseconds`, `bytes`, `count`; anything else as a count). */
export function formatValue(value: number, unit: string): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit) {
    case 'nanoseconds':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    default:
      return formatCount(value);
  }
}

/** `part` as a percentage of `whole`, with more precision for small shares; '0%' when `whole` is not positive. */
export function formatPercent(part: number, whole: number): string {
  if (!(whole > 0) || !Number.isFinite(part)) return '0%';
  const percent = (part / whole) * 100;
  if (percent === 0) return '0%';
  const sign = percent < 0 ? '−' : '';
  const abs = Math.abs(percent);
  if (abs < 0.01) return `${percent < 0 ? '>−' : '<'}0.01%`;
  return `${sign}${Number(abs.toFixed(abs < 10 ? 2 : 1))}%`;
}

export type MetricUnitKind = 'cores' | 'duration-per-second' | 'bytes-per-second' | 'count-per-second' | 'per-second' | 'duration' | 'bytes' | 'count' | 'other';

/** What a metrics chart plots in. */
export interface MetricUnit {
  readonly kind: MetricUnitKind;
  /** The profile's sample unit as Parca names it (`nanoseconds`, `bytes`, `count`, ...). */
  readonly sampleUnit: string;
  /** A short name for the axis and the table header: `cores`, `bytes/s`, `count`. */
  readonly label: string;
}

/**
 * The unit of values of type `sampleType` in `sampleUnit`, per second (`perSecond`, delta types) or as raw
 * totals. Parca already divides CPU nanoseconds by nanoseconds of duration, so `cpu`/`nanoseconds` per second
 * arrives in cores; every other per-second value arrives per second.
 */
export function metricUnit(sampleUnit: string, perSecond: boolean, sampleType = ''): MetricUnit {
  const unit = sampleUnit.toLowerCase();
  if (perSecond) {
    if (unit === 'nanoseconds' && sampleType === 'cpu') return { kind: 'cores', sampleUnit, label: 'cores' };
    if (unit === 'nanoseconds') return { kind: 'duration-per-second', sampleUnit, label: 'time/s' };
    if (unit === 'bytes') return { kind: 'bytes-per-second', sampleUnit, label: 'bytes/s' };
    if (unit === 'count' || unit === '') return { kind: 'count-per-second', sampleUnit, label: 'count/s' };
    return { kind: 'per-second', sampleUnit, label: `${sampleUnit}/s` };
  }
  if (unit === 'nanoseconds') return { kind: 'duration', sampleUnit, label: 'time' };
  if (unit === 'bytes') return { kind: 'bytes', sampleUnit, label: 'bytes' };
  if (unit === 'count' || unit === '') return { kind: 'count', sampleUnit, label: 'count' };
  return { kind: 'other', sampleUnit, label: sampleUnit };
}

/** A value as Parca sends it for a chart (cores, bytes per second, counts...), formatted in `unit`. */
export function formatMetricValue(value: number, unit: MetricUnit): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit.kind) {
    case 'cores':
      return `${formatNumber(value)} ${value === 1 ? 'core' : 'cores'}`;
    case 'duration-per-second':
      return `${formatDuration(value)}/s`;
    case 'bytes-per-second':
      return `${formatBytes(value)}/s`;
    case 'count-per-second':
      return `${formatCount(value)}/s`;
    case 'per-second':
      return `${formatNumber(value)} ${unit.label}`;
    case 'other':
      return `${formatNumber(value)} ${unit.sampleUnit}`;
    case 'duration':
      return formatDuration(value);
    case 'bytes':
      return formatBytes(value);
    case 'count':
      return formatCount(value);
  }
}

/** A duration given in milliseconds, for tooltips: `10 s`, `1.5 min`. */
export function formatDurationMs(ms: number): string {
  return Number.isFinite(ms) ? formatDuration(ms * 1e6) : '–';
}
