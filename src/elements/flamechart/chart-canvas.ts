// The flame chart's two canvases, the chart and the overview strip: colors read from the element's tokens (the
// flame graph's, so a function has the same color in both), the viewport's size, and one draw per animation
// frame that is skipped when nothing it draws from changed.
import type { ReactiveElement } from 'lit';
import { FrameController } from '../../controllers/frame-controller.js';
import { SizeController } from '../../controllers/size-controller.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import type { Timeline } from '../../model/flamechart/timeline.js';
import { type TimeWindow, xOfTime } from '../../model/flamechart/window.js';
import { COLOR_BY, type ColorBy, createColorer, resolveColorBy } from '../../model/flamegraph/colors.js';
import { frameTheme } from '../flamegraph/graph-canvas.js';
import type { Theme } from '../flamegraph/renderer.js';
import { ChartRenderer, overviewBins } from './chart-renderer.js';

/** What one frame draws. */
export interface ChartView {
  readonly timeline: Timeline | undefined;
  /** The whole window and the part of it in view. */
  readonly bounds: TimeWindow;
  readonly visible: TimeWindow;
  readonly scrollTop: number;
  readonly colorBy: ColorBy;
  readonly matches: Uint8Array | undefined;
  readonly hovered: number;
  readonly selected: number;
}

export class ChartCanvas {
  readonly renderer = new ChartRenderer();
  readonly #frame: FrameController;
  readonly #look: ThemeController;
  #theme: Theme | undefined;
  #drawn: unknown[] | undefined;
  #colorer: { timeline: Timeline; by: ColorBy; size: number; colorOf: (row: number) => number } | undefined;
  #bins: { timeline: Timeline; bounds: TimeWindow; columns: number; bins: Float64Array; max: number } | undefined;

  constructor(
    private readonly host: ReactiveElement & { theme: string },
    private readonly view: () => ChartView,
  ) {
    this.#look = new ThemeController(host, () => {
      this.#theme = undefined;
      this.schedule();
    });
    new SizeController(
      host,
      () => this.viewport,
      () => this.schedule(),
    );
    this.#frame = new FrameController(host, () => this.#draw());
  }

  get viewport(): HTMLElement | null {
    return this.host.renderRoot.querySelector<HTMLElement>('[part~="viewport"]');
  }

  get canvas(): HTMLCanvasElement | null {
    return this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas[part~="chart"]');
  }

  get overview(): HTMLCanvasElement | null {
    return this.host.renderRoot.querySelector<HTMLCanvasElement>('canvas[part~="overview"]');
  }

  get theme(): Theme {
    return (this.#theme ??= frameTheme((name, fallback) => this.#look.token(name, fallback)));
  }

  /** Frames drawn so far (skipped frames do not count). */
  get draws(): number {
    return this.#frame.draws;
  }

  get drawComplete(): Promise<void> {
    return this.#frame.complete;
  }

  schedule(): void {
    this.#frame.schedule();
  }

  /** The chart's width in CSS pixels. */
  get width(): number {
    return this.viewport?.clientWidth ?? 0;
  }

  /** The depth at a y of the chart (the root is not drawn: the first row is depth 1), or -1. */
  depthAt(y: number): number {
    const timeline = this.view().timeline;
    if (!timeline) return -1;
    const depth = Math.floor((y + this.view().scrollTop) / this.theme.rowHeight) + 1;
    return depth >= 1 && depth <= timeline.model.maxDepth ? depth : -1;
  }

  /** The chart's height: its rows, at most the viewport's. */
  heightOf(timeline: Timeline | undefined): number {
    const content = timeline ? timeline.model.maxDepth * this.theme.rowHeight : 0;
    return Math.min(content, this.viewport?.clientHeight || content);
  }

  #draw(): boolean {
    const canvas = this.canvas;
    const viewport = this.viewport;
    if (!canvas || !viewport) return false;
    const view = this.view();
    const theme = this.theme;
    const width = viewport.clientWidth;
    const height = view.timeline ? view.timeline.model.maxDepth * theme.rowHeight : 0;
    const shown = Math.min(height, viewport.clientHeight || height);
    const ratio = globalThis.devicePixelRatio || 1;
    const inputs = [canvas, view.timeline, view.visible, view.scrollTop, view.colorBy, view.matches, view.hovered, view.selected, theme, width, shown, ratio];
    if (this.#drawn && inputs.every((value, i) => value === this.#drawn![i])) return false;
    this.#drawn = inputs;
    const timeline = view.timeline;
    if (!timeline) return false;
    size(canvas, width, shown, ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return false;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.renderer.draw(
      ctx,
      {
        timeline,
        window: view.visible,
        widthPx: width,
        heightPx: shown,
        scrollTop: view.scrollTop,
        colorOf: this.#colorOf(timeline, view.colorBy),
        matches: view.matches,
        hovered: view.hovered,
        selected: view.selected,
      },
      theme,
    );
    this.#drawOverview(timeline, view, width, ratio);
    return true;
  }

  /** The overview: what ran across the whole window, and the visible part of it outlined. */
  #drawOverview(timeline: Timeline, view: ChartView, width: number, ratio: number): void {
    const canvas = this.overview;
    if (!canvas) return;
    const height = canvas.clientHeight || 24;
    size(canvas, width, height, ratio);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, width, height);
    const columns = Math.max(1, Math.floor(width));
    let kept = this.#bins;
    if (!kept || kept.timeline !== timeline || kept.bounds !== view.bounds || kept.columns !== columns) {
      const bins = overviewBins(timeline, view.bounds, columns);
      kept = this.#bins = { timeline, bounds: view.bounds, columns, bins, max: bins.reduce((a, b) => Math.max(a, b), 0) };
    }
    const theme = this.theme;
    ctx.fillStyle = theme.neutral;
    for (let c = 0; c < columns; c++) {
      const h = kept.max > 0 ? (kept.bins[c]! / kept.max) * (height - 2) : 0;
      if (h > 0) ctx.fillRect(c, height - h, 1, h);
    }
    const x0 = xOfTime(view.bounds, width, view.visible.startMs);
    const x1 = xOfTime(view.bounds, width, view.visible.endMs);
    ctx.strokeStyle = theme.outline;
    ctx.lineWidth = 2;
    ctx.strokeRect(x0 + 1, 1, Math.max(2, x1 - x0 - 2), height - 2);
  }

  #colorOf(timeline: Timeline, colorBy: ColorBy): (row: number) => number {
    const by = resolveColorBy(timeline.model, COLOR_BY.includes(colorBy) ? colorBy : 'binary');
    const size = this.theme.palette.length;
    const kept = this.#colorer;
    if (kept && kept.timeline === timeline && kept.by === by && kept.size === size) return kept.colorOf;
    const colorOf = createColorer(timeline.model, by, size);
    this.#colorer = { timeline, by, size, colorOf };
    return colorOf;
  }
}

/** Sizes a canvas for CSS width × height at the device's pixel ratio (only when it changes: resizing clears it). */
function size(canvas: HTMLCanvasElement, width: number, height: number, ratio: number): void {
  canvas.style.height = `${height}px`;
  const pixelWidth = Math.round(width * ratio);
  const pixelHeight = Math.round(height * ratio);
  if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
  if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
}
