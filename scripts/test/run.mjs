// The test command: checks that need no browser, then the browser tests against a real Parca, the demo pages and
// the consumer projects (scripts/test/consumers/), then one plain `N passed, N failed` line counting everything that ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumProblem, parcaProblem, report } from './prerequisites.mjs';
import { root } from '../paths.mjs';

const summaryFile = join(root, 'node_modules', '.cache', 'parca-elements', `test-summary-${process.pid}.json`);
const checks = [
  ['src/gen matches proto/', ['node', 'scripts/build/gen.mjs', '--check']],
  ['custom-elements.json matches the JSDoc', ['node', 'scripts/build/manifest.mjs', '--check']],
  ['TypeScript (library)', ['npx', 'tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['TypeScript (scripts)', ['npx', 'tsc', '--noEmit', '-p', 'scripts/tsconfig.json']],
  ['npm output builds (unbundled ES modules with .d.ts)', ['npx', 'tsc', '-p', 'tsconfig.build.json']],
  ['api-report.md matches the public surface; shipped types import only dependencies', ['node', 'scripts/build/api-report.mjs', '--check']],
  ['bundle within budget', ['node', 'scripts/build/size.mjs']],
  ['--parca-* tokens documented and used', ['node', 'scripts/build/check-tokens.mjs']],
  ['README element reference matches the manifest', ['node', 'scripts/build/readme-api.mjs', '--check']],
  ['lint (ESLint: typescript-eslint, lit, wc)', ['npx', 'eslint', '.']],
  ['format (Prettier)', ['npx', 'prettier', '--check', '.']],
];

let passed = 0;
let failed = 0;
for (const [name, [command, ...args]] of checks) {
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (run.status === 0) passed++;
  else {
    failed++;
    console.error(`check failed: ${name}`);
  }
}

// A bare machine: one line on what to install instead of a launcher's or a Go build's stack trace; the browser
// tests and demo pages then count as one failure.
const missing = [chromiumProblem(), await parcaProblem()].filter(Boolean);
const ready = report(missing);

rmSync(summaryFile, { force: true });
const wtr = ready
  ? spawnSync('npx', ['web-test-runner', ...process.argv.slice(2)], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PARCA_TEST_SUMMARY: summaryFile },
    })
  : { status: 1 };
if (!ready) {
  failed++;
  console.error('browser tests and demo pages not run: install what the `missing:` lines name');
} else if (existsSync(summaryFile)) {
  const summary = JSON.parse(readFileSync(summaryFile, 'utf8'));
  passed += summary.passed;
  failed += summary.failed;
  if (summary.failures.length) console.error(`\nFailed:\n  ${summary.failures.join('\n  ')}`);
} else {
  // The runner died before reporting (e.g. Parca could not start): that is a failure, not zero tests.
  failed++;
  console.error(`web-test-runner ended (exit ${wtr.status}) without a summary`);
}
if (wtr.status !== 0 && failed === 0) failed++;

// What the reliability tests tried (src/test-support/scenarios.ts), as a table.
const scenarioFile = summaryFile.replace(/\.json$/, '.scenarios.json');
if (existsSync(scenarioFile)) {
  const rows = JSON.parse(readFileSync(scenarioFile, 'utf8'));
  if (rows.length) {
    const width = Math.max(8, ...rows.map((r) => r.scenario.length));
    console.log(`\n${'scenario'.padEnd(width)}  ${'cases'.padStart(7)}  ${'failures'.padStart(8)}`);
    for (const r of rows) console.log(`${r.scenario.padEnd(width)}  ${String(r.cases).padStart(7)}  ${String(r.failures).padStart(8)}`);
  }
  rmSync(scenarioFile, { force: true });
}

// The demo pages, each opened in Chromium against a seeded Parca: one test per page. Skipped when only some
// test files were asked for (WTR_FILES), as while working on one element.
const demo =
  process.env.WTR_FILES || !ready
    ? { stdout: '', status: 0 }
    : spawnSync('node', ['scripts/demo/check.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(demo.stdout);
const pagesOk = (demo.stdout.match(/^ok +demo\//gm) ?? []).length;
const pagesFailed = (demo.stdout.match(/^FAIL demo\//gm) ?? []).length;
passed += pagesOk;
failed += pagesFailed;
if (demo.status !== 0 && pagesFailed === 0) failed++;

// The package as users get it (scripts/test/consumers/run.mjs): one test per consumer project. Skipped with WTR_FILES.
const consumers = process.env.WTR_FILES
  ? { stdout: '', status: 0 }
  : spawnSync('node', ['scripts/test/consumers/run.mjs'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(consumers.stdout);
const consumersOk = (consumers.stdout.match(/^ok +consumer\//gm) ?? []).length;
const consumersFailed = (consumers.stdout.match(/^FAIL consumer\//gm) ?? []).length;
passed += consumersOk;
failed += consumersFailed;
if (consumers.status !== 0 && consumersFailed === 0) failed++;

report(missing);
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
