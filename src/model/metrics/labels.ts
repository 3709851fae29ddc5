// Series identity: a label set in one canonical form, usable both as a map key and as a selector.

export interface SeriesLabel {
  readonly name: string;
  readonly value: string;
}

/** Sorted by name, so two orders of the same labels are the same set. */
export function sortLabels(labels: readonly SeriesLabel[]): SeriesLabel[] {
  return [...labels].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map(({ name, value }) => ({ name, value }));
}

function quote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

/**
 * The canonical key of a label set, `{instance="a",job="b"}`: also a Prometheus-style selector that matches
 * exactly those label values, so a point's series can be added to a query as matchers.
 */
export function labelSetKey(labels: readonly SeriesLabel[]): string {
  return `{${sortLabels(labels)
    .map((l) => `${l.name}=${quote(l.value)}`)
    .join(',')}}`;
}

/** The labels as a plain record, for events. */
export function labelsRecord(labels: readonly SeriesLabel[]): Readonly<Record<string, string>> {
  return Object.freeze(Object.fromEntries(labels.map((l) => [l.name, l.value])));
}

/** `job=fib, instance=host-a` for people. */
export function formatLabels(labels: readonly SeriesLabel[]): string {
  return labels.map((l) => `${l.name}=${l.value}`).join(', ');
}

/** Label names given as `a, b,c` (an attribute) as a clean list without blanks or repeats. */
export function parseLabelNames(text: string | null | undefined): string[] {
  return [
    ...new Set(
      (text ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
    ),
  ];
}

/**
 * A selector that matches what `selector` matches and only the series `labels`: the query's own matchers
 * followed by one equality matcher per label (`{job=~"f.*"}` + job=fib → `{job=~"f.*",job="fib"}`).
 */
export function selectorWithLabels(selector: string, labels: readonly SeriesLabel[]): string {
  const own = selector.trim().replace(/^\{/, '').replace(/\}$/, '').trim();
  const added = labelSetKey(labels).slice(1, -1);
  return `{${[own, added].filter((part) => part !== '').join(',')}}`;
}
