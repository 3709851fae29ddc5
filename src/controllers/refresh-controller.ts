// Auto-refresh for a source: every interval, apply the query again (a relative range moves with time).
// Waits while the page is hidden and while the previous round's requests are still under way, and backs off
// while the server fails, resuming at the interval once it answers again.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ConnectionOutcomes, ParcaConnection } from '../client/connection.js';
import type { Clock, TimerHandle } from '../model/clock.js';
import { refreshDelay } from '../model/refresh.js';

export interface RefreshControllerOptions {
  /** Milliseconds between refreshes; 0 turns auto-refresh off. */
  interval(): number;
  clock(): Clock;
  connection(): ParcaConnection | undefined;
  /** Whether a refresh would change anything now (a query to run over a relative range). */
  worthwhile(): boolean;
  /** Applies the query again. */
  refresh(): void;
}

export class RefreshController implements ReactiveController {
  /** The clock's handle (TimerHandle is `unknown`): undefined while none is scheduled. */
  #timer: TimerHandle;
  #timerClock: Clock | undefined;
  #scheduled: { interval: number; clock: Clock } | undefined;
  /** A refresh fell due while the page was hidden: it runs when the page is shown. */
  #due = false;
  /** Rounds in a row that reached no server. */
  #failedRounds = 0;
  /** When the last round started (the clock's time). */
  #lastRoundAt = 0;
  /** The connection's outcome counts when the last round started, to judge it at the next tick. */
  #lastRound: { connection: ParcaConnection; outcomes: ConnectionOutcomes } | undefined;
  #connected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly options: RefreshControllerOptions,
  ) {
    host.addController(this);
  }

  /** Rounds in a row that failed to reach the server (0 when healthy): the back-off in effect. */
  get failedRounds(): number {
    return this.#failedRounds;
  }

  hostConnected(): void {
    this.#connected = true;
    document.addEventListener('visibilitychange', this.#onVisibility);
    this.#reschedule();
  }

  hostDisconnected(): void {
    this.#connected = false;
    document.removeEventListener('visibilitychange', this.#onVisibility);
    this.#clear();
    this.#scheduled = undefined;
  }

  hostUpdated(): void {
    const interval = this.options.interval();
    const clock = this.options.clock();
    if (this.#scheduled?.interval !== interval || this.#scheduled.clock !== clock) this.#reschedule();
  }

  /** The query was applied (by a user, or by a refresh): the next refresh is a full interval from now. */
  restart(): void {
    if (this.#connected) this.#reschedule();
  }

  #reschedule(): void {
    this.#clear();
    this.#due = false;
    const interval = this.options.interval();
    const clock = this.options.clock();
    this.#scheduled = { interval, clock };
    if (interval > 0) this.#start(interval);
  }

  #start(delay: number): void {
    this.#clear();
    const clock = this.options.clock();
    this.#timerClock = clock;
    this.#timer = clock.setTimeout(this.#tick, delay);
  }

  #clear(): void {
    if (this.#timer !== undefined) this.#timerClock?.clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  #tick = (): void => {
    this.#timer = undefined;
    const interval = this.options.interval();
    if (!(interval > 0)) return;
    if (document.visibilityState === 'hidden') {
      this.#due = true;
      return;
    }
    const connection = this.options.connection();
    // The previous round is still being answered: asking again would only pile requests up.
    if (connection && connection.callsInFlight > 0) {
      this.#start(interval);
      return;
    }
    this.#judgeLastRound(connection);
    // After a round that reached no server, wait longer before the next, counted from that round.
    const clock = this.options.clock();
    const wait = this.#lastRoundAt + refreshDelay(interval, this.#failedRounds) - clock.now();
    if (this.#failedRounds > 0 && wait > 0) {
      this.#start(wait);
      return;
    }
    if (this.options.worthwhile()) {
      this.#lastRound = connection && { connection, outcomes: connection.outcomes };
      this.#lastRoundAt = clock.now();
      this.options.refresh();
    }
    this.#start(interval);
  };

  /** A round that got no answer at all (only transient failures) counts as failed; any answer resets the count. */
  #judgeLastRound(connection: ParcaConnection | undefined): void {
    const last = this.#lastRound;
    this.#lastRound = undefined;
    if (!last || last.connection !== connection || !connection) return;
    const now = connection.outcomes;
    if (now.answered > last.outcomes.answered) this.#failedRounds = 0;
    else if (now.failedTransiently > last.outcomes.failedTransiently) this.#failedRounds++;
  }

  #onVisibility = (): void => {
    if (document.visibilityState === 'hidden' || !this.#due) return;
    this.#due = false;
    this.#tick();
  };
}
