// Finds or builds the Parca server binary the tests, demo and benchmarks run against.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const PARCA_VERSION = '0.28.0';
const MODULE = 'github.com/parca-dev/parca';

/** Where a built binary is kept between runs: outside any clone, so CI's fresh clones reuse it. */
export function cacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'parca-elements', `parca-v${PARCA_VERSION}`);
}

function versionOf(bin: string): string | undefined {
  const run = spawnSync(bin, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.status !== 0) return undefined;
  return `${run.stdout}${run.stderr}`;
}

/** Parca v0.28.0's go.mod asks for this Go. */
export const GO_MINIMUM = [1, 25] as const;

/** The installed Go's version as [major, minor], or undefined when `go` is not on the PATH. */
function goVersion(): [number, number] | undefined {
  const run = spawnSync('go', ['version'], { encoding: 'utf8' });
  if (run.error || run.status !== 0) return undefined;
  const match = /go(\d+)\.(\d+)/.exec(run.stdout);
  return match ? [Number(match[1]), Number(match[2])] : [0, 0];
}

/**
 * Why no Parca can be had here, in one line saying what to install, or undefined when one can: `PARCA_BIN`, a
 * cached build, or a Go new enough to build one. Checked before anything starts, so a bare machine gets this
 * line instead of a stack trace.
 */
export function parcaProblem(): string | undefined {
  const fromEnv = process.env.PARCA_BIN;
  if (fromEnv)
    return existsSync(fromEnv) ? undefined : `PARCA_BIN=${fromEnv} does not exist: point it at a Parca v${PARCA_VERSION} binary, or unset it to build one with Go`;
  const bin = join(cacheDir(), 'parca');
  if (existsSync(bin) && versionOf(bin)?.includes(PARCA_VERSION)) return undefined;
  const need = `Go ${GO_MINIMUM.join('.')} or newer`;
  const go = goVersion();
  if (!go)
    return `Go is not installed: install ${need} (https://go.dev/dl/; Debian's golang package is often older) to build Parca v${PARCA_VERSION} once, or set PARCA_BIN to a Parca binary or PARCA_URL to a running Parca`;
  if (go[0] < GO_MINIMUM[0] || (go[0] === GO_MINIMUM[0] && go[1] < GO_MINIMUM[1])) {
    return `Go ${go.join('.')} is too old to build Parca v${PARCA_VERSION}: install ${need} (https://go.dev/dl/), or set PARCA_BIN to a Parca binary or PARCA_URL to a running Parca`;
  }
  return undefined;
}

function log(message: string): void {
  process.stderr.write(`[parca] ${message}\n`);
}

/**
 * Returns the path of a Parca v0.28.0 binary: `PARCA_BIN` when set, else the cached build, else a fresh
 * build from the Go module proxy (minutes on two cores, once per machine).
 */
export function ensureParcaBinary(): string {
  const fromEnv = process.env.PARCA_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(parcaProblem());
    return fromEnv;
  }
  const dir = cacheDir();
  const bin = join(dir, 'parca');
  if (existsSync(bin) && versionOf(bin)?.includes(PARCA_VERSION)) return bin;

  const problem = parcaProblem();
  if (problem) throw new Error(problem);
  mkdirSync(dir, { recursive: true });
  log(`building Parca v${PARCA_VERSION} into ${dir} (first run only; this takes a few minutes)`);
  const env = { ...process.env, GOBIN: dir };
  // The release build stamps its version the same way; it is how a cached binary is recognised.
  const flags = ['-trimpath', `-ldflags=-X main.version=v${PARCA_VERSION}`];
  const install = spawnSync('go', ['install', ...flags, `${MODULE}/cmd/parca@v${PARCA_VERSION}`], {
    env,
    stdio: ['ignore', 'inherit', 'pipe'],
    encoding: 'utf8',
  });
  if (install.status !== 0) {
    // Some module proxies refuse the version listing that `go install pkg@version` asks for (to look up
    // deprecations) while serving the version itself. Download that exact version and build it in place.
    log('go install failed; building from the downloaded module instead:\n' + install.stderr.trim());
    const info = JSON.parse(execFileSync('go', ['mod', 'download', '-json', `${MODULE}@v${PARCA_VERSION}`], { env, encoding: 'utf8' })) as { Dir: string };
    execFileSync('go', ['build', ...flags, '-o', bin, './cmd/parca'], { cwd: info.Dir, env, stdio: 'inherit' });
  }
  const version = versionOf(bin);
  if (!version?.includes(PARCA_VERSION)) throw new Error(`built ${bin} but it does not report v${PARCA_VERSION}`);
  return bin;
}
