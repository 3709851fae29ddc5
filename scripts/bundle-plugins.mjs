// Rollup plugins shared by the one-file bundle (rollup.config.mjs) and the size check (scripts/size.mjs).

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
