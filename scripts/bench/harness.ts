// What a benchmark page module exports, and the helpers it measures with. Runs in the browser.

/** One measured quantity of one case: every run's value, so the runner can take the median. */
export interface BenchMeasure {
  /** e.g. "1M nodes". */
  case: string;
  /** e.g. "first paint". */
  metric: string;
  unit: 'ms' | 'MB';
  values: number[];
  /** The target for the median, if it sets one (lower is better). */
  target?: number;
  /**
   * For redraws: every run's time from the input until the frame showing it was painted. Informative only: it
   * waits for the next frame (a frame is ~16.7 ms), so it reads as about one frame even when the work is small.
   */
  nextPaint?: number[];
}

export interface BenchModule {
  run(report: (measure: BenchMeasure) => void): Promise<void>;
}

/** `npm run bench` with BENCH_QUICK=1: one run of the smallest case, to check that a bench works. */
export const quick = new URLSearchParams(globalThis.location?.search ?? '').has('quick');

export interface RedrawTiming {
  /** Main-thread time of the redraw: the input and the update it starts, plus the draw in the next frame. */
  workMs: number;
  /** From the input until the frame with the redraw has been painted. */
  nextPaintMs: number;
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/**
 * Times a redraw made of `change()` (an input or a property set, which updates the element in microtasks and
 * schedules a requestAnimationFrame draw) and its draw in the next frame. The wait for that frame is idle time,
 * not work: the draw is timed between an animation-frame callback registered before the change (so it runs just
 * before the element's) and one registered after the update (so it runs just after). The second reads a pixel
 * of `canvas`, which makes Chromium rasterize the recorded drawing there, inside the measured time.
 */
export async function timeRedraw(canvas: HTMLCanvasElement, change: () => void, updated: () => Promise<unknown>): Promise<RedrawTiming> {
  let before: { frameTime: number; at: number } | undefined;
  requestAnimationFrame((frameTime) => (before = { frameTime, at: performance.now() }));
  const start = performance.now();
  change();
  await updated();
  const updateMs = performance.now() - start;
  const frameTime = await frame();
  canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  const drawnAt = performance.now();
  if (!before || before.frameTime !== frameTime) throw new Error('the redraw did not land in the frame it was timed in');
  // A message posted now is handled after this frame's style, layout and paint.
  await new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
  return { workMs: updateMs + (drawnAt - before.at), nextPaintMs: performance.now() - start };
}

/** Resolves after the browser has painted the current frame (two animation frames later). */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Used JS heap in MB (Chromium runs with --enable-precise-memory-info). */
export function heapMB(): number {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / (1024 * 1024) : Number.NaN;
}

/** Records the longest main-thread task while `run` executes. */
export async function longestTask<T>(run: () => Promise<T>): Promise<{ result: T; longestMs: number }> {
  let longestMs = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longestMs = Math.max(longestMs, entry.duration);
  });
  observer.observe({ type: 'longtask', buffered: false });
  const result = await run();
  await afterPaint();
  for (const entry of observer.takeRecords()) longestMs = Math.max(longestMs, entry.duration);
  observer.disconnect();
  return { result, longestMs };
}

export async function gc(): Promise<void> {
  (globalThis as { gc?: () => void }).gc?.();
  await afterPaint();
}
