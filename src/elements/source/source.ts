import { ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { type ParcaConnection, createConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { type SourceState, sourceContext } from '../../context/source-context.js';
import { addressedTo, markSource } from '../../context/source-rule.js';
import { RefreshController } from '../../controllers/refresh-controller.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaQuerySubmitEvent } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaRefreshSelectEvent } from '../../events/refresh-select.js';
import type { ParcaSelectorSelectEvent } from '../../events/selector-select.js';
import { ParcaSourceChangeEvent, type SourceChangeCause } from '../../events/source-change.js';
import { ParcaViewChangeEvent } from '../../events/view-change.js';
import { type Clock, systemClock } from '../../model/clock.js';
import type { FlamegraphView } from '../../model/flamegraph/view-state.js';
import {
  DEFAULT_RANGE,
  type PointSelection,
  type QueryKind,
  type QueryState,
  createQueryState,
  isQueryKind,
  isRelativeRange,
  refreshQuery,
  sameSumBy,
  withQuery,
} from '../../model/query-state.js';
import { parseRefreshInterval } from '../../model/refresh.js';
import { type TimeRange, formatTimeBound, parseTimeRange, sameRange } from '../../model/time-range.js';
import { DEV, devWarn } from '../../dev.js';
import { warnUnlessOneOf } from '../dev-checks.js';
import { UrlSync } from './url-sync.js';

const DEFAULT_FROM = 'now-1h';
const DEFAULT_TO = 'now';
const CREDENTIALS: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/**
 * The connection to a Parca server and the query its elements share. Renders nothing but its slot.
 *
 * Elements inside it use it; elements elsewhere name it with `source="<id>"`; elements under no source use
 * the page's `default` source. When one of its elements submits a query or selects a range, it applies the
 * change, provides the new state to every element, and fires `parca-source-change`. A chart's series action
 * (`parca-selector-select`: only or exclude a series) is run as a query unless a listener prevents its default.
 *
 * Each time it applies a query (Run, a range, a refresh, a link restored) it resolves a relative range once, so
 * every element asks for the same window (`query.window`). With `refresh`, it applies the query again on that
 * interval while the range is relative: not while the page is hidden or the last round is still being answered,
 * and less often while the server fails.
 *
 * @tagname parca-source
 * @summary Connects elements to one Parca server and holds their shared query.
 * @slot - The elements that use this source (and anything else).
 * The refresh interval a user picks (`parca-refresh-select`, from a query editor) replaces `refresh`.
 *
 * @fires parca-source-change - The shared query, range, baseline or picked point changed because an element asked for it, the page's history moved, or a refresh ran.
 */
export class ParcaSourceElement extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  /** Parca's base URL, with a path prefix if it sits behind a reverse proxy (`https://host/parca/`). */
  @property() url = '';
  /** Names the source in errors and events; defaults to its `id`, else its URL. */
  @property() name = '';
  /** Used by elements on the page that are under no source and name none. */
  @property({ type: Boolean, reflect: true }) default = false;
  /** Basic-auth user (with the `password` property). */
  @property() user = '';
  /** Basic-auth password. A property only: never an attribute, so it is not in the DOM. */
  @property({ attribute: false }) password = '';
  /** Bearer token. A property only. */
  @property({ attribute: false }) token = '';
  /** Extra request headers (e.g. `X-Scope-OrgID`). A property only. */
  @property({ attribute: false }) headers: Record<string, string> = {};
  /** Fetch credentials mode; `include` sends cookies to a cross-origin proxy. */
  @property() credentials: RequestCredentials | '' = '';
  /** Time allowed per request, in milliseconds. */
  @property({ type: Number }) timeout = 30_000;
  /** Start of the range: `now-1h`, `now-15m`, or an ISO-8601 instant. */
  @property() from = DEFAULT_FROM;
  /** End of the range: `now` or an ISO-8601 instant. */
  @property() to = DEFAULT_TO;
  /** Initial profile type id, e.g. `process_cpu:cpu:nanoseconds:cpu:nanoseconds:delta`. */
  @property({ attribute: 'profile-type' }) profileType = '';
  /** Initial label selector, e.g. `{job="api"}`. */
  @property() selector = '';
  /** Which views the query drives: `profile`, `metrics` or `both`. */
  @property({ attribute: 'query-kind' }) queryKind: QueryKind = 'both';
  /**
   * Applies the query again on this interval while the range is relative (`now-1h`): `10s`, `30s`, `1m`, `5m`,
   * `1h`, or `off` (default). Paused while the page is hidden or the previous round is still being answered;
   * while Parca is unreachable the wait doubles (up to 5 minutes) until it answers again. Views keep their focus,
   * search, sort and scroll, and show no loading state over the last good view.
   */
  @property({ attribute: 'refresh' }) refreshInterval = '';
  /** Where "now" and timers come from (tests let hours pass with a fake one). */
  @property({ attribute: false }) clock: Clock = systemClock;
  /**
   * Keeps the query, range, picked point, baseline and its profile views (focus, search, sandwich, options)
   * in the page URL, restored on load and on back/forward. The value is the key prefix; when empty, the
   * source's `id`, else `parca`. Keys: `<prefix>.type/.selector/.kind/.from/.to/.sum-by`,
   * `<prefix>.point/.point.duration/.point.step/.point.series`, `<prefix>.base.from/.to`, `<prefix>.refresh`, and per view
   * `<prefix>[.<view-id>].focus/.search/.sandwich/.invert/.group/.filters/.presets/.bfrom/.bto/.abs`.
   */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;

  readonly #provider = new ContextProvider(this, { context: sourceContext });
  readonly #refresher = new RefreshController(this, {
    interval: () => this.#refreshMs,
    clock: () => this.clock,
    connection: () => this.#connection,
    worthwhile: () => !!this.#query.profileType && isRelativeRange(this.#query.range),
    refresh: () => this.#publish(refreshQuery(this.#query, this.clock.now()), 'refresh', false),
  });
  readonly #url = new UrlSync(
    this,
    () => (this.syncUrl == null ? undefined : this.syncUrl || this.id || 'parca'),
    () => this.#onHistory(),
  );
  #listening: AbortController | undefined;
  #connection: ParcaConnection | undefined;
  #givenConnection: ParcaConnection | undefined;
  #query: QueryState = createQueryState({ now: 0 });
  #range: TimeRange = DEFAULT_RANGE;
  /** The labels the metrics sum by ([]: Parca's default), as a query editor or the URL last said; no attribute sets it. */
  #sumBy: readonly string[] = [];
  #refreshMs = 0;
  /** The views of the profile by `view-id`, as read from the URL or last changed by a user (shared through the context). */
  #views: ReadonlyMap<string, FlamegraphView> | undefined;
  /** A point and baseline read from the URL, applied with the query they came with. */
  #restored: { point: PointSelection | undefined; baseline: TimeRange | undefined } | undefined;

  constructor() {
    super();
    markSource(this);
  }

  /**
   * The connection elements use: one made from `url` and the credentials, or one set here instead (a custom
   * transport, one connection shared by several sources). Undefined without either.
   */
  @property({ attribute: false })
  get connection(): ParcaConnection | undefined {
    return this.#connection;
  }

  set connection(value: ParcaConnection | undefined) {
    const old = this.#connection;
    this.#givenConnection = value;
    this.#connection = value ?? this.#createConnection();
    this.requestUpdate('connection', old);
  }

  /** The shared query state (immutable; replaced on every change). `query.window` is the window it covers. */
  get query(): QueryState {
    return this.#query;
  }

  get sourceName(): string {
    return this.name || this.id || this.url;
  }

  /**
   * Applies the query again now: a relative range is resolved anew and every element asks again, keeping its
   * view. Fires `parca-source-change` (cause `refresh`).
   */
  refresh(): void {
    this.#publish(refreshQuery(this.#query, this.clock.now()), 'refresh');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#listening = new AbortController();
    // What this source's elements ask for (see source-rule.ts for which elements are its own).
    const listen = <E extends Event>(name: string, handle: (event: E) => void) =>
      document.addEventListener(name, (event) => addressedTo(this, event) && handle(event as E), { signal: this.#listening!.signal });
    listen(ParcaQuerySubmitEvent.eventName, this.#onQuerySubmit);
    listen(ParcaRangeSelectEvent.eventName, this.#onRangeSelect);
    listen(ParcaPointSelectEvent.eventName, this.#onPointSelect);
    listen(ParcaBaselineSelectEvent.eventName, this.#onBaselineSelect);
    listen(ParcaViewChangeEvent.eventName, this.#onViewChange);
    listen(ParcaRefreshSelectEvent.eventName, this.#onRefreshSelect);
    // By name: the event's class comes with the chart's series actions, loaded on first use.
    listen('parca-selector-select' satisfies typeof ParcaSelectorSelectEvent.eventName, this.#onSelectorSelect);
    this.#restoreFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#listening?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connectionKeys = ['url', 'name', 'id', 'user', 'password', 'token', 'headers', 'credentials', 'timeout'] as const;
    if (connectionKeys.some((key) => changed.has(key)) || !this.hasUpdated) {
      this.#connection = this.#givenConnection ?? this.#createConnection();
    }
    if (DEV && changed.has('credentials')) warnUnlessOneOf(this, 'credentials', this.credentials, CREDENTIALS);
    if (DEV && !isQueryKind(this.queryKind)) devWarn(`<parca-source> query-kind="${String(this.queryKind)}" is not profile, metrics or both`);
    if (changed.has('refreshInterval')) this.#refreshMs = this.#parseRefresh();
    this.#query = this.#fromProperties();
    this.#provide();
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  #parseRefresh(): number {
    try {
      return parseRefreshInterval(this.refreshInterval);
    } catch (error) {
      if (DEV) devWarn(`<parca-source> ${(error as Error).message}; auto-refresh is off`);
      return 0;
    }
  }

  /**
   * The query the properties describe. The same query keeps its window (and point and baseline); a different one
   * (a property set by code, a restored link) is resolved at this moment.
   */
  #fromProperties(): QueryState {
    try {
      this.#range = parseTimeRange(this.from || DEFAULT_FROM, this.to || DEFAULT_TO);
    } catch (error) {
      if (DEV) devWarn(`<parca-source> ${(error as Error).message}; keeping ${formatTimeBound(this.#range.from)} to ${formatTimeBound(this.#range.to)}`);
    }
    const current = this.#query;
    const fields = {
      profileType: this.profileType,
      selector: this.selector,
      kind: isQueryKind(this.queryKind) ? this.queryKind : 'both',
      sumBy: this.#sumBy,
      range: sameRange(this.#range, current.range) ? current.range : this.#range,
    };
    const restored = this.#restored;
    this.#restored = undefined;
    const same = createQueryState({ ...fields, now: current.now });
    if (!restored && this.hasUpdated && sameFields(same, current)) return current;
    return createQueryState({ ...fields, now: this.clock.now(), point: restored?.point, baseline: restored ? restored.baseline : current.baseline });
  }

  #provide(): void {
    const state: SourceState = {
      name: this.sourceName,
      connection: this.#connection,
      query: this.#query,
      views: this.#views,
      syncsUrl: this.syncUrl != null,
      clock: this.clock,
      refreshMs: this.#refreshMs,
    };
    const current = this.#provider.value;
    if (!current || (Object.keys(state) as (keyof SourceState)[]).some((key) => current[key] !== state[key])) {
      this.#provider.setValue(Object.freeze(state));
    }
  }

  /**
   * Applies a query an element asked for: provides it, keeps it in the URL, restarts the refresh interval (unless
   * the refresh itself asked) and tells the page.
   */
  #publish(query: QueryState, cause: SourceChangeCause, restartRefresh = true): void {
    this.#query = query;
    // The properties follow, so a later update describes the same query and keeps its window.
    this.profileType = query.profileType;
    this.selector = query.selector === '{}' ? '' : query.selector;
    this.queryKind = query.kind;
    this.#sumBy = query.sumBy;
    this.from = formatTimeBound(query.range.from);
    this.to = formatTimeBound(query.range.to);
    this.#range = query.range;
    this.#provide();
    if (cause !== 'refresh' && cause !== 'history') this.#url.write(query, this.#refreshMs);
    if (restartRefresh) this.#refresher.restart();
    this.dispatchEvent(new ParcaSourceChangeEvent(this.sourceName, query, cause));
  }

  #createConnection(): ParcaConnection | undefined {
    if (!this.url) return undefined;
    try {
      return createConnection({
        url: this.url,
        name: this.sourceName,
        user: this.user || undefined,
        password: this.password || undefined,
        token: this.token || undefined,
        headers: this.headers,
        credentials: this.credentials || undefined,
        timeoutMs: this.timeout > 0 ? this.timeout : undefined,
      });
    } catch (error) {
      if (DEV) devWarn(`<parca-source> ${error instanceof ParcaError ? error.message : String(error)}`);
      return undefined;
    }
  }

  // ---- what elements ask for ----

  #onQuerySubmit = (event: ParcaQuerySubmitEvent): void => {
    const { profileType, selector, kind, sumBy = [] } = event.query;
    // Run always runs: the same query is resolved anew and asked again.
    this.#publish(
      createQueryState({ profileType, selector, kind, sumBy, range: this.#query.range, baseline: this.#query.baseline, now: this.clock.now() }),
      'query',
    );
  };

  // Once every listener has had its say, so a page's own listener anywhere can veto it with preventDefault().
  #onSelectorSelect = (event: ParcaSelectorSelectEvent): void =>
    queueMicrotask(() => {
      const query = this.#query;
      if (!event.defaultPrevented) this.#publish(createQueryState({ ...query, point: undefined, selector: event.selector, now: this.clock.now() }), 'query');
    });

  #onRangeSelect = (event: ParcaRangeSelectEvent): void => {
    this.#publish(createQueryState({ ...this.#query, point: undefined, range: event.range, now: this.clock.now() }), 'range');
  };

  #onPointSelect = (event: ParcaPointSelectEvent): void => {
    const point = event.point && Object.freeze({ ...event.point });
    this.#publish(withQuery(this.#query, { point }), 'point');
  };

  #onBaselineSelect = (event: ParcaBaselineSelectEvent): void => {
    this.#publish(withQuery(this.#query, { baseline: event.range }), 'baseline');
  };

  #onRefreshSelect = (event: ParcaRefreshSelectEvent): void => {
    this.refreshInterval = event.interval;
    this.#refreshMs = this.#parseRefresh();
    this.#provide();
    this.#url.write(this.#query, this.#refreshMs);
  };

  // Every view of that id applies the change; the map is replaced, so the context tells them.
  #onViewChange = (event: ParcaViewChangeEvent): void => {
    this.#views = new Map(this.#views).set(event.viewId, event.view);
    this.#provide();
    this.#url.viewChanged(event.viewId, event.view, this.#query, this.#refreshMs);
  };

  // ---- the page URL ----

  /** Takes what the URL says into the properties; the next update applies it. The URL's views replace the shared ones. */
  #restoreFromUrl(): void {
    const saved = this.#url.read(this.selector);
    if (!saved) return;
    const { query } = saved;
    if (query.profileType !== undefined) this.profileType = query.profileType;
    if (query.selector !== undefined) this.selector = query.selector;
    if (query.kind !== undefined) this.queryKind = query.kind as QueryKind;
    if (saved.sumBy) this.#sumBy = saved.sumBy;
    if (query.from !== undefined) this.from = query.from;
    if (query.to !== undefined) this.to = query.to;
    if (saved.refresh !== undefined) this.refreshInterval = saved.refresh;
    this.#restored = { point: saved.point, baseline: saved.baseline };
    this.#views = saved.views;
    this.requestUpdate();
  }

  // Back and forward are the user changing the view: apply and announce, without writing history again.
  #onHistory(): void {
    const before = this.#query;
    this.#restoreFromUrl();
    const next = this.#fromProperties();
    if (sameFields(next, before) && next.point === before.point && sameOptionalRange(next.baseline, before.baseline)) {
      this.#query = before;
      this.#provide();
      return;
    }
    this.#publish(sameFields(next, before) ? withQuery(before, { point: next.point, baseline: next.baseline }) : next, 'history');
  }
}

/** The same query apart from when it was resolved, its point and its baseline. */
function sameFields(a: QueryState, b: QueryState): boolean {
  return a.profileType === b.profileType && a.selector === b.selector && a.kind === b.kind && sameSumBy(a.sumBy, b.sumBy) && sameRange(a.range, b.range);
}

function sameOptionalRange(a: TimeRange | undefined, b: TimeRange | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && sameRange(a, b));
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-source': ParcaSourceElement;
  }
}
