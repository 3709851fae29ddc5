// A clock whose time moves only when a test says so: hours of refreshes, back-off and retries in seconds.
import type { Clock, TimerHandle } from '../model/clock.js';

interface Timer {
  readonly at: number;
  readonly callback: () => void;
  readonly order: number;
}

export class FakeClock implements Clock {
  #now: number;
  #next = 1;
  readonly #timers = new Map<number, Timer>();

  constructor(startMs: number = Date.now()) {
    this.#now = startMs;
  }

  now = (): number => this.#now;

  setTimeout = (callback: () => void, ms: number): TimerHandle => {
    const id = this.#next++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), callback, order: id });
    return id;
  };

  clearTimeout = (handle: TimerHandle): void => {
    this.#timers.delete(handle as number);
  };

  /** Timers waiting to run. */
  get pending(): number {
    return this.#timers.size;
  }

  /** When the earliest timer falls due; undefined when none waits. */
  nextTimerAt(): number | undefined {
    let earliest: number | undefined;
    for (const timer of this.#timers.values()) if (earliest === undefined || timer.at < earliest) earliest = timer.at;
    return earliest;
  }

  /** Moves time to `ms` (never back), running every timer that falls due on the way, in time order. */
  advanceTo(ms: number): void {
    for (;;) {
      let due: [number, Timer] | undefined;
      for (const entry of this.#timers) {
        const [, timer] = entry;
        if (timer.at <= ms && (!due || timer.at < due[1].at || (timer.at === due[1].at && timer.order < due[1].order))) due = entry;
      }
      if (!due) break;
      this.#timers.delete(due[0]);
      this.#now = Math.max(this.#now, due[1].at);
      due[1].callback();
    }
    this.#now = Math.max(this.#now, ms);
  }

  advance(ms: number): void {
    this.advanceTo(this.#now + ms);
  }
}
