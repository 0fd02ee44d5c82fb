import Ajv from 'ajv';
import { cocktailKinds } from '../kinds/cocktailKinds';
import commonSchema from './common.v1alpha1.schema.json';
import cocktailServerSchema from './CocktailServer.v1alpha1.schema.json';
import serviceMapSchema from './ServiceMap.v1alpha1.schema.json';
import serviceSchema from './Service.v1alpha1.schema.json';

const schemas = {
  serviceSchema,
  serviceMapSchema,
  cocktailServerSchema,
  commonSchema,
};

/** Every object in the schema that describes a value: properties, items and definitions. */
function* fieldSchemas(schema: any, path: string): Generator<[string, any]> {
  if (!schema || typeof schema !== 'object' || schema.$ref) {
    return;
  }
  yield [path, schema];
  for (const [name, child] of Object.entries<any>(schema.properties ?? {})) {
    yield* fieldSchemas(child, `${path}.${name}`);
  }
  if (schema.items) {
    yield* fieldSchemas(schema.items, `${path}[]`);
  }
  for (const [name, child] of Object.entries<any>(schema.definitions ?? {})) {
    yield* fieldSchemas(child, `${path}#${name}`);
  }
}

describe('kind schemas', () => {
  it.each(Object.entries(schemas))(
    '%s is a valid draft-07 schema',
    (_name, schema) => {
      const ajv = new Ajv({ strict: false });
      expect(ajv.validateSchema(schema)).toBe(true);
      expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema');
    },
  );

  it.each(Object.entries(schemas))(
    '%s has a description and examples on every field',
    (_name, schema) => {
      const lacking = [...fieldSchemas(schema, '')]
        .filter(([path]) => path !== '')
        .filter(
          ([, field]) =>
            !field.description ||
            !Array.isArray(field.examples) ||
            !field.examples.length,
        )
        .map(([path]) => path);
      expect(lacking).toEqual([]);
    },
  );

  it('has entity examples that pass their own validators', () => {
    for (const kind of cocktailKinds) {
      const schema = [
        serviceSchema,
        serviceMapSchema,
        cocktailServerSchema,
      ].find(s => s.examples[0].kind === kind.kind)!;
      for (const example of schema.examples) {
        expect(kind.findIssues(example as any)).toEqual([]);
      }
    }
  });
});
