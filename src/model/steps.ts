// Runs work written as a generator that yields between steps and returns its result: all at once, or in slices
// between which the event loop runs, so a large job (decoding a record, decompressing a buffer) never blocks the
// page in one long task.

/** Runs every step now and returns the result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface SliceOptions {
  /** Longest stretch of work before giving the event loop a turn (default 20 ms). */
  sliceMs?: number;
  /** Stops between steps with the signal's reason. */
  signal?: AbortSignal;
  /** How to give the event loop a turn (default: yieldToEventLoop). */
  yieldToEventLoop?: () => Promise<void>;
}

/** Runs the steps in slices of about `sliceMs`, giving the event loop a turn between slices. */
export async function runStepsSliced<T>(steps: Generator<void, T>, options: SliceOptions = {}): Promise<T> {
  const sliceMs = options.sliceMs ?? 20;
  const pause = options.yieldToEventLoop ?? yieldToEventLoop;
  let sliceStart = performance.now();
  for (;;) {
    options.signal?.throwIfAborted();
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= sliceMs) {
      await pause();
      sliceStart = performance.now();
    }
  }
}

let channel: MessageChannel | undefined;
const waiting: (() => void)[] = [];

/**
 * Resolves in a new task: lets input, rendering and other work run between steps. A message to self rather than
 * scheduler.yield or a timer: those are throttled or held back in background tabs, messages are not.
 */
export function yieldToEventLoop(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
