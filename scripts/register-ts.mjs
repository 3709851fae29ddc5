// Lets a script import TypeScript (scripts/**/*.ts and the src/ files they import) in Node 20, which cannot strip
// types itself: importing this module registers tsx's loader (https://tsx.is) for the process, and a later
// `await import('./x.ts')` compiles each module as it loads. Import TypeScript dynamically, after this module: a
// static import of a .ts file is resolved before this module has run.
//
// It also turns on the `parca-elements-source` export condition, so the package's own `#dev-mode` import resolves
// to src/dev-mode/*.ts (package.json's `imports`), as it does for tsc (tsconfig's customConditions) and the dev
// servers (their exportConditions), rather than to dist/. tsx does not read customConditions, and Node's
// `--conditions` flag is read only at startup, so a resolve hook adds the condition: the same as starting Node with
// `--conditions=parca-elements-source`, without every command that runs a script having to say so.
import { register } from 'node:module';
import { fileURLToPath } from 'node:url';
import { register as registerTsx } from 'tsx/esm/api';

const sourceCondition = `export function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, 'parca-elements-source'] });
}`;
register(`data:text/javascript,${encodeURIComponent(sourceCondition)}`);
registerTsx({ tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)) });
