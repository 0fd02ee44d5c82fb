import { ApiRequest } from './ApiContext';
import { statusErrors } from './statusErrors';

/**
 * What a write does with fields the schema does not know (`?fieldValidation=`): Strict rejects
 * the object, Warn and Ignore drop the fields. Only CRD schemas are enforced; kube-sim keeps
 * unknown fields of built-in kinds whatever the directive says.
 */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

const DIRECTIVES: FieldValidation[] = ['Ignore', 'Strict', 'Warn'];

/**
 * The directive of a request. Without one kube-sim stays strict (the API server would warn),
 * so that tests see the fields a CRD's schema would drop; 400 for an unknown directive.
 */
export function fieldValidation(request: ApiRequest): FieldValidation {
  const value = request.query.get('fieldValidation');
  if (value === null || value === '') {
    return 'Strict';
  }
  if (!DIRECTIVES.includes(value as FieldValidation)) {
    throw statusErrors.badRequest(
      `fieldValidation: Unsupported value: "${value}": supported values: ${DIRECTIVES.map(
        directive => `"${directive}"`,
      ).join(', ')}`,
    );
  }
  return value as FieldValidation;
}
