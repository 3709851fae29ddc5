// Generates custom-elements.json (the package's `customElements` field) from the elements' JSDoc.
// `npm run manifest` writes it; the test command checks it is current (scripts/build/manifest.mjs --check).

/**
 * The analyzer also lists `dispatchEvent(new X(arg))` calls as events named after nothing or after `arg`; the
 * JSDoc @fires lines are the documented events, and the only ones kept.
 */
function keepDocumentedEvents() {
  return {
    name: 'keep-documented-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name && event.description);
        }
      }
    },
  };
}

/** Modules in path order: the analyzer lists them in the order the file system gives, which varies between runs. */
function sortModules() {
  return {
    name: 'sort-modules',
    packageLinkPhase({ customElementsManifest }) {
      customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    },
  };
}

export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: process.env.CEM_OUTDIR ?? '.',
  litelement: true,
  // The package's customElements field is written by hand; the analyzer would point it at the scratch folder.
  packagejson: false,
  plugins: [keepDocumentedEvents(), sortModules()],
};
