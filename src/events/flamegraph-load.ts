import { ParcaLoadEvent } from './load.js';

/**
 * `parca-load` from a flame graph, with what arrived and where the time went: `durationMs` from the request's
 * start to the data applied = `fetchMs` (server and transfer) + `decodeMs` + the rest (retries, scheduling).
 * `sentAt` is when the request left (performance.now(), so a page can tell how long it waited for it).
 */
export class ParcaFlamegraphLoadEvent extends ParcaLoadEvent {
  constructor(
    sourceName: string | undefined,
    durationMs: number,
    /** The response's total value (the root's cumulative value). */
    readonly total: number,
    /** Value Parca trimmed away as too small to show. */
    readonly trimmed: number,
    readonly nodeCount: number,
    readonly decodeMs: number,
    /** From the request leaving to the whole answer arrived (0 for a saved record). */
    readonly fetchMs = 0,
    /** When the request left, as performance.now() (NaN for a saved record). */
    readonly sentAt = Number.NaN,
  ) {
    super(sourceName, durationMs);
  }
}
