/**
 * A tiny protobuf encoder for tests: each function returns one encoded field, and `fields`
 * joins them into a message.
 */

function varintBytes(value: bigint): number[] {
  let rest = BigInt.asUintN(64, value);
  const bytes: number[] = [];
  while (rest >= 0x80n) {
    bytes.push(Number(rest & 0x7fn) | 0x80);
    rest >>= 7n;
  }
  bytes.push(Number(rest));
  return bytes;
}

function tag(fieldNumber: number, wireType: number): number[] {
  return varintBytes(BigInt((fieldNumber << 3) | wireType));
}

export function fields(...parts: Uint8Array[]): Uint8Array {
  return Uint8Array.from(parts.flatMap(part => [...part]));
}

export function varintField(
  fieldNumber: number,
  value: number | bigint | boolean,
): Uint8Array {
  const asBigInt =
    typeof value === 'boolean' ? BigInt(value ? 1 : 0) : BigInt(value);
  return Uint8Array.from([...tag(fieldNumber, 0), ...varintBytes(asBigInt)]);
}

export function bytesField(
  fieldNumber: number,
  value: Uint8Array | string,
): Uint8Array {
  const bytes =
    typeof value === 'string' ? new TextEncoder().encode(value) : value;
  return Uint8Array.from([
    ...tag(fieldNumber, 2),
    ...varintBytes(BigInt(bytes.length)),
    ...bytes,
  ]);
}

export function messageField(
  fieldNumber: number,
  ...parts: Uint8Array[]
): Uint8Array {
  return bytesField(fieldNumber, fields(...parts));
}

/** One entry of a `map<string, …>` field: key 1, value 2. */
export function mapEntryField(
  fieldNumber: number,
  key: string,
  value: Uint8Array | string,
): Uint8Array {
  return messageField(fieldNumber, bytesField(1, key), bytesField(2, value));
}

export function fixed32Field(fieldNumber: number, value: number): Uint8Array {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setUint32(0, value, true);
  return Uint8Array.from([...tag(fieldNumber, 5), ...bytes]);
}

export function fixed64Field(fieldNumber: number, value: bigint): Uint8Array {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, value, true);
  return Uint8Array.from([...tag(fieldNumber, 1), ...bytes]);
}

/** A Kubernetes protobuf body: `k8s\0`, then a runtime.Unknown wrapping `raw`. */
export function kubernetesEnvelope(
  apiVersion: string,
  kind: string,
  raw: Uint8Array,
): Buffer {
  return Buffer.from(
    fields(
      Uint8Array.from([0x6b, 0x38, 0x73, 0x00]),
      messageField(1, bytesField(1, apiVersion), bytesField(2, kind)),
      bytesField(2, raw),
      bytesField(3, ''),
      bytesField(4, ''),
    ),
  );
}
