// What every visual element shares: it finds its source (ancestor, `source="id"`, or the default one) or
// works from its own `connection` and `query` properties, which win when set.
import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import type { ParcaConnection } from '../client/connection.js';
import { SourceController } from '../controllers/source-controller.js';
import type { QueryState } from '../model/query-state.js';
import { devWarn } from '../dev.js';

export abstract class ParcaElement extends LitElement {
  /** The `id` of the `<parca-source>` to use when the element is not inside it. */
  @property({ reflect: true }) source = '';
  /** A connection to use instead of a source's (for frameworks that wire elements themselves). */
  @property({ attribute: false }) connection: ParcaConnection | undefined;
  /** A query to use instead of a source's. */
  @property({ attribute: false }) query: QueryState | undefined;
  /** `light` or `dark` forces a theme; empty follows the user's `prefers-color-scheme`. */
  @property({ reflect: true }) theme: 'light' | 'dark' | '' = '';

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

  protected override firstUpdated(changed: PropertyValues<this>): void {
    super.firstUpdated(changed);
    // A frame later, so a source defined or upgraded just after this element still counts.
    requestAnimationFrame(() => {
      if (this.isConnected && !this.activeConnection) {
        devWarn(
          `<${this.localName}> has no connection: put it inside a <parca-source url="…">, name one with ` +
            'source="id", mark a source `default`, or set its connection property.',
        );
      }
    });
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('source') && this.hasUpdated) this.sourceController.bind();
    super.willUpdate(changed);
  }
}
