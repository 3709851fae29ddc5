import type { CompareMode } from '../model/compare/compare.js';
import type { QueryState } from '../model/query-state.js';

/** What made a compare element change: a mode picked, a preset, a swap, the shared y-axis switched, or the page's history moving. */
export type CompareChangeCause = 'mode' | 'preset' | 'swap' | 'shared-y' | 'history';

/**
 * A user changed what a `<parca-compare>` shows: picked a mode (diff, A alone, B alone), applied a preset (A set to
 * B's query earlier), swapped A and B, switched the shared y-axis, or went back or forward. `baseline` and `comparison` are the two sources'
 * queries once they applied it (the sources fire no `parca-source-change` for what the compare element sets).
 * Fired too by the element's `applyPreset()` and `swap()` (a page's own control may call them); not when code sets
 * `mode`.
 */
export class ParcaCompareChangeEvent extends Event {
  static readonly eventName = 'parca-compare-change' as const;
  constructor(
    readonly mode: CompareMode,
    readonly cause: CompareChangeCause,
    readonly baseline: QueryState | undefined,
    readonly comparison: QueryState | undefined,
    /** The preset's key (`1h`, `1d`, `1w`) when `cause` is `preset`. */
    readonly preset?: string,
  ) {
    super(ParcaCompareChangeEvent.eventName, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    [ParcaCompareChangeEvent.eventName]: ParcaCompareChangeEvent;
  }
}
