// Pointer, wheel and keys on the flame chart turned into intents: zoom around a time, pan, scroll rows, hover,
// pick, fit a frame. The element decides what an intent does; nothing here holds view state beyond a drag.
import { timeOfX } from '../../model/flamechart/window.js';
import type { TimeWindow } from '../../model/flamechart/window.js';

export interface ChartIntents {
  visible(): TimeWindow;
  /** The chart's width, CSS pixels. */
  width(): number;
  zoom(factor: number, anchorMs: number): void;
  pan(deltaMs: number): void;
  scrollRows(deltaPx: number): void;
  /** The frame under (x, y) of the chart, or -1. */
  rowAt(x: number, y: number): number;
  hover(row: number, x: number, y: number): void;
  pick(row: number): void;
  fit(row: number): void;
  reset(): void;
  /** Centres the visible window on a time (the overview). */
  centre(ms: number): void;
}

/** A press that moves less than this is a click, not a drag. */
const CLICK_SLOP_PX = 3;
/** Wheel pixels per doubling of the visible span. */
const WHEEL_PER_DOUBLING = 300;

export class ChartInput {
  #drag: { x: number; y: number; moved: boolean; pointer: number } | undefined;

  constructor(private readonly intents: ChartIntents) {}

  readonly onWheel = (event: WheelEvent): void => {
    event.preventDefault();
    const { x } = local(event);
    const px = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    const horizontal = event.shiftKey ? event.deltaY : event.deltaX;
    const span = this.intents.visible().endMs - this.intents.visible().startMs;
    if (horizontal) this.intents.pan((horizontal * px * span) / Math.max(1, this.intents.width()));
    if (!event.shiftKey && event.deltaY)
      this.intents.zoom(2 ** ((event.deltaY * px) / WHEEL_PER_DOUBLING), timeOfX(this.intents.visible(), this.intents.width(), x));
  };

  readonly onPointerDown = (event: PointerEvent): void => {
    if (event.button !== 0) return;
    this.#drag = { x: event.clientX, y: event.clientY, moved: false, pointer: event.pointerId };
    (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
  };

  readonly onPointerMove = (event: PointerEvent): void => {
    const drag = this.#drag;
    if (drag && drag.pointer === event.pointerId) {
      const dx = event.clientX - drag.x;
      const dy = event.clientY - drag.y;
      if (!drag.moved && Math.hypot(dx, dy) < CLICK_SLOP_PX) return;
      drag.moved = true;
      const span = this.intents.visible().endMs - this.intents.visible().startMs;
      this.intents.pan((-dx * span) / Math.max(1, this.intents.width()));
      this.intents.scrollRows(-dy);
      drag.x = event.clientX;
      drag.y = event.clientY;
      this.intents.hover(-1, 0, 0);
      return;
    }
    const { x, y } = local(event);
    this.intents.hover(this.intents.rowAt(x, y), x, y);
  };

  readonly onPointerUp = (event: PointerEvent): void => {
    const drag = this.#drag;
    this.#drag = undefined;
    if (!drag || drag.moved) return;
    const { x, y } = local(event);
    this.intents.pick(this.intents.rowAt(x, y));
  };

  readonly onPointerLeave = (): void => {
    if (!this.#drag) this.intents.hover(-1, 0, 0);
  };

  readonly onDoubleClick = (event: MouseEvent): void => {
    const { x, y } = local(event);
    const row = this.intents.rowAt(x, y);
    if (row > 0) this.intents.fit(row);
  };

  /** Arrows pan and scroll, + and − zoom around the middle, Home shows the whole window. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    const visible = this.intents.visible();
    const span = visible.endMs - visible.startMs;
    const middle = visible.startMs + span / 2;
    switch (event.key) {
      case 'ArrowLeft':
        this.intents.pan(-span / 10);
        break;
      case 'ArrowRight':
        this.intents.pan(span / 10);
        break;
      case 'ArrowUp':
        this.intents.scrollRows(-20);
        break;
      case 'ArrowDown':
        this.intents.scrollRows(20);
        break;
      case '+':
      case '=':
        this.intents.zoom(0.5, middle);
        break;
      case '-':
      case '_':
        this.intents.zoom(2, middle);
        break;
      case 'Home':
        this.intents.reset();
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  /** The overview strip: press or drag to centre the visible window there. */
  readonly onOverviewPointer = (event: PointerEvent, bounds: TimeWindow): void => {
    if (event.type === 'pointermove' && !(event.buttons & 1)) return;
    if (event.type === 'pointerdown') (event.currentTarget as Element).setPointerCapture?.(event.pointerId);
    const { x } = local(event);
    this.intents.centre(timeOfX(bounds, this.intents.width(), x));
  };
}

/** The event's position in its target's box. */
function local(event: MouseEvent): { x: number; y: number } {
  const box = (event.currentTarget as Element).getBoundingClientRect();
  return { x: event.clientX - box.left, y: event.clientY - box.top };
}
