import { ParcaLoadEvent } from './load.js';

/** `parca-load` from a flame graph, with what arrived: sizes and how long decoding took. */
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
  ) {
    super(sourceName, durationMs);
  }
}
