// `parca-elements/react`: a React component for each element, made with @lit/react. Props set the element's
// properties (objects such as `connection` and `query` included), `onParca…` props listen to its events, typed
// from the element's own event map. Importing this module registers the tags.
import { type EventName, createComponent } from '@lit/react';
import React from 'react';
import './define.js';
import { ParcaBreakdownElement } from './elements/breakdown/breakdown.js';
import { ParcaFlamechartElement } from './elements/flamechart/flamechart.js';
import { ParcaFlamegraphElement } from './elements/flamegraph/flamegraph.js';
import { ParcaMetricsElement } from './elements/metrics/metrics.js';
import { ParcaQueryEditorElement } from './elements/query-editor/query-editor.js';
import { ParcaSourceElement } from './elements/source/source.js';
import type {
  ParcaBreakdownEvents,
  ParcaFlamechartEvents,
  ParcaFlamegraphEvents,
  ParcaMetricsEvents,
  ParcaQueryEditorEvents,
  ParcaSourceEvents,
} from './events/event-maps.js';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** `parca-frame-select` → `onParcaFrameSelect`. */
export type EventProp<Name extends string> = `on${Capitalize<CamelCase<Name>>}`;

/** The `events` option of createComponent for an event map: one `onParca…` prop per event, typed with its class. */
export type EventProps<Events> = { [Name in keyof Events & string as EventProp<Name>]: EventName<Events[Name] & Event> };

/**
 * The event props of an element from its map's names. A Record with every key of the map, so an event added to
 * a map and missing here fails to compile.
 */
function eventProps<Events>(names: Record<keyof Events & string, true>): EventProps<Events> {
  const props: Record<string, string> = {};
  for (const name of Object.keys(names)) props[`on${name.replace(/(?:^|-)(\w)/g, (_, letter: string) => letter.toUpperCase())}`] = name;
  return props as EventProps<Events>;
}

/** `<parca-source>`: connects its children to one Parca server. */
export const ParcaSource = createComponent({
  react: React,
  tagName: 'parca-source',
  elementClass: ParcaSourceElement,
  displayName: 'ParcaSource',
  events: eventProps<ParcaSourceEvents>({ 'parca-source-change': true }),
});

/** `<parca-query-editor>`: profile type, selector, query kind and range. */
export const ParcaQueryEditor = createComponent({
  react: React,
  tagName: 'parca-query-editor',
  elementClass: ParcaQueryEditorElement,
  displayName: 'ParcaQueryEditor',
  events: eventProps<ParcaQueryEditorEvents>({
    'parca-query-submit': true,
    'parca-query-change': true,
    'parca-range-select': true,
    'parca-refresh-select': true,
    'parca-load': true,
    'parca-error': true,
  }),
});

/** `<parca-metrics>`: the values of a profile type over time. */
export const ParcaMetrics = createComponent({
  react: React,
  tagName: 'parca-metrics',
  elementClass: ParcaMetricsElement,
  displayName: 'ParcaMetrics',
  events: eventProps<ParcaMetricsEvents>({
    'parca-range-select': true,
    'parca-point-select': true,
    'parca-baseline-select': true,
    'parca-selector-select': true,
    'parca-load': true,
    'parca-error': true,
  }),
});

/** `<parca-flamegraph>`: a merged profile as a flame graph. */
export const ParcaFlamegraph = createComponent({
  react: React,
  tagName: 'parca-flamegraph',
  elementClass: ParcaFlamegraphElement,
  displayName: 'ParcaFlamegraph',
  events: eventProps<ParcaFlamegraphEvents>({
    'parca-frame-select': true,
    'parca-load': true,
    'parca-error': true,
    'parca-view-change': true,
    'parca-baseline-select': true,
    'parca-point-select': true,
    'parca-sandwich-select': true,
  }),
});

/** `<parca-breakdown>`: one mini chart per value of a label, with include and exclude. */
export const ParcaBreakdown = createComponent({
  react: React,
  tagName: 'parca-breakdown',
  elementClass: ParcaBreakdownElement,
  displayName: 'ParcaBreakdown',
  events: eventProps<ParcaBreakdownEvents>({
    'parca-selector-select': true,
    'parca-load': true,
    'parca-error': true,
  }),
});

/** `<parca-flamechart>`: the stacks over time, zoomable, sharing the picked function. */
export const ParcaFlamechart = createComponent({
  react: React,
  tagName: 'parca-flamechart',
  elementClass: ParcaFlamechartElement,
  displayName: 'ParcaFlamechart',
  events: eventProps<ParcaFlamechartEvents>({
    'parca-load': true,
    'parca-error': true,
    'parca-view-change': true,
    'parca-range-select': true,
  }),
});
