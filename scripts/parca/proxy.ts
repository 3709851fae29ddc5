// A small reverse proxy in front of Parca, standing in for what real deployments put there: a path prefix,
// basic or bearer auth, header checks, and the faults real networks produce. Each behaviour is a path prefix,
// so one proxy serves every test: `/parca/…` forwards, `/basic/…` wants basic auth, `/bearer/…` a bearer token,
// `/tenant/…` an `X-Scope-OrgID` header, `/forbidden/…` always answers 403, `/delay/<ms>/…` waits before
// forwarding, `/status/<code>/…` answers that HTTP status, `/html/…` answers 200 with an HTML page (a login
// page or a misrouted proxy), `/drop/…` closes the connection without an answer, `/cut/…` forwards but
// closes the connection half-way through the answer, `/garbage/…` forwards with the answer's body bytes
// flipped, `/huge/…` forwards with the answer's message padded past 64 MiB, `/slow/<tag>/<ms>/…` waits and
// counts arrivals and abandoned requests per tag.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ProxyOptions {
  /** Parca's base URL. */
  target: string;
  basic: { user: string; password: string };
  bearer: string;
  tenant: string;
}

export interface Proxy {
  readonly url: string;
  /** Requests seen, by route (and by tag for `/count/<tag>/…`), so tests can assert what reached the proxy. */
  readonly seen: Map<string, number>;
  stop(): Promise<void>;
}

function allowCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  if (!origin) return;
  res.setHeader('Access-Control-Allow-Origin', origin);
  res.setHeader('Access-Control-Allow-Credentials', 'true');
  res.setHeader('Access-Control-Expose-Headers', 'grpc-status, grpc-message, grpc-status-details-bin');
  res.setHeader('Vary', 'Origin');
}

function refuse(req: IncomingMessage, res: ServerResponse, status: number): void {
  allowCors(req, res);
  res.writeHead(status, { 'Content-Type': 'text/plain' });
  res.end(status === 401 ? 'authentication required\n' : 'forbidden\n');
}

/**
 * Forwards to Parca. With `alter`, the whole answer body is buffered and changed first; with `cut`, the
 * connection is destroyed after the altered bytes are sent (no proper end of the response).
 */
function forward(req: IncomingMessage, res: ServerResponse, target: URL, path: string, alter?: (body: Buffer) => Uint8Array, cut = false): void {
  const headers = { ...req.headers, host: target.host };
  delete headers.authorization;
  const upstream = request({ hostname: target.hostname, port: target.port, path, method: req.method, headers }, (reply) => {
    const out = { ...reply.headers };
    // The proxy, not Parca, decides CORS for its own origin.
    for (const name of Object.keys(out)) if (name.startsWith('access-control-')) delete out[name];
    allowCors(req, res);
    if (!alter) {
      res.writeHead(reply.statusCode ?? 502, out);
      reply.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    reply.on('data', (chunk: Buffer) => chunks.push(chunk));
    reply.on('end', () => {
      const body = alter(Buffer.concat(chunks));
      delete out['content-length'];
      res.writeHead(reply.statusCode ?? 502, out);
      if (cut) {
        res.write(body, () => res.destroy());
        return;
      }
      res.end(body);
    });
  });
  upstream.on('error', () => {
    if (!res.headersSent) refuse(req, res, 502);
    else res.destroy();
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
}

/** How far `/huge/` pads a message: past the client's 64 MiB limit whatever the message was. */
const HUGE_PADDING_BYTES = 64 * 1024 * 1024;

function varint(value: number): number[] {
  const bytes: number[] = [];
  for (; value > 0x7f; value = Math.floor(value / 128)) bytes.push((value & 0x7f) | 0x80);
  bytes.push(value);
  return bytes;
}

/**
 * Fault injection: Parca's real gRPC-Web answer with each message frame padded by an unknown bytes field
 * (number 10000, ignored by decoders), so the frame is still valid and announces more than 64 MiB.
 */
function enlarge(body: Buffer): Uint8Array {
  const padding = Buffer.concat([Buffer.from([...varint((10000 << 3) | 2), ...varint(HUGE_PADDING_BYTES)]), Buffer.alloc(HUGE_PADDING_BYTES)]);
  const out: Buffer[] = [];
  for (let at = 0; at + 5 <= body.length;) {
    const flags = body[at]!;
    const length = body.readUInt32BE(at + 1);
    const message = body.subarray(at + 5, at + 5 + length);
    // Trailer frames (flag 0x80) are kept as they are.
    const payload = flags & 0x80 ? message : Buffer.concat([message, padding]);
    const header = Buffer.alloc(5);
    header[0] = flags;
    header.writeUInt32BE(payload.length, 1);
    out.push(header, payload);
    at += 5 + length;
  }
  return Buffer.concat(out);
}

function authorized(header: string | undefined, expected: string): boolean {
  return header === expected;
}

export async function startProxy(options: ProxyOptions): Promise<Proxy> {
  const target = new URL(options.target);
  const seen = new Map<string, number>();
  const basic = 'Basic ' + Buffer.from(`${options.basic.user}:${options.basic.password}`).toString('base64');
  const server = createServer((req, res) => {
    const url = req.url ?? '/';
    const [, route = '', ...rest] = url.split('/');
    seen.set(route, (seen.get(route) ?? 0) + 1);
    if (req.method === 'OPTIONS') {
      allowCors(req, res);
      res.setHeader('Access-Control-Allow-Methods', 'POST, GET, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? '*');
      res.writeHead(204).end();
      return;
    }
    let path = '/' + rest.join('/');
    switch (route) {
      case 'parca':
        return forward(req, res, target, path);
      case 'basic':
        return authorized(req.headers.authorization, basic) ? forward(req, res, target, path) : refuse(req, res, 401);
      case 'bearer':
        return authorized(req.headers.authorization, `Bearer ${options.bearer}`) ? forward(req, res, target, path) : refuse(req, res, 401);
      case 'tenant':
        return req.headers['x-scope-orgid'] === options.tenant ? forward(req, res, target, path) : refuse(req, res, 403);
      case 'forbidden':
        return refuse(req, res, 403);
      case 'status': {
        const [code = '500'] = rest;
        allowCors(req, res);
        res.writeHead(Number(code), { 'Content-Type': 'text/plain' }).end(`status ${code}\n`);
        return;
      }
      case 'html':
        allowCors(req, res);
        res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>Sign in</title><form></form>');
        return;
      case 'drop':
        req.socket.destroy();
        return;
      case 'cut':
        return forward(req, res, target, path, (body) => body.subarray(0, Math.floor(body.length / 2)), true);
      case 'garbage':
        return forward(req, res, target, path, (body) => body.map((byte, i) => (i >= 5 ? byte ^ 0x5a : byte)));
      case 'count': {
        // Forwards like /parca/, counting requests per tag: tests ask how many calls really reached Parca.
        const [tag = '', ...after] = rest;
        seen.set(`count/${tag}`, (seen.get(`count/${tag}`) ?? 0) + 1);
        return forward(req, res, target, '/' + after.join('/'));
      }
      case 'delay': {
        const [ms = '0', ...after] = rest;
        path = '/' + after.join('/');
        const timer = setTimeout(() => forward(req, res, target, path), Number(ms));
        req.on('close', () => clearTimeout(timer));
        return;
      }
      case 'huge':
        // Uncompressed, so the frames can be rewritten.
        delete req.headers['accept-encoding'];
        return forward(req, res, target, path, enlarge);
      case 'slow': {
        // Like /delay/, counting per tag the requests that arrive and those the client abandoned before the
        // whole answer was sent (`<tag>/aborted`): tests see that a timed-out request was really cancelled.
        const [tag = '', ms = '0', ...after] = rest;
        const count = (key: string) => seen.set(key, (seen.get(key) ?? 0) + 1);
        count(`count/${tag}`);
        const timer = setTimeout(() => forward(req, res, target, '/' + after.join('/')), Number(ms));
        res.on('close', () => {
          clearTimeout(timer);
          if (!res.writableFinished) count(`count/${tag}/aborted`);
        });
        return;
      }
      default:
        allowCors(req, res);
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
