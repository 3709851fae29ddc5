// Follows what changes an element's colors without a property of its own changing: the user's color scheme,
// forced colors (high contrast), and the element's `theme` attribute. Canvas elements read their colors from
// computed styles, so they must hear of each change and draw again.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { canvasColor } from './canvas-color.js';

type Host = ReactiveControllerHost & HTMLElement & { theme: string };

export class ThemeController implements ReactiveController {
  /** Bumps on every change of the look: compare it to tell whether colors must be read again. */
  version = 0;
  #listeners: AbortController | undefined;
  #theme: string | undefined;

  constructor(
    private readonly host: Host,
    /** Called after each change (colors should be read again), before the host updates. */
    private readonly onChange: () => void = () => {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#listeners = new AbortController();
    for (const query of ['(prefers-color-scheme: dark)', '(forced-colors: active)']) {
      matchMedia(query).addEventListener('change', this.#changed, { signal: this.#listeners.signal });
    }
  }

  hostDisconnected(): void {
    this.#listeners?.abort();
    this.#listeners = undefined;
  }

  // The attribute is reflected by now, so computed styles already follow it; the host's updated() comes next.
  hostUpdated(): void {
    const theme = this.host.theme;
    if (this.#theme !== undefined && theme !== this.#theme) {
      this.version++;
      this.onChange();
    }
    this.#theme = theme;
  }

  /** Whether the user asked for forced colors (Windows high contrast). */
  get forcedColors(): boolean {
    return matchMedia('(forced-colors: active)').matches;
  }

  /** A custom property of the host as written (a private `--_token`), or `fallback`. */
  token(name: string, fallback: string): string {
    return getComputedStyle(this.host).getPropertyValue(name).trim() || fallback;
  }

  /** A custom property of the host as a color a canvas draws with. */
  color(name: string, fallback: string): string {
    return canvasColor(this.token(name, fallback), fallback);
  }

  #changed = (): void => {
    this.version++;
    this.onChange();
    this.host.requestUpdate();
  };
}
