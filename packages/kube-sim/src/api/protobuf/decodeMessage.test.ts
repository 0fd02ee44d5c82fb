import {
  bytesField,
  fields,
  mapEntryField,
  messageField,
  varintField,
} from './__testUtils__/encodeProtobuf';
import { decodeMessage } from './decodeMessage';
import {
  bool,
  bytesMap,
  int32,
  int64,
  MessageDefinition,
  message,
  repeatedMessage,
  repeatedString,
  string,
  stringMap,
  time,
} from './messageSchema';

const item: MessageDefinition = { 1: string('name'), 2: int32('weight') };

const sample: MessageDefinition = {
  1: string('name'),
  2: bool('enabled'),
  3: int32('offset'),
  4: int64('count'),
  5: int64('generation', { omitZero: true }),
  6: repeatedString('tags'),
  7: stringMap('labels'),
  8: bytesMap('data'),
  9: message('item', item),
  10: repeatedMessage('items', item),
  11: time('createdAt'),
  12: { json: 'blob', type: 'bytes' },
};

describe('decodeMessage', () => {
  it('decodes scalars under their JSON names', () => {
    const decoded = decodeMessage(
      fields(
        bytesField(1, 'café'),
        varintField(2, true),
        varintField(3, -5),
        varintField(4, 2n ** 40n),
        bytesField(12, Uint8Array.from([0, 1, 255])),
      ),
      sample,
    );
    expect(decoded).toEqual({
      name: 'café',
      enabled: true,
      offset: -5,
      count: 2 ** 40,
      blob: 'AAH/',
    });
  });

  it('leaves out empty strings and zeros marked omitZero, but keeps false and other zeros', () => {
    const decoded = decodeMessage(
      fields(
        bytesField(1, ''),
        varintField(2, false),
        varintField(4, 0),
        varintField(5, 0),
      ),
      sample,
    );
    expect(decoded).toEqual({ enabled: false, count: 0 });
  });

  it('collects repeated fields, keeping empty strings in them', () => {
    const decoded = decodeMessage(
      fields(
        bytesField(6, ''),
        bytesField(6, 'apps'),
        messageField(10, bytesField(1, 'a')),
        messageField(10, bytesField(1, 'b'), varintField(2, 3)),
      ),
      sample,
    );
    expect(decoded).toEqual({
      tags: ['', 'apps'],
      items: [{ name: 'a' }, { name: 'b', weight: 3 }],
    });
  });

  it('decodes string maps and bytes maps as JSON objects, bytes in base64', () => {
    const decoded = decodeMessage(
      fields(
        mapEntryField(7, 'app', 'web'),
        mapEntryField(7, 'empty', ''),
        mapEntryField(8, 'password', 'hunter2'),
        messageField(8, bytesField(1, 'nothing')),
      ),
      sample,
    );
    expect(decoded).toEqual({
      labels: { app: 'web', empty: '' },
      data: { password: 'aHVudGVyMg==', nothing: '' },
    });
  });

  it('decodes nested messages and merges one that appears twice', () => {
    const decoded = decodeMessage(
      fields(
        messageField(9, bytesField(1, 'first')),
        messageField(9, varintField(2, 9)),
      ),
      sample,
    );
    expect(decoded).toEqual({ item: { name: 'first', weight: 9 } });
  });

  it('writes a Time as RFC 3339 to the second, and an empty one as null', () => {
    const decoded = decodeMessage(
      fields(
        messageField(11, varintField(1, 1_700_000_000), varintField(2, 5)),
      ),
      sample,
    );
    expect(decoded).toEqual({ createdAt: '2023-11-14T22:13:20Z' });
    expect(decodeMessage(messageField(11), sample)).toEqual({
      createdAt: null,
    });
  });

  it('skips fields the definition does not name', () => {
    const decoded = decodeMessage(
      fields(
        messageField(17, bytesField(1, 'kubectl')),
        varintField(99, 1),
        bytesField(1, 'kept'),
      ),
      sample,
    );
    expect(decoded).toEqual({ name: 'kept' });
  });

  it('refuses a field whose wire type does not match its definition', () => {
    expect(() => decodeMessage(varintField(1, 3), sample)).toThrow(
      'field name has wire type 0; expected 2',
    );
  });
});
