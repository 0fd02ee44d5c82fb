import Ajv, { ValidateFunction } from 'ajv';
import { KubeObject } from '../api/types';
import { schemaErrorMessages } from './schemaErrorMessages';
import { JsonSchema, toAjvSchema } from './toAjvSchema';

function compile(
  schema: JsonSchema,
  formats: Set<string>,
  options: { removeAdditional?: boolean } = {},
): ValidateFunction {
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
    ...options,
  });
  // Kubernetes' formats (int32, date-time, byte, uuid …) are documentation here, not checks.
  formats.forEach(format => ajv.addFormat(format, true));
  return ajv.compile(schema);
}

/**
 * Checks objects against a CRD version's openAPIV3Schema; returns one message per problem.
 * With `pruneUnknownFields` it first removes from the object the fields the schema does not
 * know, as the API server prunes them (fieldValidation Ignore or Warn), instead of reporting them.
 */
export function schemaValidator(
  openApiSchema: JsonSchema,
): (
  object: KubeObject,
  options?: { pruneUnknownFields?: boolean },
) => string[] {
  const formats = new Set<string>();
  const schema = toAjvSchema(openApiSchema, formats);
  const validateFunction = compile(schema, formats);
  // Compiled on first use: most clusters never prune, and large CRDs take a while to compile.
  let pruneFunction: ValidateFunction | undefined;
  return (object, options = {}) => {
    if (options.pruneUnknownFields) {
      pruneFunction ??= compile(schema, formats, { removeAdditional: true });
      pruneFunction(object);
    }
    return validateFunction(object)
      ? []
      : schemaErrorMessages(validateFunction.errors ?? [], object);
  };
}
