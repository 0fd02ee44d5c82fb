import { TokenRegistry } from './TokenRegistry';

describe('TokenRegistry', () => {
  it('accepts an issued token until it expires, then refuses it', () => {
    let now = 1_000_000;
    const tokens = new TokenRegistry('static', () => now);
    const deployer = { namespace: 'default', name: 'deployer', uid: 'u-1' };
    const { token, expiresAt } = tokens.issue(deployer, 600);
    expect(expiresAt.getTime()).toBe(1_000_000 + 600_000);
    expect(tokens.owner(token)).toEqual({
      kind: 'serviceAccount',
      serviceAccount: deployer,
    });
    now += 599_999;
    expect(tokens.accepts(token)).toBe(true);
    now += 1;
    expect(tokens.accepts(token)).toBe(false);
    expect(tokens.owner(token)).toEqual({ kind: 'expired' });
  });

  it('always accepts the static token and never an unknown one', () => {
    const tokens = new TokenRegistry('static');
    expect(tokens.required).toBe(true);
    expect(tokens.owner('static')).toEqual({ kind: 'static' });
    expect(tokens.accepts('guess')).toBe(false);
    expect(tokens.owner('guess')).toBeUndefined();
    expect(tokens.owner('kube-sim.guess')).toEqual({ kind: 'expired' });
    expect(tokens.accepts(undefined)).toBe(false);
  });

  it('requires no token when started without one', () => {
    expect(new TokenRegistry().required).toBe(false);
  });
});
