/** Turning ajv's errors into `<field path>: <what was expected>`. */
import { ErrorObject } from 'ajv';
import { isRecord } from './isRecord';

function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

const PLAIN_FIELD_NAME = /^[A-Za-z_$][\w$-]*$/;

function fieldPath(
  object: unknown,
  instancePath: string,
  child?: string,
): string {
  const segments = instancePath.split('/').slice(1).map(decodePointerSegment);
  if (child !== undefined) {
    segments.push(child);
  }
  let text = '';
  let current: unknown = object;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      text += `[${segment}]`;
    } else if (PLAIN_FIELD_NAME.test(segment)) {
      text += text === '' ? segment : `.${segment}`;
    } else {
      text += `[${segment}]`;
    }
    current =
      isRecord(current) || Array.isArray(current)
        ? (current as any)[segment]
        : undefined;
  }
  return text === '' ? '<root>' : text;
}

function typeOfValue(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

function valueAt(object: unknown, instancePath: string): unknown {
  return instancePath
    .split('/')
    .slice(1)
    .map(decodePointerSegment)
    .reduce<unknown>((current, segment) => (current as any)?.[segment], object);
}

function describeError(error: ErrorObject, object: unknown): string {
  const at = (child?: string) => fieldPath(object, error.instancePath, child);
  switch (error.keyword) {
    case 'required':
      return `${at(error.params.missingProperty)}: required field is missing`;
    case 'additionalProperties':
      return `${at(error.params.additionalProperty)}: unknown field`;
    case 'type': {
      const expected = [error.params.type].flat().join(' or ');
      const actual = typeOfValue(valueAt(object, error.instancePath));
      return `${at()}: expected ${expected}, got ${actual}`;
    }
    case 'enum': {
      const allowed = error.params.allowedValues
        .map((value: unknown) => JSON.stringify(value))
        .join(', ');
      const actual = JSON.stringify(valueAt(object, error.instancePath));
      return `${at()}: expected one of ${allowed}, got ${actual}`;
    }
    default:
      return `${at()}: ${error.message}`;
  }
}

/** An anyOf/oneOf failure already says enough; the failures of each branch are noise. */
function withoutBranchErrors(errors: ErrorObject[]): ErrorObject[] {
  const branchRoots = errors
    .filter(error => error.keyword === 'anyOf' || error.keyword === 'oneOf')
    .map(error => `${error.schemaPath}/`);
  return errors.filter(
    error => !branchRoots.some(root => error.schemaPath.startsWith(root)),
  );
}

/** One message per problem with `object`, without repeats. */
export function schemaErrorMessages(
  errors: ErrorObject[],
  object: unknown,
): string[] {
  return [
    ...new Set(
      withoutBranchErrors(errors).map(error => describeError(error, object)),
    ),
  ];
}
