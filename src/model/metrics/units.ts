// The unit a metrics chart plots in, and values formatted in it: CPU time per second as cores, bytes in
// binary multiples, counts with SI suffixes, durations in the largest unit that keeps them readable.

export type MetricUnitKind =
  | 'cores'
  | 'duration-per-second'
  | 'bytes-per-second'
  | 'count-per-second'
  | 'per-second'
  | 'duration'
  | 'bytes'
  | 'count'
  | 'other';

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

const BINARY = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB'];
const SI = ['', 'k', 'M', 'G', 'T', 'P', 'E'];
/** Duration units from nanoseconds up, with how many of the previous each holds. */
const DURATIONS: ReadonlyArray<readonly [string, number]> = [
  ['ns', 1],
  ['µs', 1000],
  ['ms', 1000],
  ['s', 1000],
  ['min', 60],
  ['h', 60],
  ['d', 24],
];

const formatters = new Map<string, Intl.NumberFormat>();

/** A number with at most `digits` significant digits (default 3), grouped for `locale`. */
export function formatNumber(value: number, locale = 'en-US', digits = 3): string {
  const key = `${locale}|${digits}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { maximumSignificantDigits: digits });
    formatters.set(key, format);
  }
  return format.format(value);
}

/** Divides `value` by `base` until it is below `base` or the units run out. */
function scaled(value: number, base: number, units: readonly string[]): [number, string] {
  let v = Math.abs(value);
  let i = 0;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  return [Math.sign(value) * v, units[i]!];
}

function formatDuration(nanoseconds: number, locale: string): string {
  let v = Math.abs(nanoseconds);
  let unit = DURATIONS[0]![0];
  for (let i = 1; i < DURATIONS.length; i++) {
    const [name, factor] = DURATIONS[i]!;
    if (v < factor) break;
    v /= factor;
    unit = name;
  }
  return `${formatNumber(Math.sign(nanoseconds) * v, locale)} ${unit}`;
}

/** `value` as Parca sends it (cores, bytes per second, counts...) formatted in `unit`. */
export function formatValue(value: number, unit: MetricUnit, locale = 'en-US'): string {
  if (!Number.isFinite(value)) return '–';
  switch (unit.kind) {
    case 'cores':
      return `${formatNumber(value, locale)} ${value === 1 ? 'core' : 'cores'}`;
    case 'duration-per-second':
      return `${formatDuration(value, locale)}/s`;
    case 'bytes-per-second':
    case 'bytes': {
      const [v, name] = scaled(value, 1024, BINARY);
      return `${formatNumber(v, locale)} ${name}${unit.kind === 'bytes-per-second' ? '/s' : ''}`;
    }
    case 'count-per-second':
    case 'count': {
      const [v, name] = scaled(value, 1000, SI);
      return `${formatNumber(v, locale)}${name}${unit.kind === 'count-per-second' ? '/s' : ''}`;
    }
    case 'duration':
      return formatDuration(value, locale);
    case 'per-second':
      return `${formatNumber(value, locale)} ${unit.label}`;
    case 'other':
      return `${formatNumber(value, locale)} ${unit.sampleUnit}`;
  }
}

/** A duration given in milliseconds, for tooltips: `10 s`, `1.5 min`. */
export function formatDurationMs(ms: number, locale = 'en-US'): string {
  return Number.isFinite(ms) ? formatDuration(ms * 1e6, locale) : '–';
}
