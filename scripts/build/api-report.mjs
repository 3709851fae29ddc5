// `node scripts/build/api-report.mjs` writes api-report.md: every name each entry point of package.json's `exports`
// gives a TypeScript user, with its declaration as the shipped .d.ts has it, and the global types the package
// adds. `--check` fails when the file is stale, so a change to the public surface is a visible diff in review.
// Both fail when a shipped .d.ts imports a package that is not a dependency: a user's strict compile
// (skipLibCheck off) would not find it. The declarations are built afresh into a cache folder, so dist/ may be stale.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { root } from '../paths.mjs';

const REPORT = join(root, 'api-report.md');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Emits the package's .d.ts files (what `tsc -p tsconfig.build.json` ships) into `outDir`. */
function emitDeclarations(outDir) {
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.build.json'),
    {},
    { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) },
  );
  const options = { ...config.options, outDir, emitDeclarationOnly: true, declarationMap: false, sourceMap: false, inlineSources: false, noEmit: false };
  const program = ts.createProgram(config.fileNames, options);
  const result = program.emit();
  const errors = [...ts.getPreEmitDiagnostics(program), ...result.diagnostics].filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length) fail(ts.formatDiagnostics(errors, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => root, getNewLine: () => '\n' }));
}

/** The entry points with types: subpath → .d.ts file under `outDir` (a `*` subpath expands to each file). */
function entryPoints(outDir) {
  const entries = [];
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const types = typeof target === 'object' && target !== null ? target.types : undefined;
    if (!types) continue;
    const file = types.replace(/^\.\/dist\//, '');
    const name = subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
    if (!file.includes('*')) {
      entries.push({ name, file: join(outDir, file) });
      continue;
    }
    const [before, after] = file.split('*');
    for (const found of readdirSync(join(outDir, before))
      .filter((f) => f.endsWith(after))
      .sort()) {
      const stem = found.slice(0, -after.length);
      if (pkg.exports[subpath.replace('*', stem)] === null) continue;
      entries.push({ name: name.replace('*', stem), file: join(outDir, before, found) });
    }
  }
  return entries;
}

const printer = ts.createPrinter({ removeComments: true, newLine: ts.NewLineKind.LineFeed });

/** A declaration as a user sees it: private members left out, comments dropped. */
function print(declaration) {
  let node = declaration;
  if (ts.isClassDeclaration(node)) {
    const members = node.members.filter((m) => !(ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Private) && !(m.name && ts.isPrivateIdentifier(m.name)));
    node = ts.factory.updateClassDeclaration(node, node.modifiers, node.name, node.typeParameters, node.heritageClauses, members);
  }
  if (ts.isVariableDeclaration(node)) node = node.parent.parent;
  return printer.printNode(ts.EmitHint.Unspecified, node, declaration.getSourceFile());
}

/** Declarations already printed, with the entry point that printed them: later entries only name them. */
const shown = new Map();

/** The report section of one entry point: its exports, sorted by name. */
function describeEntry(checker, program, entry, outDir) {
  const source = program.getSourceFile(entry.file);
  const lines = [`## \`${entry.name}\``, ''];
  const moduleSymbol = source && checker.getSymbolAtLocation(source);
  const exports = moduleSymbol ? checker.getExportsOfModule(moduleSymbol).sort((a, b) => a.name.localeCompare(b.name)) : [];
  if (!exports.length) {
    lines.push('No exports (imported for its side effects).', '');
    return lines;
  }
  lines.push('```ts');
  for (const symbol of exports) {
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    const declarations = target.declarations ?? [];
    const renamed = target.name !== symbol.name ? ` (declared as ${target.name})` : '';
    const earlier = declarations[0] && shown.get(declarations[0]);
    if (earlier) {
      lines.push(`// ${symbol.name}${renamed}: as in ${earlier}`);
      continue;
    }
    const from = declarations[0] ? relative(outDir, declarations[0].getSourceFile().fileName) : '?';
    lines.push(`// ${symbol.name}${renamed}: ${from}`);
    for (const declaration of declarations) {
      shown.set(declaration, entry.name);
      lines.push(print(declaration));
    }
    lines.push('');
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('```', '');
  return lines;
}

/** Every `declare global` block of the shipped types, by file. */
function describeGlobals(program, outDir) {
  const lines = ['## Global types', '', "What the shipped .d.ts add to the DOM's own interfaces (tag names, event names).", '', '```ts'];
  const files = program
    .getSourceFiles()
    .filter((f) => f.fileName.startsWith(outDir))
    .sort((a, b) => a.fileName.localeCompare(b.fileName));
  for (const file of files) {
    const blocks = file.statements.filter((s) => ts.isModuleDeclaration(s) && s.name.text === 'global');
    if (!blocks.length) continue;
    lines.push(`// ${relative(outDir, file.fileName)}`);
    for (const block of blocks) lines.push(printer.printNode(ts.EmitHint.Unspecified, block, file));
    lines.push('');
  }
  if (lines.at(-1) === '') lines.pop();
  lines.push('```', '');
  return lines;
}

/** Bare module names a .d.ts imports that package.json does not list as a dependency or peer. */
function undeclaredImports(outDir) {
  const declared = new Set([...Object.keys(pkg.dependencies ?? {}), ...Object.keys(pkg.peerDependencies ?? {})]);
  const problems = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.d.ts')) {
        const text = readFileSync(path, 'utf8');
        const { importedFiles, referencedFiles, typeReferenceDirectives } = ts.preProcessFile(text, true, true);
        const names = [...importedFiles, ...typeReferenceDirectives].map((f) => f.fileName);
        if (referencedFiles.length) problems.push(`${relative(outDir, path)}: /// <reference path> to ${referencedFiles.map((f) => f.fileName).join(', ')}`);
        for (const name of names) {
          if (name.startsWith('.') || name.startsWith('#')) continue;
          const bare = name.startsWith('node:')
            ? 'node:'
            : name
                .split('/')
                .slice(0, name.startsWith('@') ? 2 : 1)
                .join('/');
          if (bare === 'node:' || builtinModules.includes(bare)) problems.push(`${relative(outDir, path)}: imports Node's '${name}'`);
          else if (!declared.has(bare)) problems.push(`${relative(outDir, path)}: imports '${name}', which is not in dependencies or peerDependencies`);
        }
      }
    }
  };
  walk(outDir);
  return [...new Set(problems)];
}

class ReportError extends Error {}

function fail(message) {
  throw new ReportError(message);
}

const outDir = join(root, 'node_modules', '.cache', 'parca-elements', `api-dts-${process.pid}`);
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
try {
  emitDeclarations(outDir);
  const problems = undeclaredImports(outDir);
  const entries = entryPoints(outDir);
  const program = ts.createProgram(
    entries.map((e) => e.file),
    {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
      types: [],
    },
  );
  const checker = program.getTypeChecker();
  const report = [
    '# API report',
    '',
    `Generated by \`node scripts/build/api-report.mjs\` from the .d.ts of each entry point in package.json's \`exports\`;`,
    'the test command fails when it is stale. A diff here is a change to what the package gives its users.',
    '',
    ...entries.flatMap((entry) => describeEntry(checker, program, entry, outDir)),
    ...describeGlobals(program, outDir),
  ].join('\n');
  if (problems.length) fail(`shipped types import what a user may not have:\n  ${problems.join('\n  ')}`);
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(REPORT, 'utf8');
    } catch {}
    if (current !== report) {
      const had = current.split('\n');
      const now = report.split('\n');
      const at = now.findIndex((line, i) => line !== had[i]);
      fail(
        `api-report.md is stale (first difference at line ${at + 1}: ${JSON.stringify(now[at] ?? '(end)')}): the public surface changed; run \`node scripts/build/api-report.mjs\`, review and commit it`,
      );
    }
    console.log(`api-report.md matches the public surface (${entries.length} entry points)`);
  } else {
    writeFileSync(REPORT, report);
    console.log(`wrote api-report.md (${entries.length} entry points)`);
  }
} catch (error) {
  if (!(error instanceof ReportError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  rmSync(outDir, { recursive: true, force: true });
}
