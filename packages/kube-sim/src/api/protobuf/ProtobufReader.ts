/** The protobuf wire types: how a field's value is laid out after its tag. */
export const WireType = {
  varint: 0,
  fixed64: 1,
  lengthDelimited: 2,
  startGroup: 3,
  endGroup: 4,
  fixed32: 5,
} as const;

/** Thrown when the bytes are not a well-formed protobuf message. */
export class ProtobufFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtobufFormatError';
  }
}

export interface FieldTag {
  fieldNumber: number;
  wireType: number;
}

/** Reads protobuf wire format field by field: varints, length-delimited bytes, fixed32 and fixed64. */
export class ProtobufReader {
  private position = 0;

  constructor(private readonly bytes: Uint8Array) {}

  /** Whether every byte has been read. */
  get done(): boolean {
    return this.position >= this.bytes.length;
  }

  /** The next field's number and wire type. */
  readTag(): FieldTag {
    const tag = this.readVarint();
    const fieldNumber = Number(tag >> 3n);
    if (fieldNumber === 0) {
      throw new ProtobufFormatError(
        `field number 0 at byte ${this.position} is not allowed`,
      );
    }
    return { fieldNumber, wireType: Number(tag & 7n) };
  }

  /** A varint as an unsigned 64-bit integer. */
  readVarint(): bigint {
    let value = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      const byte = this.readByte();
      value |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) {
        return BigInt.asUintN(64, value);
      }
    }
    throw new ProtobufFormatError(
      `a varint ending at byte ${this.position} is longer than 10 bytes`,
    );
  }

  /** A length-delimited value: its bytes, without copying them. */
  readLengthDelimited(): Uint8Array {
    const length = Number(this.readVarint());
    return this.take(length);
  }

  /** A fixed32 value as an unsigned integer. */
  readFixed32(): number {
    const bytes = this.take(4);
    return new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0, true);
  }

  /** A fixed64 value as an unsigned 64-bit integer. */
  readFixed64(): bigint {
    const bytes = this.take(8);
    return new DataView(bytes.buffer, bytes.byteOffset, 8).getBigUint64(
      0,
      true,
    );
  }

  /** Reads past a field's value that the caller has no use for. */
  skip(wireType: number): void {
    switch (wireType) {
      case WireType.varint:
        this.readVarint();
        return;
      case WireType.fixed64:
        this.take(8);
        return;
      case WireType.lengthDelimited:
        this.readLengthDelimited();
        return;
      case WireType.fixed32:
        this.take(4);
        return;
      case WireType.startGroup:
        this.skipGroup();
        return;
      default:
        throw new ProtobufFormatError(
          `unknown wire type ${wireType} before byte ${this.position}`,
        );
    }
  }

  private skipGroup(): void {
    for (;;) {
      const { wireType } = this.readTag();
      if (wireType === WireType.endGroup) {
        return;
      }
      this.skip(wireType);
    }
  }

  private readByte(): number {
    if (this.done) {
      throw new ProtobufFormatError(
        `the message ends in the middle of a value (after ${this.bytes.length} bytes)`,
      );
    }
    const byte = this.bytes[this.position];
    this.position += 1;
    return byte;
  }

  private take(length: number): Uint8Array {
    const end = this.position + length;
    if (end > this.bytes.length) {
      throw new ProtobufFormatError(
        `a ${length}-byte value at byte ${this.position} runs past the end of the message (${this.bytes.length} bytes)`,
      );
    }
    const slice = this.bytes.subarray(this.position, end);
    this.position = end;
    return slice;
  }
}
