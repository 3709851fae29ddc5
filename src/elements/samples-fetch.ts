// The query's samples as Parca's pprof answer (or a saved pprof file), for the views that count per function: the
// function table and the sandwich. Apart from the flame graph's own requests (fetch.ts), so that a page showing only
// a flame graph does not load it.
import type { ParcaConnection } from '../client/connection.js';
import { ParcaError } from '../client/errors.js';
import { QueryRequest_ReportType } from '../gen/parca/query/v1alpha1/query_pb.js';
import type { FlamegraphOptions } from '../model/flamegraph/options.js';
import { type AnalysisOptions, type ProfileWindow, buildQueryRequest } from '../model/flamegraph/request.js';
import type { ProfileSamples } from '../model/pprof/views.js';
import { parseProfileTypeId } from '../model/profile-type.js';
import type { QueryState } from '../model/query-state.js';
import { isNoData, resolveOptions, windowOf, withPresets } from './flamegraph/fetch.js';

/** The options the samples behind the table and the sandwich depend on: filters and the baseline, not the layout. */
export function samplesOptions(options: FlamegraphOptions): FlamegraphOptions {
  const { filters, presets, baseline, absolute } = options;
  return Object.freeze({ invert: false, groupBy: [], filters, presets, absolute, ...(baseline ? { baseline } : {}) });
}

/**
 * The query's samples, for figures per function (the function table, the sandwich): Parca's pprof answer, read
 * here, since Parca's own table counts a recursive function once per occurrence and its flame graphs leave out
 * frames of zero or less.
 */
export interface ProfileData {
  readonly samples: ProfileSamples;
  /** The module loaded for them. */
  readonly views: SampleViews;
  readonly unit: string;
  /** The sum of the comparison's (or the only) samples. */
  readonly total: number;
  readonly isDiff: boolean;
}

type SampleViews = typeof import('../model/pprof/views.js');

/** The pprof samples of one window with the filters, decoded. */
async function samplesOf(views: SampleViews, connection: ParcaConnection, window: ProfileWindow, filters: AnalysisOptions['filters'], signal: AbortSignal) {
  const request = buildQueryRequest(window, { invert: false, groupBy: [], filters, absolute: false }, QueryRequest_ReportType.PPROF);
  let bytes: unknown;
  try {
    bytes = (await connection.query(request, { signal })).report.value;
  } catch (error) {
    if (isNoData(error)) return views.decodePprof(new Uint8Array(0));
    throw error;
  }
  if (!(bytes instanceof Uint8Array)) throw new ParcaError('decode', 'Parca answered without a pprof report.');
  try {
    return views.decodePprof(await views.gunzipIfNeeded(bytes));
  } catch (error) {
    throw new ParcaError('decode', (error as Error).message);
  }
}

/** The query's samples (and a baseline's) for the function table and the sandwich. */
export async function fetchProfile(connection: ParcaConnection, query: QueryState, options: FlamegraphOptions, signal: AbortSignal): Promise<ProfileData> {
  const analysis = await withPresets(resolveOptions(query, options));
  // Loaded on first use: pages that never show the table or a sandwich never download it.
  const views = await import('../model/pprof/views.js');
  const [profile, baseline] = await Promise.all([
    samplesOf(views, connection, windowOf(query), analysis.filters, signal),
    analysis.baseline ? samplesOf(views, connection, analysis.baseline, analysis.filters, signal) : undefined,
  ]);
  const total = views.profileTotal(profile);
  const unit = profile.sampleTypes[0]?.unit || parseProfileTypeId(query.profileType).sampleUnit;
  // A relative diff scales the baseline to the comparison's total, as the flame graph's diff does.
  const baseTotal = baseline ? views.profileTotal(baseline) : 0;
  const scale = analysis.absolute || baseTotal === 0 ? 1 : total / baseTotal;
  return { samples: new views.ProfileSamples(profile, baseline && { profile: baseline, scale }), views, unit, total, isDiff: !!baseline };
}

/** A saved pprof profile (gzip-compressed or not) read as the query's samples would be, for a page with no server. */
export async function savedProfile(bytes: Uint8Array): Promise<ProfileData> {
  const views = await import('../model/pprof/views.js');
  let profile: Awaited<ReturnType<typeof views.decodePprof>>;
  try {
    profile = views.decodePprof(await views.gunzipIfNeeded(bytes));
  } catch (error) {
    throw new ParcaError('decode', `The pprof profile could not be read: ${(error as Error).message}`);
  }
  const unit = profile.sampleTypes[0]?.unit || 'count';
  return { samples: new views.ProfileSamples(profile, undefined), views, unit, total: views.profileTotal(profile), isDiff: false };
}
