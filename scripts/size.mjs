// Bundle budget: each define entry bundled alone (minified, gzip -9), and all of them together. Fails when
// everything together exceeds the budget, or when a protobuf file descriptor the bundle embeds differs from what
// protobuf-es's fileDesc() makes of it (scripts/check-embedded-descriptors.mjs). Reads tsc's output in dist/ (run
// `npm run build` first).
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { rollup } from 'rollup';
import { binaryFormatOnly, compactTemplates, TERSER_OPTIONS, embeddedDescriptors, noDefaultValues } from './bundle-plugins.mjs';
import { checkEmbeddedDescriptors } from './check-embedded-descriptors.mjs';
import { root } from './run-ts.mjs';

export const BUDGET_BYTES = 100 * 1024;

async function gzippedSize(input) {
  const descriptors = embeddedDescriptors();
  const bundle = await rollup({
    input,
    onwarn: (warning, warn) => warning.code !== 'THIS_IS_UNDEFINED' && warn(warning),
    plugins: [binaryFormatOnly(), noDefaultValues(), descriptors, compactTemplates(), nodeResolve({ exportConditions: ['production'] }), terser(TERSER_OPTIONS)],
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

const entries = [
  ['one-file bundle (bundle.js)', join(root, 'dist', 'bundle.js')],
  ...readdirSync(join(root, 'dist', 'define'))
    .filter((file) => file.endsWith('.js') && file !== 'define-element.js')
    .map((file) => [`define/${file}`, join(root, 'dist', 'define', file)]),
];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
let total;
console.log('entry'.padEnd(28), 'minified'.padStart(10), 'gzip'.padStart(10));
for (const [name, input] of entries) {
  const size = await gzippedSize(input);
  if (!total) total = size;
  console.log(name.padEnd(28), kb(size.min).padStart(10), kb(size.gzip).padStart(10));
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
const ok = total.gzip <= BUDGET_BYTES && !devWarnings;
console.log(`budget: ${kb(total.gzip)} of ${kb(BUDGET_BYTES)} gzip for all elements with their dependencies${ok ? '' : ' — OVER BUDGET'}`);
process.exit(ok && descriptorsOk ? 0 : 1);
