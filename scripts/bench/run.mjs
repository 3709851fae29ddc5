// `npm run bench [name…]`: runs scripts/bench/<name>.bench.ts pages in headless Chromium, prints medians
// against the targets, and writes scripts/bench/RESULTS.md with the machine named. BENCH_QUICK=1 runs the
// smallest case once, to check that a bench works, and leaves RESULTS.md alone.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startDevServer } from '@web/dev-server';
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { root } from '../run-ts.mjs';

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const all = readdirSync(join(root, 'scripts', 'bench')).filter((f) => f.endsWith('.bench.ts')).map((f) => f.replace('.bench.ts', ''));
const names = process.argv.slice(2).length ? process.argv.slice(2) : all;
const quick = process.env.BENCH_QUICK === '1';

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    hostname: '127.0.0.1',
    nodeResolve: { exportConditions: ['production'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const port = server.server.address().port;
const browser = await puppeteer.launch({
  executablePath: chrome,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--no-first-run',
    '--disable-component-update',
    '--disable-sync',
    '--enable-precise-memory-info',
    '--js-flags=--expose-gc',
    '--window-size=1280,800',
  ],
  defaultViewport: { width: 1280, height: 800, deviceScaleFactor: 1 },
});

const rows = [];
let failed = false;
try {
  for (const name of names) {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`[${name}] ${error.message}`));
    await page.goto(`http://127.0.0.1:${port}/scripts/bench/page.html?bench=${name}${quick ? '&quick' : ''}`);
    await page.waitForFunction('window.__bench && window.__bench.done', { timeout: 15 * 60 * 1000, polling: 500 });
    const { measures, error } = await page.evaluate(() => window.__bench);
    if (error) {
      console.error(`[${name}] failed: ${error}`);
      failed = true;
    }
    for (const m of measures) {
      const med = median(m.values);
      const nextPaint = m.nextPaint ? median(m.nextPaint) : undefined;
      rows.push({ bench: name, ...m, median: med, nextPaint, runs: m.values.length, ok: m.target === undefined || med <= m.target });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.stop();
}

const chromium = execFileSync(chrome, ['--version'], { encoding: 'utf8' }).trim();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ${chromium}, headless, no GPU`;
const fmt = (n, unit) => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ${unit}` : 'n/a');
const lines = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on: ${machine}.`,
  'Each value is the median of the runs shown; targets are upper bounds.',
  'A redraw (focus, search, hover) is its main-thread time: the input and the update it starts, plus the canvas',
  'drawn (and rasterized) in the next animation frame; the wait for that frame is not work and is not counted.',
  '"Next paint" runs from the input until that frame has been painted: informative, it includes the wait, so',
  'with a frame every ~16.7 ms it reads as about one frame however small the work.',
  '',
  '| bench | case | metric | median | next paint | runs | target | |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.bench} | ${r.case} | ${r.metric} | ${fmt(r.median, r.unit)} | ${r.nextPaint === undefined ? '' : fmt(r.nextPaint, 'ms')} | ${r.runs} | ${r.target === undefined ? '' : fmt(r.target, r.unit)} | ${r.ok ? 'ok' : 'over'} |`,
  ),
  '',
];
if (quick) console.log('BENCH_QUICK=1: one run of the smallest case; scripts/bench/RESULTS.md left as it was.\n');
else writeFileSync(join(root, 'scripts', 'bench', 'RESULTS.md'), lines.join('\n'));
console.log(lines.join('\n'));
process.exit(failed ? 1 : 0);
