// The test server's side of visual baselines (src/test-support/visual.ts), run by web-test-runner's
// `visual-baseline` command. A test page may only touch PNGs under src/: baselines are written only when the
// run was started with UPDATE_BASELINES=1, so an ordinary run can never make a failing comparison pass.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

/** The absolute path of a PNG under src/, or an error for anything else. */
function pngPath(root, path, suffix) {
  const relative = normalize(String(path ?? ''));
  if (relative.startsWith('..') || relative.startsWith(sep) || !relative.startsWith(`src${sep}`) || !relative.endsWith(suffix)) {
    throw new Error(`visual-baseline: ${path} is not a ${suffix} file under src/`);
  }
  return join(root, relative);
}

function write(file, base64) {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, Buffer.from(String(base64 ?? ''), 'base64'));
}

/**
 * `update`: writes the baseline when UPDATE_BASELINES=1 (answers done: false otherwise); `actual`: writes the
 * picture of a failed comparison; `clear-actual`: removes it after a comparison passed.
 */
export function visualBaselineCommand(root, { action, path, png }) {
  switch (action) {
    case 'update':
      if (process.env.UPDATE_BASELINES !== '1') return { done: false };
      write(pngPath(root, path, '.png'), png);
      console.log(`visual-baseline: wrote ${path}`);
      return { done: true };
    case 'actual':
      write(pngPath(root, path, '.actual.png'), png);
      return { done: true };
    case 'clear-actual':
      rmSync(pngPath(root, path, '.actual.png'), { force: true });
      return { done: true };
    default:
      throw new Error(`visual-baseline: unknown action ${action}`);
  }
}
