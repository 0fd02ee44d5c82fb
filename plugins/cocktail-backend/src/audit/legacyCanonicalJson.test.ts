import { legacyCanonicalJson } from './legacyCanonicalJson';

describe('legacyCanonicalJson', () => {
  it('writes array-index keys first, in numeric order, as rows were hashed before RFC 8785', () => {
    expect(legacyCanonicalJson({ b: 1, '10': 1, '2': 1, $ref: 1 })).toBe(
      '{"2":1,"10":1,"$ref":1,"b":1}',
    );
  });

  it('escapes a lone surrogate', () => {
    expect(legacyCanonicalJson({ s: 'lone \ud800' })).toBe(
      '{"s":"lone \\ud800"}',
    );
  });

  it('keeps a "__proto__" key, so adding one to a row changes its text', () => {
    const parsed = JSON.parse('{"a":1,"__proto__":{"b":2}}');
    expect(legacyCanonicalJson(parsed)).toBe('{"__proto__":{"b":2},"a":1}');
  });
});
