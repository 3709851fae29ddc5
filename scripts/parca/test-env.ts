// Everything browser tests talk to: a seeded Parca (or PARCA_URL), a second Parca that refuses the test
// page's origin, an auth proxy in front of the first, and a port nobody listens on.
import type { TestEnv } from '../../src/test-support/env.js';
import { seedHostile } from './hostile.js';
import { startProxy } from './proxy.js';
import { seedParca } from './seed.js';
import { freePort, startParca, type ParcaServer } from './server.js';

export interface RunningTestEnv {
  env: TestEnv;
  /** Starts, stops and restarts a third Parca that tests may take down (on the same port each time). */
  chaos: ChaosParca;
  /** How many requests reached the proxy's `/count/<tag>/` route. */
  proxyCount(tag: string): number;
  stop(): Promise<void>;
}

export interface ChaosParca {
  start(): Promise<string>;
  stop(): Promise<void>;
  /** Writes the hostile profile (scripts/parca/hostile.ts) into it; answers the time it is anchored at. */
  seedHostile(): Promise<number>;
}

/** A seeded Parca that keeps its port across restarts, so a page's URL stays valid while it is down. */
function chaosParca(pageOrigin: string): ChaosParca {
  let server: ParcaServer | undefined;
  let port: number | undefined;
  return {
    async start() {
      if (!server) {
        port ??= await freePort();
        server = await startParca({ corsOrigins: [pageOrigin], port });
        await seedParca(server.url);
      }
      return server.url;
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    async seedHostile() {
      const url = await this.start();
      const atMs = Date.now();
      await seedHostile(url, atMs);
      return atMs;
    },
  };
}

function log(message: string): void {
  process.stderr.write(`[parca] ${message}\n`);
}

export async function startTestEnv(pageOrigin: string): Promise<RunningTestEnv> {
  const servers: ParcaServer[] = [];
  const started = Date.now();
  let parcaUrl = process.env.PARCA_URL?.replace(/\/+$/, '');
  const [main, refusing] = await Promise.all([
    parcaUrl ? undefined : startParca({ corsOrigins: [pageOrigin] }),
    startParca({ corsOrigins: ['http://elsewhere.invalid'] }),
  ]);
  if (main) servers.push(main);
  servers.push(refusing);
  parcaUrl ??= main!.url;
  const { seededAtMs, profiles } = await seedParca(parcaUrl);
  log(`Parca at ${parcaUrl} seeded with ${profiles} profiles in ${Date.now() - started} ms`);

  const secrets = {
    basic: { user: 'grafana', password: `pw-${Math.random().toString(36).slice(2)}` },
    bearer: `tok-${Math.random().toString(36).slice(2)}`,
    tenant: 'team-a',
  };
  const proxy = await startProxy({ target: parcaUrl, ...secrets });
  const closedUrl = `http://127.0.0.1:${await freePort()}`;
  const chaos = chaosParca(pageOrigin);
  return {
    chaos,
    proxyCount: (tag) => proxy.seen.get(`count/${tag}`) ?? 0,
    env: { parcaUrl, corsRefusingUrl: refusing.url, proxyUrl: proxy.url, closedUrl, seededAtMs, ...secrets },
    async stop() {
      await chaos.stop();
      await proxy.stop();
      await Promise.all(servers.map((s) => s.stop()));
    },
  };
}
