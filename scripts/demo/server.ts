// Serves demo/ with the library's TypeScript sources compiled on the fly, against a local seeded Parca that
// also scrapes itself (so live data keeps arriving), or against PARCA_URL.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startDevServer } from '@web/dev-server';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { seedParca } from '../parca/seed.js';
import { freePort, startParca } from '../parca/server.js';
import { projectRoot } from '../paths.js';

/** The strict-CSP page loads the one-file bundle, so it is built first (a few seconds). */
function buildBundle(): void {
  const run = spawnSync('npm', ['run', 'build', '--silent'], { cwd: projectRoot, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`npm run build failed (the strict-CSP demo page needs the bundle):\n${run.stdout}${run.stderr}`);
}

export interface Demo {
  url: string;
  parcaUrl: string;
  stop(): Promise<void>;
}

export async function startDemo(options: { port?: number; quiet?: boolean } = {}): Promise<Demo> {
  buildBundle();
  const port = options.port ?? (Number(process.env.PORT) || 8080);
  const origin = `http://localhost:${port}`;
  let parcaUrl = process.env.PARCA_URL?.replace(/\/+$/, '');
  let started = 'nothing: using PARCA_URL';
  let stopParca = async () => {};
  if (!parcaUrl) {
    // It listens on loopback and holds demo profiles only: any page may read it, so the README's snippet works
    // from any local page, whatever its port.
    const parca = await startParca({ corsOrigins: ['*'], scrapeSelf: true, port: await freePort() });
    const { profiles } = await seedParca(parca.url);
    parcaUrl = parca.url;
    stopParca = () => parca.stop();
    started = `Parca v0.28.0 at ${parca.url} (in memory, seeded with ${profiles} profiles, scraping itself every 10 s)`;
  }
  const config = `export const parcaUrl = ${JSON.stringify(parcaUrl)};\n`;
  const server = await startDevServer({
    config: {
      rootDir: projectRoot,
      port,
      hostname: 'localhost',
      // `parca-elements-source`: the package's own `#dev-mode` import resolves to src/ (see package.json's `imports`).
      nodeResolve: { exportConditions: ['parca-elements-source', 'development'] },
      appIndex: join(projectRoot, 'demo', 'index.html'),
      plugins: [
        esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(projectRoot, 'tsconfig.json') }),
        {
          name: 'demo-config',
          serve(context: { path: string }) {
            if (context.path === '/demo/config.js') return { body: config, type: 'js' };
            return undefined;
          },
        },
      ],
    },
    readCliArgs: false,
    readFileConfig: false,
    logStartMessage: false,
  });
  if (!options.quiet) {
    process.stdout.write(`\nparca-elements demo: ${origin}/demo/\n` + `  started: ${started}\n` + `  Parca:   ${parcaUrl}\n` + `Ctrl+C stops everything.\n`);
  }
  return {
    url: `${origin}/demo/`,
    parcaUrl,
    async stop() {
      await server.stop();
      await stopParca();
    },
  };
}
