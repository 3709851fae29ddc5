// Rollup plugins shared by the one-file bundle (rollup.config.mjs) and the size check (scripts/build/size.mjs).
import { RUNTIME_ID, replaceFileDescCalls, runtimeSource } from './embedded-descriptors.mjs';

const JSON_CODEC = /@bufbuild\/protobuf\/dist\/esm\/(from|to)-json\.js$/;

/**
 * The library talks to Parca in the protobuf binary format only (Parca registers no JSON codec for gRPC-Web),
 * but the Connect runtime imports protobuf's JSON codec statically. The bundle replaces it with functions that
 * say so if anything ever calls them: about 6 KB gzip that would never run.
 */
export function binaryFormatOnly() {
  const refuse = `() => { throw new Error('The protobuf JSON format is not included in the parca-elements bundle'); }`;
  return {
    name: 'binary-format-only',
    load(id) {
      const match = JSON_CODEC.exec(id);
      if (!match) return null;
      const names =
        match[1] === 'from'
          ? ['fromJsonString', 'mergeFromJsonString', 'fromJson', 'mergeFromJson', 'enumFromJson', 'isEnumJson']
          : ['toJson', 'toJsonString', 'enumToJson'];
      return names.map((name) => `export const ${name} = ${refuse};`).join('\n');
    },
  };
}

const TEXT_FORMAT = /@bufbuild\/protobuf\/dist\/esm\/wire\/text-format\.js$/;

/**
 * protobuf's registry parses a field's explicit default value (a proto2 feature) with its text-format module.
 * No descriptor the bundle embeds has one (scripts/build/check-embedded-descriptors.mjs proves it), so the bundle
 * replaces the module with functions that say so if they were ever called.
 */
export function noDefaultValues() {
  const refuse = `() => { throw new Error('Explicit protobuf default values are not supported by the parca-elements bundle'); }`;
  return {
    name: 'no-default-values',
    load: (id) =>
      TEXT_FORMAT.test(id) ? ['parseTextFormatEnumValue', 'parseTextFormatScalarValue'].map((name) => `export const ${name} = ${refuse};`).join('\n') : null,
  };
}

/**
 * Drops the indentation inside the library's own `css` and `html` templates: a newline and the spaces after it
 * become one newline, which CSS and HTML (outside `pre`) read the same way. About 3 KB gzip of whitespace.
 */
/**
 * A css`` body without comments and the whitespace around braces, semicolons and commas; interpolations
 * (`${...}`) are left as written. Spaces elsewhere stay: in a selector one is a descendant combinator.
 */
function compactCss(body) {
  return body
    .split(/(\$\{[^`}]*\})/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/\/\*[\s\S]*?\*\//g, '')
            .replace(/\s*([{};,])\s*/g, '$1')
            .replace(/\s+/g, ' '),
    )
    .join('');
}

export function compactTemplates() {
  const tagged = /\b(css|html|svg)\s*`((?:[^`\\$]|\\.|\$(?!\{)|\$\{[^`}]*\})*)`/g;
  return {
    name: 'compact-templates',
    transform(code, id) {
      if (!/[\\/]dist[\\/](elements|define)/.test(id)) return null;
      const compacted = code.replace(
        tagged,
        (_all, tag, body) => `${tag}\`${tag === 'css' ? compactCss(body) : body.replace(/\n[ \t]+/g, '\n').replace(/\n{2,}/g, '\n')}\``,
      );
      return compacted === code ? null : { code: compacted, map: null };
    },
  };
}

const UPLOT = /[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/;
/** [what uPlot's source says, what the bundle says instead]. */
const UPLOT_EDITS = [
  // uPlot hangs every path builder it has on `uPlot.paths`, which keeps them all in a bundle. The metrics draw
  // their lines with their own builder (elements/metrics/plot.ts): the stepped, bar and spline builders nobody can
  // reach are left out, about 2 KB gzip.
  ['(paths.stepped = stepped);', ''],
  ['(paths.bars    = bars);', ''],
  ['(paths.spline  = monotoneCubic);', ''],
  // Two Intl formatters made when the module loads cost a cold page about 10 ms before any element can send its
  // first request (ICU's data is loaded then); made on first use instead, when a chart is drawn.
  [
    "const numFormatter = new Intl.NumberFormat(domEnv ? nav.language : 'en-US');\nconst fmtNum = val => numFormatter.format(val);",
    "let numFormatter;\nconst fmtNum = val => (numFormatter ??= new Intl.NumberFormat(domEnv ? nav.language : 'en-US')).format(val);",
  ],
  ['const localTz = new Intl.DateTimeFormat().resolvedOptions().timeZone;', 'let localTz;'],
  ['else if (tz == localTz)', 'else if (tz == (localTz ??= new Intl.DateTimeFormat().resolvedOptions().timeZone))'],
];

/**
 * Edits uPlot's source for the bundle (UPLOT_EDITS says why each). The npm entry points import uPlot unchanged. A
 * uPlot whose source no longer has a line an edit expects fails the build, so an upgrade cannot skip one quietly.
 */
export function uplotEdits() {
  return {
    name: 'uplot-edits',
    transform(code, id) {
      if (!UPLOT.test(id)) return null;
      const missing = UPLOT_EDITS.filter(([from]) => !code.includes(from));
      if (missing.length) this.error(`uPlot's source changed: ${missing.map(([from]) => JSON.stringify(from)).join(', ')} not found`);
      return { code: UPLOT_EDITS.reduce((out, [from, to]) => out.replace(from, to), code), map: null };
    },
  };
}

/**
 * Replaces each `fileDesc("<base64>", [deps])` of generated protobuf code (ours and protobuf-es's / Connect's own)
 * with a literal decoded at build time (scripts/build/embedded-descriptors.mjs), so that descriptor.proto's schema,
 * which only that decoding needs, stays out of the bundle: about 6.5 KB gzip. The replaced calls are kept in
 * `plugin.embeds` for scripts/build/check-embedded-descriptors.mjs, which proves each one equal to `fileDesc`.
 */
export function embeddedDescriptors() {
  const embeds = [];
  return {
    name: 'embedded-descriptors',
    embeds,
    resolveId: (source) => (source === RUNTIME_ID ? RUNTIME_ID : null),
    load: (id) => (id === RUNTIME_ID ? runtimeSource() : null),
    async transform(code, id) {
      const result = await replaceFileDescCalls(code, async (specifier) => (await this.resolve(specifier, id))?.id);
      if (!result) return null;
      embeds.push(...result.embeds.map((embed) => ({ ...embed, id })));
      return { code: result.code, map: null };
    },
  };
}

/** The minifier's options for every production build and the budget check: three compress passes gain ~0.3 KB gzip. */
export const TERSER_OPTIONS = { ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } };
