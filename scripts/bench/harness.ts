// What a benchmark page module exports, and the helpers it measures with. Runs in the browser. Each page runs one
// scenario (one case of one contestant) in a fresh browser context; scripts/bench/run.mjs takes the medians.

/** One value measured in this page. */
export interface PageValue {
  metric: string;
  unit: 'ms' | 'MB' | 'count';
  value: number;
  /** For redraws: from the input until the frame showing it was painted (includes the wait for that frame). */
  nextPaint?: number;
}

export interface BenchModule {
  /** Runs the scenario named by the page's URL (`case`, `contestant`). */
  run(report: (value: PageValue) => void, params: URLSearchParams): Promise<void>;
}

export interface RedrawTiming {
  /** Main-thread time of the redraw: the input and the update it starts, plus the draw in the next frame. */
  workMs: number;
  /** From the input until the frame with the redraw has been painted. */
  nextPaintMs: number;
}

export const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));

/** Resolves in a new task (after a forced GC, say, so its task is not counted as the page's). */
export const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

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

/** Used JS heap in bytes after a forced GC (Chromium runs with --expose-gc and --enable-precise-memory-info). */
export function heapBytes(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? Number.NaN;
}

/** Watches main-thread tasks from now on; `stop()` returns the longest, in ms (0 when none passed 50 ms). */
export function watchLongTasks(): { stop(): Promise<number> } {
  let longest = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longest = Math.max(longest, entry.duration);
  });
  observer.observe({ type: 'longtask' });
  return {
    async stop() {
      // Long-task entries are delivered after the task: give them a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 50));
      for (const entry of observer.takeRecords()) longest = Math.max(longest, entry.duration);
      observer.disconnect();
      return longest;
    },
  };
}

// Canvas draws, counted the same way for every contestant: the 2D context's drawing methods are wrapped, and the
// calls made without a microtask checkpoint in between (one rAF callback, one React effect) form one draw. A draw
// ends with a one-pixel read, which makes Chromium rasterize what was recorded: its end is when the pixels exist.
export interface Draw {
  /** performance.now() when the draw (and its rasterization) ended. */
  end: number;
  /** Whether it put anything on the canvas (a clear alone does not). */
  painted: boolean;
  /** What the contestant's `isComplete` said right after it: all of the data was drawn. */
  complete: boolean;
}

const PAINTING = ['fillRect', 'strokeRect', 'fillText', 'strokeText', 'fill', 'stroke', 'drawImage', 'putImageData'] as const;
let openDraw: { ctx: CanvasRenderingContext2D; painted: boolean } | undefined;
let onDraw: ((ctx: CanvasRenderingContext2D, painted: boolean) => void) | undefined;

function noteCall(ctx: CanvasRenderingContext2D, painting: boolean): void {
  if (!onDraw) return;
  if (!openDraw) {
    openDraw = { ctx, painted: false };
    queueMicrotask(() => {
      const draw = openDraw!;
      openDraw = undefined;
      onDraw?.(draw.ctx, draw.painted);
    });
  }
  if (painting) openDraw.painted = true;
}

let patched = false;
function patchCanvas(): void {
  if (patched) return;
  patched = true;
  const proto = CanvasRenderingContext2D.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of [...PAINTING, 'clearRect']) {
    const original = proto[name]!;
    const painting = name !== 'clearRect';
    proto[name] = function (this: CanvasRenderingContext2D, ...args: unknown[]) {
      noteCall(this, painting);
      return original.apply(this, args);
    };
  }
}

/**
 * Records every canvas draw from now on into the returned list, each marked complete when `isComplete()` is true
 * right after it. `stop()` ends the recording.
 */
export function recordDraws(isComplete: () => boolean): { draws: Draw[]; stop(): void } {
  patchCanvas();
  const draws: Draw[] = [];
  onDraw = (ctx, painted) => {
    try {
      ctx.getImageData(0, 0, 1, 1);
    } catch {
      // A canvas of no size has no pixel to read; the draw still counts.
    }
    draws.push({ end: performance.now(), painted, complete: painted && isComplete() });
  };
  return { draws, stop: () => (onDraw = undefined) };
}

/** Waits until a complete draw is in `draws` and two whole animation frames passed without another. */
export async function untilStable(draws: readonly Draw[], start: number, timeoutMs = 60_000): Promise<void> {
  let seen = 0;
  let quietFrames = 0;
  for (;;) {
    await frame();
    // This callback runs before the frame's own draws (it was registered a frame earlier): a count unchanged
    // since the last callback means the whole previous frame drew nothing.
    if (draws.length !== seen) {
      seen = draws.length;
      quietFrames = 0;
    } else quietFrames++;
    if (quietFrames >= 2 && draws.some((d) => d.complete)) return;
    if (performance.now() - start > timeoutMs) throw new Error(`no stable canvas after ${timeoutMs} ms (${draws.length} draws)`);
  }
}

export interface LoadTiming {
  /** Hand-over → the end of the first draw that put anything on the canvas (the first levels visible). */
  firstDrawMs: number;
  /** Hand-over → the end of the first draw made with all of the data. */
  firstCompleteMs: number;
  /** Hand-over → the end of the last draw before two animation frames passed without one: "first paint". */
  stableMs: number;
  /** Canvas draws from the hand-over until stable. */
  draws: number;
  /** Of them, the draws with all of the data (the others show part of it: a large graph's top levels). */
  completeDraws: number;
}

/**
 * Hands data over with `handOver()` and waits for a stable canvas: a complete draw (`isComplete()` true right
 * after it), then two whole animation frames without any draw. Times are from the hand-over.
 */
export async function loadUntilStable(handOver: () => void, isComplete: () => boolean, timeoutMs = 60_000): Promise<LoadTiming> {
  const recording = recordDraws(isComplete);
  const { draws } = recording;
  const start = performance.now();
  try {
    handOver();
    await untilStable(draws, start, timeoutMs);
  } finally {
    recording.stop();
  }
  const firstPainted = draws.find((d) => d.painted)!;
  const firstComplete = draws.find((d) => d.complete)!;
  return {
    firstDrawMs: firstPainted.end - start,
    firstCompleteMs: firstComplete.end - start,
    stableMs: draws.at(-1)!.end - start,
    draws: draws.length,
    completeDraws: draws.filter((d) => d.complete).length,
  };
}

/**
 * For a contestant that draws with DOM (SVG) rather than a canvas: hands data over and waits until `target`'s
 * subtree stops changing: two whole animation frames without a change. A frame's paint ends when a message posted
 * from its animation callback is handled (after its style, layout and paint); a "draw" is a painted frame with
 * changes since the one before. Every draw counts as complete (such a contestant shows all it has at once).
 */
export async function loadUntilDomStable(handOver: () => void, target: Node, timeoutMs = 60_000): Promise<LoadTiming> {
  const changes: number[] = [];
  const observer = new MutationObserver(() => changes.push(performance.now()));
  observer.observe(target, { subtree: true, childList: true, attributes: true, characterData: true });
  const paintEnds: number[] = [];
  const afterThisFrame = () =>
    new Promise<void>((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(void paintEnds.push(performance.now()));
      channel.port2.postMessage(null);
    });
  const start = performance.now();
  try {
    handOver();
    let seen = 0;
    let quietFrames = 0;
    for (;;) {
      await frame();
      void afterThisFrame();
      if (observer.takeRecords().length > 0) changes.push(performance.now());
      if (changes.length !== seen) {
        seen = changes.length;
        quietFrames = 0;
      } else if (++quietFrames >= 2 && seen > 0) break;
      if (performance.now() - start > timeoutMs) throw new Error(`no stable DOM after ${timeoutMs} ms`);
    }
    await afterThisFrame();
  } finally {
    observer.disconnect();
  }
  const paintedAfter = (at: number) => paintEnds.find((end) => end >= at)!;
  const draws = paintEnds.filter((end, i) => changes.some((at) => at <= end && at > (paintEnds[i - 1] ?? -Infinity))).length;
  return {
    firstDrawMs: paintedAfter(changes[0]!) - start,
    firstCompleteMs: paintedAfter(changes[0]!) - start,
    stableMs: paintedAfter(changes.at(-1)!) - start,
    draws,
    completeDraws: draws,
  };
}
