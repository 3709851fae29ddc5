// Opens every demo page in headless Chromium against a seeded local Parca and fails on any page error,
// console error (a CSP refusal included), development warning of the library (they fire only for a setup still
// wrong once the page has settled, so the check waits that long) or element error. `--screenshots` also saves each page as a PNG
// in demo/screenshots/ for the README.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import '../register-ts.mjs';
import { root } from '../paths.mjs';
import { chromiumPath, chromiumProblem, parcaProblem, report } from '../test/prerequisites.mjs';

const PAGES = ['index.html', 'dashboard.html', 'standalone.html', 'saved.html', 'dark.html', 'csp.html', 'breakdown.html', 'flamechart.html', 'compare.html'];
const screenshots = process.argv.includes('--screenshots');
if (!report([chromiumProblem(), await parcaProblem({ urlSuffices: true })])) process.exit(1);
const { freePort } = await import('../parca/server.ts');
const { startDemo } = await import('./server.ts');
const demo = await startDemo({ port: await freePort(), quiet: true });
const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run', '--disable-component-update', '--disable-sync'],
  defaultViewport: { width: 1280, height: 1000, deviceScaleFactor: 1 },
});

let problems = 0;
try {
  if (screenshots) mkdirSync(join(root, 'demo', 'screenshots'), { recursive: true });
  for (const name of PAGES) {
    const page = await browser.newPage();
    const seen = [];
    page.on('pageerror', (error) => seen.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') seen.push(`console error: ${message.text()}`);
      if (message.type() === 'warn' && message.text().startsWith('parca-elements:')) seen.push(`development warning: ${message.text()}`);
    });
    await page.evaluateOnNewDocument(() => {
      window.__demo = { errors: [] };
      document.addEventListener('parca-load', (event) => (event.composedPath()[0].__demoLoaded = true));
      document.addEventListener('parca-error', (event) => window.__demo.errors.push(event.error.message));
    });
    await page.goto(`${demo.url}${name}`, { waitUntil: 'load' });
    // Every element must show something: data that arrived (parca-load), or a saved record it was given.
    const ready = () => {
      const elements = [
        ...document.querySelectorAll(
          'parca-metrics, parca-flamegraph, parca-query-editor, parca-function-table, parca-calltree, parca-breakdown, parca-flamechart, parca-compare',
        ),
      ];
      // A compare element shows no data of its own: it is ready once it has found both of its sources.
      const shown = elements.filter((el) => el.__demoLoaded || (el.record && el.data) || (el.baselineSource && el.comparisonSource));
      return { shown: shown.length, of: elements.length };
    };
    try {
      await page.waitForFunction(`(${ready})().shown === (${ready})().of || window.__demo.errors.length > 0`, { timeout: 30_000 });
    } catch {
      const { shown, of } = await page.evaluate(ready);
      seen.push(`only ${shown} of ${of} elements showed data within 30 s`);
    }
    // The development checks look again 2 s after load (src/elements/dev-checks.ts): give them the time.
    await page.waitForFunction(() => performance.now() > performance.getEntriesByType('navigation')[0].loadEventEnd + 2500, { polling: 100, timeout: 10_000 });
    const errors = await page.evaluate(() => window.__demo.errors);
    seen.push(...errors.map((e) => `element error: ${e}`));
    if (screenshots) {
      // At rest: every element's latest requests answered and drawn.
      await page.evaluate(async () => {
        const elements = [
          ...document.querySelectorAll(
            'parca-metrics, parca-flamegraph, parca-query-editor, parca-function-table, parca-calltree, parca-breakdown, parca-flamechart',
          ),
        ];
        await Promise.all(elements.map((el) => el.settled));
        await Promise.all(elements.map((el) => el.updateComplete));
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      });
      await page.screenshot({ path: join(root, 'demo', 'screenshots', name.replace('.html', '.png')), fullPage: true });
    }
    console.log(`${seen.length ? 'FAIL' : 'ok  '} demo/${name}${seen.length ? `\n  ${seen.join('\n  ')}` : ''}`);
    problems += seen.length;
    await page.close();
  }
} finally {
  await browser.close();
  await demo.stop();
}
process.exit(problems ? 1 : 0);
