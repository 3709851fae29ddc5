// `node scripts/build/manifest.mjs` regenerates custom-elements.json; `--check` fails when it is stale.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../paths.mjs';

const check = process.argv.includes('--check');
// The analyzer joins outdir to the working folder, so the scratch folder is a relative one.
const outdir = check ? join('node_modules', '.cache', 'parca-elements', `cem-${process.pid}`) : '.';
const run = spawnSync('npx', ['cem', 'analyze', '--quiet'], {
  cwd: root,
  env: { ...process.env, CEM_OUTDIR: outdir, npm_config_loglevel: 'error' },
  encoding: 'utf8',
});
if (run.status !== 0) {
  process.stderr.write(run.stderr + run.stdout);
  process.exit(2);
}
if (check) {
  const fresh = readFileSync(join(root, outdir, 'custom-elements.json'), 'utf8');
  rmSync(join(root, outdir), { recursive: true, force: true });
  let current = '';
  try {
    current = readFileSync(join(root, 'custom-elements.json'), 'utf8');
  } catch {}
  if (fresh !== current) {
    console.error('custom-elements.json is stale: run `npm run manifest` and commit it');
    process.exit(1);
  }
  console.log('custom-elements.json is up to date');
}
