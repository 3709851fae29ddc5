/** Counts listeners added and not removed on `targets` while `run` executes (by type, net of removals and aborted signals). */
export async function netListeners(targets: EventTarget[], run: () => Promise<void>): Promise<Map<string, number>> {
  const net = new Map<string, number>();
  const restore: (() => void)[] = [];
  for (const target of targets) {
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the target's own method, called with .call(this) below and put back after the run.
    const add = target.addEventListener;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the target's own method, called with .call(this) below and put back after the run.
    const remove = target.removeEventListener;
    const live = new Set<unknown>();
    target.addEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
      if (listener && !live.has(listener) && !(typeof options === 'object' && options.once)) {
        live.add(listener);
        net.set(type, (net.get(type) ?? 0) + 1);
        // A listener added with a signal is removed by the browser when the signal aborts.
        const signal = typeof options === 'object' ? options.signal : undefined;
        signal?.addEventListener(
          'abort',
          () => {
            if (live.delete(listener)) net.set(type, (net.get(type) ?? 0) - 1);
          },
          { once: true },
        );
      }
      return add.call(this, type, listener, options);
    };
    target.removeEventListener = function (type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions) {
      if (listener && live.delete(listener)) net.set(type, (net.get(type) ?? 0) - 1);
      return remove.call(this, type, listener, options);
    };
    restore.push(() => {
      target.addEventListener = add;
      target.removeEventListener = remove;
    });
  }
  try {
    await run();
  } finally {
    for (const undo of restore) undo();
  }
  for (const [type, count] of net) if (count === 0) net.delete(type);
  return net;
}
