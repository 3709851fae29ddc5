// A small reverse proxy in front of Parca, standing in for what real deployments put there: a path prefix,
// basic or bearer auth, header checks, and slow answers. Each behaviour is a path prefix, so one proxy serves
// every test: `/parca/…` forwards, `/basic/…` wants basic auth, `/bearer/…` a bearer token, `/tenant/…` an
// `X-Scope-OrgID` header, `/forbidden/…` always answers 403, `/delay/<ms>/…` waits before forwarding.
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
  /** Requests seen, by route, so tests can assert what reached the proxy. */
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

function forward(req: IncomingMessage, res: ServerResponse, target: URL, path: string): void {
  const headers = { ...req.headers, host: target.host };
  delete headers.authorization;
  const upstream = request(
    { hostname: target.hostname, port: target.port, path, method: req.method, headers },
    (reply) => {
      const out = { ...reply.headers };
      // The proxy, not Parca, decides CORS for its own origin.
      for (const name of Object.keys(out)) if (name.startsWith('access-control-')) delete out[name];
      allowCors(req, res);
      res.writeHead(reply.statusCode ?? 502, out);
      reply.pipe(res);
    },
  );
  upstream.on('error', () => {
    if (!res.headersSent) refuse(req, res, 502);
    else res.destroy();
  });
  req.on('aborted', () => upstream.destroy());
  req.pipe(upstream);
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
        return authorized(req.headers.authorization, `Bearer ${options.bearer}`)
          ? forward(req, res, target, path)
          : refuse(req, res, 401);
      case 'tenant':
        return req.headers['x-scope-orgid'] === options.tenant ? forward(req, res, target, path) : refuse(req, res, 403);
      case 'forbidden':
        return refuse(req, res, 403);
      case 'delay': {
        const [ms = '0', ...after] = rest;
        path = '/' + after.join('/');
        const timer = setTimeout(() => forward(req, res, target, path), Number(ms));
        req.on('close', () => clearTimeout(timer));
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
