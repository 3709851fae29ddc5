// Profile types as people choose them: grouped by profile name, with readable labels, in a stable order
// whatever order the server lists them in.
import { type ProfileTypeParts, formatProfileTypeId, parseProfileTypeId } from './profile-type.js';

export interface ProfileTypeOption {
  /** The full id, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta`. */
  readonly id: string;
  readonly parts: ProfileTypeParts;
  /** "CPU — cpu (nanoseconds), delta". */
  readonly label: string;
  /** The label without the group: "cpu (nanoseconds), delta". */
  readonly shortLabel: string;
  /** True when the type was asked for but the server has no data for it in the range. */
  readonly missing: boolean;
}

export interface ProfileTypeGroup {
  /** The profile name (`process_cpu`). */
  readonly name: string;
  /** Its readable form ("CPU"). */
  readonly label: string;
  readonly options: readonly ProfileTypeOption[];
}

/** Readable names of the profiles Parca and its agents commonly write, in the order they are listed. */
const KNOWN_NAMES: readonly (readonly [string, string])[] = [
  ['parca_agent', 'On-CPU'],
  ['parca_agent_cpu', 'On-CPU'],
  ['process_cpu', 'CPU'],
  ['memory', 'Memory'],
  ['parca_agent_memory', 'Memory'],
  ['goroutine', 'Goroutines'],
  ['block', 'Block contention'],
  ['mutex', 'Mutex contention'],
  ['fgprof', 'Wall clock'],
  ['wallclock', 'Wall clock'],
];
const KNOWN_LABEL = new Map(KNOWN_NAMES);
const KNOWN_RANK = new Map(KNOWN_NAMES.map(([name], i) => [name, i]));

/** "CPU" for process_cpu; unknown names are made readable (`my_app_heap` → "My app heap"). */
export function profileNameLabel(name: string): string {
  const known = KNOWN_LABEL.get(name);
  if (known) return known;
  const words = name.replace(/[_:.-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : name;
}

/** "cpu (nanoseconds), delta" / "inuse_space (bytes)". */
export function profileTypeShortLabel(parts: ProfileTypeParts): string {
  return `${parts.sampleType} (${parts.sampleUnit})${parts.delta ? ', delta' : ''}`;
}

/** "CPU — cpu (nanoseconds), delta" / "Memory — inuse_space (bytes)". */
export function profileTypeLabel(parts: ProfileTypeParts): string {
  return `${profileNameLabel(parts.name)} — ${profileTypeShortLabel(parts)}`;
}

export function profileTypeOption(parts: ProfileTypeParts, missing = false): ProfileTypeOption {
  const plain: ProfileTypeParts = {
    name: parts.name,
    sampleType: parts.sampleType,
    sampleUnit: parts.sampleUnit,
    periodType: parts.periodType,
    periodUnit: parts.periodUnit,
    delta: parts.delta,
  };
  return { id: formatProfileTypeId(plain), parts: plain, label: profileTypeLabel(plain), shortLabel: profileTypeShortLabel(plain), missing };
}

function compareNames(a: string, b: string): number {
  const ra = KNOWN_RANK.get(a) ?? Number.MAX_SAFE_INTEGER;
  const rb = KNOWN_RANK.get(b) ?? Number.MAX_SAFE_INTEGER;
  return ra - rb || (a < b ? -1 : a > b ? 1 : 0);
}

function compareOptions(a: ProfileTypeOption, b: ProfileTypeOption): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Groups types by profile name: known names first in a fixed order, then the others alphabetically; inside a
 * group by id. Duplicates are dropped. Accepts ProfileType messages as they come from the server.
 */
export function groupProfileTypes(types: Iterable<ProfileTypeParts>): ProfileTypeGroup[] {
  const byName = new Map<string, Map<string, ProfileTypeOption>>();
  for (const type of types) {
    const option = profileTypeOption(type);
    let group = byName.get(type.name);
    if (!group) byName.set(type.name, (group = new Map<string, ProfileTypeOption>()));
    group.set(option.id, option);
  }
  return [...byName.keys()].sort(compareNames).map((name) => ({
    name,
    label: profileNameLabel(name),
    options: [...byName.get(name)!.values()].sort(compareOptions),
  }));
}

/** Every option of the groups, in order. */
export function profileTypeOptions(groups: readonly ProfileTypeGroup[]): ProfileTypeOption[] {
  return groups.flatMap((group) => group.options);
}

/**
 * Keeps a chosen type that the range has no data for: it is added to its group (or a new one), marked
 * missing, so the choice stays visible instead of silently disappearing. Ids that do not parse are ignored.
 */
export function withChosenProfileType(groups: readonly ProfileTypeGroup[], id: string): ProfileTypeGroup[] {
  if (!id || profileTypeOptions(groups).some((option) => option.id === id)) return [...groups];
  let parts: ProfileTypeParts;
  try {
    parts = parseProfileTypeId(id);
  } catch {
    return [...groups];
  }
  const missing = profileTypeOption(parts, true);
  const existing = groups.find((group) => group.name === parts.name);
  if (existing) {
    return groups.map((group) => (group === existing ? { ...group, options: [...group.options, missing].sort(compareOptions) } : group));
  }
  return [...groups, { name: parts.name, label: profileNameLabel(parts.name), options: [missing] }].sort((a, b) => compareNames(a.name, b.name));
}

/**
 * The groups with only the options whose label or id contains every word of `query` (case-insensitive);
 * `keep` (the chosen id) always stays. Empty groups are dropped.
 */
export function filterProfileTypeGroups(groups: readonly ProfileTypeGroup[], query: string, keep = ''): ProfileTypeGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...groups];
  const matches = (option: ProfileTypeOption) => {
    const haystack = `${option.label} ${option.id}`.toLowerCase();
    return option.id === keep || words.every((word) => haystack.includes(word));
  };
  return groups.map((group) => ({ ...group, options: group.options.filter(matches) })).filter((group) => group.options.length > 0);
}
