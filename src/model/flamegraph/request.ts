// The flame graph's QueryRequest from what the element shows: the profile window, and the analysis options
// (invert, group by, filters, diff baseline). Pure: no network, no DOM.
import type { MessageInitShape } from '@bufbuild/protobuf';
import { timestampFromMs } from '@bufbuild/protobuf/wkt';
import { ProfileDiffSelection_Mode, QueryRequest_Mode, QueryRequest_ReportType, type QueryRequestSchema } from '../../gen/parca/query/v1alpha1/query_pb.js';
import { type FrameFilter, toFilterMessage } from './filters.js';

export type QueryRequestInit = MessageInitShape<typeof QueryRequestSchema>;

/** What one merged profile covers: a query string (`type{selector}`) over [startMs, endMs]. */
export interface ProfileWindow {
  readonly query: string;
  readonly startMs: number;
  readonly endMs: number;
}

export interface AnalysisOptions {
  /** Bottom-up call stacks (Parca's invert_call_stack). */
  readonly invert: boolean;
  /** Parca group-by field names (see parseGroupBy). */
  readonly groupBy: readonly string[];
  readonly filters: readonly FrameFilter[];
  /** Filter presets by key (filter-presets.ts), applied before `filters`; expanded into filters before a request is built. */
  readonly presets?: readonly string[] | undefined;
  /** The baseline of a diff: when set, the request compares it (a) with the shown window (b). */
  readonly baseline?: ProfileWindow | undefined;
  /** A diff in absolute values; by default Parca scales the smaller side so totals match (relative). */
  readonly absolute: boolean;
}

/**
 * Group-by fields Parca v0.28.0 accepts, by the names a page may write. Anything `labels.<name>` groups by a
 * pprof label; Parca always groups by function name as well.
 */
const GROUP_BY_ALIASES: Readonly<Record<string, string>> = {
  function_name: 'function_name',
  function: 'function_name',
  binary: 'mapping_file',
  mapping_file: 'mapping_file',
  filename: 'function_file_name',
  file: 'function_file_name',
  function_file_name: 'function_file_name',
  address: 'location_address',
  location_address: 'location_address',
};

/** The server's name for a group-by field, or undefined when Parca does not accept it. */
export function groupByField(name: string): string | undefined {
  const trimmed = name.trim();
  const label = /^(?:labels?\.|label:)([A-Za-z_][A-Za-z0-9_]*)$/.exec(trimmed);
  if (label) return `labels.${label[1]}`;
  return GROUP_BY_ALIASES[trimmed.toLowerCase()];
}

/** Parses `function_name, binary, labels.api` into server field names; unknown names are reported, not sent. */
export function parseGroupBy(text: string | readonly string[] | null | undefined): { fields: string[]; unknown: string[] } {
  const names = typeof text === 'string' ? text.split(/[,\s]+/) : [...(text ?? [])];
  const fields: string[] = [];
  const unknown: string[] = [];
  for (const name of names) {
    if (!name.trim()) continue;
    const field = groupByField(name);
    if (!field) unknown.push(name.trim());
    else if (!fields.includes(field)) fields.push(field);
  }
  return { fields, unknown };
}

/** The label names among group-by fields (`labels.api` → `api`). */
export function groupByLabels(fields: readonly string[]): string[] {
  return fields.filter((f) => f.startsWith('labels.')).map((f) => f.slice('labels.'.length));
}

function merge(window: ProfileWindow) {
  return { query: window.query, start: timestampFromMs(window.startMs), end: timestampFromMs(window.endMs) };
}

/** The request for `reportType` over `window` with the analysis options. */
export function buildQueryRequest(window: ProfileWindow, options: AnalysisOptions, reportType: QueryRequest_ReportType, trimPercent?: number): QueryRequestInit {
  const common: QueryRequestInit = {
    reportType,
    ...(trimPercent !== undefined && reportType === QueryRequest_ReportType.FLAMEGRAPH_ARROW ? { nodeTrimThreshold: trimPercent } : {}),
    ...(options.invert ? { invertCallStack: true } : {}),
    ...(options.groupBy.length ? { groupBy: { fields: [...options.groupBy] } } : {}),
    filter: options.filters.map(toFilterMessage),
  };
  if (options.baseline) {
    return {
      ...common,
      mode: QueryRequest_Mode.DIFF,
      options: {
        case: 'diff',
        value: {
          a: { mode: ProfileDiffSelection_Mode.MERGE, options: { case: 'merge', value: merge(options.baseline) } },
          b: { mode: ProfileDiffSelection_Mode.MERGE, options: { case: 'merge', value: merge(window) } },
          ...(options.absolute ? { absolute: true } : {}),
        },
      },
    };
  }
  return { ...common, mode: QueryRequest_Mode.MERGE, options: { case: 'merge', value: merge(window) } };
}
