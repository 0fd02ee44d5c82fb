import type { IncomingHttpHeaders } from 'node:http';
import {
  bytesField,
  kubernetesEnvelope,
  messageField,
} from './__testUtils__/encodeProtobuf';
import { requestBodyText } from './requestBodyText';

describe('requestBodyText', () => {
  it('turns a protobuf body into JSON and says so in the content type', () => {
    const headers: IncomingHttpHeaders = {
      'content-type': 'application/vnd.kubernetes.protobuf',
    };
    const body = kubernetesEnvelope(
      'v1',
      'Namespace',
      messageField(1, bytesField(1, 't1')),
    );
    expect(JSON.parse(requestBodyText(body, headers))).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 't1' },
    });
    expect(headers['content-type']).toBe('application/json');
  });

  it('reads any other body as UTF-8 and leaves its content type alone', () => {
    const headers: IncomingHttpHeaders = {
      'content-type': 'application/merge-patch+json; charset=utf-8',
    };
    expect(requestBodyText(Buffer.from('{"a":"ü"}'), headers)).toBe(
      '{"a":"ü"}',
    );
    expect(headers['content-type']).toBe(
      'application/merge-patch+json; charset=utf-8',
    );
  });

  it('gives an empty protobuf body as empty text', () => {
    const headers: IncomingHttpHeaders = {
      'content-type': 'application/vnd.kubernetes.protobuf',
    };
    expect(requestBodyText(Buffer.alloc(0), headers)).toBe('');
  });
});
