// What elements may leave behind besides listeners: pending timers (setTimeout, setInterval,
// requestAnimationFrame, requestIdleCallback), running workers, and retained memory; and how many requests
// they made (the browser keeps a little memory per request, see leaks.test.ts). The timer, worker and fetch
// globals are wrapped when this module is first evaluated: import it before the code under test, so code that
// keeps a reference to a global keeps the wrapped one.
import { executeServerCommand } from '@web/test-runner-commands';

export type HandleKind = 'timeout' | 'interval' | 'animation-frame' | 'idle-callback' | 'worker';

/** Handles scheduled and not yet run or cancelled (timers), or started and not terminated (workers), with where. */
const live = new Map<unknown, { kind: HandleKind; stack: string }>();
let fetches = 0;

function where(): string {
  // The first frames are this module's wrappers.
  return (new Error().stack ?? '').split('\n').slice(3, 9).join('\n');
}

/** The test runner's command round trips arm a timeout they never clear: the harness's, not the page's. */
function byHarness(stack: string): boolean {
  return stack.includes('/__web-dev-server__web-socket.js');
}

function trackPair<A extends unknown[], H>(
  kind: HandleKind,
  schedule: (callback: (...args: never[]) => void, ...rest: A) => H,
  cancel: (handle: H) => void,
  once: boolean,
): [typeof schedule, typeof cancel] {
  return [
    (callback, ...rest) => {
      if (typeof callback !== 'function') return schedule(callback, ...rest);
      const handle = schedule(
        (...args: never[]) => {
          if (once) live.delete(handle);
          callback(...args);
        },
        ...rest,
      );
      const stack = where();
      if (!byHarness(stack)) live.set(handle, { kind, stack });
      return handle;
    },
    (handle) => {
      live.delete(handle);
      cancel(handle);
    },
  ];
}

function install(): void {
  const g = globalThis as unknown as Record<string, unknown> & { __parcaResourcesTracked?: boolean };
  if (g.__parcaResourcesTracked) return;
  g.__parcaResourcesTracked = true;
  const bind = <F>(name: string) => (g[name] as (...args: unknown[]) => unknown).bind(globalThis) as F;
  type Schedule = (callback: (...args: never[]) => void, ...rest: unknown[]) => unknown;
  type Cancel = (handle: unknown) => void;
  const pairs: [HandleKind, string, string, boolean][] = [
    ['timeout', 'setTimeout', 'clearTimeout', true],
    ['interval', 'setInterval', 'clearInterval', false],
    ['animation-frame', 'requestAnimationFrame', 'cancelAnimationFrame', true],
    ['idle-callback', 'requestIdleCallback', 'cancelIdleCallback', true],
  ];
  for (const [kind, scheduleName, cancelName, once] of pairs) {
    if (typeof g[scheduleName] !== 'function') continue;
    const [schedule, cancel] = trackPair(kind, bind<Schedule>(scheduleName), bind<Cancel>(cancelName), once);
    g[scheduleName] = schedule;
    g[cancelName] = cancel;
  }
  // clearTimeout and clearInterval share one pool of ids in browsers: either cancels either.
  g.clearInterval = g.clearTimeout;
  const nativeFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input, init) => {
    fetches++;
    return nativeFetch(input, init);
  };
  const NativeWorker = globalThis.Worker;
  if (NativeWorker) {
    globalThis.Worker = class extends NativeWorker {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        live.set(this, { kind: 'worker', stack: where() });
      }
      override terminate(): void {
        live.delete(this);
        super.terminate();
      }
    };
  }
}

install();

/** Requests made with fetch() so far. */
export function fetchCount(): number {
  return fetches;
}

/** The handles live now, to compare with later (see `handlesSince`). */
export function liveHandles(): ReadonlySet<unknown> {
  return new Set(live.keys());
}

/** Handles that are live now and were not in `before`: by kind, with where each was created. */
export function handlesSince(before: ReadonlySet<unknown>): { counts: Record<string, number>; stacks: string[] } {
  const counts: Record<string, number> = {};
  const stacks: string[] = [];
  for (const [handle, { kind, stack }] of live) {
    if (before.has(handle)) continue;
    counts[kind] = (counts[kind] ?? 0) + 1;
    stacks.push(`${kind}:\n${stack}`);
  }
  return { counts, stacks };
}

/** What is still alive in the page after a forced full garbage collection (see heap-command.mjs). */
export interface HeapFigures {
  /** JavaScript heap in use. */
  jsBytes: number;
  /** Blink's garbage-collected heap in use: DOM nodes, shadow roots, observers. */
  embedderBytes: number;
  /** Array buffers and external strings. */
  backingBytes: number;
  nodes: number;
  documents: number;
  jsEventListeners: number;
}

/** Collects garbage in the page (over the DevTools protocol) and measures what is left. */
export async function gcHeap(): Promise<HeapFigures> {
  return await executeServerCommand<HeapFigures, undefined>('gc-heap');
}
