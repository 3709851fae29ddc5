// The browser tests' own count for the plain `N passed, N failed` line scripts/test/run.mjs prints: every test that
// ran, and a file that failed to load as a failure rather than as nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../paths.mjs';

/** Writes the run's counts and failures to `summaryFile` when the run ends. */
export function summaryReporter(summaryFile) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const failures = [];
      const walk = (suite, path) => {
        for (const test of suite.tests ?? []) {
          if (test.skipped) skipped++;
          else if (test.passed) passed++;
          else {
            failed++;
            failures.push([...path, test.name].join(' › '));
          }
        }
        for (const child of suite.suites ?? []) walk(child, [...path, child.name]);
      };
      for (const session of sessions) {
        if (session.testResults) walk(session.testResults, [session.testFile.replace(root + '/', '')]);
        // A file that failed to load ran no tests: count it as a failure, not as nothing.
        if (!session.passed && (!session.testResults || session.errors?.length)) {
          failed++;
          failures.push(`${session.testFile}: ${session.errors?.map((e) => e.message).join('; ') ?? 'failed'}`);
        }
      }
      mkdirSync(join(summaryFile, '..'), { recursive: true });
      writeFileSync(summaryFile, JSON.stringify({ passed, failed, skipped, failures }, null, 2));
    },
  };
}
