import { TokenRegistry } from './TokenRegistry';

describe('TokenRegistry', () => {
  it('accepts an issued token until it expires, then refuses it', () => {
    let now = 1_000_000;
    const tokens = new TokenRegistry('static', () => now);
    const { token, expiresAt } = tokens.issue(
      'system:serviceaccount:default:deployer',
      600,
    );
    expect(expiresAt.getTime()).toBe(1_000_000 + 600_000);
    expect(tokens.accepts(token)).toBe(true);
    now += 599_999;
    expect(tokens.accepts(token)).toBe(true);
    now += 1;
    expect(tokens.accepts(token)).toBe(false);
  });

  it('always accepts the static token and never an unknown one', () => {
    const tokens = new TokenRegistry('static');
    expect(tokens.required).toBe(true);
    expect(tokens.accepts('static')).toBe(true);
    expect(tokens.accepts('guess')).toBe(false);
    expect(tokens.accepts(undefined)).toBe(false);
  });

  it('requires no token when started without one', () => {
    expect(new TokenRegistry().required).toBe(false);
  });
});
