// What every visual element shares: it finds its source (ancestor, `source="id"`, or the default one) or
// works from its own `connection` and `query` properties, which win when set.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../client/connection.js';
import { SourceController } from '../controllers/source-controller.js';
import { type Clock, systemClock } from '../model/clock.js';
import { type QueryState, refreshQuery } from '../model/query-state.js';
import { DEV } from '../dev.js';
import { type DevChecks, DevChecksController } from './dev-checks.js';

export abstract class ParcaElement extends LitElement {
  /**
   * Development-only checks a subclass opts into: `needsProfileType` (warn when a connected element's query has
   * none after it settles) and `oneOf` (property → allowed attribute values). See dev-checks.ts. Declared only,
   * so the base class adds nothing to production bundles.
   */
  declare protected static readonly devChecks: DevChecks | undefined;

  /** The `id` of the `<parca-source>` to use when the element is not inside it. */
  @property({ reflect: true }) source = '';
  /** A connection to use instead of a source's (for frameworks that wire elements themselves). */
  @property({ attribute: false }) connection: ParcaConnection | undefined;
  /** A query to use instead of a source's. Its `window` is what the element asks for; `refresh()` resolves it anew. */
  @property({ attribute: false }) query: QueryState | undefined;
  /** Where "now" and timers come from; by default its source's clock, else the browser's. */
  @property({ attribute: false }) clock: Clock | undefined;
  /** `light` or `dark` forces a theme; empty follows the user's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | '' = '';

  protected readonly sourceController = new SourceController(this, () => this.source);
  /** The element's own query applied again by refresh(), until `query` is set anew. */
  #refreshed: { of: QueryState; query: QueryState } | undefined;

  constructor() {
    super();
    // A controller, not lifecycle overrides, so subclasses that skip super.firstUpdated() are checked too.
    if (DEV) this.addController(new DevChecksController(this));
  }

  /** The connection in effect: the element's own, else its source's. */
  get activeConnection(): ParcaConnection | undefined {
    return this.connection ?? this.sourceController.state?.connection;
  }

  /** The query in effect: the element's own (as last refreshed), else its source's. */
  get activeQuery(): QueryState | undefined {
    if (this.query) return this.#refreshed?.of === this.query ? this.#refreshed.query : this.query;
    return this.sourceController.state?.query;
  }

  /** The clock in effect: the element's own, else its source's, else the browser's. */
  get activeClock(): Clock {
    return this.clock ?? this.sourceController.state?.clock ?? systemClock;
  }

  /** The source's name for events, or the connection's. */
  get sourceName(): string | undefined {
    return this.sourceController.state?.name ?? this.activeConnection?.name;
  }

  /**
   * Asks again for the element's own `query` (without a source): a relative range is resolved anew and the view
   * is kept. Under a source, call the source's `refresh()`, which refreshes all of its elements together.
   */
  refresh(): void {
    if (!this.query) return;
    this.#refreshed = { of: this.query, query: refreshQuery(this.activeQuery!, this.activeClock.now()) };
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && this.hasUpdated) this.sourceController.bind();
    super.willUpdate(changed);
  }
}
