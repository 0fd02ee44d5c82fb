import { cidrsOverlap, ipv4At, parseCidr } from './cidr';

describe('parseCidr', () => {
  it('reads IPv4 and IPv6 blocks and masks the host bits', () => {
    expect(parseCidr('10.96.1.7/12')).toEqual({
      family: 4,
      network: 0x0a600000n,
      prefix: 12,
    });
    expect(parseCidr('fd00:10:244::/56')?.family).toBe(6);
    expect(parseCidr('::/0')).toEqual({ family: 6, network: 0n, prefix: 0 });
  });

  it('refuses what is not a block', () => {
    for (const text of [
      '10.0.0.0',
      '10.0.0.256/8',
      '10.0.0.0/33',
      'fd00::1::/64',
      '01.2.3.4/8',
      'x/8',
    ]) {
      expect(parseCidr(text)).toBeUndefined();
    }
  });

  it('tells whether two blocks overlap', () => {
    expect(
      cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('10.96.0.0/12')!),
    ).toBe(true);
    expect(
      cidrsOverlap(parseCidr('192.168.0.0/16')!, parseCidr('10.96.0.0/12')!),
    ).toBe(false);
    expect(cidrsOverlap(parseCidr('10.0.0.0/8')!, parseCidr('fd00::/8')!)).toBe(
      false,
    );
  });

  it('finds an address inside a block', () => {
    expect(ipv4At(parseCidr('10.96.0.0/12')!, 10)).toBe('10.96.0.10');
  });
});
