// The few kinds of failure a person can act on, mapped from whatever the transport saw.
import { Code, ConnectError } from '@connectrpc/connect';

export type ParcaErrorKind =
  /** No answer: server down, wrong URL, DNS, or a CORS refusal (the browser hides which). */
  | 'unreachable'
  | 'unauthenticated'
  | 'forbidden'
  /** The server rejected the query itself (bad selector, unknown profile type); its message is kept. */
  | 'invalid-query'
  | 'timeout'
  | 'too-large'
  /** The server or a proxy failed (5xx, internal errors, a reply that is not gRPC-Web). */
  | 'server'
  /** A response arrived but could not be decoded (corrupt or truncated data). */
  | 'decode'
  /** The browser could not make or hand over what a user asked for: a PNG, a download, the clipboard. */
  | 'export'
  | 'aborted';

/** Kinds that may pass by themselves; retrying the others cannot help. */
export const TRANSIENT_KINDS: ReadonlySet<ParcaErrorKind> = new Set(['unreachable', 'timeout', 'server']);

export class ParcaError extends Error {
  override readonly name = 'ParcaError';
  constructor(
    readonly kind: ParcaErrorKind,
    message: string,
    /** The server's own words, when it said something (e.g. the selector parse error). */
    readonly serverMessage?: string,
    /** The gRPC code name, for logs and hosts that want it. */
    readonly code?: string,
  ) {
    super(message);
  }

  get transient(): boolean {
    return TRANSIENT_KINDS.has(this.kind);
  }
}

function where(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.origin + parsed.pathname.replace(/\/+$/, '');
  } catch {
    return url;
  }
}

/** Connect reports a fetch that never got an HTTP answer as UNKNOWN with the browser's TypeError text. */
function isNetworkFailure(error: ConnectError): boolean {
  if (error.code !== Code.Unknown && error.code !== Code.Unavailable) return false;
  return /failed to fetch|networkerror when attempting|load failed|fetch failed/i.test(error.rawMessage);
}

/** A body that stopped arriving after the answer began: Chrome's reader fails with "network error". */
function isCutOff(error: ConnectError): boolean {
  return /^network error$|terminated|premature end|missing trailer|unexpected end/i.test(error.rawMessage);
}

/** Bytes that are not a gRPC-Web answer at all: an HTML login page, a misrouted proxy. */
function isNotGrpcWeb(error: ConnectError): boolean {
  return /protocol error|unexpected content.type|invalid content.type|incomplete envelope/i.test(error.rawMessage);
}

/** A gRPC-Web answer whose message bytes do not decode. */
function isCorruptMessage(error: ConnectError): boolean {
  return /parse binary|cant skip wire type|invalid wire type|premature eof|illegal tag|invalid utf-?8/i.test(error.rawMessage);
}

/**
 * Maps an error thrown by a call to `url` to a ParcaError. Never includes credentials: only the URL's origin
 * and path are named (a URL with user info has it dropped by `URL.origin`).
 */
export function toParcaError(error: unknown, url: string, timeoutMs?: number): ParcaError {
  if (error instanceof ParcaError) return error;
  const server = where(url);
  if (error instanceof DOMException && error.name === 'AbortError') {
    return new ParcaError('aborted', 'The request was cancelled.');
  }
  const connect = ConnectError.from(error);
  const said = connect.rawMessage;
  const name = Code[connect.code];
  if (isNetworkFailure(connect)) {
    return new ParcaError(
      'unreachable',
      `Parca at ${server} could not be reached. Check that it is running and the URL is right; if it is, the ` +
        `server may not allow this page's origin (${globalThis.location?.origin ?? 'unknown'}): start Parca with ` +
        `--cors-allowed-origins including it.`,
      undefined,
      name,
    );
  }
  if (connect.code !== Code.DeadlineExceeded && connect.code !== Code.Canceled) {
    if (isCorruptMessage(connect)) {
      return new ParcaError('decode', `The answer from ${server} could not be read: it is corrupt or not from a compatible Parca (${said}).`, said, name);
    }
    if (isNotGrpcWeb(connect)) {
      return new ParcaError(
        'server',
        `${server} answered with something that is not Parca's gRPC-Web API (${said}). A login page or a ` +
          'misconfigured proxy may be in the way; check the URL and any path prefix.',
        said,
        name,
      );
    }
    if (isCutOff(connect)) {
      return new ParcaError(
        'server',
        `The answer from ${server} was cut off before it ended. A proxy or the server's write timeout may have ` + 'closed the connection; try a shorter range.',
        said,
        name,
      );
    }
  }
  switch (connect.code) {
    case Code.Canceled:
      return new ParcaError('aborted', 'The request was cancelled.', undefined, name);
    case Code.DeadlineExceeded:
      return new ParcaError('timeout', `Parca at ${server} did not answer within ${timeoutMs ? `${timeoutMs / 1000} s` : 'the time allowed'}.`, said, name);
    case Code.Unauthenticated:
      return new ParcaError(
        'unauthenticated',
        `Parca at ${server} (or a proxy in front of it) asked for credentials: check the user and password or token.`,
        said,
        name,
      );
    case Code.PermissionDenied:
      return new ParcaError('forbidden', `Parca at ${server} (or a proxy in front of it) refused access with these credentials or headers.`, said, name);
    case Code.InvalidArgument:
    case Code.NotFound:
    case Code.FailedPrecondition:
    case Code.OutOfRange:
      return new ParcaError('invalid-query', `Parca rejected the query: ${said}`, said, name);
    case Code.ResourceExhausted:
      return new ParcaError('too-large', `The answer from Parca at ${server} is too large (${said}). Narrow the time range or the label selector.`, said, name);
    case Code.Unimplemented:
      return new ParcaError('server', `${server} does not serve Parca's gRPC-Web API (the path was not found). Check the URL and any path prefix.`, said, name);
    case Code.Unavailable:
      return new ParcaError('server', `Parca at ${server} is unavailable: ${said}`, said, name);
    default:
      return new ParcaError('server', `Parca at ${server} failed: ${said}`, said, name);
  }
}
