// What element tests do to an element, written once: find its parts, read its canvas, click a frame, press a key.
// Waiting is each element's own `settled` (requests settled, update applied, canvas drawn).
import type { ParcaFlamegraphElement } from '../elements/flamegraph/flamegraph.js';
import { frameName } from '../model/flamegraph/names.js';

/** The first element of a shadow root marked with this part name. */
export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);
}

/** Every element of a shadow root marked with this part name. */
export function parts<T extends Element = HTMLElement>(el: Element, name: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(`[part~="${name}"]`)];
}

/** Presses a key on `target` (by default the element's focused part or the element), as a user would. */
export function press(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

/** A CSS color as the canvas stores it: [r, g, b, a]. */
export function rgbaOf(color: string): number[] {
  const ctx = document.createElement('canvas').getContext('2d', { willReadFrequently: true })!;
  ctx.fillStyle = color;
  ctx.fillRect(0, 0, 1, 1);
  return Array.from(ctx.getImageData(0, 0, 1, 1).data);
}

// ---- the flame graph ----------------------------------------------------------------------------------------

export function canvasOf(el: Element): HTMLCanvasElement {
  return el.shadowRoot!.querySelector('canvas')!;
}

/** The canvas pixel under a point in CSS pixels of the canvas, as [r, g, b, a]. */
export function pixelAt(el: Element, x: number, y: number): number[] {
  const canvas = canvasOf(el);
  const ratio = canvas.width / canvas.clientWidth;
  return Array.from(canvas.getContext('2d')!.getImageData(Math.floor(x * ratio), Math.floor(y * ratio), 1, 1).data);
}

/** The widest drawn row with this function name, or -1. */
function rowNamed(el: ParcaFlamegraphElement, name: string): number {
  const model = el.data?.model;
  let best = -1;
  for (let row = 0; model && row < model.size; row++) {
    if (frameName(model, row) === name && el.frameRect(row) && (best < 0 || model.cumulative[row]! > model.cumulative[best]!)) best = row;
  }
  return best;
}

/** A pointer event of `type` in the middle of a drawn frame (by row or by function name). */
export function clickFrame(el: ParcaFlamegraphElement, frame: number | string, type = 'click'): void {
  const row = typeof frame === 'number' ? frame : rowNamed(el, frame);
  const rect = el.frameRect(row);
  if (!rect) throw new Error(`frame ${frame} is not drawn`);
  const canvas = canvasOf(el);
  const box = canvas.getBoundingClientRect();
  const init = { clientX: box.left + rect.x + rect.width / 2, clientY: box.top + rect.y + rect.height / 2, bubbles: true, composed: true, cancelable: true };
  canvas.dispatchEvent(type.startsWith('pointer') ? new PointerEvent(type, init) : new MouseEvent(type, init));
}
