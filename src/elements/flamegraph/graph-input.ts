// What a user does on the canvas, turned into intents on the view: hover (with the pointer for the tooltip),
// click to focus, right-click for callers and callees, arrow keys to move, Enter to focus, Escape to go back.
import type { ReactiveElement } from 'lit';
import { arrowMove } from '../../model/flamegraph/layout.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { placeOverlay } from '../../model/overlay.js';
import type { GraphView } from './graph-view.js';

/** What the input reads of its element. */
export interface InputHost extends ReactiveElement {
  readonly orientation: string;
}

/** What the input asks of the rest of the graph. */
export interface InputTargets {
  readonly view: GraphView;
  readonly canvas: () => HTMLCanvasElement | null;
  /** The row drawn at a point of the canvas (CSS pixels), or -1. */
  readonly rowAt: (x: number, y: number) => number;
  /** The model shown, when a user may act on its frames. */
  readonly model: () => FlamegraphModel | undefined;
  /** Whether a right-click may open the sandwich (not on a saved record or a diff). */
  readonly sandwichable: () => boolean;
  readonly askSandwich: (row: number) => void;
  /** Whether the sandwich is shown, and leaving it. */
  readonly inSandwich: () => boolean;
  readonly exitSandwich: () => void;
  readonly redraw: () => void;
}

export class GraphInput {
  /** The pointer over a frame, relative to the element's frame box, for the tooltip. */
  pointer: { x: number; y: number } | undefined;

  constructor(
    private readonly host: InputHost,
    private readonly to: InputTargets,
  ) {}

  /** Puts the tooltip beside the pointer, inside the element's frame box. */
  placeTooltip(): void {
    const tooltip = this.host.renderRoot.querySelector<HTMLElement>('[part="tooltip"]');
    const frame = this.host.renderRoot.querySelector<HTMLElement>('.frame');
    const pointer = this.pointer;
    if (!tooltip || !frame || !pointer) return;
    const place = placeOverlay(pointer.x, pointer.y, { width: tooltip.offsetWidth, height: tooltip.offsetHeight }, frame.getBoundingClientRect());
    tooltip.style.left = `${place.left}px`;
    tooltip.style.top = `${place.top}px`;
  }

  /** The row under a pointer event, or -1. */
  rowOf(event: MouseEvent): number {
    const bounds = this.to.canvas()!.getBoundingClientRect();
    return this.to.rowAt(event.clientX - bounds.left, event.clientY - bounds.top);
  }

  pointerMove = (event: PointerEvent): void => {
    const row = this.rowOf(event);
    const frame = this.host.renderRoot.querySelector<HTMLElement>('.frame')!.getBoundingClientRect();
    this.pointer = row >= 0 ? { x: event.clientX - frame.left, y: event.clientY - frame.top } : undefined;
    if (row !== this.to.view.hovered) {
      this.to.view.hovered = row;
      this.host.requestUpdate();
    } else this.placeTooltip();
  };

  pointerLeave = (): void => {
    this.pointer = undefined;
    this.to.view.hovered = -1;
    this.host.requestUpdate();
  };

  scroll = (): void => {
    this.pointerLeave();
    this.to.redraw();
  };

  click = (event: MouseEvent): void => {
    const row = this.rowOf(event);
    if (row >= 0) this.to.view.choose(row);
  };

  /** The context action on a frame: its callers and callees (the browser's menu stays for empty space). */
  contextMenu = (event: MouseEvent): void => {
    const row = this.rowOf(event);
    if (row <= 0 || !this.to.sandwichable() || !this.to.model()?.functionName.value(row)) return;
    event.preventDefault();
    this.to.askSandwich(row);
  };

  keydown = (event: KeyboardEvent): void => {
    const view = this.to.view;
    if (event.key === 'Escape') {
      if (view.focus !== 0 && !this.to.inSandwich()) {
        event.preventDefault();
        view.focusBy(0, 'Showing the whole graph');
      } else if (this.to.inSandwich() && !event.defaultPrevented) {
        // A sandwich graph's own Escape (leaving its focus) comes first.
        event.preventDefault();
        this.to.exitSandwich();
      }
      return;
    }
    const model = this.to.model();
    if (event.composedPath()[0] !== this.to.canvas() || !model || model.size === 0) return;
    const current = view.selected >= 0 ? view.selected : view.focus;
    if (event.key === 'Enter') {
      event.preventDefault();
      view.choose(current);
      return;
    }
    const next = arrowMove(model, current, view.focus, event.key, this.host.orientation === 'icicle');
    if (event.key.startsWith('Arrow')) event.preventDefault();
    if (next >= 0) view.select(next);
  };
}
