// A real connection that records every call it makes (method, window asked for, when it ran) and can hold
// calls back: tests count requests per element and check which window each one covered.
import { timestampMs } from '@bufbuild/protobuf/wkt';
import { type ParcaConnection, createConnection } from '../client/connection.js';
import { testEnv } from './env.js';

export type Method = 'profileTypes' | 'labels' | 'values' | 'queryRange' | 'query';

export interface RecordedCall {
  readonly method: Method;
  readonly request: Record<string, unknown>;
  readonly signal: AbortSignal | undefined;
  /** The window the call asked for, epoch ms (a diff's comparison side; undefined when it names none). */
  readonly window: { startMs: number; endMs: number } | undefined;
  /** Set when the call settled. */
  settled: boolean;
  /** Order of events across all calls: when it started, and when it settled (0 until then). */
  readonly startedSeq: number;
  settledSeq: number;
}

type Timestamp = { seconds: bigint; nanos: number };

/** The [start, end] a request covers, wherever its method keeps them. */
function windowOfRequest(request: Record<string, unknown>): RecordedCall['window'] {
  let holder = request as { start?: Timestamp; end?: Timestamp; options?: { case?: string; value?: unknown } };
  const options = holder.options;
  if (options?.case === 'merge') holder = options.value as typeof holder;
  else if (options?.case === 'diff') holder = (options.value as { b?: { options?: { value?: unknown } } }).b?.options?.value ?? {};
  if (!holder.start || !holder.end) return undefined;
  return { startMs: Number(timestampMs(holder.start as never)), endMs: Number(timestampMs(holder.end as never)) };
}

export function recordingConnection(inner: ParcaConnection = createConnection({ url: testEnv().parcaUrl })) {
  const calls: RecordedCall[] = [];
  let seq = 0;
  let release: () => void = () => {};
  let gate: Promise<void> = Promise.resolve();
  function record<R, T>(method: Method, run: (request: R, options: { signal?: AbortSignal | undefined } | undefined) => Promise<T>) {
    return (request: R, options?: { signal?: AbortSignal | undefined }): Promise<T> => {
      const call: RecordedCall = {
        method,
        request: request as Record<string, unknown>,
        signal: options?.signal,
        window: windowOfRequest(request as Record<string, unknown>),
        settled: false,
        startedSeq: ++seq,
        settledSeq: 0,
      };
      calls.push(call);
      const settle = () => {
        call.settled = true;
        call.settledSeq = ++seq;
      };
      const result = gate.then(() => run(request, options));
      result.then(settle, settle);
      return result;
    };
  }
  const connection: ParcaConnection = {
    url: inner.url,
    name: inner.name,
    authenticated: inner.authenticated,
    get callsInFlight() {
      return inner.callsInFlight;
    },
    get outcomes() {
      return inner.outcomes;
    },
    profileTypes: record('profileTypes', (r, o) => inner.profileTypes(r as never, o)),
    labels: record('labels', (r, o) => inner.labels(r as never, o)),
    values: record('values', (r, o) => inner.values(r as never, o)),
    queryRange: record('queryRange', (r, o) => inner.queryRange(r as never, o)),
    query: record('query', (r, o) => inner.query(r as never, o)),
  };
  return {
    connection,
    calls,
    /** Calls of one method (all when none is named). */
    of: (method?: Method) => calls.filter((call) => !method || call.method === method),
    /** Holds every later call back until release(). */
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
  };
}
