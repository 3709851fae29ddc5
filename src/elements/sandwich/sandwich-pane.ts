// One of a sandwich's two graphs: a canvas drawn by the flame graph's GraphCanvas, and what a user does on it
// (hover for the tooltip, arrow keys to move, a click or Enter to centre the sandwich on a frame's function).
import type { ReactiveElement } from 'lit';
import { arrowMove } from '../../model/flamegraph/layout.js';
import type { FlamegraphData } from '../flamegraph/fetch.js';
import { GraphCanvas } from '../flamegraph/graph-canvas.js';
import type { FrameLook } from '../flamegraph/options.js';

export type SandwichSide = 'callers' | 'callees';

/** What a pane reads of its element and asks of it. */
export interface PaneHost extends ReactiveElement {
  theme: string;
  readonly frameLook: FrameLook;
  /** A user chose a frame's function: the sandwich centres on it. */
  recentre(name: string): void;
  /** Says a frame in the live region. */
  announce(data: FlamegraphData, row: number, prefix?: string): void;
}

export class SandwichPane {
  hovered = -1;
  selected = -1;
  /** The pointer over a frame, relative to the element's frame box, for the tooltip. */
  pointer: { x: number; y: number } | undefined;
  readonly canvas: GraphCanvas;

  constructor(
    private readonly host: PaneHost,
    readonly side: SandwichSide,
    /** The graph this pane shows. */
    readonly data: () => FlamegraphData | undefined,
  ) {
    this.canvas = new GraphCanvas(
      host,
      () => ({
        model: this.data()?.model,
        focus: 0,
        // Callers grow upwards from the function at the bottom; callees hang down from it.
        orientation: side === 'callers' ? 'flame' : 'icicle',
        look: host.frameLook,
        matches: undefined,
        hovered: this.hovered,
        selected: this.selected,
        diff: false,
      }),
      () => undefined,
      () => host.renderRoot.querySelector<HTMLElement>(`[part~="${side}"]`),
    );
  }

  /** A new graph: nothing hovered or selected in it yet. */
  reset(): void {
    this.hovered = -1;
    this.selected = -1;
    this.pointer = undefined;
  }

  #rowOf(event: MouseEvent): number {
    const canvas = this.canvas.canvas;
    if (!canvas) return -1;
    const bounds = canvas.getBoundingClientRect();
    return this.canvas.rowAt(event.clientX - bounds.left, event.clientY - bounds.top);
  }

  pointerMove = (event: PointerEvent): void => {
    const row = this.#rowOf(event);
    const frame = this.host.renderRoot.querySelector<HTMLElement>('.frame')!.getBoundingClientRect();
    this.pointer = row >= 0 ? { x: event.clientX - frame.left, y: event.clientY - frame.top } : undefined;
    this.hovered = row;
    this.host.requestUpdate();
  };

  pointerLeave = (): void => {
    this.pointer = undefined;
    this.hovered = -1;
    this.host.requestUpdate();
  };

  scroll = (): void => {
    this.pointerLeave();
    this.canvas.schedule();
  };

  click = (event: MouseEvent): void => {
    this.#choose(this.#rowOf(event));
  };

  keydown = (event: KeyboardEvent): void => {
    const data = this.data();
    if (!data || data.model.size === 0) return;
    const current = Math.max(0, this.selected);
    if (event.key === 'Enter') {
      event.preventDefault();
      this.#choose(current);
      return;
    }
    const next = arrowMove(data.model, current, 0, event.key, this.side === 'callees');
    if (event.key.startsWith('Arrow')) event.preventDefault();
    if (next >= 0) {
      this.selected = next;
      this.canvas.scrollIntoView(next);
      this.host.announce(data, next);
    }
  };

  /** The canvas got keyboard focus: the arrow keys start at the function itself. */
  focusCanvas = (): void => {
    const data = this.data();
    if (this.selected < 0 && data && data.model.size > 1) {
      this.selected = 1;
      this.host.announce(data, 1);
    }
  };

  #choose(row: number): void {
    const name = row > 0 ? this.data()?.model.functionName.value(row) : '';
    if (name) this.host.recentre(name);
  }
}
