import { canonicalJson } from './canonicalJson';

describe('canonicalJson', () => {
  it('sorts object keys at every depth', async () => {
    expect(
      await canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } }),
    ).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('gives the same text for objects built in different key orders', async () => {
    expect(await canonicalJson({ x: 1, y: { p: 1, q: 2 } })).toBe(
      await canonicalJson({ y: { q: 2, p: 1 }, x: 1 }),
    );
  });

  it('keeps the order of array elements', async () => {
    expect(await canonicalJson([3, 1, 2])).toBe('[3,1,2]');
  });

  it('sorts array-index keys as text, like any other key (RFC 8785)', async () => {
    expect(await canonicalJson({ b: 1, '10': 1, '2': 1, $ref: 1 })).toBe(
      '{"$ref":1,"10":1,"2":1,"b":1}',
    );
  });

  it('sorts keys by UTF-16 code units and writes numbers as ECMAScript does', async () => {
    expect(await canonicalJson({ ｚ: 1e21, '😀': 0.1, é: -0, e: 1e-7 })).toBe(
      '{"e":1e-7,"é":0,"😀":0.1,"ｚ":1e+21}',
    );
  });

  it('rejects a lone surrogate, which RFC 8785 cannot write', async () => {
    await expect(canonicalJson({ s: 'lone \ud800' })).rejects.toThrow(
      'Lone surrogate',
    );
  });
});
