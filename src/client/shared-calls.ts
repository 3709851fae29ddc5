// Identical requests in flight at once share one network call: twenty panels showing the same query ask
// Parca once. Each caller can still abort on its own; the call itself is aborted when its last caller leaves.
import { ParcaError } from './errors.js';

interface InFlight {
  readonly promise: Promise<unknown>;
  readonly abort: AbortController;
  callers: number;
}

export class SharedCalls {
  readonly #inFlight = new Map<string, InFlight>();

  /** How many distinct calls are under way (for tests and diagnostics). */
  get size(): number {
    return this.#inFlight.size;
  }

  run<T>(key: string, start: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(new ParcaError('aborted', 'The request was cancelled.'));
    let entry = this.#inFlight.get(key);
    if (!entry) {
      const abort = new AbortController();
      const created: InFlight = { promise: start(abort.signal), abort, callers: 0 };
      const forget = () => {
        if (this.#inFlight.get(key) === created) this.#inFlight.delete(key);
      };
      created.promise.then(forget, forget);
      this.#inFlight.set(key, created);
      entry = created;
    }
    const shared = entry;
    shared.callers++;
    return new Promise<T>((resolve, reject) => {
      let done = false;
      const leave = () => {
        if (done) return false;
        done = true;
        signal?.removeEventListener('abort', onAbort);
        shared.callers--;
        return true;
      };
      const onAbort = () => {
        if (!leave()) return;
        if (shared.callers === 0) {
          shared.abort.abort();
          if (this.#inFlight.get(key) === shared) this.#inFlight.delete(key);
        }
        reject(new ParcaError('aborted', 'The request was cancelled.'));
      };
      signal?.addEventListener('abort', onAbort);
      (shared.promise as Promise<T>).then(
        (value) => leave() && resolve(value),
        // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors -- passes on the shared call's own reason unchanged.
        (error: unknown) => leave() && reject(error),
      );
    });
  }
}

/** A map key for request bytes. */
export function bytesKey(bytes: Uint8Array): string {
  let key = '';
  for (let i = 0; i < bytes.length; i += 4096) key += String.fromCharCode(...bytes.subarray(i, i + 4096));
  return key;
}
