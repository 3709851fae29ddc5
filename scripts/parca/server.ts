// Starts a Parca server on loopback, fully offline, and stops it with the process that started it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureParcaBinary } from './install.js';

export interface ParcaServer {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  readonly port: number;
  readonly logFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Origins allowed by CORS; `*` for any. */
  corsOrigins: string[];
  /** Scrape Parca's own pprof endpoints so live data keeps arriving (the demo). */
  scrapeSelf?: boolean;
  port?: number;
}

/** Asks the OS for a free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Each running server and its temporary folder. */
const running = new Map<ChildProcess, string>();
let exitHookInstalled = false;

/** Kills the servers and removes their folders: nothing of them stays behind. */
function stopAll(): void {
  for (const [child, work] of running) {
    child.kill('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  }
  running.clear();
}

// Whatever ends this process (a failing test run, Ctrl+C) ends the servers it started too.
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
}

function configYaml(dataDir: string, selfAddress?: string): string {
  const lines = ['object_storage:', '  bucket:', '    type: "FILESYSTEM"', '    config:', `      directory: "${dataDir}"`];
  if (selfAddress) {
    lines.push('scrape_configs:', '  - job_name: "parca"', '    scrape_interval: "10s"', '    static_configs:', `      - targets: ["${selfAddress}"]`);
  }
  return lines.join('\n') + '\n';
}

async function waitUntilReady(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  const tail = readFileSync(logFile, 'utf8').split('\n').slice(-20).join('\n');
  throw new Error(`Parca did not become ready at ${url} within ${timeoutMs} ms. Last log lines:\n${tail}`);
}

/** Starts Parca v0.28.0 with in-memory storage and no outbound network use. */
export async function startParca(options: StartOptions): Promise<ParcaServer> {
  const bin = ensureParcaBinary();
  const port = options.port ?? (await freePort());
  const address = `127.0.0.1:${port}`;
  const work = mkdtempSync(join(tmpdir(), 'parca-elements-'));
  const configPath = join(work, 'parca.yaml');
  writeFileSync(configPath, configYaml(join(work, 'bucket'), options.scrapeSelf ? address : undefined));
  const logFile = join(work, 'parca.log');
  const log = openSync(logFile, 'a');
  const closedPort = await freePort();
  const args = [
    `--config-path=${configPath}`,
    `--http-address=${address}`,
    `--cors-allowed-origins=${options.corsOrigins.join(',')}`,
    // Neither has an off switch: point them at a closed loopback port and an unresolvable name.
    `--debuginfod-upstream-servers=127.0.0.1:${closedPort}`,
    '--profile-share-server=profile-share.invalid:443',
    `--debuginfo-cache-dir=${join(work, 'debuginfod')}`,
    '--log-level=warn',
  ];
  installExitHook();
  const child = spawn(bin, args, { cwd: work, stdio: ['ignore', log, log] });
  running.set(child, work);
  const url = `http://${address}`;
  await waitUntilReady(url, child, logFile, 30_000);
  return {
    url,
    port,
    logFile,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      running.delete(child);
      rmSync(work, { recursive: true, force: true });
    },
  };
}
