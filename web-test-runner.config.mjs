// Browser tests in Debian's Chromium against a real, seeded Parca started for this run.
import rollupReplace from '@rollup/plugin-replace';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { fromRollup } from '@web/dev-server-rollup';
import { chromeLauncher } from '@web/test-runner-chrome';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './scripts/paths.mjs';
import './scripts/register-ts.mjs';
import { chromiumPath, chromiumProblem, parcaProblem, report } from './scripts/test/prerequisites.mjs';
import { chromeArgs } from './scripts/test/test-runner/chrome.mjs';
import { reactAsModules } from './scripts/test/test-runner/react-modules.mjs';
import { summaryReporter } from './scripts/test/test-runner/summary-reporter.mjs';

// PARCA_OFFLINE=1 (npm run test:model): tests that need no server, with no Parca started.
const offline = process.env.PARCA_OFFLINE === '1';

// A bare machine: one line on what to install, before a launcher or a Go build can end in a stack trace.
if (!report([chromiumProblem(), offline ? undefined : await parcaProblem()])) process.exit(1);

const { freePort } = await import('./scripts/parca/server.ts');
const { startTestEnv } = await import('./scripts/parca/test-env.ts');

const port = Number(process.env.WTR_PORT) || (await freePort());
const origin = `http://localhost:${port}`;
const noServer = () => Promise.reject(new Error('no Parca in an offline run (PARCA_OFFLINE=1)'));
const running = offline
  ? { env: {}, chaos: { start: noServer, stop: noServer, seedHostile: noServer }, proxyCount: noServer, stop: async () => {} }
  : await startTestEnv(origin);
const summaryFile = process.env.PARCA_TEST_SUMMARY ?? join(root, 'node_modules', '.cache', 'parca-elements', `test-summary-${process.pid}.json`);

const scenarios = [];

// Inline JSON in a script element: `<` is escaped so no value can close the element.
const envScript = JSON.stringify(running.env).replace(/</g, '\\u003c');

export default {
  rootDir: root,
  files: process.env.WTR_FILES ? process.env.WTR_FILES.split(',') : ['src/**/*.test.ts'],
  // `parca-elements-source` maps the package's own `#dev-mode` import to src/ (see package.json's `imports`).
  nodeResolve: { exportConditions: ['parca-elements-source', 'development'] },
  port,
  hostname: 'localhost',
  concurrency: 1,
  testsFinishTimeout: 5 * 60 * 1000,
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromiumPath(), args: chromeArgs },
    }),
  ],
  plugins: [
    // React ships CommonJS only: its modules are pre-bundled to ES modules, as an app's bundler would.
    await reactAsModules(),
    // Vue's bundler build reads process.env.NODE_ENV and its feature flags, which a bundler defines.
    fromRollup(rollupReplace)({
      include: ['**/node_modules/{vue,@vue}/**'],
      preventAssignment: true,
      values: {
        'process.env.NODE_ENV': JSON.stringify('development'),
        __VUE_OPTIONS_API__: 'true',
        __VUE_PROD_DEVTOOLS__: 'false',
        __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
      },
    }),
    esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') }),
    {
      name: 'parca-test-env',
      // Reliability tests report what they tried (scenario, cases, failures); scripts/test/run.mjs prints the table.
      // Fault tests take a third Parca down and bring it back: `chaos-parca-start` answers its URL.
      async executeCommand({ command, payload, session }) {
        if (command === 'record-scenario') {
          scenarios.push(payload);
          return true;
        }
        if (command === 'chaos-parca-start') return running.chaos.start();
        if (command === 'chaos-parca-stop') return running.chaos.stop().then(() => true);
        if (command === 'chaos-parca-seed-hostile') return running.chaos.seedHostile();
        if (command === 'proxy-count') return running.proxyCount(payload.tag);
        if (command === 'gc-heap') return (await import('./src/test-support/heap-command.mjs')).gcHeapCommand(session);
        if (command === 'visual-baseline') return (await import('./src/test-support/baseline-files.mjs')).visualBaselineCommand(root, payload);
        return undefined;
      },
      async serverStop() {
        writeFileSync(summaryFile.replace(/\.json$/, '.scenarios.json'), JSON.stringify(scenarios, null, 2));
        await running.stop();
      },
    },
  ],
  testFramework: { config: { timeout: 15000 } },
  testRunnerHtml: (testFramework) =>
    `<!doctype html><html><head><script>window.__PARCA_TEST_ENV__ = ${envScript};</script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
  reporters: [(await import('@web/test-runner')).defaultReporter(), summaryReporter(summaryFile)],
};
