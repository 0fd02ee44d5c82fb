/** The URL when `value` is an absolute http(s) URL, else `undefined`. */
export function parseApiServerUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:'
      ? url
      : undefined;
  } catch {
    return undefined;
  }
}
