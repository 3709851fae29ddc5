// What every visual element shares: it finds its source (ancestor, `source="id"`, or the default one) or
// works from its own `connection` and `query` properties, which win when set.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../client/connection.js';
import { SourceController } from '../controllers/source-controller.js';
import type { QueryState } from '../model/query-state.js';

export abstract class ParcaElement extends LitElement {
  /** The `id` of the `<parca-source>` to use when the element is not inside it. */
  @property({ reflect: true }) source = '';
  /** A connection to use instead of a source's (for frameworks that wire elements themselves). */
  @property({ attribute: false }) connection: ParcaConnection | undefined;
  /** A query to use instead of a source's. */
  @property({ attribute: false }) query: QueryState | undefined;

  protected readonly sourceController = new SourceController(this, () => this.source);

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
