import { ContextProvider } from '@lit/context';
import { LitElement, type PropertyValues, css, html } from 'lit';
import { property } from 'lit/decorators.js';
import { type ParcaConnection, createConnection } from '../../client/connection.js';
import { ParcaError } from '../../client/errors.js';
import { type SourceState, sourceContext } from '../../context/source-context.js';
import { ParcaBaselineSelectEvent } from '../../events/baseline-select.js';
import { ParcaPointSelectEvent } from '../../events/point-select.js';
import { ParcaQuerySubmitEvent } from '../../events/query-submit.js';
import { ParcaRangeSelectEvent } from '../../events/range-select.js';
import { ParcaSourceChangeEvent } from '../../events/source-change.js';
import { ParcaViewChangeEvent } from '../../events/view-change.js';
import { EMPTY_VIEW, type FlamegraphView, readViewParams, sameView, viewIdsInParams, writeViewParams } from '../../model/flamegraph/view-state.js';
import { DEFAULT_RANGE, type PointSelection, type QueryKind, type QueryState, createQueryState, isQueryKind } from '../../model/query-state.js';
import { type TimeRange, formatTimeBound, parseTimeRange, sameRange } from '../../model/time-range.js';
import { devWarn } from '../../dev.js';
import { warnUnlessOneOf } from '../dev-checks.js';
import { readQueryParams, readRangeParams, writeQueryParams, writeRangeParams } from '../../model/url-state.js';

const DEFAULT_FROM = 'now-1h';
const DEFAULT_TO = 'now';
const CREDENTIALS: readonly RequestCredentials[] = ['omit', 'same-origin', 'include'];

/**
 * The connection to a Parca server and the query its elements share. Renders nothing but its slot.
 *
 * Elements inside it use it; elements elsewhere name it with `source="<id>"`; elements under no source use
 * the page's `default` source. When one of its elements submits a query or selects a range, it applies the
 * change, provides the new state to every element, and fires `parca-source-change`.
 *
 * @tagname parca-source
 * @summary Connects elements to one Parca server and holds their shared query.
 * @slot - The elements that use this source (and anything else).
 * @fires parca-source-change - The shared query, range, baseline or picked point changed because an element asked for it.
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
  @property({ attribute: 'query-type' }) queryType: QueryKind = 'both';
  /**
   * Keeps the query, range, baseline and its flame graphs' views (focus, search, sandwich, options) in the page
   * URL, restored on load and on back/forward. The value is the key prefix; when empty, the source's `id`, else
   * `parca`. Keys: `<prefix>.type/.selector/.kind/.from/.to`, `<prefix>.base.from/.to`, and per flame graph
   * `<prefix>[.<id>].focus/.search/.sandwich/.invert/.group/.filters/.cfrom/.cto/.abs`.
   */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;

  readonly #provider = new ContextProvider(this, { context: sourceContext });
  #connection: ParcaConnection | undefined;
  #query: QueryState = createQueryState();
  /** The profile picked on a chart, until the next query or range. */
  #point: PointSelection | undefined;
  #range: TimeRange = DEFAULT_RANGE;
  /** The baseline range flame graphs compare with, chosen on a chart. */
  #compare: TimeRange | undefined;
  /** Flame graph views as last read from the URL (shared through the context). */
  #views: ReadonlyMap<string, FlamegraphView> | undefined;
  /** Flame graph views as last reported by the flame graphs (written to the URL). */
  readonly #urlViews = new Map<string, FlamegraphView>();
  /** The flame graph whose search text the last URL change was about, while someone types in it. */
  #typingIn: string | undefined;

  /** The connection elements use; undefined without a valid `url`. */
  get connection(): ParcaConnection | undefined {
    return this.#connection;
  }

  /** The shared query state (immutable; replaced on every change). */
  get query(): QueryState {
    return this.#query;
  }

  get sourceName(): string {
    return this.name || this.id || this.url;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener(ParcaQuerySubmitEvent.eventName, this.#onQuerySubmit);
    document.addEventListener(ParcaRangeSelectEvent.eventName, this.#onRangeSelect);
    document.addEventListener(ParcaPointSelectEvent.eventName, this.#onPointSelect);
    document.addEventListener(ParcaBaselineSelectEvent.eventName, this.#onBaselineSelect);
    document.addEventListener(ParcaViewChangeEvent.eventName, this.#onViewChange);
    window.addEventListener('popstate', this.#onPopState);
    this.#restoreFromUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener(ParcaQuerySubmitEvent.eventName, this.#onQuerySubmit);
    document.removeEventListener(ParcaRangeSelectEvent.eventName, this.#onRangeSelect);
    document.removeEventListener(ParcaPointSelectEvent.eventName, this.#onPointSelect);
    document.removeEventListener(ParcaBaselineSelectEvent.eventName, this.#onBaselineSelect);
    document.removeEventListener(ParcaViewChangeEvent.eventName, this.#onViewChange);
    window.removeEventListener('popstate', this.#onPopState);
  }

  get #urlPrefix(): string | undefined {
    if (this.syncUrl == null) return undefined;
    return this.syncUrl || this.id || 'parca';
  }

  /** Applies what the URL says; returns whether the query changed. Flame graph views are shared as read. */
  #restoreFromUrl(): boolean {
    const prefix = this.#urlPrefix;
    if (!prefix) return false;
    const params = new URLSearchParams(location.search);
    const saved = readQueryParams(params, prefix);
    const before = [this.profileType, this.selector, this.queryType, this.from, this.to].join('\n');
    if (saved.profileType !== undefined) this.profileType = saved.profileType;
    if (saved.selector !== undefined) this.selector = saved.selector;
    if (saved.kind !== undefined) this.queryType = saved.kind as QueryKind;
    if (saved.from !== undefined) this.from = saved.from;
    if (saved.to !== undefined) this.to = saved.to;
    const compare = readRangeParams(params, `${prefix}.base`);
    const compareChanged = !sameOptionalRange(compare, this.#compare);
    this.#compare = compare;
    const views = new Map<string, FlamegraphView>();
    for (const id of viewIdsInParams(params, prefix)) {
      const view = readViewParams(params, id ? `${prefix}.${id}` : prefix);
      if (view) views.set(id, view);
    }
    this.#views = views;
    this.#urlViews.clear();
    for (const [id, view] of views) this.#urlViews.set(id, view);
    this.requestUpdate();
    return compareChanged || before !== [this.profileType, this.selector, this.queryType, this.from, this.to].join('\n');
  }

  /** Writes the query, baseline and flame graph views; a change of search text alone replaces the entry. */
  #saveToUrl(replace = false): void {
    const prefix = this.#urlPrefix;
    if (!prefix) return;
    let params = writeQueryParams(new URLSearchParams(location.search), prefix, this.#query);
    params = writeRangeParams(params, `${prefix}.base`, this.#compare);
    for (const [id, view] of this.#urlViews) params = writeViewParams(params, id ? `${prefix}.${id}` : prefix, view);
    const url = `${location.pathname}?${params}${location.hash}`;
    if (url === `${location.pathname}${location.search}${location.hash}`) return;
    if (replace) history.replaceState(history.state, '', url);
    else history.pushState(history.state, '', url);
  }

  // Back and forward are the user changing the view: apply and announce, without writing history again.
  #onPopState = (): void => {
    if (this.#restoreFromUrl()) this.#announce(false);
  };

  protected override willUpdate(changed: PropertyValues<this>): void {
    const connectionKeys = ['url', 'name', 'id', 'user', 'password', 'token', 'headers', 'credentials', 'timeout'] as const;
    if (connectionKeys.some((key) => changed.has(key as keyof ParcaSourceElement)) || !this.hasUpdated) {
      this.#connection = this.#createConnection();
    }
    if (changed.has('from') || changed.has('to')) {
      try {
        this.#range = parseTimeRange(this.from || DEFAULT_FROM, this.to || DEFAULT_TO);
      } catch (error) {
        devWarn(`<parca-source> ${(error as Error).message}; keeping ${formatTimeBound(this.#range.from)} to ${formatTimeBound(this.#range.to)}`);
      }
    }
    if (changed.has('credentials')) warnUnlessOneOf(this, 'credentials', this.credentials, CREDENTIALS);
    if (!isQueryKind(this.queryType)) devWarn(`<parca-source> query-type="${this.queryType}" is not profile, metrics or both`);
    const next = createQueryState({
      profileType: this.profileType,
      selector: this.selector,
      kind: isQueryKind(this.queryType) ? this.queryType : 'both',
      range: sameRange(this.#range, this.#query.range) ? this.#query.range : this.#range,
      point: this.#point,
      compare: this.#compare,
    });
    if (!sameQuery(next, this.#query)) this.#query = next;
    const state: SourceState = { name: this.sourceName, connection: this.#connection, query: this.#query, views: this.#views, syncsUrl: this.syncUrl != null };
    const current = this.#provider.value;
    if (!current || (Object.keys(state) as (keyof SourceState)[]).some((key) => current[key] !== state[key])) {
      this.#provider.setValue(Object.freeze(state));
    }
  }

  protected override render() {
    return html`<slot></slot>`;
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
      devWarn(`<parca-source> ${error instanceof ParcaError ? error.message : String(error)}`);
      return undefined;
    }
  }

  /** Whether this source is the one an element's event speaks to (see the class comment for the rules). */
  #owns(event: Event): boolean {
    const path = event.composedPath();
    const origin = path[0];
    if (!(origin instanceof Element) || origin === this) return false;
    const named = origin.getAttribute('source');
    if (named) return named === this.id;
    const nearest = path.find((node) => node !== origin && node instanceof ParcaSourceElement);
    if (nearest) return nearest === this;
    return this.default && firstDefaultSource() === this;
  }

  #onQuerySubmit = (event: ParcaQuerySubmitEvent): void => {
    if (!this.#owns(event)) return;
    const { profileType, selector, kind } = event.query;
    this.#point = undefined;
    this.profileType = profileType;
    this.selector = selector;
    this.queryType = kind;
    this.#announce();
  };

  #onRangeSelect = (event: ParcaRangeSelectEvent): void => {
    if (!this.#owns(event)) return;
    this.#range = event.range;
    this.#point = undefined;
    this.from = formatTimeBound(event.range.from);
    this.to = formatTimeBound(event.range.to);
    this.#announce();
  };

  #onPointSelect = (event: ParcaPointSelectEvent): void => {
    if (!this.#owns(event)) return;
    const { timestampMs, durationMs, windowMs, selector } = event;
    this.#point = Object.freeze({ timestampMs, durationMs, windowMs, selector });
    this.#announce(false);
  };

  #onBaselineSelect = (event: ParcaBaselineSelectEvent): void => {
    if (!this.#owns(event)) return;
    this.#compare = event.range;
    this.#announce();
  };

  #onViewChange = (event: ParcaViewChangeEvent): void => {
    if (!this.#urlPrefix || !this.#owns(event)) return;
    const previous = this.#urlViews.get(event.viewId) ?? EMPTY_VIEW;
    this.#urlViews.set(event.viewId, event.view);
    // Typing a search adds one history entry, not one per keystroke.
    const searchOnly = previous.search !== event.view.search && sameView({ ...previous, search: event.view.search }, event.view);
    this.#saveToUrl(searchOnly && this.#typingIn === event.viewId);
    this.#typingIn = searchOnly ? event.viewId : undefined;
  };

  // Applies the change now, so listeners of parca-source-change read the new state.
  #announce(saveToUrl = true): void {
    this.willUpdate(new Map([['from', undefined]]) as PropertyValues<this>);
    if (saveToUrl) this.#saveToUrl();
    this.dispatchEvent(new ParcaSourceChangeEvent(this.sourceName, this.#query));
  }
}

function sameQuery(a: QueryState, b: QueryState): boolean {
  return a.profileType === b.profileType && a.selector === b.selector && a.kind === b.kind && a.range === b.range && a.point === b.point && a.compare === b.compare;
}

function sameOptionalRange(a: TimeRange | undefined, b: TimeRange | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && sameRange(a, b));
}

function firstDefaultSource(): ParcaSourceElement | undefined {
  for (const candidate of document.querySelectorAll('[default]')) {
    if (candidate instanceof ParcaSourceElement) return candidate;
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'parca-source': ParcaSourceElement;
  }
}
