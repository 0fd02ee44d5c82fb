import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ClusterPolicy } from './ClusterPolicy';

const valid = (name: string) => ({
  name,
  message: `${name} message`,
  expression: "request.provider == 'aws'",
});

async function problemsOf(policies: unknown[]): Promise<string> {
  try {
    await ClusterPolicy.fromConfig(
      new ConfigReader({ cocktail: { clusterApi: { policies } } } as any),
    );
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('ClusterPolicy.fromConfig', () => {
  it('names the config key and the CEL parse error of an expression that does not parse', async () => {
    const message = await problemsOf([
      valid('first'),
      valid('second'),
      { ...valid('third'), expression: "request.provider == 'aws' &&" },
    ]);
    expect(message).toBe(
      [
        'cocktail.clusterApi.policies[2].expression: does not compile: Unexpected token: EOF',
        "    >    1 | request.provider == 'aws' &&",
        '                                         ^',
      ].join('\n'),
    );
  });

  it('refuses an expression that uses an unknown variable or a function with the wrong argument', async () => {
    const message = await problemsOf([
      { ...valid('typo'), expression: "requests.provider == 'aws'" },
      { ...valid('wrong-arg'), expression: 'versionMinor(1) == 33' },
    ]);
    expect(message.split('\n').filter(line => !line.startsWith(' '))).toEqual([
      'cocktail.clusterApi.policies[0].expression: does not compile: Unknown variable: requests',
      "cocktail.clusterApi.policies[1].expression: does not compile: found no matching overload for 'versionMinor(int)'",
    ]);
  });

  it('refuses an expression that cannot evaluate to a bool', async () => {
    expect(await problemsOf([{ ...valid('count'), expression: '1 + 2' }])).toBe(
      'cocktail.clusterApi.policies[0].expression: must evaluate to a bool (true when the request is allowed), but evaluates to int',
    );
  });

  it('names each missing or empty field, for every rule at once', async () => {
    const message = await problemsOf([
      { name: 'no-message', expression: 'true' },
      { message: 'no name', expression: 'true' },
      { name: 'no-expression', message: 'x' },
      { name: 'empty-expression', message: 'x', expression: '' },
    ]);
    expect(message.split('\n')).toEqual([
      'cocktail.clusterApi.policies[0].message: is required',
      'cocktail.clusterApi.policies[1].name: is required',
      'cocktail.clusterApi.policies[2].expression: is required',
      'cocktail.clusterApi.policies[3].expression: expected a non-empty string, got ""',
    ]);
  });

  it('refuses an unknown or empty appliesTo and a duplicate name', async () => {
    const message = await problemsOf([
      { ...valid('a'), appliesTo: ['create', 'destroy'] },
      { ...valid('b'), appliesTo: [] },
      { ...valid('c'), appliesTo: 'create' },
      valid('a'),
    ]);
    expect(message.split('\n')).toEqual([
      'cocktail.clusterApi.policies[0].appliesTo: expected a non-empty list of create, upgrade, scale, node, addon, delete; "destroy" is not one of them',
      'cocktail.clusterApi.policies[1].appliesTo: expected a non-empty list of create, upgrade, scale, node, addon, delete, got []',
      'cocktail.clusterApi.policies[2].appliesTo: expected a non-empty list of create, upgrade, scale, node, addon, delete, got "create"',
      'cocktail.clusterApi.policies[3].name: "a" is already the name of cocktail.clusterApi.policies[0]',
    ]);
  });
});
