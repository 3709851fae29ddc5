#!/usr/bin/env node
// Regenerates src/gen/ from proto/ using buf + the local protoc-gen-es plugin.
//
//   node scripts/build/gen.mjs          delete src/gen, then `buf generate`
//   node scripts/build/gen.mjs --check  generate into a temp dir and compare with
//                                       src/gen byte-for-byte; exit 1 when stale
//
// Works from any cwd: every path is resolved from this file's location.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, relative, sep } from 'node:path';
import { root } from '../paths.mjs';

const binDir = join(root, 'node_modules', '.bin');
const isWindows = process.platform === 'win32';
const buf = join(binDir, isWindows ? 'buf.cmd' : 'buf');
const genDir = join(root, 'src', 'gen');

function usage(code) {
  console.error('usage: node scripts/build/gen.mjs [--check]');
  process.exit(code);
}

const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) usage(0);
const unknown = args.filter((a) => a !== '--check');
if (unknown.length > 0) {
  console.error(`gen: unknown argument(s): ${unknown.join(' ')}`);
  usage(2);
}
const check = args.includes('--check');

if (!existsSync(buf)) {
  console.error(`gen: ${relative(process.cwd(), buf) || buf} not found; run npm install`);
  process.exit(2);
}

/**
 * Runs `buf generate` from the repo root. With outBase set, buf writes the
 * plugin's `out` (src/gen) below outBase instead of below the repo root.
 */
function generate(outBase) {
  const argv = ['generate', '--template', 'buf.gen.yaml'];
  if (outBase) argv.push('--output', outBase);
  // protoc-gen-es is declared as a `local` plugin, so buf looks it up on PATH.
  const env = { ...process.env, PATH: [binDir, process.env.PATH ?? ''].join(delimiter) };
  const res = spawnSync(buf, argv, { cwd: root, env, stdio: 'inherit', shell: isWindows });
  if (res.error) {
    console.error(`gen: failed to run buf: ${res.error.message}`);
    process.exit(2);
  }
  if (res.status !== 0) {
    console.error(`gen: buf generate failed (exit ${res.status ?? res.signal})`);
    process.exit(2);
  }
}

/** Relative POSIX-style paths of all files below dir (empty if dir is absent). */
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) =>
      relative(dir, join(d.parentPath ?? d.path, d.name))
        .split(sep)
        .join('/'),
    )
    .sort();
}

if (!check) {
  rmSync(genDir, { recursive: true, force: true });
  generate();
  const files = listFiles(genDir);
  console.log(`gen: wrote ${files.length} file(s) to ${relative(root, genDir).split(sep).join('/')}/`);
  process.exit(0);
}

const tmp = mkdtempSync(join(tmpdir(), 'parca-elements-gen-'));
const stale = [];
try {
  generate(tmp);
  const freshDir = join(tmp, 'src', 'gen');
  const fresh = new Set(listFiles(freshDir));
  const current = new Set(listFiles(genDir));
  for (const f of [...new Set([...fresh, ...current])].sort()) {
    if (!current.has(f)) stale.push(`missing   src/gen/${f}`);
    else if (!fresh.has(f)) stale.push(`obsolete  src/gen/${f}`);
    else if (!readFileSync(join(freshDir, f)).equals(readFileSync(join(genDir, f)))) {
      stale.push(`differs   src/gen/${f}`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (stale.length > 0) {
  console.error('src/gen is stale (run `npm run gen`):');
  for (const line of stale) console.error(`  ${line}`);
  process.exit(1);
}
console.log('src/gen is up to date');
