// What every visual element shares: it finds its source (ancestor, `source="id"`, or the default one) or
// works from its own `connection` and `query` properties, which win when set.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../client/connection.js';
import { SourceController } from '../controllers/source-controller.js';
import type { QueryState } from '../model/query-state.js';
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
  /** A query to use instead of a source's. */
  @property({ attribute: false }) query: QueryState | undefined;
  /** `light` or `dark` forces a theme; empty follows the user's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | '' = '';

  protected readonly sourceController = new SourceController(this, () => this.source);

  constructor() {
    super();
    // A controller, not lifecycle overrides, so subclasses that skip super.firstUpdated() are checked too.
    if (DEV) this.addController(new DevChecksController(this));
  }

  /** The connection in effect: the element's own, else its source's. */
  get activeConnection(): ParcaConnection | undefined {
    return this.connection ?? this.sourceController.state?.connection;
  }

  /** The query in effect: the element's own, else its source's. */
  get activeQuery(): QueryState | undefined {
    return this.query ?? this.sourceController.state?.query;
  }

  /** The source's name for events, or the connection's. */
  get sourceName(): string | undefined {
    return this.sourceController.state?.name ?? this.activeConnection?.name;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && this.hasUpdated) this.sourceController.bind();
    super.willUpdate(changed);
  }
}
