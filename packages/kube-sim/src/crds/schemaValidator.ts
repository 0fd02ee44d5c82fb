import Ajv from 'ajv';
import { KubeObject } from '../api/types';
import { schemaErrorMessages } from './schemaErrorMessages';
import { JsonSchema, toAjvSchema } from './toAjvSchema';

/** Checks objects against a CRD version's openAPIV3Schema; returns one message per problem. */
export function schemaValidator(
  openApiSchema: JsonSchema,
): (object: KubeObject) => string[] {
  const formats = new Set<string>();
  const schema = toAjvSchema(openApiSchema, formats);
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
  });
  // Kubernetes' formats (int32, date-time, byte, uuid …) are documentation here, not checks.
  formats.forEach(format => ajv.addFormat(format, true));
  const validateFunction = ajv.compile(schema);
  return object =>
    validateFunction(object)
      ? []
      : schemaErrorMessages(validateFunction.errors ?? [], object);
}
