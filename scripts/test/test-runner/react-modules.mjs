// React ships CommonJS only: the tests get it as ES modules sharing one React, bundled by esbuild as an app's
// bundler would.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { root } from '../../paths.mjs';

/** Serves `react`, `react-dom` and `react-dom/client` as ES modules sharing one React, bundled by esbuild. */
export async function reactAsModules() {
  const { build } = await import('esbuild');
  const dir = join(root, 'node_modules', '.cache', 'parca-elements', `react-${process.pid}`);
  const entries = { react: 'react', 'react-dom': 'react-dom', 'react-dom-client': 'react-dom/client' };
  mkdirSync(join(dir, 'src'), { recursive: true });
  for (const [name, specifier] of Object.entries(entries)) {
    writeFileSync(join(dir, 'src', `${name}.js`), `import m from '${specifier}';\nexport default m;\n`);
  }
  await build({
    entryPoints: Object.keys(entries).map((name) => join(dir, 'src', `${name}.js`)),
    outdir: join(dir, 'out'),
    bundle: true,
    splitting: true,
    format: 'esm',
    define: { 'process.env.NODE_ENV': '"development"' },
    nodePaths: [join(root, 'node_modules')],
    logLevel: 'warning',
  });
  const served = Object.fromEntries(Object.entries(entries).map(([name, specifier]) => [specifier, `/${join(dir, 'out', `${name}.js`).slice(root.length + 1)}`]));
  return {
    name: 'react-as-modules',
    resolveImport({ source }) {
      return served[source];
    },
    serverStop() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
