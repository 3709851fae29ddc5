// Visual baselines: a canvas compared pixel by pixel with a checked-in PNG, decoded by the browser itself (no
// image library). The server side (src/test-support/baseline-files.mjs) writes PNGs: the baseline only when the
// run has UPDATE_BASELINES=1, and the actual picture next to it when a comparison fails.
import { executeServerCommand } from '@web/test-runner-commands';

export interface PixelTolerance {
  /** Largest per-channel difference (0-255, on premultiplied RGBA) that still counts as the same pixel. */
  readonly channel: number;
  /** Share of pixels (0-1) that may differ beyond `channel`. */
  readonly fraction: number;
}

export interface PixelDiff {
  readonly width: number;
  readonly height: number;
  /** Pixels whose largest channel difference exceeds the tolerance. */
  readonly differing: number;
  /** differing / all pixels; 1 when the sizes differ. */
  readonly fraction: number;
  /** The largest channel difference seen. */
  readonly maxDelta: number;
  readonly sameSize: boolean;
}

/** The canvas's pixels, RGBA and unpremultiplied, at its device resolution. */
export function canvasPixels(canvas: HTMLCanvasElement): ImageData {
  return canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
}

/**
 * Compares two images channel by channel. Colors are compared premultiplied by alpha: a nearly transparent
 * edge pixel's color is mostly rounding noise after a PNG round trip, and premultiplied it weighs what it shows.
 */
export function comparePixels(actual: ImageData, expected: ImageData, channelTolerance: number): PixelDiff {
  const { width, height } = actual;
  if (width !== expected.width || height !== expected.height) {
    return { width, height, differing: width * height, fraction: 1, maxDelta: 255, sameSize: false };
  }
  const a = actual.data;
  const e = expected.data;
  let differing = 0;
  let maxDelta = 0;
  for (let i = 0; i < a.length; i += 4) {
    const alphaA = a[i + 3]!;
    const alphaE = e[i + 3]!;
    let delta = Math.abs(alphaA - alphaE);
    for (let c = 0; c < 3; c++) delta = Math.max(delta, Math.abs(a[i + c]! * alphaA - e[i + c]! * alphaE) / 255);
    if (delta > maxDelta) maxDelta = delta;
    if (delta > channelTolerance) differing++;
  }
  const pixels = width * height;
  return { width, height, differing, fraction: pixels ? differing / pixels : 0, maxDelta, sameSize: true };
}

export function withinTolerance(diff: PixelDiff, tolerance: PixelTolerance): boolean {
  return diff.sameSize && diff.fraction <= tolerance.fraction;
}

/** A PNG served by the test server, decoded to pixels without color conversion; undefined when there is none. */
export async function loadPng(path: string): Promise<ImageData | undefined> {
  // A fresh copy every time: the file may have been rewritten a moment ago.
  const response = await fetch(`/${path}?t=${Date.now()}`, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(`Could not load ${path}: HTTP ${response.status}`);
  const bitmap = await createImageBitmap(await response.blob(), { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  return ctx.getImageData(0, 0, canvas.width, canvas.height);
}

/** The canvas as PNG bytes in base64 (lossless), for the server to write. */
async function pngBase64(canvas: HTMLCanvasElement): Promise<string> {
  const blob = await new Promise<Blob>((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The canvas could not be encoded as PNG'))), 'image/png'),
  );
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

type BaselineAction = 'update' | 'actual' | 'clear-actual';
type BaselineRequest = { action: BaselineAction; path: string; png: string | undefined };

/** Asks the server to write (or remove) a PNG under src/; answers whether it did. */
async function baselineCommand(action: BaselineAction, path: string, png?: string): Promise<boolean> {
  const answer = await executeServerCommand<{ done: boolean } | undefined, BaselineRequest>('visual-baseline', { action, path, png });
  if (!answer) throw new Error('The test server has no `visual-baseline` command (web-test-runner.config.mjs)');
  return answer.done;
}

export function actualPathOf(baselinePath: string): string {
  return baselinePath.replace(/\.png$/, '.actual.png');
}

function explain(diff: PixelDiff, expected: ImageData, tolerance: PixelTolerance): string {
  if (!diff.sameSize) return `the size is ${diff.width}×${diff.height}, the baseline's ${expected.width}×${expected.height}`;
  const percent = (n: number) => `${(n * 100).toFixed(3)}%`;
  return (
    `${diff.differing} pixels (${percent(diff.fraction)}) differ by more than ${tolerance.channel}/255, ` +
    `more than the ${percent(tolerance.fraction)} allowed (largest difference ${Math.round(diff.maxDelta)}/255)`
  );
}

export interface BaselineOptions {
  readonly tolerance: PixelTolerance;
  /** The command that (re)creates baselines, for the failure messages. */
  readonly howToUpdate: string;
  /** False: never (re)write the baseline, even with UPDATE_BASELINES=1 (for checks meant to fail). */
  readonly update?: boolean;
}

/**
 * Fails unless `canvas` matches the PNG at `baselinePath` (relative to the project root) within the tolerance.
 * A missing or different baseline is (re)written only when the run has UPDATE_BASELINES=1; otherwise a missing
 * one fails with how to create it, and a different picture is written beside it as `<name>.actual.png`.
 */
export async function expectCanvasToMatchBaseline(canvas: HTMLCanvasElement, baselinePath: string, options: BaselineOptions): Promise<PixelDiff> {
  const { tolerance, howToUpdate } = options;
  const actual = canvasPixels(canvas);
  let expected = await loadPng(baselinePath);
  let diff = expected && comparePixels(actual, expected, tolerance.channel);
  if (!expected || !withinTolerance(diff!, tolerance)) {
    if (options.update !== false && (await baselineCommand('update', baselinePath, await pngBase64(canvas)))) {
      expected = await loadPng(baselinePath);
      if (!expected) throw new Error(`${baselinePath} was written but cannot be read back`);
      diff = comparePixels(actual, expected, tolerance.channel);
    } else if (!expected) {
      throw new Error(`There is no baseline at ${baselinePath}. Create it by running: ${howToUpdate}`);
    }
  }
  if (!withinTolerance(diff!, tolerance)) {
    const actualPath = actualPathOf(baselinePath);
    await baselineCommand('actual', actualPath, await pngBase64(canvas));
    throw new Error(
      `The picture differs from ${baselinePath}: ${explain(diff!, expected, tolerance)}. ` +
        `It was written to ${actualPath} to look at. If the change is intended, update the baseline: ${howToUpdate}`,
    );
  }
  await clearActual(baselinePath);
  return diff!;
}

/** Removes the picture a failed comparison left beside `baselinePath`, if any. */
export async function clearActual(baselinePath: string): Promise<void> {
  await baselineCommand('clear-actual', actualPathOf(baselinePath));
}
