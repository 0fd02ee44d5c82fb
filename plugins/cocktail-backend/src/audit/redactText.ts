/** Longest error text stored, in characters, before the truncation marker. */
export const MAX_ERROR_LENGTH = 2000;

export const TRUNCATED_MARKER = '…[truncated]';

// A block cut off before its END line is redacted to the end of the text.
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?(?:-----END \1-----|$)/g;
// Base64 of "-----BEGIN", as kubeconfigs and Secrets carry keys and certificates.
const BASE64_PEM = /LS0tLS1CRUdJTi[A-Za-z0-9+/=]*/g;
// Three base64url parts, the header a JSON object ("eyJ" is base64 of '{"').
// The signature may be empty (alg "none").
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
const BEARER = /\b(Bearer)\s+[A-Za-z0-9\-._~+/]+=*/gi;

const KUBECONFIG_SECTION = /(^|[\s{,"'])(clusters|users)["']?\s*:/;
const KUBECONFIG_CREDENTIAL =
  /(client-key-data|client-certificate-data|token)["']?\s*:/;
// Base64, possibly wrapped over lines.
const BASE64_TEXT = /^[A-Za-z0-9+/\r\n]{24,}={0,2}\s*$/;

/**
 * Replaces secrets found by their look rather than by their key: PEM blocks
 * (also base64-encoded), JWTs, bearer tokens, and a whole kubeconfig (also
 * base64-encoded), wherever they are in the text.
 */
export function redactText(text: string): string {
  if (isKubeconfig(text) || isBase64Secret(text)) {
    return '[redacted kubeconfig or key]';
  }
  return text
    .replace(PEM_BLOCK, '[redacted PEM block]')
    .replace(BASE64_PEM, '[redacted PEM block]')
    .replace(BEARER, '$1 [redacted]')
    .replace(JWT, '[redacted JWT]');
}

/** Error text as stored: secrets redacted, then capped at {@link MAX_ERROR_LENGTH}. */
export function redactErrorText(text: string): string {
  // Redacting first, so a cut never leaves half a secret unrecognised.
  const redacted = redactText(text);
  if (redacted.length <= MAX_ERROR_LENGTH) {
    return redacted;
  }
  return `${redacted.slice(0, MAX_ERROR_LENGTH)}${TRUNCATED_MARKER}`;
}

function isKubeconfig(text: string): boolean {
  return KUBECONFIG_SECTION.test(text) && KUBECONFIG_CREDENTIAL.test(text);
}

function isBase64Secret(text: string): boolean {
  if (!BASE64_TEXT.test(text)) {
    return false;
  }
  const decoded = Buffer.from(text, 'base64').toString('utf8');
  return (
    isKubeconfig(decoded) ||
    decoded.includes('-----BEGIN ') ||
    /^eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\./.test(decoded.trim())
  );
}
