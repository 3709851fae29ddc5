// The connection to one Parca server: a gRPC-Web transport with auth, timeouts and typed errors.
import { type DescMessage, type MessageInitShape, create, toBinary } from '@bufbuild/protobuf';
import { type DescMethodUnary } from '@bufbuild/protobuf';
import { Code, ConnectError, type Interceptor } from '@connectrpc/connect';
import { createGrpcWebTransport } from '@connectrpc/connect-web';
import {
  LabelsRequestSchema,
  type LabelsResponse,
  ProfileTypesRequestSchema,
  type ProfileTypesResponse,
  QueryRangeRequestSchema,
  type QueryRangeResponse,
  QueryRangeResponseSchema,
  QueryRequestSchema,
  type QueryResponse,
  QueryService,
  ValuesRequestSchema,
  type ValuesResponse,
} from '../gen/parca/query/v1alpha1/query_pb.js';
import { type AuthOptions, authHeaders } from './auth.js';
import { ParcaError, toParcaError } from './errors.js';
import { SharedCalls, bytesKey } from './shared-calls.js';

export interface ConnectionOptions extends AuthOptions {
  /** Parca's base URL, optionally with a path prefix: `https://host/parca/` behind a reverse proxy. */
  url: string;
  /** How errors and events name this connection (a source's `name`). */
  name?: string | undefined;
  /** Cookie mode for proxies that authenticate with cookies: `include` sends them cross-origin. */
  credentials?: RequestCredentials | undefined;
  /** Time allowed for each call unless the call says otherwise. */
  timeoutMs?: number | undefined;
}

export interface CallOptions {
  signal?: AbortSignal | undefined;
  timeoutMs?: number | undefined;
}

/** Running totals since the connection was made: a refresh compares them to tell whether a round reached the server. */
export interface ConnectionOutcomes {
  readonly answered: number;
  readonly failedTransiently: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
/** The largest answer accepted: a bigger one fails as `too-large` instead of exhausting the page's memory. */
export const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

/**
 * A connection to Parca. Responses may be shared between callers that asked the same thing at the same time:
 * treat them as read-only. It keeps its credentials in a closure: no property, JSON form or string form of it
 * reveals them, so it can be passed through context and events safely.
 */
export interface ParcaConnection {
  /** The base URL without credentials. */
  readonly url: string;
  readonly name: string;
  /** Whether credentials or extra headers are configured (never what they are). */
  readonly authenticated: boolean;
  /** Distinct calls under way; identical requests made at the same time share one call. */
  readonly callsInFlight: number;
  /** Counts of calls the server answered (an error such as an invalid query included) and of calls that failed in a way that may pass (server down, timeout). */
  readonly outcomes: ConnectionOutcomes;
  profileTypes(request: MessageInitShape<typeof ProfileTypesRequestSchema>, options?: CallOptions): Promise<ProfileTypesResponse>;
  labels(request: MessageInitShape<typeof LabelsRequestSchema>, options?: CallOptions): Promise<LabelsResponse>;
  values(request: MessageInitShape<typeof ValuesRequestSchema>, options?: CallOptions): Promise<ValuesResponse>;
  queryRange(request: MessageInitShape<typeof QueryRangeRequestSchema>, options?: CallOptions): Promise<QueryRangeResponse>;
  query(request: MessageInitShape<typeof QueryRequestSchema>, options?: CallOptions): Promise<QueryResponse>;
}

/** Validates and normalizes a base URL; credentials in the URL itself are refused, not sent. */
export function normalizeBaseUrl(url: string, base: string | undefined = globalThis.location?.href): string {
  let parsed: URL;
  try {
    parsed = new URL(url, base);
  } catch {
    throw new ParcaError('unreachable', `"${url}" is not a URL: give Parca's address, e.g. http://localhost:7070`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ParcaError('unreachable', `Parca's URL must use http or https, not ${parsed.protocol}`);
  }
  if (parsed.username || parsed.password) {
    throw new ParcaError('unauthenticated', 'Put credentials in the user/password or token settings, not in the URL.');
  }
  return parsed.origin + parsed.pathname.replace(/\/+$/, '');
}

/**
 * Fetches, failing the body with RESOURCE_EXHAUSTED once more than MAX_RESPONSE_BYTES have arrived (the
 * gRPC-Web transport of connect-web has no read limit of its own); cancelling the body stops the download.
 */
async function fetchLimited(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init);
  let seen = 0;
  const body = response.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > MAX_RESPONSE_BYTES) controller.error(new ConnectError('more than 64 MiB', Code.ResourceExhausted));
        else controller.enqueue(chunk);
      },
    }),
  );
  return body ? new Response(body, response) : response;
}

/**
 * Parca answers a QueryRange that matches nothing with NOT_FOUND ("No data found ..."). For a chart that is an
 * empty result, not a failure.
 */
function noDataIsEmpty(error: unknown): QueryRangeResponse {
  const connect = ConnectError.from(error);
  if (connect.code === Code.NotFound && /no data found/i.test(connect.rawMessage)) return create(QueryRangeResponseSchema);
  throw error;
}

export function createConnection(options: ConnectionOptions): ParcaConnection {
  const url = normalizeBaseUrl(options.url);
  const headers = authHeaders(options);
  const addHeaders: Interceptor = (next) => (request) => {
    headers.forEach((value, key) => request.header.set(key, value));
    return next(request);
  };
  const credentials = options.credentials;
  const transport = createGrpcWebTransport({
    baseUrl: url,
    useBinaryFormat: true,
    interceptors: [addHeaders],
    fetch: (input, init) => fetchLimited(input, credentials ? { ...init, credentials } : init),
  });
  // Unary calls straight through the transport: the generated client's streaming machinery is never needed.
  const unary =
    <I extends DescMessage, O extends DescMessage>(method: DescMethodUnary<I, O>) =>
    (request: MessageInitShape<I>, options: { signal: AbortSignal; timeoutMs: number }) =>
      transport.unary(method, options.signal, options.timeoutMs, undefined, request).then((response) => response.message);
  const methods = QueryService.method;
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const shared = new SharedCalls();
  const outcomes = { answered: 0, failedTransiently: 0 };

  async function call<S extends DescMessage, T>(
    schema: S,
    request: MessageInitShape<S>,
    run: (o: { signal: AbortSignal; timeoutMs: number }) => Promise<T>,
    options?: CallOptions,
  ): Promise<T> {
    const timeoutMs = options?.timeoutMs ?? defaultTimeout;
    const key = `${schema.typeName}:${timeoutMs}:${bytesKey(toBinary(schema, create(schema, request)))}`;
    try {
      const value = await shared.run(key, (signal) => run({ signal, timeoutMs }), options?.signal);
      outcomes.answered++;
      return value;
    } catch (error) {
      // An abort requested by the caller is reported as such even if the transport saw something else.
      if (options?.signal?.aborted) throw new ParcaError('aborted', 'The request was cancelled.');
      const failure = toParcaError(error, url, timeoutMs);
      if (failure.transient) outcomes.failedTransiently++;
      else if (failure.kind !== 'aborted') outcomes.answered++;
      throw failure;
    }
  }

  const connection: ParcaConnection = {
    url,
    name: options.name ?? url,
    authenticated: [...headers.keys()].length > 0,
    profileTypes: (r, o) => call(ProfileTypesRequestSchema, r, (c) => unary(methods.profileTypes)(r, c), o),
    labels: (r, o) => call(LabelsRequestSchema, r, (c) => unary(methods.labels)(r, c), o),
    values: (r, o) => call(ValuesRequestSchema, r, (c) => unary(methods.values)(r, c), o),
    queryRange: (r, o) => call(QueryRangeRequestSchema, r, (c) => unary(methods.queryRange)(r, c).catch(noDataIsEmpty), o),
    query: (r, o) => call(QueryRequestSchema, r, (c) => unary(methods.query)(r, c), o),
    get callsInFlight() {
      return shared.size;
    },
    get outcomes() {
      return { ...outcomes };
    },
  };
  return Object.freeze(connection);
}
