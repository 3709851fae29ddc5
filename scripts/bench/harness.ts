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
}

export interface BenchModule {
  run(report: (measure: BenchMeasure) => void): Promise<void>;
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
