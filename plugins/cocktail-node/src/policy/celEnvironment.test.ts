import {
  CelEnvironment,
  createPolicyEnvironment,
  loadCel,
} from './celEnvironment';

describe('createPolicyEnvironment', () => {
  let environment: CelEnvironment;

  beforeAll(async () => {
    environment = createPolicyEnvironment(await loadCel());
  });

  const evaluate = (expression: string) =>
    environment.evaluate(expression, {
      request: {},
      action: 'create',
      current: null,
    });

  it('offers versionMajor, versionMinor and versionPatch as ints', () => {
    expect(
      evaluate(
        "versionMajor('v1.33.1') == 1 && versionMinor('v1.33.1') == 33 && versionPatch('v1.33.1') == 1",
      ),
    ).toBe(true);
    expect(evaluate("versionMinor('1.34')")).toBe(34n);
  });

  it('declares request, action and current, and nothing else', () => {
    expect(
      environment.check(
        "request.a == 1 && action == 'create' && current == null",
      ),
    ).toEqual({
      valid: true,
      type: 'bool',
    });
    expect(environment.check('other == 1').valid).toBe(false);
  });

  it('keeps standard CEL macros and string functions', () => {
    expect(
      evaluate(
        "[1, 2, 3].all(n, n > 0) && ['a', 'b'].exists(s, s == 'b') && 'prod-1'.startsWith('prod') && 'eu-west-1'.matches('^eu-')",
      ),
    ).toBe(true);
  });
});
