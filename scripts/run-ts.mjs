// Runs a TypeScript module from scripts/ in Node 20, which cannot strip types itself: esbuild bundles
// the entry (project sources included, npm packages left external) into an ignored cache folder and
// the bundle is imported. A bundle takes milliseconds, so it is rebuilt every time rather than cached.
import { build } from 'esbuild';
import { mkdirSync, rmSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.env.PARCA_ELEMENTS_ROOT ??= root;
const outDir = join(root, 'node_modules', '.cache', 'parca-elements', 'scripts');

/** Bundles `entry` (a path relative to the project root) and returns the imported module. */
export async function importTs(entry) {
  mkdirSync(outDir, { recursive: true });
  // One file per process: several runs (a test run beside the demo) must not overwrite each other's bundle.
  const outfile = join(outDir, `${basename(entry).replace(/\.ts$/, '')}-${process.pid}.mjs`);
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'warning',
    // Bare imports resolve from the project's node_modules even though the bundle lives below it.
    absWorkingDir: root,
  });
  try {
    return await import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
  } finally {
    rmSync(outfile, { force: true });
  }
}
