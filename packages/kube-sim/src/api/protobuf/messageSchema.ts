/**
 * How a protobuf message turns into the JSON a client would have sent: for each field number,
 * the JSON name and the value's type. Field numbers come from Kubernetes' generated.proto files.
 */
export type MessageDefinition = {
  readonly [fieldNumber: number]: FieldDefinition;
};

/**
 * A field's value: a scalar, `time` (meta/v1 Time, `{seconds=1, nanos=2}`, as an RFC 3339
 * string), `bytes` (as a base64 string, as JSON carries them) or a nested message.
 */
export type ValueType =
  | 'string'
  | 'bool'
  | 'int32'
  | 'int64'
  | 'bytes'
  | 'time'
  | MessageDefinition;

/** A field holding one value, or a repeated one. */
export interface ValueField {
  /** The field's name in JSON. */
  readonly json: string;
  readonly type: ValueType;
  /** A JSON array of values. */
  readonly repeated?: boolean;
  /**
   * Leave a zero number out, as JSON's `omitempty` does for a field that protobuf always
   * carries (such as `metadata.generation`). Pointer fields, carried only when set, keep 0.
   */
  readonly omitZero?: boolean;
}

/** A `map<string, …>` field: a JSON object whose values have the given type. */
export interface MapField {
  readonly json: string;
  readonly mapValues: ValueType;
}

export type FieldDefinition = ValueField | MapField;

export const string = (json: string): FieldDefinition => ({
  json,
  type: 'string',
});

export const bool = (json: string): FieldDefinition => ({ json, type: 'bool' });

export const int32 = (json: string): FieldDefinition => ({
  json,
  type: 'int32',
});

export const int64 = (
  json: string,
  options: { omitZero?: boolean } = {},
): FieldDefinition => ({ json, type: 'int64', ...options });

export const time = (json: string): FieldDefinition => ({ json, type: 'time' });

export const message = (
  json: string,
  definition: MessageDefinition,
): FieldDefinition => ({ json, type: definition });

export const repeatedString = (json: string): FieldDefinition => ({
  json,
  type: 'string',
  repeated: true,
});

export const repeatedMessage = (
  json: string,
  definition: MessageDefinition,
): FieldDefinition => ({ json, type: definition, repeated: true });

export const stringMap = (json: string): FieldDefinition => ({
  json,
  mapValues: 'string',
});

export const bytesMap = (json: string): FieldDefinition => ({
  json,
  mapValues: 'bytes',
});

export const messageMap = (
  json: string,
  definition: MessageDefinition,
): FieldDefinition => ({ json, mapValues: definition });
