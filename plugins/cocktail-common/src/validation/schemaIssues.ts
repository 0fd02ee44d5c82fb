import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import commonSchema from '../schema/common.v1alpha1.schema.json';
import { cocktailFormats } from './formats';
import { parseJsonPointer } from './fieldPath';
import { ValidationIssue } from './ValidationIssue';

const ajv = new Ajv({ allErrors: true, allowUnionTypes: true, verbose: true });
for (const [name, format] of Object.entries(cocktailFormats)) {
  ajv.addFormat(name, { type: 'string', validate: format.test });
}
ajv.addSchema(commonSchema);

function describeValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  if (typeof value === 'object') {
    return 'an object';
  }
  return JSON.stringify(value);
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function describeTypes(type: string | string[]): string {
  return (Array.isArray(type) ? type : [type])
    .map(t => TYPE_NAMES[t] ?? t)
    .join(' or ');
}

function toIssue(error: ErrorObject): ValidationIssue {
  const path = parseJsonPointer(error.instancePath);
  const got = describeValue(error.data);
  const parent = error.parentSchema as Record<string, any> | undefined;
  switch (error.keyword) {
    case 'required':
      return {
        path: [...path, error.params.missingProperty],
        message: 'is required but missing',
      };
    case 'additionalProperties': {
      const known = Object.keys(parent?.properties ?? {});
      return {
        path: [...path, error.params.additionalProperty],
        message: `is not a known field; expected one of ${known.join(', ')}`,
      };
    }
    case 'enum':
      return {
        path,
        message: `must be one of ${error.params.allowedValues.join(
          ', ',
        )}, got ${got}`,
      };
    case 'type':
      return {
        path,
        message: `must be ${describeTypes(error.params.type)}, got ${got}`,
      };
    case 'format': {
      const expected =
        cocktailFormats[error.params.format]?.expected ?? error.params.format;
      return { path, message: `expected ${expected}, got ${got}` };
    }
    case 'minimum':
    case 'maximum':
      if (parent && 'minimum' in parent && 'maximum' in parent) {
        return {
          path,
          message: `must be between ${parent.minimum} and ${parent.maximum}, got ${got}`,
        };
      }
      return {
        path,
        message: `must be ${
          error.keyword === 'minimum' ? 'at least' : 'at most'
        } ${error.params.limit}, got ${got}`,
      };
    case 'minItems':
      return {
        path,
        message: `must have at least ${error.params.limit} item(s)`,
      };
    case 'minLength':
      return { path, message: 'must not be empty' };
    case 'pattern':
      return {
        path,
        message: `expected a value matching /${error.params.pattern}/, got ${got}`,
      };
    default:
      return { path, message: `${error.message ?? 'is invalid'}, got ${got}` };
  }
}

/** Compiles a kind's JSON schema into a function that lists every schema problem of an entity. */
export function createSchemaIssueFinder(
  schema: object,
): (data: unknown) => ValidationIssue[] {
  const validate: ValidateFunction = ajv.compile(schema);
  return data => {
    if (validate(data)) {
      return [];
    }
    const errors = validate.errors ?? [];
    // A value of the wrong type also fails that type's keywords; the type error says it all.
    const wrongType = new Set(
      errors.filter(e => e.keyword === 'type').map(e => e.instancePath),
    );
    const seen = new Set<string>();
    const issues: ValidationIssue[] = [];
    for (const error of errors) {
      if (error.keyword !== 'type' && wrongType.has(error.instancePath)) {
        continue;
      }
      const issue = toIssue(error);
      const key = `${issue.path.join('/')}|${issue.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        issues.push(issue);
      }
    }
    return issues;
  };
}
