// Generates custom-elements.json (the package's `customElements` field) from the elements' JSDoc.
// `npm run manifest` writes it; the test command checks it is current (scripts/manifest.mjs --check).

/** The analyzer also lists `dispatchEvent(new X())` calls as nameless events; the JSDoc @fires lines name them. */
function dropNamelessEvents() {
  return {
    name: 'drop-nameless-events',
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules) {
        for (const declaration of mod.declarations ?? []) {
          if (declaration.events) declaration.events = declaration.events.filter((event) => event.name);
        }
      }
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
  plugins: [dropNamelessEvents()],
};
