import { makeValidator } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';

const validator = makeValidator();

/** The `:namespace/:name` of a route, checked against the catalog's rules for both. */
export function parseEntityParams(params: Record<string, string>): {
  namespace: string;
  name: string;
} {
  const { namespace, name } = params;
  if (!validator.isValidNamespace(namespace)) {
    throw new InputError(
      `namespace: expected a catalog namespace (lowercase letters, digits and "-", at most 63 characters), got ${JSON.stringify(
        namespace,
      )}`,
    );
  }
  if (!validator.isValidEntityName(name)) {
    throw new InputError(
      `name: expected an entity name (letters, digits, "-", "_" and "." between letters or digits, at most 63 characters), got ${JSON.stringify(
        name,
      )}`,
    );
  }
  return { namespace, name };
}
