const PEM_HEADER = '-----BEGIN ';
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/**
 * A certificate authority in the form client-node and Backstage's Kubernetes
 * plugin read, base64-encoded PEM, from either PEM or base64-encoded PEM;
 * `undefined` when the value is neither.
 */
export function toBase64CaData(value: string): string | undefined {
  if (value.trimStart().startsWith(PEM_HEADER)) {
    return Buffer.from(value).toString('base64');
  }
  const compact = value.replace(/\s/g, '');
  if (
    BASE64.test(compact) &&
    Buffer.from(compact, 'base64')
      .toString('utf8')
      .trimStart()
      .startsWith(PEM_HEADER)
  ) {
    return compact;
  }
  return undefined;
}
