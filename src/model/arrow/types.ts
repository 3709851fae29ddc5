// The shapes readIpcStream returns: an Arrow IPC stream's schema, record batches and dictionary batches as
// metadata plus body bytes. They follow what the IPC parser of the Arrow library the tests write records with
// returns, but are our own, so our declaration files need nothing from that library (a devDependency).

/** Arrow's type ids (and -1 for dictionary-encoded columns), under the names record.ts uses. */
export const ArrowTypeId = {
  Dictionary: -1,
  NONE: 0,
  Null: 1,
  Int: 2,
  Float: 3,
  Binary: 4,
  Utf8: 5,
  Bool: 6,
  Decimal: 7,
  Date: 8,
  Time: 9,
  Timestamp: 10,
  Interval: 11,
  List: 12,
  Struct: 13,
  Union: 14,
  FixedSizeBinary: 15,
  FixedSizeList: 16,
  Map: 17,
  Duration: 18,
  LargeBinary: 19,
  LargeUtf8: 20,
  LargeList: 21,
  RunEndEncoded: 22,
  BinaryView: 23,
  Utf8View: 24,
  ListView: 25,
  LargeListView: 26,
} as const;

export type ArrowTypeIdValue = (typeof ArrowTypeId)[keyof typeof ArrowTypeId];

export interface IntType {
  readonly typeId: typeof ArrowTypeId.Int;
  readonly bitWidth: number;
  readonly signed: boolean;
}

export interface FloatType {
  readonly typeId: typeof ArrowTypeId.Float;
  /** 0 half, 1 single, 2 double. */
  readonly precision: number;
}

export interface UnionType {
  readonly typeId: typeof ArrowTypeId.Union;
  /** 0 sparse, 1 dense. */
  readonly mode: number;
  readonly children: Field[];
}

/** A dictionary-encoded column: integer keys (`indices`) into the values of dictionary batch `id`. */
export interface DictionaryType {
  readonly typeId: typeof ArrowTypeId.Dictionary;
  readonly id: number;
  readonly dictionary: DataType;
  readonly indices: IntType;
  readonly ordered: boolean;
}

/**
 * Every other type: only its id and child fields are read. A stream may name an id outside ArrowTypeId; it is
 * carried here too and refused by whoever reads the column.
 */
export interface OtherType {
  readonly typeId: Exclude<ArrowTypeIdValue, IntType['typeId'] | FloatType['typeId'] | UnionType['typeId'] | DictionaryType['typeId']>;
  readonly children: Field[];
}

/** A column's type, told apart by `typeId`. */
export type DataType = IntType | FloatType | UnionType | DictionaryType | OtherType;

export interface Field {
  name: string;
  type: DataType;
  nullable: boolean;
  metadata: Map<string, string>;
}

export interface Schema {
  /** The metadata version of the schema message (V4 is 3, V5 is 4). */
  version: number;
  fields: Field[];
  metadata: Map<string, string>;
  endianness: number;
}

/** One column of a batch: its length and null count (one per field, children included, depth first). */
export interface FieldNode {
  length: number;
  nullCount: number;
}

/** One buffer of a batch: where it sits in the message body. */
export interface BufferRegion {
  offset: number;
  length: number;
}

export interface BodyCompression {
  /** 0 LZ4 frame, 1 ZSTD. */
  codec: number;
  method: number;
}

/** A batch's metadata, without its body: what a dictionary batch carries as `data`. */
export interface BatchHeader {
  length: number;
  nodes: FieldNode[];
  regions: BufferRegion[];
  /** Buffer counts of the variadic (view) columns, in field order. */
  variadic: number[];
  compression: BodyCompression | undefined;
}

export interface RecordBatch extends BatchHeader {
  body: Uint8Array;
}

export interface DictionaryBatch {
  id: number;
  data: BatchHeader;
  /** Adds to the dictionary with this id rather than replacing it. */
  isDelta: boolean;
  body: Uint8Array;
}

export interface IpcStream {
  /** Undefined when the stream has no schema message. */
  schema: Schema | undefined;
  records: RecordBatch[];
  dictionaries: DictionaryBatch[];
  /** For each record batch, how many dictionary batches came before it. */
  dictsBeforeRecord: number[];
  /** A stream carries no file footer metadata (the slot is kept for that library's shape). */
  metadata: null;
}
