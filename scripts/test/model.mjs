// The fast inner loop: the model tests that need no server (pure TypeScript: parsing, decoding, layout,
// formatting), in Chromium with no Parca started. Seconds, not minutes. The full suite stays `npm test`.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../paths.mjs';

/** Every test file under `dir`, recursively. */
function testFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return testFiles(path);
    return entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// A test that reads the test environment (test-support/env) talks to the seeded Parca: it runs in `npm test`.
const files = testFiles(join(root, 'src', 'model'))
  .filter((file) => !readFileSync(file, 'utf8').includes('test-support/env'))
  .map((file) => relative(root, file));
console.log(`${files.length} model test files, no Parca`);
const run = spawnSync('npx', ['web-test-runner'], { cwd: root, stdio: 'inherit', env: { ...process.env, PARCA_OFFLINE: '1', WTR_FILES: files.join(',') } });
process.exit(run.status ?? 1);
