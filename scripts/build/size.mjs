// Bundle budget: each define entry bundled alone (minified, gzip -9), and all of them together. Fails when
// everything together exceeds the budget, or when a protobuf file descriptor the bundle embeds differs from what
// protobuf-es's fileDesc() makes of it (scripts/build/check-embedded-descriptors.mjs). Reads tsc's output in
// dist/ (run `npm run build` first).
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { binaryFormatOnly, compactTemplates, TERSER_OPTIONS, embeddedDescriptors, noDefaultValues, uplotEdits } from './bundle-plugins.mjs';
import { checkEmbeddedDescriptors } from './check-embedded-descriptors.mjs';
import { root } from '../paths.mjs';

/** Every element in one file; the four original elements (source, editor, metrics, flame graph) in one file; each newer element's entry alone. */
export const BUDGET_BYTES = { all: 130 * 1024, original: 100 * 1024, element: 50 * 1024 };
const ORIGINAL = ['source', 'query-editor', 'metrics', 'flamegraph'];
const ORIGINAL_ID = '\0the four original elements';

/** The four original elements' define entries as one module, as a page that loads only them gets them. */
const originalElements = {
  name: 'original-elements',
  resolveId: (id) => (id === ORIGINAL_ID ? id : null),
  load: (id) => (id === ORIGINAL_ID ? ORIGINAL.map((name) => `import ${JSON.stringify(join(root, 'dist', 'define', `${name}.js`))};`).join('\n') : null),
};

async function gzippedSize(input) {
  const descriptors = embeddedDescriptors();
  const bundle = await rollup({
    input,
    onwarn: (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning),
    plugins: [
      originalElements,
      binaryFormatOnly(),
      noDefaultValues(),
      descriptors,
      compactTemplates(),
      uplotEdits(),
      nodeResolve({ exportConditions: ['production'] }),
      terser(TERSER_OPTIONS),
    ],
  });
  const { output } = await bundle.generate({ format: 'es' });
  await bundle.close();
  // What a page loads is the entry and every chunk it imports statically; chunks imported only on first use (the
  // function table and the sandwich) are told apart.
  const chunks = new Map(output.filter((chunk) => chunk.type === 'chunk').map((chunk) => [chunk.fileName, chunk]));
  const loaded = new Set();
  const visit = (name) => {
    if (loaded.has(name)) return;
    loaded.add(name);
    for (const imported of chunks.get(name)?.imports ?? []) visit(imported);
  };
  for (const chunk of chunks.values()) if (chunk.isEntry) visit(chunk.fileName);
  const code = [...loaded].map((name) => chunks.get(name).code).join('');
  const lazy = [...chunks.values()]
    .filter((chunk) => !loaded.has(chunk.fileName))
    .map((chunk) => ({ name: chunk.name, gzip: gzipSync(chunk.code, { level: 9 }).length }));
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, code, lazy, embeds: descriptors.embeds };
}

const defines = readdirSync(join(root, 'dist', 'define')).filter((file) => file.endsWith('.js') && file !== 'define-element.js');
/** [name, input, budget]: budgets for the whole file, the four original elements, and each newer element alone. */
const entries = [
  ['one-file bundle (bundle.js)', join(root, 'dist', 'bundle.js'), BUDGET_BYTES.all],
  ['the four original elements', ORIGINAL_ID, BUDGET_BYTES.original],
  ...defines.map((file) => [`define/${file}`, join(root, 'dist', 'define', file), ORIGINAL.includes(file.replace(/\.js$/, '')) ? undefined : BUDGET_BYTES.element]),
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total;
const over = [];
console.log('entry'.padEnd(28), 'minified'.padStart(10), 'gzip'.padStart(10), 'budget'.padStart(10));
for (const [name, input, budget] of entries) {
  const size = await gzippedSize(input);
  if (!total) total = size;
  if (budget !== undefined && size.gzip > budget) over.push(`${name}: ${kb(size.gzip)} of ${kb(budget)}`);
  console.log([name.padEnd(28), kb(size.min).padStart(10), kb(size.gzip).padStart(10), (budget === undefined ? '' : kb(budget)).padStart(10)].join(' ').trimEnd());
  for (const chunk of size.lazy) console.log(`  + on first use: ${chunk.name}`.padEnd(40), kb(chunk.gzip).padStart(10));
}
// Development warnings (src/dev.ts) must be compiled out of what production pages load.
const devWarnings = total.code.includes('parca-elements: ');
if (devWarnings) console.log('the production bundle still contains development warnings');
let descriptorsOk = true;
try {
  const files = await checkEmbeddedDescriptors(total.embeds);
  console.log(`embedded protobuf descriptors: ${files.length} files equal to what fileDesc() makes of them`);
} catch (error) {
  descriptorsOk = false;
  console.log(error.message);
}
const ok = over.length === 0 && !devWarnings;
console.log(ok ? 'budget: every entry within its budget (gzip, with its dependencies)' : `OVER BUDGET: ${over.join('; ')}`);
process.exit(ok && descriptorsOk ? 0 : 1);
