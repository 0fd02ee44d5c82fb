import {
  FieldDefinition,
  MessageDefinition,
  ValueField,
  ValueType,
} from './messageSchema';
import {
  ProtobufFormatError,
  ProtobufReader,
  WireType,
} from './ProtobufReader';

type JsonObject = Record<string, unknown>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes one protobuf message to the JSON object a client would have sent, following its
 * definition. Fields the definition does not name are skipped; so are empty strings, which
 * protobuf carries and JSON's `omitempty` leaves out.
 */
export function decodeMessage(
  bytes: Uint8Array,
  definition: MessageDefinition,
  into: JsonObject = {},
): JsonObject {
  const reader = new ProtobufReader(bytes);
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.readTag();
    const field = definition[fieldNumber];
    if (!field) {
      reader.skip(wireType);
    } else if ('mapValues' in field) {
      const entries = (into[field.json] ??= {}) as JsonObject;
      expectWireType(field, wireType, WireType.lengthDelimited);
      decodeMapEntry(reader.readLengthDelimited(), field.mapValues, entries);
    } else if (field.repeated) {
      const values = (into[field.json] ??= []) as unknown[];
      expectWireType(field, wireType, wireTypeOf(field.type));
      values.push(readValue(reader, field.type));
    } else {
      expectWireType(field, wireType, wireTypeOf(field.type));
      setSingle(into, field, reader);
    }
  }
  return into;
}

function setSingle(
  into: JsonObject,
  field: ValueField,
  reader: ProtobufReader,
) {
  if (typeof field.type === 'object') {
    // A message that appears twice is merged, as protobuf specifies.
    const existing = into[field.json];
    into[field.json] = decodeMessage(
      reader.readLengthDelimited(),
      field.type,
      typeof existing === 'object' && existing ? (existing as JsonObject) : {},
    );
    return;
  }
  const value = readValue(reader, field.type);
  if (value === '' || (field.omitZero && value === 0)) {
    delete into[field.json];
  } else {
    into[field.json] = value;
  }
}

/** A map entry is a message with the key as field 1 and the value as field 2. */
function decodeMapEntry(
  bytes: Uint8Array,
  valueType: ValueType,
  entries: JsonObject,
) {
  const reader = new ProtobufReader(bytes);
  let key = '';
  let value: unknown = zeroValue(valueType);
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.readTag();
    if (fieldNumber === 1 && wireType === WireType.lengthDelimited) {
      key = utf8.decode(reader.readLengthDelimited());
    } else if (fieldNumber === 2 && wireType === wireTypeOf(valueType)) {
      value = readValue(reader, valueType);
    } else {
      reader.skip(wireType);
    }
  }
  entries[key] = value;
}

function readValue(reader: ProtobufReader, type: ValueType): unknown {
  switch (type) {
    case 'string':
      return utf8.decode(reader.readLengthDelimited());
    case 'bytes':
      return Buffer.from(reader.readLengthDelimited()).toString('base64');
    case 'bool':
      return reader.readVarint() !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, reader.readVarint()));
    case 'int64':
      return Number(BigInt.asIntN(64, reader.readVarint()));
    case 'time':
      return decodeTime(reader.readLengthDelimited());
    default:
      return decodeMessage(reader.readLengthDelimited(), type);
  }
}

/**
 * meta/v1 Time: `{seconds=1, nanos=2}`, written as JSON does, in RFC 3339 to the second; an
 * empty one (how protobuf carries a zero time) is `null`, as JSON carries it.
 */
function decodeTime(bytes: Uint8Array): string | null {
  const reader = new ProtobufReader(bytes);
  let seconds = 0n;
  let nanos = 0;
  while (!reader.done) {
    const { fieldNumber, wireType } = reader.readTag();
    if (fieldNumber === 1 && wireType === WireType.varint) {
      seconds = BigInt.asIntN(64, reader.readVarint());
    } else if (fieldNumber === 2 && wireType === WireType.varint) {
      nanos = Number(BigInt.asIntN(32, reader.readVarint()));
    } else {
      reader.skip(wireType);
    }
  }
  if (seconds === 0n && nanos === 0) {
    return null;
  }
  const iso = new Date(Number(seconds) * 1000).toISOString();
  return `${iso.slice(0, 19)}Z`;
}

function zeroValue(type: ValueType): unknown {
  switch (type) {
    case 'string':
    case 'bytes':
      return '';
    case 'bool':
      return false;
    case 'int32':
    case 'int64':
      return 0;
    case 'time':
      return null;
    default:
      return {};
  }
}

function wireTypeOf(type: ValueType): number {
  return type === 'bool' || type === 'int32' || type === 'int64'
    ? WireType.varint
    : WireType.lengthDelimited;
}

function expectWireType(
  field: FieldDefinition,
  actual: number,
  expected: number,
) {
  if (actual !== expected) {
    throw new ProtobufFormatError(
      `field ${field.json} has wire type ${actual}; expected ${expected}`,
    );
  }
}
