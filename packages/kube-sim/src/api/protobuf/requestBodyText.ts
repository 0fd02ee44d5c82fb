import type { IncomingHttpHeaders } from 'node:http';
import {
  decodeKubernetesProtobuf,
  KUBERNETES_PROTOBUF,
} from './decodeKubernetesProtobuf';

/**
 * The request body as the API handlers read it: text. A Kubernetes protobuf body (which kubectl
 * sends for `create namespace`, `create secret`, `auth can-i` and more) becomes the JSON the
 * client could have sent, and its content type becomes `application/json` to match; any other
 * body is read as UTF-8.
 */
export function requestBodyText(
  body: Buffer,
  headers: IncomingHttpHeaders,
): string {
  const mediaType = (headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (mediaType !== KUBERNETES_PROTOBUF) {
    return body.toString('utf8');
  }
  headers['content-type'] = 'application/json';
  return body.length === 0
    ? ''
    : JSON.stringify(decodeKubernetesProtobuf(body));
}
