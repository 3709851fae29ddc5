// Work that can wait until the browser is idle (after the frame that shows the chart), with a bound on how
// long it waits. Safari has no requestIdleCallback: a task after the current one stands in for it there.

/** Runs `task` when the browser is idle, within `timeoutMs`; returns a function that cancels it. */
export function whenIdle(task: () => void, timeoutMs = 200): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(() => task(), { timeout: timeoutMs });
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(task, 0);
  return () => clearTimeout(id);
}
