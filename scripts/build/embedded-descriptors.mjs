// Build-time side of the `embeddedDescriptors` bundle plugin (scripts/build/bundle-plugins.mjs).
//
// Generated protobuf-es code embeds each .proto file as `fileDesc("<base64 FileDescriptorProto>", [deps])`, which
// decodes the bytes at load time with `fromBinary(FileDescriptorProtoSchema, ...)`. That one call drags the whole
// descriptor.proto schema (descriptor_pb.js with its boot JSON, ~5 KB gzip) into the bundle. Here the bytes are
// decoded once, in Node, with the real protobuf-es, and written back as a JS literal that a small runtime turns
// into the very same FileDescriptorProto object graph (same own properties in the same order, same defaults on a
// shared prototype per message type, same $typeName), which then goes through the same steps as `fileDesc`.
// scripts/build/check-embedded-descriptors.mjs proves the result equal for every replaced call.
import { create, fromBinary } from '@bufbuild/protobuf';
import { base64Decode } from '@bufbuild/protobuf/wire';
import { FileDescriptorProtoSchema, file_google_protobuf_descriptor } from '@bufbuild/protobuf/wkt';
import { realpathSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The id other modules import the runtime by; `\0` keeps other plugins (node-resolve) away from it. */
export const RUNTIME_ID = '\0parca-embedded-descriptors';

// protobuf-es's ES modules (the real path, as node-resolve gives it), and the modules `fileDesc` is exported from.
const protobufEsm = new URL('./', pathToFileURL(realpathSync(fileURLToPath(import.meta.resolve('@bufbuild/protobuf')))));
export const protobufModule = (path) => fileURLToPath(new URL(path, protobufEsm));
export const FILE_DESC_MODULES = [protobufModule('codegenv2/file.js'), protobufModule('codegenv2/index.js')];

const PREFIX = '$pbEmbed_';
const constructorName = (typeName) => PREFIX + typeName.replace(/^google\.protobuf\./, '').replace(/\./g, '_');
const EMBED_FILE = `${PREFIX}file`;

function allMessages(list) {
  return list.flatMap((message) => [message, ...allMessages(message.nestedMessages)]);
}

function primitive(value, where) {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value) || Object.is(value, -0)) break;
      return String(value);
    case 'bigint':
      return `${value}n`;
    case 'object':
      if (value instanceof Uint8Array) return `new Uint8Array([${value.join(',')}])`;
  }
  throw new Error(`embedded-descriptors: cannot write ${String(value)} (${typeof value}) at ${where}`);
}

/**
 * One constructor per message type of descriptor.proto, shaped like what `create(schema)` gives: an object whose
 * prototype holds the zero value of every scalar and enum field (proto2 tracks presence by own properties), with
 * `$typeName` and then a fresh array per repeated field as own properties. Derived from a real `create()` so the
 * shapes cannot drift from the installed protobuf-es.
 */
function constructorSource(desc) {
  const zero = create(desc);
  const prototype = Object.getPrototypeOf(zero);
  const own = Reflect.ownKeys(zero);
  const lists = own.slice(1);
  const shaped =
    prototype !== Object.prototype &&
    Object.getPrototypeOf(prototype) === Object.prototype &&
    own[0] === '$typeName' &&
    lists.every((key) => typeof key === 'string' && Array.isArray(zero[key]) && zero[key].length === 0);
  if (!shaped) throw new Error(`embedded-descriptors: unexpected shape of a new ${desc.typeName}`);
  const defaults = Reflect.ownKeys(prototype).map((key) => {
    if (typeof key !== 'string') throw new Error(`embedded-descriptors: symbol on the prototype of ${desc.typeName}`);
    return `${key}:${primitive(prototype[key], `${desc.typeName}.${key}`)}`;
  });
  return `export const ${constructorName(desc.typeName)} = /*@__PURE__*/ message(${JSON.stringify(desc.typeName)}, ${JSON.stringify(lists.join(' '))}, {${defaults.join(',')}});`;
}

/**
 * The runtime module. `specifier(path)` turns a path inside protobuf-es's ES modules into an import specifier
 * (an absolute path for rollup, a file: URL for Node).
 */
export function runtimeSource(specifier = protobufModule) {
  return [
    `import { createEmbeddedFileRegistry } from ${JSON.stringify(specifier('registry.js'))};`,
    `import { restoreJsonNames } from ${JSON.stringify(specifier('codegenv2/restore-json-names.js'))};`,
    // Same steps, in the same order, as create(): prototype, $typeName, then the repeated fields.
    `const message = (typeName, lists, defaults) => (fields) => {`,
    `  const m = Object.create(defaults);`,
    `  m.$typeName = typeName;`,
    `  if (lists) for (const name of lists.split(' ')) m[name] = [];`,
    `  return Object.assign(m, fields);`,
    `};`,
    ...allMessages(file_google_protobuf_descriptor.messages).map(constructorSource),
    // The body of fileDesc() after its fromBinary() call (@bufbuild/protobuf codegenv2/file.js).
    `export function ${EMBED_FILE}(root, imports) {`,
    `  root.messageType.forEach(restoreJsonNames);`,
    `  root.dependency = imports?.map((f) => f.proto.name) ?? [];`,
    `  const reg = createEmbeddedFileRegistry(root, (protoFileName) => imports?.find((f) => f.proto.name === protoFileName));`,
    `  return reg.getFile(root.name);`,
    `}`,
  ].join('\n');
}

/**
 * The literal for one decoded message: a constructor call with the message's own fields in their own-property
 * order (the order fromBinary set them). Empty repeated fields are left to the constructor.
 */
function messageLiteral(message, used, where) {
  const keys = Reflect.ownKeys(message);
  if (keys[0] !== '$typeName') throw new Error(`embedded-descriptors: no $typeName first at ${where}`);
  const fields = [];
  for (const key of keys.slice(1)) {
    if (typeof key !== 'string' || key === '$unknown') {
      throw new Error(`embedded-descriptors: cannot write ${String(key)} at ${where} (unknown fields are not supported)`);
    }
    const value = message[key];
    if (Array.isArray(value) && value.length === 0) continue;
    fields.push(`${key}:${valueLiteral(value, used, `${where}.${key}`)}`);
  }
  const name = constructorName(message.$typeName);
  used.add(name);
  return `/*@__PURE__*/ ${name}({${fields.join(',')}})`;
}

function valueLiteral(value, used, where) {
  if (Array.isArray(value)) return `[${value.map((item, i) => valueLiteral(item, used, `${where}[${i}]`)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    if (typeof value.$typeName !== 'string') throw new Error(`embedded-descriptors: cannot write an object at ${where}`);
    return messageLiteral(value, used, where);
  }
  return primitive(value, where);
}

/** The literal that builds the FileDescriptorProto encoded in `base64`, and the constructors it calls. */
export function fileLiteral(base64) {
  const used = new Set();
  const root = fromBinary(FileDescriptorProtoSchema, base64Decode(base64));
  return { literal: messageLiteral(root, used, root.name), used };
}

// `fileDesc("<base64>")` or `fileDesc("<base64>", [a, b])`, as protoc-gen-es writes them.
const CALL = /\bfileDesc\("([A-Za-z0-9+/]*=*)"(?:, (\[[\w$, ]*\]))?\)/g;
const ANY_CALL = /\bfileDesc\(\s*["'`]/;
const FILE_DESC_IMPORT = /\bimport\s*\{([^}]*)\}\s*from\s*["']([^"']+)["']/g;

/**
 * Rewrites the `fileDesc(...)` calls of one module. `resolve(specifier)` says which file an import specifier of
 * the module is. Returns null when the module has none, else the new code and what was replaced.
 */
export async function replaceFileDescCalls(code, resolve) {
  if (!ANY_CALL.test(code)) return null;
  const imported = [...code.matchAll(FILE_DESC_IMPORT)].filter(([, names]) => /(^|[\s,])fileDesc\s*(,|$)/.test(names.trim()));
  if (imported.length !== 1 || !FILE_DESC_MODULES.includes(await resolve(imported[0][2]))) {
    throw new Error('embedded-descriptors: fileDesc is not imported from @bufbuild/protobuf codegenv2');
  }
  if (code.includes(PREFIX)) throw new Error(`embedded-descriptors: the module already uses ${PREFIX} names`);
  const used = new Set([EMBED_FILE]);
  const embeds = [];
  const replaced = code.replace(CALL, (_call, base64, deps) => {
    const file = fileLiteral(base64);
    file.used.forEach((name) => used.add(name));
    const depNames = deps
      ? deps
          .slice(1, -1)
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      : undefined;
    const call = `${EMBED_FILE}(${file.literal}${deps ? `, ${deps}` : ''})`;
    embeds.push({ base64, depNames, literal: file.literal, call });
    return call;
  });
  if (ANY_CALL.test(replaced)) throw new Error('embedded-descriptors: a fileDesc() call is not in the form protoc-gen-es writes');
  // Imported at the end (imports are hoisted) so that no line moves and the module's source map stays right.
  return { code: `${replaced}\nimport { ${[...used].join(', ')} } from ${JSON.stringify(RUNTIME_ID)};\n`, embeds };
}
