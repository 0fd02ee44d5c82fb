import { ConfigReader } from '@backstage/config';
import { readStringList } from './readStringList';

type ConfigValue = NonNullable<
  ConstructorParameters<typeof ConfigReader>[0]
>[string];

const read = (value: ConfigValue) =>
  readStringList(new ConfigReader({ a: { list: value } }), 'a.list');

describe('readStringList', () => {
  it('reads a list as it is', () => {
    expect(read(['group:default/ops', 'user:default/erin'])).toEqual([
      'group:default/ops',
      'user:default/erin',
    ]);
  });

  it('splits one string at its commas, as an environment variable gives it', () => {
    expect(read(' group:default/ops,user:default/erin , ,10.0.0.0/8')).toEqual([
      'group:default/ops',
      'user:default/erin',
      '10.0.0.0/8',
    ]);
  });

  it('is undefined when the key is not set', () => {
    expect(readStringList(new ConfigReader({}), 'a.list')).toBeUndefined();
  });

  it('names the key when the value is neither', () => {
    expect(() => read([1, 2])).toThrow(
      'a.list: expected a list of strings or one comma-separated string, got [1,2]',
    );
    expect(() => read({ x: 1 })).toThrow('a.list: expected a list of strings');
  });
});
