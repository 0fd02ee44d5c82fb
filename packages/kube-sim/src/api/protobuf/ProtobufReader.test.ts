import {
  bytesField,
  fields,
  fixed32Field,
  fixed64Field,
  varintField,
} from './__testUtils__/encodeProtobuf';
import {
  ProtobufFormatError,
  ProtobufReader,
  WireType,
} from './ProtobufReader';

describe('ProtobufReader', () => {
  it('reads tags and varints of one to ten bytes', () => {
    const reader = new ProtobufReader(
      fields(
        varintField(1, 1),
        varintField(2, 300),
        varintField(17, 2n ** 64n - 1n),
      ),
    );
    expect(reader.readTag()).toEqual({ fieldNumber: 1, wireType: 0 });
    expect(reader.readVarint()).toBe(1n);
    expect(reader.readTag()).toEqual({ fieldNumber: 2, wireType: 0 });
    expect(reader.readVarint()).toBe(300n);
    expect(reader.readTag()).toEqual({ fieldNumber: 17, wireType: 0 });
    expect(reader.readVarint()).toBe(2n ** 64n - 1n);
    expect(reader.done).toBe(true);
  });

  it('reads length-delimited, fixed32 and fixed64 values', () => {
    const reader = new ProtobufReader(
      fields(
        bytesField(1, 'hello'),
        fixed32Field(2, 0xdeadbeef),
        fixed64Field(3, 2n ** 40n + 5n),
      ),
    );
    reader.readTag();
    expect(new TextDecoder().decode(reader.readLengthDelimited())).toBe(
      'hello',
    );
    expect(reader.readTag().wireType).toBe(WireType.fixed32);
    expect(reader.readFixed32()).toBe(0xdeadbeef);
    expect(reader.readTag().wireType).toBe(WireType.fixed64);
    expect(reader.readFixed64()).toBe(2n ** 40n + 5n);
    expect(reader.done).toBe(true);
  });

  it('skips a value of every wire type, groups included', () => {
    const group = Uint8Array.from([
      (4 << 3) | WireType.startGroup,
      ...varintField(1, 7),
      (4 << 3) | WireType.endGroup,
    ]);
    const reader = new ProtobufReader(
      fields(
        varintField(1, 123456),
        bytesField(2, 'skipped'),
        fixed32Field(3, 1),
        group,
        fixed64Field(5, 1n),
        varintField(6, 42),
      ),
    );
    for (let i = 0; i < 5; i++) {
      reader.skip(reader.readTag().wireType);
    }
    expect(reader.readTag().fieldNumber).toBe(6);
    expect(reader.readVarint()).toBe(42n);
  });

  it('refuses a value that runs past the end of the message', () => {
    const truncated = bytesField(1, 'hello').subarray(0, 4);
    const reader = new ProtobufReader(truncated);
    reader.readTag();
    expect(() => reader.readLengthDelimited()).toThrow(ProtobufFormatError);
    expect(() =>
      new ProtobufReader(Uint8Array.from([0x80])).readVarint(),
    ).toThrow(/ends in the middle of a value/);
  });

  it('refuses field number 0 and unknown wire types', () => {
    expect(() => new ProtobufReader(Uint8Array.from([0x00])).readTag()).toThrow(
      /field number 0/,
    );
    const reader = new ProtobufReader(Uint8Array.from([0x0e, 0x00]));
    expect(() => reader.skip(reader.readTag().wireType)).toThrow(
      /unknown wire type 6/,
    );
  });
});
