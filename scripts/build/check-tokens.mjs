// Every public `--parca-*` custom property an element's styles read must be documented on that element
// (JSDoc @cssprop, so in custom-elements.json), and every documented one must be read. Fails otherwise.
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from '../paths.mjs';

const manifest = JSON.parse(readFileSync(join(root, 'custom-elements.json'), 'utf8'));
const documented = new Map();
for (const mod of manifest.modules) {
  for (const declaration of mod.declarations ?? []) {
    if (!declaration.tagName) continue;
    const folder = mod.path.split('/').slice(0, -1).join('/');
    documented.set(folder, { tag: declaration.tagName, props: new Set((declaration.cssProperties ?? []).map((p) => p.name)) });
  }
}

// The shared sheet (src/elements/theme.ts, `baseStyles`) maps public tokens to private names for every element:
// an element reads such a public token when its own rules (or the sheet's :host rule) use the private name.
const themeText = readFileSync(join(root, 'src', 'elements', 'theme.ts'), 'utf8');
const shared = [
  ...[...themeText.matchAll(/sharedColor\('(--parca-[a-z0-9-]+)', '(--_[a-z0-9-]+)'\)/g)].map((m) => [m[1], m[2]]),
  ...[...themeText.matchAll(/(--_[a-z0-9-]+): var\((--parca-[a-z0-9-]+)/g)].map((m) => [m[2], m[1]]),
];
const baseRule = themeText.slice(themeText.indexOf('css`', themeText.indexOf('export const baseStyles')));

// The frame canvas's tokens (flamegraph.styles.ts, `graphTokens`, or `frameTokens` of them), read by every element that adopts them.
const graphText = readFileSync(join(root, 'src', 'elements', 'flamegraph', 'flamegraph.styles.ts'), 'utf8');
const graphTokens = graphText.slice(0, graphText.indexOf('export const flamegraphStyles'));
const frameTokens = graphText.slice(0, graphText.indexOf('export const graphTokens'));

let problems = 0;
for (const [folder, { tag, props }] of documented) {
  const used = new Set();
  let texts = '';
  const files = readdirSync(join(root, folder)).filter((file) => file.endsWith('.ts') && !file.endsWith('.test.ts'));
  const sources = files.map((file) => readFileSync(join(root, folder, file), 'utf8'));
  if (sources.some((text) => text.includes('...graphTokens'))) sources.push(graphTokens);
  else if (sources.some((text) => text.includes('...frameTokens'))) sources.push(frameTokens);
  for (const text of sources) {
    texts += text;
    // Read in CSS (`var(--parca-…)`), declared through themeStyles (`token: '--parca-…'`), or read by script
    // (`getPropertyValue('--parca-…')`).
    for (const match of text.matchAll(/(?:var\(\s*|['"])(--parca-[a-z0-9-]+)/g)) used.add(match[1]);
  }
  if (texts.includes('baseStyles')) {
    for (const [token, name] of shared) {
      const reads = new RegExp(`(?:var\\(|')${name}[,)']`);
      if (reads.test(texts) || reads.test(baseRule)) used.add(token);
    }
  }
  for (const token of used) {
    if (!props.has(token)) {
      console.error(`<${tag}> reads ${token} but does not document it (@cssprop in ${relative(root, join(root, folder))})`);
      problems++;
    }
  }
  for (const token of props) {
    if (!used.has(token)) {
      console.error(`<${tag}> documents ${token} but never reads it`);
      problems++;
    }
  }
}
if (!problems) console.log(`custom properties: every --parca-* token read is documented, and every documented one is read`);
process.exit(problems ? 1 : 0);
