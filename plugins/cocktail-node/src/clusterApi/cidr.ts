/** A parsed CIDR block: its family, the network address as a bigint, and the prefix length. */
export interface Cidr {
  family: 4 | 6;
  network: bigint;
  prefix: number;
}

function parseIPv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) {
    return undefined;
  }
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part) || Number(part) > 255) {
      return undefined;
    }
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseIPv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) {
    return undefined;
  }
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) {
    return undefined;
  }
  const all = [
    ...head,
    ...Array(halves.length === 2 ? missing : 0).fill('0'),
    ...tail,
  ];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) {
      return undefined;
    }
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** Parses `10.0.0.0/16` or `fd00::/48`; undefined when it is not a CIDR block. */
export function parseCidr(text: string): Cidr | undefined {
  const match = /^([^/]+)\/(\d{1,3})$/.exec(text);
  if (!match) {
    return undefined;
  }
  const family = match[1].includes(':') ? 6 : 4;
  const address = family === 4 ? parseIPv4(match[1]) : parseIPv6(match[1]);
  const prefix = Number(match[2]);
  const bits = family === 4 ? 32 : 128;
  if (address === undefined || prefix > bits) {
    return undefined;
  }
  const hostBits = BigInt(bits - prefix);
  return { family, network: (address >> hostBits) << hostBits, prefix };
}

/** Whether two blocks share any address. */
export function cidrsOverlap(a: Cidr, b: Cidr): boolean {
  if (a.family !== b.family) {
    return false;
  }
  const bits = a.family === 4 ? 32 : 128;
  const shorter = BigInt(bits - Math.min(a.prefix, b.prefix));
  return a.network >> shorter === b.network >> shorter;
}

/** The address `offset` places into an IPv4 block, e.g. the tenth of 10.96.0.0/12 is 10.96.0.10. */
export function ipv4At(cidr: Cidr, offset: number): string {
  const value = cidr.network + BigInt(offset);
  return [24n, 16n, 8n, 0n]
    .map(shift => String((value >> shift) & 255n))
    .join('.');
}

/** Whether a string is an IPv4 or IPv6 address. */
export function isIpAddress(text: string): boolean {
  return (
    parseIPv4(text) !== undefined ||
    (text.includes(':') && parseIPv6(text) !== undefined)
  );
}
