// Proves the `embeddedDescriptors` bundle plugin changes nothing: for every `fileDesc(...)` call it replaced, the
// replacement, run in Node with the same runtime module the bundle gets, gives
//   1. a FileDescriptorProto that serializes to exactly the embedded bytes, and whose object graph (own
//      properties and their order, prototypes and the defaults on them, $typeName) equals what
//      `fromBinary(FileDescriptorProtoSchema, bytes)` gives, and
//   2. a DescFile equal to the one the real `fileDesc` gives: the whole graph of file, messages, fields, oneofs,
//      enums, values, services, methods and their `proto`s, compared property by property (same values, same
//      property order and attributes, same functions, with `toString()` and `getDefaultValue()` called on both).
// Used by scripts/build/size.mjs on the calls its bundle replaced; run alone, it bundles dist/define.js first.
import { fromBinary, toBinary } from '@bufbuild/protobuf';
import { fileDesc } from '@bufbuild/protobuf/codegenv2';
import { base64Decode } from '@bufbuild/protobuf/wire';
import { FileDescriptorProtoSchema } from '@bufbuild/protobuf/wkt';
import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { protobufModule, runtimeSource } from './embedded-descriptors.mjs';

// Prototypes both sides must share rather than merely resemble.
const SHARED = new Set([null, Object.prototype, Array.prototype, Function.prototype, Map.prototype, Set.prototype, Uint8Array.prototype]);
// Methods of descriptors worth running on both sides: closures over the proto, which a source compare cannot see.
const CALLED = new Set(['toString', 'getDefaultValue']);

/** Throws at the first difference between the two graphs; returns how many objects were compared. */
export function assertSameGraph(a, b, path = '', pairs = new Map()) {
  const differ = (what) => {
    throw new Error(`${path || '(root)'}: ${what}`);
  };
  if (Object.is(a, b)) return 0;
  if (typeof a !== typeof b) differ(`${typeof a} vs ${typeof b}`);
  if (typeof a === 'function') {
    if (String(a) !== String(b) || a.name !== b.name) differ('different functions');
    return 0;
  }
  if (a === null || b === null || typeof a !== 'object') differ(`${String(a)} vs ${String(b)}`);
  if (pairs.has(a)) {
    if (pairs.get(a) !== b) differ('shared differently');
    return 0;
  }
  pairs.set(a, b);
  let count = 1;
  const [protoA, protoB] = [Object.getPrototypeOf(a), Object.getPrototypeOf(b)];
  if (SHARED.has(protoA) || SHARED.has(protoB)) {
    if (protoA !== protoB) differ('different prototypes');
  } else count += assertSameGraph(protoA, protoB, `${path}.[[Prototype]]`, pairs);
  if (a instanceof Uint8Array && a.join() !== b.join()) differ('different bytes');
  if (a instanceof Map || a instanceof Set) {
    count += assertSameGraph([...a], [...b], `${path}.[[entries]]`, pairs);
  }
  const keysA = Reflect.ownKeys(a);
  const keysB = Reflect.ownKeys(b);
  if (keysA.map(String).join() !== keysB.map(String).join()) differ(`own keys [${keysA.map(String)}] vs [${keysB.map(String)}]`);
  for (const key of keysA) {
    const at = `${path}.${String(key)}`;
    const [da, db] = [Object.getOwnPropertyDescriptor(a, key), Object.getOwnPropertyDescriptor(b, key)];
    for (const attribute of ['enumerable', 'configurable', 'writable']) {
      if (da[attribute] !== db[attribute]) throw new Error(`${at}: ${attribute} differs`);
    }
    if ('get' in da || 'get' in db) {
      count += assertSameGraph(da.get, db.get, `${at}.get`, pairs) + assertSameGraph(da.set, db.set, `${at}.set`, pairs);
    }
    count += assertSameGraph(a[key], b[key], at, pairs);
    if (CALLED.has(key) && typeof a[key] === 'function' && a[key].length === 0) {
      count += assertSameGraph(a[key](), b[key](), `${at}()`, pairs);
    }
  }
  return count;
}

/** The bundle leaves out the parsing of explicit field defaults (bundle-plugins.mjs, noDefaultValues): none may have one. */
function assertNoDefaultValues(file) {
  const visit = (messages, prefix) => {
    for (const message of messages) {
      for (const field of message.field) {
        if (field.defaultValue !== undefined && field.defaultValue !== '') throw new Error(`${prefix}${message.name}.${field.name} has a default value`);
      }
      visit(message.nestedType, `${prefix}${message.name}.`);
    }
  };
  visit(file.messageType, `${file.package}.`);
}

async function loadRuntime() {
  const source = runtimeSource((path) => pathToFileURL(protobufModule(path)).href);
  return import(`data:text/javascript,${encodeURIComponent(source)}`);
}

/** The DescFiles a replaced call passed to fileDesc, in order: the module's own DescFile lists them. */
async function dependenciesOf({ id, base64, depNames }) {
  if (!depNames) return undefined;
  const name = fromBinary(FileDescriptorProtoSchema, base64Decode(base64)).name;
  const module = await import(pathToFileURL(id).href);
  const file = Object.values(module).find((value) => value?.kind === 'file' && value.proto.name === name);
  if (!file) throw new Error(`${id}: exports no DescFile for ${name}`);
  if (file.dependencies.length !== depNames.length) throw new Error(`${id}: ${depNames.length} imports, ${file.dependencies.length} dependencies`);
  return file.dependencies;
}

/** Checks each replaced call (`plugin.embeds`); returns one line per call, throws at the first difference. */
export async function checkEmbeddedDescriptors(embeds) {
  const runtime = await loadRuntime();
  const evaluate = (expression, depNames = [], deps = []) =>
    new Function(...Object.keys(runtime), ...depNames, `return ${expression};`)(...Object.values(runtime), ...deps);
  const lines = [];
  for (const embed of embeds) {
    const where = relative(process.cwd(), embed.id);
    try {
      const bytes = base64Decode(embed.base64);
      const built = evaluate(embed.literal);
      const decoded = fromBinary(FileDescriptorProtoSchema, bytes);
      if (Buffer.compare(toBinary(FileDescriptorProtoSchema, built), bytes) !== 0) throw new Error('serializes to other bytes');
      const protos = assertSameGraph(decoded, built);
      assertNoDefaultValues(decoded);
      const deps = await dependenciesOf(embed);
      const real = fileDesc(embed.base64, deps);
      const mine = evaluate(embed.call, embed.depNames, deps);
      const descriptors = assertSameGraph(real, mine);
      lines.push(`${real.proto.name}: same bytes, ${protos} proto objects and ${descriptors} descriptor objects equal`);
    } catch (error) {
      throw new Error(`embedded descriptor of ${where} differs from fileDesc: ${error.message}`, { cause: error });
    }
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { rollup } = await import('rollup');
  const { default: nodeResolve } = await import('@rollup/plugin-node-resolve');
  const { binaryFormatOnly, embeddedDescriptors } = await import('./bundle-plugins.mjs');
  const { root } = await import('../paths.mjs');
  const plugin = embeddedDescriptors();
  const bundle = await rollup({
    input: `${root}/dist/define.js`,
    onwarn: () => {},
    plugins: [binaryFormatOnly(), plugin, nodeResolve({ exportConditions: ['production'] })],
  });
  await bundle.close();
  for (const line of await checkEmbeddedDescriptors(plugin.embeds)) console.log(line);
}
