// `npm run bench [flamegraph|metrics|views|breakdown|e2e]`: measures what a user meets. Every scenario (one case of one contestant)
// runs in a fresh page of a NEW browser context, so nothing is cached or JIT-warmed; the scenario order is rotated
// between repetitions; medians are reported with the machine named, the issues' targets checked and misses
// flagged, and scripts/bench/RESULTS.md rewritten. Flame graph contestants: ours, @grafana/flamegraph (the graph
// alone, and its whole container) and d3-flame-graph, installed apart in scripts/bench/peers (npm ci there on first
// use; BENCH_PEERS=0 skips the peers); trees: synthetic ones and one recorded from a real, seeded Parca.
// BENCH_RUNS=n sets the repetitions (default 7); BENCH_TRACE=folder keeps a trace of each page; BENCH_CASES=1m,deep
// runs only those cases (an A/B of one case). BENCH_QUICK=1 runs one repetition of small cases to check
// that the benches work, and leaves RESULTS.md alone.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { startDevServer } from '@web/dev-server';
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { extname, join } from 'node:path';
import puppeteer from 'puppeteer-core';
import '../register-ts.mjs';
import { root } from '../paths.mjs';

// The profile type the end-to-end case shows, as the in-memory benches do (loaded once register-ts is in place).
const { CPU_TYPE } = await import('./answers.ts');

const chrome = process.env.CHROME_PATH || '/usr/bin/chromium';
const quick = process.env.BENCH_QUICK === '1';
const runs = quick ? 1 : Math.max(1, Number(process.env.BENCH_RUNS) || 7);
const benchDir = join(root, 'scripts', 'bench');
const peersDir = join(benchDir, 'peers');
const dataDir = join(root, 'node_modules', '.cache', 'parca-elements', 'bench');
const selected = process.argv.slice(2);
const wanted = (bench) => !selected.length || selected.includes(bench);

const OURS = 'parca-elements';
const GRAFANA = 'grafana';
const GRAFANA_FULL = 'grafana-full';
const D3 = 'd3';
const PEERS = [GRAFANA, GRAFANA_FULL, D3];
const CONTESTANT_NAMES = {
  [OURS]: 'parca-elements',
  [GRAFANA]: '@grafana/flamegraph 13, flame graph only',
  [GRAFANA_FULL]: '@grafana/flamegraph 13, whole container (graph and table)',
  [D3]: 'd3-flame-graph 5, minFrameSize(1) (SVG)',
};
/** Each peer's bundle, built from scripts/bench/peers/<name>.mjs. */
const PEER_BUNDLE = { [GRAFANA]: 'grafana.js', [GRAFANA_FULL]: 'grafana.js', [D3]: 'd3.js' };

const TREES = quick
  ? [{ id: '10k', name: '10k nodes', nodes: 10_000 }]
  : [
      { id: '100k', name: '100k nodes', nodes: 100_000 },
      { id: '1m', name: '1M nodes', nodes: 1_000_000 },
      { id: 'deep', name: '5,000 levels deep', nodes: 5_001, chain: true },
      { id: 'parca', name: 'recorded from Parca', recorded: true },
    ];
/** The views' cases: the call tree over a tree of TREES' kind, the function table over a synthetic profile. */
const VIEWS = quick
  ? [
      { id: 'calltree:10k', name: 'call tree, 10k nodes', tree: { id: '10k', nodes: 10_000 } },
      { id: 'table:1k', name: 'function table, 1k functions', profile: { id: '1k', functions: 1_000 } },
      { id: 'flamechart:chart10k', name: 'flame chart, 10k samples', chart: { id: 'chart10k', samples: 10_000 } },
    ]
  : [
      { id: 'calltree:1m', name: 'call tree, 1M nodes', tree: { id: '1m', nodes: 1_000_000 } },
      { id: 'table:100k', name: 'function table, 100k functions', profile: { id: '100k', functions: 100_000 } },
      { id: 'flamechart:chart1m', name: 'flame chart, 1M samples', chart: { id: 'chart1m', samples: 1_000_000 } },
    ];
/** The breakdown's cases: values of one label × points per value (see breakdown.bench.ts). */
const BREAKDOWN = quick ? [{ id: '20x100', name: '20 values × 100 points' }] : [{ id: '200x500', name: '200 values × 500 points' }];
const METRICS = quick
  ? [{ id: '20x100', name: '20 series × 100 points' }]
  : [
      { id: '20x100', name: '20 series × 100 points' },
      { id: '200x1000', name: '200 series × 1,000 points' },
    ];

// ---- inputs: the trees (built in Node, so the pages start cold) and the peer's bundle ----

const started = Date.now();
const loadBefore = loadavg();
mkdirSync(dataDir, { recursive: true });
let trees = [];
if (wanted('flamegraph')) {
  const { writeTree, writeTrees } = await import('./trees.ts');
  trees = writeTrees(
    dataDir,
    TREES.filter((tree) => !tree.recorded),
  );
  for (const tree of TREES.filter((t) => t.recorded)) {
    console.log('Recording a flame graph from a seeded Parca…');
    const { recordFromParca } = await import('./parca-record.ts');
    const recorded = await recordFromParca();
    trees.push(writeTree(dataDir, tree.id, recorded.bytes, recorded.spec));
  }
}
if (wanted('views')) {
  const { writeTrees } = await import('./trees.ts');
  const { writeProfiles } = await import('./profiles.ts');
  const needed = VIEWS.flatMap((v) => (v.tree && !trees.some((t) => t.id === v.tree.id) ? [v.tree] : []));
  if (needed.length) writeTrees(dataDir, needed);
  writeProfiles(
    dataDir,
    VIEWS.flatMap((v) => (v.profile ? [v.profile] : [])),
  );
  const { writeCharts } = await import('./trees.ts');
  for (const chart of writeCharts(
    dataDir,
    VIEWS.flatMap((v) => (v.chart ? [v.chart] : [])),
  ))
    writeFileSync(join(dataDir, `${chart.id}.chart.json`), JSON.stringify(chart));
}

/** Installs (once) and bundles the Grafana peer; returns why not when it cannot. */
async function preparePeer() {
  if (process.env.BENCH_PEERS === '0') return 'skipped (BENCH_PEERS=0)';
  const installed = ['@grafana/flamegraph', 'd3-flame-graph'].every((name) => existsSync(join(peersDir, 'node_modules', name, 'package.json')));
  if (!installed) {
    console.log('Installing the benchmark peers in scripts/bench/peers (once)…');
    try {
      const install = existsSync(join(peersDir, 'package-lock.json')) ? 'ci' : 'install';
      execFileSync('npm', [install, '--no-audit', '--no-fund'], { cwd: peersDir, stdio: 'inherit' });
    } catch (error) {
      return `not installed (${error.message.split('\n')[0]})`;
    }
  }
  const stub = (name) => join(peersDir, 'stubs', name);
  // Each peer as one minified ES module, from scripts/bench/peers/<name>.mjs into the cache folder.
  const bundlePeer = (name, options) =>
    build({
      entryPoints: [join(peersDir, `${name}.mjs`)],
      outfile: join(dataDir, `${name}.js`),
      absWorkingDir: peersDir,
      bundle: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      logLevel: 'error',
      ...options,
    });
  await bundlePeer('grafana', {
    // React's production build, as a deployed Grafana runs it.
    define: { 'process.env.NODE_ENV': '"production"' },
    // Stylesheets and fonts of @grafana/ui's other components (the code editor): the flame graph styles itself
    // with emotion and draws on a canvas.
    loader: { '.css': 'empty', '.ttf': 'empty', '.woff': 'empty', '.woff2': 'empty' },
    plugins: [
      {
        name: 'bench-peer-stubs',
        setup(b) {
          b.onResolve({ filter: /^@grafana\/assistant$/ }, () => ({ path: stub('assistant.mjs') }));
          b.onResolve({ filter: /^react-custom-scrollbars-2$/ }, (args) =>
            args.importer === stub('scrollbars.mjs') ? undefined : { path: stub('scrollbars.mjs') },
          );
        },
      },
    ],
  });
  // Its stylesheet as text, which the page adopts before the clock starts.
  await bundlePeer('d3', { loader: { '.css': 'text' } });
  return undefined;
}
const peerMissing = wanted('flamegraph') ? await preparePeer() : 'not run';
if (peerMissing) console.warn(`Peers: ${peerMissing}; ratios are n/a.`);

// ---- the scenarios: one page each ----

const scenarios = [];
if (wanted('flamegraph')) {
  for (const tree of TREES) {
    scenarios.push({ bench: 'flamegraph', case: tree.id, contestant: OURS });
    if (!peerMissing) for (const peer of PEERS) scenarios.push({ bench: 'flamegraph', case: tree.id, contestant: peer });
  }
}
if (wanted('metrics')) for (const m of METRICS) scenarios.push({ bench: 'metrics', case: m.id, contestant: OURS });
if (wanted('views')) for (const v of VIEWS) scenarios.push({ bench: 'views', case: v.id, contestant: OURS });
if (wanted('breakdown')) for (const b of BREAKDOWN) scenarios.push({ bench: 'breakdown', case: b.id, contestant: OURS });
if (wanted('e2e')) scenarios.push({ bench: 'e2e', case: 'cpu', contestant: OURS });
if (process.env.BENCH_CASES) {
  const cases = process.env.BENCH_CASES.split(',');
  scenarios.splice(0, scenarios.length, ...scenarios.filter((s) => cases.includes(s.case)));
}
if (wanted('e2e')) {
  // What a page without a build step loads: the one-file bundle, built from the sources as they are now.
  console.log('Building the one-file bundle for the end-to-end case (npm run build)…');
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  // The page's probe as one small script, so that loading it costs the page no more than a script tag.
  await build({
    entryPoints: [join(benchDir, 'e2e-probe.ts')],
    outfile: join(dataDir, 'e2e-probe.js'),
    bundle: true,
    format: 'esm',
    target: 'es2022',
    logLevel: 'error',
  });
}

const CONTENT_TYPES = { '.js': 'application/javascript', '.json': 'application/json' };

/** Serves the files of a flat `folder` under `prefix` as they are, past the dev server's plugins. */
function serveFolder(prefix, folder) {
  return async (ctx, next) => {
    if (!ctx.path.startsWith(prefix)) return next();
    const file = join(folder, ctx.path.slice(prefix.length).replace(/[^\w.-]/g, ''));
    if (!existsSync(file)) return next();
    ctx.type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
    ctx.body = createReadStream(file);
  };
}

const server = await startDevServer({
  config: {
    rootDir: root,
    port: 0,
    hostname: '127.0.0.1',
    // Production mode from src/: no development checks in what is measured (see package.json's `imports`).
    nodeResolve: { exportConditions: ['parca-elements-source', 'production'] },
    plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: join(root, 'tsconfig.json') })],
    middleware: [
      // The built files byte for byte, as a static host serves them: through the plugins below, the esbuild plugin
      // would re-print the minified bundle (1.7 MB instead of 380 KB) and the page would wait for that.
      serveFolder('/dist/', join(root, 'dist')),
      // The trees and the peer's bundle, from the cache folder.
      serveFolder('/__bench/', dataDir),
      // @grafana/ui fetches its icons by URL: any SVG will do (the graph alone shows none).
      async (ctx, next) => {
        if (!ctx.path.endsWith('.svg') || !ctx.path.includes('/img/')) return next();
        ctx.type = 'image/svg+xml';
        ctx.body = '<svg xmlns="http://www.w3.org/2000/svg"/>';
      },
    ],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const port = server.server.address().port;
/** A seeded Parca for the end-to-end case, its CORS open to the bench pages. */
let parca;
if (wanted('e2e')) {
  const { startParca } = await import('../parca/server.ts');
  const { seedParca } = await import('../parca/seed.ts');
  const server = await startParca({ corsOrigins: [`http://127.0.0.1:${port}`] });
  const { seededAtMs } = await seedParca(server.url);
  parca = { server, seededAtMs };
}
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
const browserVersion = await browser.version();

/** key → every run's values (and next paints for redraws). */
const results = new Map();
const keyOf = (s, metric) => `${s.bench}|${s.case}|${s.contestant}|${metric}`;
let failed = false;

async function runScenario(s) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    const tag = `[${s.bench} ${s.case} ${s.contestant}]`;
    page.on('pageerror', (error) => console.error(`${tag} ${error.message}`));
    page.on('console', (message) => {
      // The one-pixel reads that time each draw make Chromium suggest willReadFrequently: not the page's doing.
      if ((message.type() === 'warn' || message.type() === 'error') && !message.text().includes('willReadFrequently')) console.warn(`${tag} ${message.text()}`);
    });
    page.on('response', (response) => {
      if (response.status() >= 400) console.warn(`${tag} ${response.status()} ${response.url()}`);
    });
    const query = new URLSearchParams({
      bench: s.bench,
      case: s.case,
      contestant: s.contestant,
      data: '/__bench',
      peer: `/__bench/${PEER_BUNDLE[s.contestant] ?? ''}`,
    });
    // BENCH_TRACE=folder keeps a Chromium trace of each page (tasks, and a CPU profile), to see where the time went.
    const trace = process.env.BENCH_TRACE;
    if (trace) {
      mkdirSync(trace, { recursive: true });
      const categories = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler'];
      await page.tracing.start({ path: join(trace, `${s.bench}-${s.case}-${s.contestant}-${Date.now()}.json`), categories });
    }
    if (s.bench === 'e2e') {
      // The seeded CPU profiles of the last 65 minutes (a small profile: a few hundred frames).
      const window = {
        parca: parca.server.url,
        type: CPU_TYPE,
        from: new Date(parca.seededAtMs - 65 * 60_000).toISOString(),
        to: new Date(parca.seededAtMs).toISOString(),
      };
      await page.goto(`http://127.0.0.1:${port}/scripts/bench/e2e.html?${new URLSearchParams(window)}`);
    } else await page.goto(`http://127.0.0.1:${port}/scripts/bench/page.html?${query}`);
    await page.waitForFunction('window.__bench && window.__bench.done', { timeout: 5 * 60 * 1000, polling: 200 });
    const { values, error } = await page.evaluate(() => window.__bench);
    if (trace) await page.tracing.stop();
    // BENCH_SCREENSHOTS=folder keeps what each page showed, to check that every contestant drew the graph.
    if (process.env.BENCH_SCREENSHOTS) {
      mkdirSync(process.env.BENCH_SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: join(process.env.BENCH_SCREENSHOTS, `${s.bench}-${s.case}-${s.contestant}.png`) });
    }
    if (error) {
      console.error(`${tag} failed: ${error}`);
      failed = true;
    }
    for (const v of values) {
      const key = keyOf(s, v.metric);
      if (!results.has(key)) results.set(key, { unit: v.unit, values: [], nextPaint: [] });
      results.get(key).values.push(v.value);
      if (v.nextPaint !== undefined) results.get(key).nextPaint.push(v.nextPaint);
    }
  } finally {
    await context.close();
  }
}

try {
  for (let rep = 0; rep < runs; rep++) {
    // Rotated: each scenario takes each position in turn, so none always follows the same neighbour.
    const order = scenarios.map((_, i) => scenarios[(i + rep) % scenarios.length]);
    process.stdout.write(`repetition ${rep + 1}/${runs}: `);
    for (const s of order) {
      await runScenario(s);
      process.stdout.write('.');
    }
    process.stdout.write('\n');
  }
} finally {
  await browser.close();
  await server.stop();
  await parca?.server.stop();
}
const loadAfter = loadavg();

// ---- the report ----

const median = (values) => {
  if (!values?.length) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const get = (bench, c, contestant, metric) => results.get(`${bench}|${c}|${contestant}|${metric}`);
const med = (bench, c, contestant, metric) => median(get(bench, c, contestant, metric)?.values);
const num = (n) => (!Number.isFinite(n) ? 'n/a' : Number.isInteger(n) || Math.abs(n) >= 10 ? Math.round(n).toString() : n.toFixed(1));
const ms = (n) => (Number.isFinite(n) ? `${num(n)} ms` : 'n/a');
const spread = (bench, c, contestant, metric) => {
  const values = get(bench, c, contestant, metric)?.values;
  return values?.length > 1 ? ` (${num(Math.min(...values))}–${num(Math.max(...values))})` : '';
};

/** Draws per change, saying how many showed part of the data first (a large graph's top levels). */
const drawsText = (draws, complete) => (draws > complete ? `${num(draws)}: ${num(draws - complete)} of the top levels, ${num(complete)} whole` : num(draws));

const checks = [];
/** A contestant whose canvas showed nothing in some run (a canvas past the browser's size limit): no result. */
const blank = (c, contestant) => get('flamegraph', c, contestant, 'visible')?.values.some((v) => v === 0) ?? false;
const blankNote = (c, contestant) =>
  `drew nothing visible: its canvas is ${med('flamegraph', c, contestant, 'canvas height').toLocaleString('en')} px tall, past Chromium's limit`;
/** A target: `ok` compares the measured value; a value that could not be measured is n/a, not a pass. */
const check = (what, measured, target, ok, unit = 'ms', unmeasured = 'n/a') => {
  const shown = Number.isFinite(measured)
    ? unit === '×'
      ? `${measured.toFixed(2)}×`
      : unit === 'MB'
        ? `${num(measured)} MB`
        : unit === ''
          ? num(measured)
          : ms(measured)
    : 'n/a';
  const verdict = !Number.isFinite(measured) ? unmeasured : ok(measured) ? 'met' : '**missed**';
  checks.push(`| ${what} | ${shown} | ${target} | ${verdict} |`);
};

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const machine = `${cpu}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; ${execFileSync(chrome, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || browserVersion}, headless, --disable-gpu`;
const lines = [
  '# Benchmark results',
  '',
  `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` on: ${machine}.`,
  `Load average (1/5/15 min) ${loadBefore.map((l) => l.toFixed(2)).join('/')} before, ${loadAfter.map((l) => l.toFixed(2)).join('/')} after; ${Math.round((Date.now() - started) / 1000)} s in all.`,
  `Every scenario ran in a fresh page of a new browser context (nothing cached, nothing JIT-warmed), ${runs} repetition${runs > 1 ? 's' : ''} with the scenario order rotated; values are medians (min–max where shown).`,
  '',
];

if (trees.length) {
  const nodes = Object.fromEntries(trees.map((t) => [t.id, t]));
  lines.push(
    '## Flame graph: record handed over → stable canvas',
    '',
    "Ours starts when the record's bytes are set as `record` on `<parca-flamegraph>` (LZ4 + Arrow decode included);",
    "the peers' when their input, built beforehand, is rendered (they start from decoded objects): Grafana's data",
    "frame (its flame graph alone, and its whole container with the function table), d3-flame-graph's nested nodes.",
    "Same trees, 1200 px wide, each component's own height; *recorded from Parca* is the flame graph a real, seeded",
    'Parca answers for its CPU profiles of the seeded hour. A draw is the 2D-context calls between two microtask',
    'checkpoints, timed to the end of its rasterization (a one-pixel read); d3-flame-graph draws SVG, so its draw is',
    "a frame with DOM changes, timed to the end of that frame's paint. *First draw*: the first with anything on the",
    'canvas (the first levels visible); *first complete draw*: the first with all of the data; *first paint*: the',
    'last draw before two animation frames pass without one. *Warm*: the same data handed over again in the same',
    'page (secondary, not what a user meets first). The synthetic records are compressed as Parca compresses its',
    'own (LZ4 frames of 64 KiB blocks, the same match search; src/integration/lz4-parity.test.ts), so their decode',
    'meets the sequences a page meets.',
    '',
    '| case | contestant | first draw | first complete draw | first paint | draws | cold decode | longest task | heap growth | warm first paint |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const tree of TREES) {
    for (const contestant of [OURS, ...PEERS]) {
      if (!get('flamegraph', tree.id, contestant, 'first paint')) continue;
      const m = (metric) => med('flamegraph', tree.id, contestant, metric);
      const note = blank(tree.id, contestant) ? ` (${blankNote(tree.id, contestant)})` : '';
      lines.push(
        `| ${tree.name} (${nodes[tree.id].nodes.toLocaleString('en')} nodes, ${(nodes[tree.id].maxDepth + 1).toLocaleString('en')} levels) | ${CONTESTANT_NAMES[contestant]}${note} | ${ms(m('first draw'))} | ${ms(m('first complete draw'))} | ${ms(m('first paint'))}${spread('flamegraph', tree.id, contestant, 'first paint')} | ${drawsText(m('draws'), m('complete draws'))} | ${contestant === OURS ? ms(m('cold decode')) : '–'} | ${ms(m('longest task'))} | ${num(m('JS heap growth'))} MB | ${ms(m('warm first paint'))} |`,
      );
    }
  }
  lines.push('');

  lines.push('Ratios (above 1: ours is faster):', '', '| case | peer | peer ÷ ours, first paint | peer ÷ ours, first complete draw |', '|---|---|---|---|');
  for (const tree of TREES) {
    for (const peer of PEERS) {
      const ratio = (metric) => {
        const r = med('flamegraph', tree.id, peer, metric) / med('flamegraph', tree.id, OURS, metric);
        return Number.isFinite(r) ? `${r.toFixed(2)}×` : 'n/a';
      };
      if (!get('flamegraph', tree.id, peer, 'first paint')) continue;
      if (blank(tree.id, peer)) lines.push(`| ${tree.name} | ${CONTESTANT_NAMES[peer]} | n/a, it ${blankNote(tree.id, peer)} | n/a |`);
      else lines.push(`| ${tree.name} | ${CONTESTANT_NAMES[peer]} | ${ratio('first paint')} | ${ratio('first complete draw')} |`);
    }
  }
  lines.push('');

  // The targets (issue 16) and the earlier ones, checked on the cold numbers.
  const ratioTargets = { '100k': 2, '1m': 3, deep: 1.5 };
  for (const tree of TREES) {
    const ours = med('flamegraph', tree.id, OURS, 'first paint');
    const peer = med('flamegraph', tree.id, GRAFANA, 'first paint');
    const target = ratioTargets[tree.id];
    if (!target) continue;
    const what = `${tree.name}: Grafana ÷ ours, first paint`;
    if (blank(tree.id, GRAFANA)) check(what, Number.NaN, `≥ ${target}×`, () => false, '×', `n/a: Grafana ${blankNote(tree.id, GRAFANA)}`);
    else check(what, peer / ours, `≥ ${target}×`, (r) => r >= target, '×', peerMissing ? `n/a: peer ${peerMissing}` : 'n/a');
  }
  if (nodes['1m']) {
    check('1M nodes: cold decode', med('flamegraph', '1m', OURS, 'cold decode'), '≤ 100 ms', (v) => v <= 100);
    const first = med('flamegraph', '1m', OURS, 'first draw');
    const complete = med('flamegraph', '1m', OURS, 'first complete draw');
    const partial = first < complete - 0.5 ? ' (the top levels, while the rest decodes)' : ' (no partial draw: the first draw is the complete one)';
    check(`1M nodes: first visible levels drawn${partial}`, first, '≤ 50 ms', (v) => v <= 50);
  }
  for (const tree of TREES) {
    check(`${tree.name}: draws with all of the data per data change`, med('flamegraph', tree.id, OURS, 'complete draws'), '1', (v) => v === 1, '');
  }
  if (nodes['100k'])
    check('100k nodes: first paint (earlier target, set on warm numbers)', med('flamegraph', '100k', OURS, 'first paint'), '≤ 40 ms', (v) => v <= 40);
  if (nodes['1m']) {
    check('1M nodes: first paint (earlier target)', med('flamegraph', '1m', OURS, 'first paint'), '≤ 200 ms', (v) => v <= 200);
    check('1M nodes: focus redraw, main-thread work', med('flamegraph', '1m', OURS, 'focus redraw'), '≤ 16 ms', (v) => v <= 16);
    check('1M nodes: search redraw, main-thread work', med('flamegraph', '1m', OURS, 'search redraw'), '≤ 50 ms', (v) => v <= 50);
    check('1M nodes: hover redraw, main-thread work', med('flamegraph', '1m', OURS, 'hover redraw'), '≤ 8 ms', (v) => v <= 8);
    check('1M nodes: JS heap growth', med('flamegraph', '1m', OURS, 'JS heap growth'), '≤ 80 MB', (v) => v <= 80, 'MB');
    check('1M nodes: longest main-thread task during load', med('flamegraph', '1m', OURS, 'longest task'), '≤ 50 ms', (v) => v <= 50);
  }

  lines.push(
    "### Redraws of ours on the cold page's graph",
    '',
    'Main-thread work of the input, the update and the draw in the next frame; next paint (in brackets) adds the wait',
    'for that frame, so it reads about one frame however small the work.',
    '',
    '| case | hover | focus | search |',
    '|---|---|---|---|',
  );
  for (const tree of TREES) {
    const r = (metric) => `${ms(med('flamegraph', tree.id, OURS, metric))} (${ms(median(get('flamegraph', tree.id, OURS, metric)?.nextPaint))})`;
    lines.push(`| ${tree.name} | ${r('hover redraw')} | ${r('focus redraw')} | ${r('search redraw')} |`);
  }
  lines.push('');
}

if (wanted('metrics')) {
  lines.push(
    '## Metrics chart: answer in memory → chart painted',
    '',
    "Longest main-thread task from the element's creation until its chart is painted (PerformanceObserver `longtask`:",
    'tasks over 50 ms; 0 when none).',
    '',
    '| case | first paint | hover redraw | longest task |',
    '|---|---|---|---|',
  );
  for (const m of METRICS) {
    const v = (metric) => med('metrics', m.id, OURS, metric);
    lines.push(`| ${m.name} | ${ms(v('first paint'))} | ${ms(v('hover redraw'))} | ${ms(v('longest task'))}${spread('metrics', m.id, OURS, 'longest task')} |`);
  }
  lines.push('');
  if (METRICS.some((m) => m.id === '200x1000')) {
    check('metrics 200 × 1,000: longest main-thread task', med('metrics', '200x1000', OURS, 'longest task'), '≤ 50 ms', (v) => v <= 50);
    check('metrics 200 × 1,000: first paint', med('metrics', '200x1000', OURS, 'first paint'), '≤ 50 ms', (v) => v <= 50);
    check('metrics 200 × 1,000: hover redraw', med('metrics', '200x1000', OURS, 'hover redraw'), '≤ 8 ms', (v) => v <= 8);
  }
}

if (wanted('views')) {
  lines.push(
    '## Views: call tree and function table',
    '',
    'The call tree is handed a flame graph record (`record`), the function table a pprof profile (`pprof`). Main-thread',
    "work is the change, the element's update and the style and layout it causes (the median of 5 expands and",
    'collapses; *sort*: the slowest of six header clicks, each column both ways, once the page has been idle a',
    'second; *first sort*: the name column clicked right after the first rows; the median of 20 scroll steps of 37',
    "rows). *Tree memory over the model*: heap growth from the tree's first rows to the hottest path open, after",
    'garbage collection.',
    '',
    '| case | decode | first rows | expand | collapse | open hottest path | first sort | sort | scroll frame | heap |',
    '|---|---|---|---|---|---|---|---|---|---|',
  );
  for (const v of VIEWS.filter((view) => !view.chart)) {
    const m = (metric) => med('views', v.id, OURS, metric);
    if (v.tree)
      lines.push(
        `| ${v.name} | ${ms(m('decode'))} | ${ms(m('first rows after the model'))} after the model | ${ms(m('expand'))} | ${ms(m('collapse'))} | ${ms(m('open hottest path'))} | – | – | – | ${num(m('JS heap growth (model and tree)'))} MB with the model, ${num(m('tree memory over the model'))} MB over it |`,
      );
    else
      lines.push(
        `| ${v.name} (${num(m('functions'))}) | – | ${ms(m('first rows'))} from the bytes | – | – | – | ${ms(m('sort, first click'))} | ${ms(m('sort'))} | ${ms(m('scroll frame'))} | – |`,
      );
  }
  lines.push('');
  if (VIEWS.some((v) => v.id === 'calltree:1m')) {
    check('call tree 1M: first rows after the model is ready', med('views', 'calltree:1m', OURS, 'first rows after the model'), '≤ 50 ms', (v) => v <= 50);
    check('call tree 1M: expand, main-thread work', med('views', 'calltree:1m', OURS, 'expand'), '≤ 16 ms', (v) => v <= 16);
    check('call tree 1M: collapse, main-thread work', med('views', 'calltree:1m', OURS, 'collapse'), '≤ 16 ms', (v) => v <= 16);
    check('call tree 1M: memory over the model', med('views', 'calltree:1m', OURS, 'tree memory over the model'), '≤ 20 MB', (v) => v <= 20, 'MB');
  }
  if (VIEWS.some((v) => v.chart)) {
    lines.push(
      '## Flame chart',
      '',
      'The chart is handed a flame chart record (`record`): *first paint* from the hand-over to a stable canvas (decode',
      "included), the longest main-thread task meanwhile; a pan and a zoom frame: the change, the element's update and",
      'the draw in the next frame (the median of 10 each, at the whole window and zoomed 8×).',
      '',
      '| case | frames | decode | first paint | draws | longest task | pan frame | zoom frame |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const v of VIEWS.filter((view) => view.chart)) {
      const m = (metric) => med('views', v.id, OURS, metric);
      lines.push(
        `| ${v.name} | ${num(m('frames'))} | ${ms(m('decode'))} | ${ms(m('first paint'))} | ${num(m('draws'))} | ${ms(m('longest task'))} | ${ms(m('pan frame'))} | ${ms(m('zoom frame'))} |`,
      );
    }
    lines.push('');
    if (VIEWS.some((v) => v.id === 'flamechart:chart1m')) {
      check('flame chart 1M samples: first paint, decode included', med('views', 'flamechart:chart1m', OURS, 'first paint'), '≤ 200 ms', (v) => v <= 200);
      check('flame chart 1M samples: pan frame, main-thread work', med('views', 'flamechart:chart1m', OURS, 'pan frame'), '≤ 16 ms', (v) => v <= 16);
      check('flame chart 1M samples: zoom frame, main-thread work', med('views', 'flamechart:chart1m', OURS, 'zoom frame'), '≤ 16 ms', (v) => v <= 16);
      check('flame chart 1M samples: longest task while loading', med('views', 'flamechart:chart1m', OURS, 'longest task'), '≤ 50 ms', (v) => v <= 50);
    }
  }
  if (VIEWS.some((v) => v.id === 'table:100k')) {
    check('function table 100k: sort (after idle)', med('views', 'table:100k', OURS, 'sort'), '≤ 50 ms', (v) => v <= 50);
    check('function table 100k: first sort right after load (names)', med('views', 'table:100k', OURS, 'sort, first click'), '≤ 50 ms', (v) => v <= 50);
    check('function table 100k: scroll frame', med('views', 'table:100k', OURS, 'scroll frame'), '≤ 8 ms', (v) => v <= 8);
  }
}

if (wanted('breakdown')) {
  lines.push(
    '## Breakdown: answer in memory → rows painted',
    '',
    '*First paint*: from the answer (one QueryRange summed by the label, served from memory) to the rows in view',
    "rendered and their mini charts drawn and rasterized; *longest task* from the element's creation until then (tasks",
    'over 50 ms; 0 when none); *scroll step*: the median of 12 scrolls of 12 rows, the update and the draw of the',
    'charts that came into view (main-thread work, without the wait for the frame).',
    '',
    '| case | first paint | longest task | scroll step | charts in view |',
    '|---|---|---|---|---|',
  );
  for (const b of BREAKDOWN) {
    const v = (metric) => med('breakdown', b.id, OURS, metric);
    lines.push(
      `| ${b.name} | ${ms(v('first paint'))}${spread('breakdown', b.id, OURS, 'first paint')} | ${ms(v('longest task'))}${spread('breakdown', b.id, OURS, 'longest task')} | ${ms(v('scroll step'))} | ${num(v('charts in view'))} |`,
    );
  }
  lines.push('');
  if (BREAKDOWN.some((b) => b.id === '200x500')) {
    check('breakdown 200 × 500: first paint', med('breakdown', '200x500', OURS, 'first paint'), '≤ 100 ms', (v) => v <= 100);
    check('breakdown 200 × 500: longest main-thread task', med('breakdown', '200x500', OURS, 'longest task'), '≤ 50 ms', (v) => v <= 50);
  }
}

if (wanted('e2e')) {
  const v = (metric) => med('e2e', 'cpu', OURS, metric);
  lines.push(
    '## End to end: navigation → first flame graph, against a real Parca',
    '',
    'A page with `<parca-source>` and `<parca-flamegraph>` in its HTML and the one-file bundle in a script tag',
    '(`dist/parca-elements.bundle.js`, minified), served from loopback, opened in a fresh browser context (no cache);',
    'Parca v0.28.0 on loopback, seeded as the tests seed it, the CPU profiles of the last 65 minutes. Times from',
    'navigation start. *Bundle requested*: when the page asked for the bundle (its request start); *client wait*: from',
    'the elements being defined to the flame graph request leaving; *answer*: the request until its whole answer was',
    "in (`parca-load`'s `fetchMs`); *draw*: decode end to the first complete canvas. *Server answer*: the page's own",
    'request replayed five times after the paint (median), fetch to last byte.',
    '',
    '| first paint | bundle requested | bundle loaded | elements defined | client wait | requests before | answer | decode | draw | server answer, same request |',
    '|---|---|---|---|---|---|---|---|---|---|',
    `| ${ms(v('first paint'))}${spread('e2e', 'cpu', OURS, 'first paint')} | ${ms(v('bundle requested'))} | ${ms(v('bundle loaded'))} | ${ms(v('elements defined'))} | ${ms(v('client wait'))} | ${num(v('requests before the flame graph'))} | ${ms(v('answer'))} | ${ms(v('decode'))} | ${ms(v('draw'))} | ${ms(v('server answer, same request'))} |`,
    '',
  );
  check(
    'real Parca, small profile: navigation → first paint, over the server answer',
    v('first paint') - v('server answer, same request'),
    '≤ 50 ms',
    (d) => d <= 50,
  );
}

if (checks.length) lines.push('## Targets', '', '| target | measured | bound | |', '|---|---|---|---|', ...checks, '');

/** What stands in the way of a missed target, by the start of its name (found with CPU profiles of cold pages). */
const OBSTACLES = [
  [
    '1M nodes: cold decode',
    "LZ4 is about half of it: the same tree written uncompressed decodes in 110–133 ms against 181–228 ms with LZ4 (alternating runs, 2026-12-01). LZ4's cost is per sequence, not per byte (an 8 MB column of 64-bit values is about a million sequences of a few bytes; copying short sequences a word at a time gained about a fifth). A WebAssembly block loop was tried: faster on the large columns, slower on the small ones (copies into and out of its memory), and it needs 'wasm-unsafe-eval' under a Content-Security-Policy; not kept. Tried again (2026-12-01) with the output left in its memory (no copy out): in a cold Node process its loop took 63 ms of the 1M decode against 82 ms for the script's, but in cold pages the decode took 203 and 207 ms against 231 and 201 ms without it (alternating runs of 9 pages), within the noise; not kept. A Worker was tried too (2026-12-01): the columns read after the tree (27 of the 39 MB decompressed) went to a module worker started when the element connects, while the main thread built the tree. It did not win: the worker took 66–154 ms for its share, cold (warming its decompressor up when it starts took 67–132 ms by itself), against 58–83 ms for reading those columns on the main thread, and the main thread's own steps slowed while it ran (two cores, shared with the browser's compositor and raster work); in 7 alternating pairs of 9 pages, medians of 183–237 ms with it against 170–244 ms without. Not kept. Each row's offset is now placed in the tree's own pass (one pass over the rows fewer). The rest is reading the columns (copies, 64-bit conversions, dictionary keys, the tree). Drawing the whole graph before the columns only tooltips and the table read (addresses, lines, file and system names, build ids; not flat, which colors weigh frames by) was tried too (2026-12-01, alternating runs of 9 pages): the whole picture came at 212 and 239 ms against 239 and 251 ms, but the graph answered the pointer later (decode 247 and 279 ms against 216 and 230 ms), those columns then waiting behind the picture's draw; not kept.",
  ],
  ['1M nodes: Grafana', 'The cold decode above: Grafana starts from decoded objects, ours from the bytes.'],
  [
    '1M nodes: first visible levels',
    'Timed in two cold pages (2026-12-01): the top levels are made 15–20 ms after the hand-over (opening the record and decoding its first rows, cold), their draw starts 22–28 ms after it and its own script takes 7–15 ms (cold code); the rest, until the pixels can be read, is the raster of that first picture.',
  ],
  [
    'metrics 200 × 1,000: longest',
    'Two tasks: the update (the chart columns, about 25 ms, then the legend, its style and layout) and, after it, the chart (uPlot built and drawn). A page that has not run the code before runs it unoptimized, and either can pass 50 ms.',
  ],
  [
    'metrics 200 × 1,000: first paint',
    'The chart columns, the legend and the chart (built and drawn) take that long between them in a page that has not run the code before; the chart is a task after the update, so that neither task blocks the page for long.',
  ],
  [
    'function table 100k: first sort',
    "The natural sort keys of 100,000 names are built on the first click on the name column, then sorted. Building them in one scan (2026-12-01) took the first click from 122–152 ms to 88–97 ms (alternating runs). The click comes a frame after the first rows, when the table has begun building the keys while the page is idle: it now goes on from the keys built so far instead of building them all again (2026-12-01, alternating runs of 7 pages: 91 and 96 ms against 107 and 110 ms). What is left is the rest of the keys and the sort itself, a comparison of 100,000 strings (about 60 ms in a Node process); a page that gives the table a moment (a person's first click) finds every usual order prepared (*sort*, above).",
  ],
  [
    'real Parca',
    "Most of it is before the request. A fresh browser context asks for the bundle only tens of milliseconds after navigation (*bundle requested*; the document itself is in after about 11 ms): its renderer is starting up. The one-file bundle (every element) is then evaluated before the elements exist (its top-level code, the protobuf descriptors, the page's elements upgraded); in a trace of the cold page about two fifths of that is V8 compiling functions on their first call. V8's compile hint (`//# allFunctionsCalledOnLoad` atop the bundle, 2026-12-01) compiles every function while the file streams in instead: decode and client wait got shorter (7–8 ms against 12–14, and 3–4 ms against 6–7), but the whole file is compiled before it runs, so the elements were defined at 117–134 ms against 84–97 ms and the first paint came later (214–241 ms against 183–207 ms, alternating runs of 7 pages); not kept. A bundle of only the source and the flame graph evaluates in 32–36 ms against 45–53 ms (alternating runs); a page without a build step has only the one-file bundle. The request leaves a few milliseconds after the elements are defined, with no request before it: the source provides its query at its first update and the graph asks at its own. Asking as the elements are upgraded, before the rest of the bundle runs, would gain at most the time the other elements take (the 13–18 ms above), and needs a path with no await before the fetch; not built. The answer takes longer than the same request replayed. The CORS preflight of a gRPC-Web call is a small part of that (2–6 ms, seen through the DevTools protocol); the rest is Parca answering more slowly while the new page still works (the browser and Parca share the machine's two cores). The fresh context and Parca's own time are outside the page's reach.",
  ],
  ['100k nodes: first paint (earlier', 'A target set on warm numbers; cold, decode and the first draw of 100,000 frames take longer.'],
  ['1M nodes: first paint (earlier', 'The cold decode above.'],
];
const missed = checks.filter((row) => row.includes('**missed**'));
const reasons = OBSTACLES.filter(([start]) => missed.some((row) => row.startsWith(`| ${start}`)));
if (reasons.length) lines.push('## What stands in the way of the missed targets', '', ...reasons.map(([start, why]) => `- *${start}…*: ${why}`), '');
if (trees.length) {
  lines.push(
    '## Reading these numbers',
    '',
    '- Ours is timed from the bytes (decode included), Grafana from decoded objects: the ratios favour Grafana.',
    "- *Cold decode* is the element's `data.decodeMs`: wall time of its sliced decode, bytes to model (a `record`",
    '  fires no `parca-load`).',
    '- The earlier targets (first paint, redraws, heap) were set on warm numbers; they are checked here on cold ones.',
    '- A contestant whose canvas shows nothing (checked by reading its pixels after the run) gets no ratio.',
    '',
  );
}

writeFileSync(join(dataDir, 'results.json'), JSON.stringify({ machine, runs, scenarios, results: Object.fromEntries(results) }, null, 2));
if (quick) console.log('BENCH_QUICK=1: one repetition of small cases; scripts/bench/RESULTS.md left as it was.\n');
else if (selected.length || process.env.BENCH_CASES) {
  console.log(
    `Only ${[...selected, process.env.BENCH_CASES ?? ''].filter(Boolean).join(', ')} ran: scripts/bench/RESULTS.md, which holds every bench, left as it was.\n`,
  );
} else if (!failed) writeFileSync(join(benchDir, 'RESULTS.md'), lines.join('\n'));
else console.log('A scenario failed: scripts/bench/RESULTS.md left as it was.\n');
console.log(lines.join('\n'));
process.exit(failed ? 1 : 0);
