// The flame graph's canvas: its colors (read from the element's tokens, again when the scheme, contrast mode or
// `theme` change), its size, one draw per animation frame at the device's pixel ratio, and the geometry that
// maps frames to pixels and back (hit testing, scrolling a frame into view).
import type { ReactiveElement } from 'lit';
import { canvasColor } from '../../controllers/canvas-color.js';
import { FrameController } from '../../controllers/frame-controller.js';
import { SizeController } from '../../controllers/size-controller.js';
import { ThemeController } from '../../controllers/theme-controller.js';
import { ParcaError } from '../../client/errors.js';
import { COLOR_BY, createColorer, resolveColorBy, splitColorList } from '../../model/flamegraph/colors.js';
import type { FlamegraphModel } from '../../model/flamegraph/decode.js';
import { buildDiffPalette, createDiffColorer, parseColor } from '../../model/flamegraph/diff-colors.js';
import type { FrameLook } from './options.js';
import { FlamegraphRenderer, type Orientation, type Theme, rowGeometry } from './renderer.js';

/** What the canvas reads of its element for a frame. */
export interface CanvasHost extends ReactiveElement {
  theme: string;
}

/** What one frame draws. */
export interface Scene {
  readonly model: FlamegraphModel | undefined;
  readonly focus: number;
  readonly orientation: Orientation;
  /** Color-by and the like (a diff colors by change instead). */
  readonly look: FrameLook;
  readonly matches: Uint8Array | undefined;
  readonly hovered: number;
  readonly selected: number;
  /** A diff: frames take the diff palette's colors. */
  readonly diff: boolean;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Width assumed when the element has no width of its own yet (hidden, not laid out). */
const FALLBACK_WIDTH = 800;

/** Widths are bucketed to powers of two so resizing re-queries only when the trim threshold really changes. */
export function widthClassOf(width: number): number {
  return 2 ** Math.floor(Math.log2(Math.max(64, width || FALLBACK_WIDTH)));
}

/** The colors and metrics of frames, read from the element's tokens (graphTokens): shared by the flame chart. */
export function frameTheme(token: (name: string, fallback: string) => string): Theme {
  const palette = splitColorList(token('--_palette', ''));
  return {
    palette: palette.length ? palette : ['#cccccc'],
    neutral: token('--_neutral', '#d4d4d8'),
    muted: token('--_muted-frame', '#ececef'),
    match: token('--_match', '#f5a623'),
    text: token('--_text', '#000'),
    mutedText: token('--_muted-text', '#888'),
    outline: token('--_accent', '#0b57d0'),
    font: token('--_label-font', '12px monospace'),
    rowHeight: parseFloat(token('--_row-height', '20')) || 20,
  };
}

export class GraphCanvas {
  readonly #renderer = new FlamegraphRenderer();
  readonly #frame: FrameController;
  readonly #look: ThemeController;
  #theme: Theme | undefined;
  #diffPalette: string[] = [];
  /** What the last frame drew from (see #draw). */
  #drawn: unknown[] | undefined;
  /** The colorer of the model drawn, kept while the model, the color-by field and the palette's length are the same. */
  #colorer: { model: FlamegraphModel; by: string; size: number; diff: boolean; colorOf: (row: number) => number } | undefined;

  constructor(
    host: CanvasHost,
    /** The scene to draw, read at draw time. */
    private readonly scene: () => Scene,
    /** Called with the viewport's width when it changes (the graph asks for a finer or coarser trim). */
    onWidth: (width: number) => void,
    /** The scrolling element around the canvas (a sandwich has two). */
    private readonly findViewport: () => HTMLElement | null = () => host.renderRoot.querySelector<HTMLElement>('[part="viewport"]'),
  ) {
    this.#look = new ThemeController(host, () => this.readTheme());
    new SizeController(
      host,
      () => this.viewport,
      ({ width }) => {
        onWidth(width);
        this.schedule();
      },
    );
    this.#frame = new FrameController(host, () => this.#draw());
  }

  get viewport(): HTMLElement | null {
    return this.findViewport();
  }

  get canvas(): HTMLCanvasElement | null {
    return this.viewport?.querySelector('canvas') ?? null;
  }

  /** The colors and metrics in effect (read on first use and after each change of the look). */
  get theme(): Theme {
    if (!this.#theme) this.readTheme();
    return this.#theme!;
  }

  /** The diff palette in use, slot 0 neutral. */
  get diffPalette(): readonly string[] {
    if (!this.#theme) this.readTheme();
    return this.#diffPalette;
  }

  /** How many frames were drawn so far. */
  get draws(): number {
    return this.#frame.draws;
  }

  /** Reads colors and metrics from the element's tokens again (a change of scheme, palette or `theme`). */
  readTheme(): void {
    const token = (name: string, fallback: string) => this.#look.token(name, fallback);
    this.#theme = frameTheme(token);
    const rgb = (name: string, fallback: string) => parseColor(canvasColor(token(name, fallback))) ?? parseColor(fallback)!;
    this.#diffPalette = buildDiffPalette(rgb('--_neutral', '#d4d4d8'), rgb('--_diff-growth', '#dc2626'), rgb('--_diff-shrink', '#16a34a'));
  }

  /** Draws in the next animation frame. */
  schedule(): void {
    this.#frame.schedule();
  }

  /** Settles after the next frame is drawn (at once when none is pending). */
  get drawComplete(): Promise<void> {
    return this.#frame.complete;
  }

  #geometry(model: FlamegraphModel, orientation: Orientation) {
    return rowGeometry(model, orientation, this.theme.rowHeight, this.viewport?.scrollTop ?? 0, this.canvas?.clientHeight ?? 0);
  }

  /** Where a row was drawn in the last frame, in CSS pixels of the canvas; undefined when not visible. */
  rectOf(row: number): Rect | undefined {
    const { model, orientation } = this.scene();
    const drawn = this.#renderer.drawn.find(row);
    if (!model || !drawn) return undefined;
    return { x: drawn.x, y: this.#geometry(model, orientation).yOf(drawn.depth), width: drawn.width, height: this.theme.rowHeight };
  }

  /** The row drawn at a point in canvas coordinates, or -1. */
  rowAt(x: number, y: number): number {
    const { model, orientation } = this.scene();
    if (!model) return -1;
    const depth = this.#geometry(model, orientation).depthAt(y);
    return depth < 0 ? -1 : this.#renderer.drawn.hit(depth, x);
  }

  /** Scrolls the viewport so the row's level is in view. */
  scrollIntoView(row: number): void {
    const { model, orientation } = this.scene();
    const viewport = this.viewport;
    if (!model || !viewport) return;
    const rowHeight = this.theme.rowHeight;
    const top = rowGeometry(model, orientation, rowHeight, 0, 0).yOf(model.depth[row]!);
    if (top < viewport.scrollTop) viewport.scrollTop = top;
    else if (top + rowHeight > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = top + rowHeight - viewport.clientHeight;
  }

  /** The current picture as a PNG at device resolution. */
  async png(): Promise<Blob> {
    this.schedule();
    await this.drawComplete;
    const canvas = this.canvas;
    return new Promise((resolve, reject) => {
      if (!canvas || canvas.width === 0 || canvas.height === 0) {
        reject(new ParcaError('export', 'There is no flame graph to export.'));
        return;
      }
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new ParcaError('export', 'The browser could not encode the PNG.'))), 'image/png');
    });
  }

  #draw(): boolean {
    const canvas = this.canvas;
    const viewport = this.viewport;
    if (!canvas || !viewport) return false;
    const scene = this.scene();
    const theme = this.theme;
    const model = scene.model;
    const width = viewport.clientWidth;
    const contentHeight = model && model.size > 0 ? (model.maxDepth + 1) * theme.rowHeight : 0;
    const height = Math.min(contentHeight, viewport.clientHeight || contentHeight);
    const ratio = globalThis.devicePixelRatio || 1;
    // The size the first picture gives its viewport comes back through the resize observer: the same picture
    // again would cost a frame, so a frame whose inputs are those of the last one is skipped.
    const inputs = [
      canvas,
      model,
      scene.focus,
      scene.orientation,
      scene.matches,
      scene.hovered,
      scene.selected,
      scene.diff,
      scene.look.colorBy,
      scene.look.labelAlign,
      theme,
      this.#diffPalette,
      width,
      height,
      ratio,
      viewport.scrollTop,
    ];
    if (this.#drawn && inputs.length === this.#drawn.length && inputs.every((value, i) => value === this.#drawn![i])) return false;
    this.#drawn = inputs;
    canvas.style.height = `${height}px`;
    const pixelWidth = Math.round(width * ratio);
    const pixelHeight = Math.round(height * ratio);
    if (canvas.width !== pixelWidth) canvas.width = pixelWidth;
    if (canvas.height !== pixelHeight) canvas.height = pixelHeight;
    const ctx = canvas.getContext('2d');
    // Sizing an empty canvas before the first graph arrives draws no picture.
    if (!ctx || !model) return false;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    this.#renderer.draw(
      ctx,
      { ...scene, ...scene.look, model, colorOf: this.#colorOf(model, scene), widthPx: width, heightPx: height, scrollTop: viewport.scrollTop },
      // A diff draws with the diff palette through the same slot mechanism.
      scene.diff ? { ...theme, palette: this.#diffPalette } : theme,
    );
    return true;
  }

  #colorOf(model: FlamegraphModel, { look, diff }: Scene): (row: number) => number {
    const by = resolveColorBy(model, COLOR_BY.includes(look.colorBy) ? look.colorBy : 'binary');
    const size = this.theme.palette.length;
    const kept = this.#colorer;
    if (kept && kept.model === model && kept.by === by && kept.size === size && kept.diff === diff) return kept.colorOf;
    const colorOf = diff ? createDiffColorer(model) : createColorer(model, by, size);
    this.#colorer = { model, by, size, diff, colorOf };
    return colorOf;
  }
}
