// Which events each element fires, with that element's own event classes. GlobalEventHandlersEventMap can name
// one class per event name only, so `parca-load` there is the base ParcaLoadEvent; an element's listener methods
// are typed from its own map instead (see ListenerMethods), so a flame graph's `parca-load` listener gets
// ParcaFlamegraphLoadEvent without a cast. Type-only: nothing here exists at run time.
import type { ParcaBaselineSelectEvent } from './baseline-select.js';
import type { ParcaCompareChangeEvent } from './compare-change.js';
import type { ParcaErrorEvent } from './error.js';
import type { ParcaFlamegraphLoadEvent } from './flamegraph-load.js';
import type { ParcaFrameSelectEvent } from './frame-select.js';
import type { ParcaLoadEvent } from './load.js';
import type { ParcaPointSelectEvent } from './point-select.js';
import type { ParcaQueryChangeEvent } from './query-change.js';
import type { ParcaQuerySubmitEvent } from './query-submit.js';
import type { ParcaRangeSelectEvent } from './range-select.js';
import type { ParcaRefreshSelectEvent } from './refresh-select.js';
import type { ParcaSandwichSelectEvent } from './sandwich-select.js';
import type { ParcaSelectorSelectEvent } from './selector-select.js';
import type { ParcaSourceChangeEvent } from './source-change.js';
import type { ParcaViewChangeEvent } from './view-change.js';

/** The events `<parca-source>` fires itself (its elements' events bubble through it too). */
export interface ParcaSourceEvents {
  'parca-source-change': ParcaSourceChangeEvent;
}

/** The events `<parca-query-editor>` fires. */
export interface ParcaQueryEditorEvents {
  'parca-query-submit': ParcaQuerySubmitEvent;
  'parca-query-change': ParcaQueryChangeEvent;
  'parca-range-select': ParcaRangeSelectEvent;
  'parca-refresh-select': ParcaRefreshSelectEvent;
  'parca-load': ParcaLoadEvent;
  'parca-error': ParcaErrorEvent;
}

/** The events `<parca-metrics>` fires. */
export interface ParcaMetricsEvents {
  'parca-range-select': ParcaRangeSelectEvent;
  'parca-point-select': ParcaPointSelectEvent;
  'parca-baseline-select': ParcaBaselineSelectEvent;
  'parca-selector-select': ParcaSelectorSelectEvent;
  'parca-load': ParcaLoadEvent;
  'parca-error': ParcaErrorEvent;
}

/** The events `<parca-flamegraph>` fires; its `parca-load` carries the graph's sizes. */
export interface ParcaFlamegraphEvents {
  'parca-frame-select': ParcaFrameSelectEvent;
  'parca-load': ParcaFlamegraphLoadEvent;
  'parca-error': ParcaErrorEvent;
  'parca-view-change': ParcaViewChangeEvent;
  'parca-baseline-select': ParcaBaselineSelectEvent;
  'parca-point-select': ParcaPointSelectEvent;
  'parca-sandwich-select': ParcaSandwichSelectEvent;
}

/** The events `<parca-function-table>` fires. */
export interface ParcaFunctionTableEvents {
  'parca-load': ParcaLoadEvent;
  'parca-error': ParcaErrorEvent;
  'parca-view-change': ParcaViewChangeEvent;
}

/** The events `<parca-sandwich>` fires. */
export interface ParcaSandwichEvents {
  'parca-load': ParcaLoadEvent;
  'parca-error': ParcaErrorEvent;
  'parca-view-change': ParcaViewChangeEvent;
}

/** The events `<parca-calltree>` fires; its `parca-load` carries the graph's sizes. */
export interface ParcaCalltreeEvents {
  'parca-load': ParcaFlamegraphLoadEvent;
  'parca-error': ParcaErrorEvent;
  'parca-view-change': ParcaViewChangeEvent;
}

/** The events `<parca-flamechart>` fires; its `parca-load` carries the chart's sizes. */
export interface ParcaFlamechartEvents {
  'parca-load': ParcaFlamegraphLoadEvent;
  'parca-error': ParcaErrorEvent;
  'parca-view-change': ParcaViewChangeEvent;
  'parca-range-select': ParcaRangeSelectEvent;
}

/** The events `<parca-breakdown>` fires. */
export interface ParcaBreakdownEvents {
  'parca-selector-select': ParcaSelectorSelectEvent;
  'parca-load': ParcaLoadEvent;
  'parca-error': ParcaErrorEvent;
}

/** The events `<parca-compare>` fires. */
export interface ParcaCompareEvents {
  'parca-compare-change': ParcaCompareChangeEvent;
}

/** An element's own events over the DOM's: its classes win where both name an event. */
export type ElementEventMap<Own> = Own & Omit<HTMLElementEventMap, keyof Own>;

/**
 * `addEventListener` and `removeEventListener` typed from an element's own events. An element class merges these
 * in as properties (an interface extending this one would clash with the inherited methods).
 */
export interface ListenerMethods<Own, Target> {
  addEventListener<K extends keyof ElementEventMap<Own>>(
    type: K,
    listener: (this: Target, event: ElementEventMap<Own>[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof ElementEventMap<Own>>(
    type: K,
    listener: (this: Target, event: ElementEventMap<Own>[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
}
