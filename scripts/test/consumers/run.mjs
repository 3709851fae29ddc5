// The consumer suite: the package as its users get it. Builds and packs the tarball, installs it into fresh
// projects and checks each, printing `ok   consumer/<name>` or `FAIL consumer/<name>` with the reason
// (scripts/test/run.mjs counts these lines):
//   strict-ts    strict TypeScript (skipLibCheck off, nodenext) compiling typed uses of every element, event and
//                error kind
//   vite-app     a Vite build importing the define entry and one element's entry, with no warning, run in
//                Chromium; then Vite's dev server, where the `development` condition must bring the warnings
//   react-app    a React 19 TSX app with parca-elements/react: type-checked, built by Vite, run in Chromium
//   bundle-page  a plain HTML page loading the one-file bundle from the unpacked tarball, in Chromium
// The projects live outside this repository (under the user's cache folder, made anew each run), so nothing
// resolves from the repository's node_modules; the npm cache keeps repeated installs fast.
// Options: --only strict-ts,vite-app   --tarball <file> (check a package packed elsewhere instead of building)
//          --keep (keep the projects, as a failed run does)
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { chromiumProblem } from '../prerequisites.mjs';
import { root } from '../../paths.mjs';
import { launchBrowser, serveFolder, visit } from './browser.mjs';

const projects = join(root, 'scripts', 'test', 'consumers', 'projects');
/** The Vite the bundler consumers use: a release checked to install and build here. */
const VITE = '8.3.8';
const base = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'parca-elements', 'consumers');
const work = join(base, String(process.pid));

function option(name) {
  const at = process.argv.indexOf(name);
  return at < 0 ? undefined : process.argv[at + 1];
}

class Failure extends Error {}

/** Runs a command; throws a Failure with the end of its output when it fails. */
function run(command, args, cwd, { timeoutMs = 180_000 } = {}) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: timeoutMs,
    env: { ...process.env, npm_config_loglevel: 'error', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_update_notifier: 'false' },
  });
  if (result.status === 0) return result.stdout;
  // The end of what it said, less native stack backtraces (a bundler's panic carries dozens of frames).
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n');
  const output = lines
    .filter((line) => !/^\s*(\d+: |at \.|at \/|Stack backtrace:)/.test(line))
    .slice(-40)
    .join('\n');
  throw new Failure(
    `\`${[command, ...args].join(' ')}\` ${result.error ? `failed: ${result.error.message}` : `exited ${result.status}`}${output ? `:\n${output}` : ''}`,
  );
}

/** The version of a package this repository installed, so the consumers test what the library is tested with. */
function installed(name) {
  return JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
}

/** A fresh project folder from projects/<name> (and projects/common), with a package.json of `dependencies`. */
function makeProject(name, dependencies, tarball) {
  const dir = join(work, name);
  cpSync(join(projects, name), dir, { recursive: true });
  cpSync(join(projects, 'common'), dir, { recursive: true });
  const pkg = { name: `consumer-${name}`, private: true, type: 'module', dependencies: { 'parca-elements': `file:${tarball}`, ...dependencies } };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
  run('npm', ['install', '--prefer-offline', '--no-package-lock'], dir);
  return dir;
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
    server.on('error', fail);
  });
}

/** Starts `node vite-serve.mjs` in `dir` and resolves its URL once it listens; `stop()` ends it. */
async function startViteDev(dir) {
  const child = spawn('node', ['vite-serve.mjs', String(await freePort())], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Failure(`Vite's dev server did not start within 30 s:\n${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const ready = /READY (\S+)/.exec(output);
      if (ready) {
        clearTimeout(timer);
        done(ready[1]);
      }
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => fail(new Failure(`Vite's dev server exited (${code}):\n${output}`)));
  });
  return {
    url,
    stop: () => {
      child.kill();
      return new Promise((done) => (child.exitCode !== null ? done() : child.on('exit', done)));
    },
  };
}

let browser;
async function page(url, options) {
  const problem = chromiumProblem();
  if (problem) throw new Failure(problem);
  browser ??= await launchBrowser();
  return visit(browser, url, options);
}

/** Fails with the page's problems, if any. */
function expectClean(what, { problems }) {
  if (problems.length) throw new Failure(`${what}:\n${problems.join('\n')}`);
}

/** Serves `dir/dist` and opens it: no problem, and no development warning in a production build. */
async function checkProductionBuild(dir, what) {
  const built = join(dir, 'dist');
  const code = readdirSync(join(built, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(join(built, 'assets', f), 'utf8'))
    .join('\n');
  if (code.includes('parca-elements: ')) throw new Failure(`${what}: the production build still holds the development warnings`);
  const server = await serveFolder(built);
  try {
    // Long enough for the development checks (2 s after load) to have spoken, were they there.
    const seen = await page(server.url, { settleMs: 2_500 });
    expectClean(what, seen);
    if (seen.devWarnings.length) throw new Failure(`${what}: development warnings in production:\n${seen.devWarnings.join('\n')}`);
  } finally {
    await server.close();
  }
}

const consumers = {
  async 'strict-ts'(tarball) {
    const dir = makeProject('strict-ts', { typescript: installed('typescript') }, tarball);
    run('node', ['node_modules/typescript/bin/tsc', '-p', '.'], dir);
  },

  async 'vite-app'(tarball) {
    const dir = makeProject('vite-app', { vite: VITE }, tarball);
    run('node', ['vite-build.mjs'], dir);
    await checkProductionBuild(dir, 'the built app in Chromium');
    // Development: Vite's dev server sets the `development` condition, so the flame graph, which has no
    // connection, says so once the page has settled.
    const dev = await startViteDev(dir);
    try {
      const seen = await page(dev.url, { settleMs: 3_000, timeoutMs: 60_000 });
      expectClean("the app on Vite's dev server", seen);
      if (!seen.devWarnings.some((w) => w.includes('has no connection'))) {
        throw new Failure(`the app on Vite's dev server (the development condition) gave no development warning; it gave: ${JSON.stringify(seen.devWarnings)}`);
      }
    } finally {
      await dev.stop();
    }
  },

  async 'react-app'(tarball) {
    const versions = Object.fromEntries(
      ['react', 'react-dom', '@types/react', '@types/react-dom', '@lit/react', 'typescript'].map((name) => [name, installed(name)]),
    );
    const dir = makeProject('react-app', { ...versions, vite: VITE }, tarball);
    run('node', ['node_modules/typescript/bin/tsc', '-p', '.'], dir);
    run('node', ['vite-build.mjs'], dir);
    await checkProductionBuild(dir, 'the React app in Chromium');
  },

  async 'bundle-page'(tarball) {
    const dir = join(work, 'bundle-page');
    cpSync(join(projects, 'bundle-page'), dir, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', dir]);
    const bundle = readFileSync(join(dir, 'package', 'dist', 'parca-elements.bundle.js'), 'utf8');
    if (bundle.includes('parca-elements: ')) throw new Failure('the one-file bundle holds the development warnings');
    const server = await serveFolder(dir);
    try {
      const seen = await page(server.url, { settleMs: 2_500 });
      expectClean('the page in Chromium', seen);
      if (seen.devWarnings.length) throw new Failure(`development warnings from the one-file bundle:\n${seen.devWarnings.join('\n')}`);
    } finally {
      await server.close();
    }
  },
};

/** Builds this repository's package from scratch and packs it; returns the tarball's path. */
function pack() {
  rmSync(join(root, 'dist'), { recursive: true, force: true });
  run('npx', ['tsc', '-p', 'tsconfig.build.json'], root);
  run('npx', ['rollup', '-c', 'rollup.config.mjs', '--silent'], root);
  const [packed] = JSON.parse(run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], root));
  return join(work, packed.filename);
}

/** Leftovers of earlier runs whose process is gone (a failed run keeps its folder to look into). */
function removeStale() {
  if (!existsSync(base)) return;
  for (const name of readdirSync(base)) {
    try {
      process.kill(Number(name), 0);
    } catch {
      rmSync(join(base, name), { recursive: true, force: true });
    }
  }
}

/** A node_modules above the projects would answer for packages they lack, hiding a missing dependency. */
function ancestorNodeModules() {
  for (let dir = dirname(work); dir !== dirname(dir); dir = dirname(dir)) {
    if (existsSync(join(dir, 'node_modules'))) return join(dir, 'node_modules');
  }
  return undefined;
}

const only = option('--only')?.split(',');
const names = Object.keys(consumers).filter((name) => !only || only.includes(name));
removeStale();
mkdirSync(work, { recursive: true });
let failures = 0;
const say = (ok, name, seconds, reason) => {
  if (!ok) failures++;
  console.log(`${ok ? 'ok  ' : 'FAIL'} consumer/${name} (${seconds.toFixed(1)} s)${reason ? `\n  ${reason.replace(/\n/g, '\n  ')}` : ''}`);
};
try {
  const started = performance.now();
  let tarball;
  let setupProblem = ancestorNodeModules() && `${ancestorNodeModules()} would answer for packages the projects lack: remove it or set XDG_CACHE_HOME elsewhere`;
  if (!setupProblem) {
    try {
      if (option('--tarball')) {
        tarball = resolve(option('--tarball'));
        if (!existsSync(tarball)) throw new Failure(`no tarball at ${tarball}`);
      } else {
        tarball = pack();
        console.log(`packed ${tarball} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    } catch (error) {
      if (!(error instanceof Failure)) throw error;
      setupProblem = `building and packing the package failed: ${error.message}`;
    }
  }
  for (const name of names) {
    const start = performance.now();
    try {
      if (setupProblem) throw new Failure(setupProblem);
      await consumers[name](tarball);
      say(true, name, (performance.now() - start) / 1000);
    } catch (error) {
      say(false, name, (performance.now() - start) / 1000, error instanceof Failure ? error.message : error.stack);
    }
  }
  console.log(`consumers: ${((performance.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await browser?.close();
  if (failures || process.argv.includes('--keep')) console.log(`the projects are kept in ${work} to look into`);
  else rmSync(work, { recursive: true, force: true });
}
process.exit(failures ? 1 : 0);
