// Development-only checks the visual elements share: a missing connection or profile type once an element has
// settled, and attribute values outside the allowed set. All output goes through devWarn (once per message).
import type { ReactiveController, ReactiveElement } from 'lit';
import { DEV, devWarn } from '../dev.js';
import type { Clock, TimerHandle } from '../model/clock.js';

/** What a ParcaElement subclass asks to be checked (its static `devChecks`). */
export interface DevChecks {
  /** The element shows nothing without a profile type: warn when its connection's query still has none. */
  readonly needsProfileType?: boolean;
  /** Property name → the values its attribute allows. */
  readonly oneOf?: Readonly<Record<string, readonly string[]>>;
}

/** The element side the checks read (ParcaElement, without importing it). */
interface CheckedHost extends ReactiveElement {
  readonly activeConnection: unknown;
  readonly activeQuery: { readonly profileType: string } | undefined;
  readonly activeClock: Clock;
}

/** Warns once per value when `value` is set (not empty) and is not one of `allowed`. */
export function warnUnlessOneOf(element: Element, attribute: string, value: unknown, allowed: readonly string[]): void {
  if (!DEV || value == null || value === '' || allowed.includes(value as string)) return;
  // eslint-disable-next-line @typescript-eslint/no-base-to-string -- a wrong value set from JavaScript is shown as it stringifies.
  devWarn(`<${element.localName}> ${attribute}="${String(value)}" is not allowed; use one of: ${allowed.join(', ')}.`);
}

/**
 * How long a missing connection or profile type must last after the page loaded before it is worth a warning:
 * pages often set them a moment later (a config fetched, a record read).
 */
export const SETTLE_MS = 2000;

/** Runs a host's checks: attribute values on every update, connection and profile type once the page has settled. */
export class DevChecksController implements ReactiveController {
  #settled = false;
  #timer: { clock: Clock; handle: TimerHandle } | undefined;

  constructor(private readonly host: CheckedHost) {}

  hostDisconnected(): void {
    this.#cancel();
    this.#settled = false;
  }

  #cancel(): void {
    this.#timer?.clock.clearTimeout(this.#timer.handle);
    this.#timer = undefined;
  }

  get #checks(): DevChecks {
    return (this.host.constructor as { devChecks?: DevChecks }).devChecks ?? {};
  }

  hostUpdate(): void {
    for (const [name, allowed] of Object.entries(this.#checks.oneOf ?? {})) {
      warnUnlessOneOf(this.host, attributeOf(this.host, name), (this.host as unknown as Record<string, unknown>)[name], allowed);
    }
  }

  hostUpdated(): void {
    // An element updated after it left the page (a late answer or module asked for it) has nothing to check.
    if (this.#settled || !this.host.isConnected) return;
    this.#settled = true;
    // Once the page has loaded, and a while more for what pages set late; checked again then, so only a setup
    // that is still missing warns.
    const check = () => {
      this.#cancel();
      const clock = this.host.activeClock;
      const handle = clock.setTimeout(() => {
        this.#timer = undefined;
        this.#checkSetup();
      }, SETTLE_MS);
      this.#timer = { clock, handle };
    };
    if (document.readyState === 'complete') check();
    else window.addEventListener('load', check, { once: true });
  }

  #checkSetup(): void {
    const host = this.host;
    // A saved record needs no server.
    if (!host.isConnected || (host as { record?: unknown }).record) return;
    if (!host.activeConnection) {
      devWarn(
        `<${host.localName}> has no connection: put it inside a <parca-source url="…">, name one with ` +
          'source="id", mark a source `default`, or set its connection property.',
      );
    } else if (this.#checks.needsProfileType && !host.activeQuery?.profileType) {
      devWarn(
        `<${host.localName}> has a connection but no profile type, so it shows nothing: set profile-type="…" on its ` +
          "<parca-source> (with sync-url, the link's `<prefix>.type` parameter sets it too), let the user pick one " +
          'in a <parca-query-editor>, or set profileType in its query property.',
      );
    }
  }
}

/** The attribute lit maps `property` to: its declared name, else the lowercased property name. */
function attributeOf(host: ReactiveElement, property: string): string {
  const declared = (host.constructor as typeof ReactiveElement).elementProperties.get(property)?.attribute;
  return typeof declared === 'string' ? declared : property.toLowerCase();
}
