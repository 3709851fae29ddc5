// The one-file bundle for a plain <script type="module"> (and the demo), built from tsc's output in dist/.
// The npm entry points stay unbundled ES modules; this is only for pages with no build step. What only the
// function table and the sandwich need is a chunk beside it, which the browser loads on their first use.
import { nodeResolve } from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import { binaryFormatOnly, compactTemplates, TERSER_OPTIONS, embeddedDescriptors, noDefaultValues, uplotEdits } from './scripts/build/bundle-plugins.mjs';

export default {
  input: 'dist/bundle.js',
  // The lazy chunks import the bundle's internals: letting the entry export them too keeps all of its code in the
  // file a page names, instead of a facade that re-exports a second file (a request the page discovers late).
  preserveEntrySignatures: 'allow-extension',
  output: {
    dir: 'dist',
    entryFileNames: 'parca-elements.bundle.js',
    chunkFileNames: 'parca-elements.[name].js',
    format: 'es',
    sourcemap: true,
  },
  onwarn(warning, warn) {
    // Dependencies compiled by TypeScript carry `this &&` helpers at module level; harmless in ES modules.
    if (warning.code === 'THIS_IS_UNDEFINED') return;
    warn(warning);
  },
  plugins: [
    binaryFormatOnly(),
    noDefaultValues(),
    embeddedDescriptors(),
    compactTemplates(),
    uplotEdits(),
    // `production`: the production builds of dependencies, and src/dev.ts's `#dev-mode` without the warnings.
    nodeResolve({ exportConditions: ['production'] }),
    terser(TERSER_OPTIONS),
  ],
};
