import { ALL_VERBS } from '../api/builtInResources';
import Ajv, { ErrorObject, ValidateFunction } from 'ajv';
import { promises as fs } from 'fs';
import path from 'path';
import YAML from 'yaml';
import { KubeObject, ResourceType } from '../api/types';

type JsonSchema = Record<string, any>;

interface CrdNames {
  kind: string;
  listKind?: string;
  plural: string;
  singular?: string;
  shortNames?: string[];
}

interface CrdVersion {
  name: string;
  served: boolean;
  schema?: { openAPIV3Schema?: JsonSchema };
  subresources?: Record<string, unknown>;
}

interface CustomResourceDefinition {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
  spec: {
    group: string;
    names: CrdNames;
    scope: 'Namespaced' | 'Cluster';
    versions: CrdVersion[];
  };
}

const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
const CRD_KIND = 'CustomResourceDefinition';
const CUSTOM_RESOURCE_SUBRESOURCES = ['status', 'scale'];

function isRecord(value: unknown): value is Record<string, any> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${field} must be a non-empty string`);
  }
}

function assertIsCustomResourceDefinition(
  value: unknown,
): asserts value is CustomResourceDefinition {
  if (
    !isRecord(value) ||
    value.apiVersion !== CRD_API_VERSION ||
    value.kind !== CRD_KIND
  ) {
    const found = isRecord(value)
      ? `apiVersion ${JSON.stringify(value.apiVersion)}, kind ${JSON.stringify(
          value.kind,
        )}`
      : `a ${Array.isArray(value) ? 'list' : typeof value}`;
    throw new Error(`not a ${CRD_API_VERSION} ${CRD_KIND}: found ${found}`);
  }
  const spec = value.spec;
  if (!isRecord(spec)) {
    throw new Error('spec must be an object');
  }
  requireString(spec.group, 'spec.group');
  if (!isRecord(spec.names)) {
    throw new Error('spec.names must be an object');
  }
  requireString(spec.names.kind, 'spec.names.kind');
  requireString(spec.names.plural, 'spec.names.plural');
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    throw new Error('spec.scope must be "Namespaced" or "Cluster"');
  }
  if (!Array.isArray(spec.versions) || spec.versions.length === 0) {
    throw new Error('spec.versions must be a non-empty list');
  }
  spec.versions.forEach((version: unknown, index: number) => {
    if (!isRecord(version)) {
      throw new Error(`spec.versions[${index}] must be an object`);
    }
    requireString(version.name, `spec.versions[${index}].name`);
  });
}

// Turning a Kubernetes structural schema into one ajv understands

function mapValues(
  record: Record<string, JsonSchema>,
  convert: (schema: JsonSchema) => JsonSchema,
): Record<string, JsonSchema> {
  return Object.fromEntries(
    Object.entries(record).map(([key, schema]) => [key, convert(schema)]),
  );
}

function convertChildren(
  schema: JsonSchema,
  convert: (child: JsonSchema) => JsonSchema,
): void {
  if (isRecord(schema.properties)) {
    schema.properties = mapValues(schema.properties, convert);
  }
  if (isRecord(schema.additionalProperties)) {
    schema.additionalProperties = convert(schema.additionalProperties);
  }
  if (Array.isArray(schema.items)) {
    schema.items = schema.items.map(convert);
  } else if (isRecord(schema.items)) {
    schema.items = convert(schema.items);
  }
  for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
    if (Array.isArray(schema[keyword])) {
      schema[keyword] = schema[keyword].map(convert);
    }
  }
  if (isRecord(schema.not)) {
    schema.not = convert(schema.not);
  }
}

function isIntegerOrStringAlternatives(anyOf: unknown): boolean {
  return (
    Array.isArray(anyOf) &&
    anyOf.every(
      branch =>
        isRecord(branch) &&
        Object.keys(branch).length === 1 &&
        (branch.type === 'integer' || branch.type === 'string'),
    )
  );
}

function applyIntOrString(schema: JsonSchema): void {
  if (schema['x-kubernetes-int-or-string'] !== true) {
    return;
  }
  schema.type = ['integer', 'string'];
  // controller-gen spells the same rule out as anyOf; keeping it only doubles the messages.
  if (isIntegerOrStringAlternatives(schema.anyOf)) {
    delete schema.anyOf;
  }
}

/** Embedded objects always carry apiVersion, kind and (unvalidated) metadata. */
function applyEmbeddedResource(schema: JsonSchema): void {
  if (schema['x-kubernetes-embedded-resource'] !== true) {
    return;
  }
  schema.properties = {
    ...schema.properties,
    apiVersion: { type: 'string', minLength: 1 },
    kind: { type: 'string', minLength: 1 },
    metadata: { type: 'object' },
  };
  const required: string[] = schema.required ?? [];
  schema.required = [...new Set([...required, 'apiVersion', 'kind'])];
}

/**
 * Kubernetes prunes unknown fields; kube-sim rejects them instead (like
 * fieldValidation=Strict) so that tests see what the schema would drop.
 */
function applyUnknownFieldsPolicy(schema: JsonSchema): void {
  const isObject =
    schema.type === 'object' ||
    (Array.isArray(schema.type) && schema.type.includes('object'));
  if (
    isObject &&
    schema['x-kubernetes-preserve-unknown-fields'] !== true &&
    schema.additionalProperties === undefined
  ) {
    schema.additionalProperties = false;
  }
}

function applyNullable(schema: JsonSchema): void {
  if (schema.nullable === undefined) {
    return;
  }
  const nullable = schema.nullable === true;
  delete schema.nullable;
  if (!nullable) {
    return;
  }
  if (schema.type !== undefined) {
    schema.type = [...new Set([schema.type, 'null'].flat())];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(null)) {
    schema.enum = [...schema.enum, null];
  }
}

/** Patterns are Go regular expressions; one JavaScript cannot compile is skipped, not fatal. */
function dropUncompilablePattern(schema: JsonSchema): void {
  if (typeof schema.pattern !== 'string') {
    return;
  }
  try {
    new RegExp(schema.pattern); // eslint-disable-line no-new
  } catch {
    delete schema.pattern;
  }
}

function convertSchema(schema: JsonSchema, formats: Set<string>): JsonSchema {
  const converted: JsonSchema = { ...schema };
  convertChildren(converted, child => convertSchema(child, formats));
  if (typeof converted.format === 'string') {
    formats.add(converted.format);
  }
  applyIntOrString(converted);
  applyEmbeddedResource(converted);
  applyUnknownFieldsPolicy(converted);
  applyNullable(converted);
  dropUncompilablePattern(converted);
  return converted;
}

/** The root always allows apiVersion and kind; metadata is the API server's business, not the CRD's. */
function convertRootSchema(
  openApiSchema: JsonSchema,
  formats: Set<string>,
): JsonSchema {
  const converted = convertSchema(openApiSchema, formats);
  return {
    ...converted,
    type: 'object',
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      ...converted.properties,
      metadata: { type: 'object' },
    },
  };
}

const PRESERVE_EVERYTHING: JsonSchema = {
  type: 'object',
  'x-kubernetes-preserve-unknown-fields': true,
};

function compileValidator(openApiSchema: JsonSchema): ValidateFunction {
  const formats = new Set<string>();
  const schema = convertRootSchema(openApiSchema, formats);
  const ajv = new Ajv({
    strict: false,
    allErrors: true,
    unicodeRegExp: false,
  });
  // Kubernetes' formats (int32, date-time, byte, uuid …) are documentation here, not checks.
  formats.forEach(format => ajv.addFormat(format, true));
  return ajv.compile(schema);
}

// Turning ajv's errors into `<field path>: <what was expected>`

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

function createValidate(
  openApiSchema: JsonSchema,
): (object: KubeObject) => string[] {
  const validateFunction = compileValidator(openApiSchema);
  return object => {
    if (validateFunction(object)) {
      return [];
    }
    const errors = withoutBranchErrors(validateFunction.errors ?? []);
    return [...new Set(errors.map(error => describeError(error, object)))];
  };
}

// CustomResourceDefinition → ResourceType

function subresourcesOf(version: CrdVersion): string[] {
  return CUSTOM_RESOURCE_SUBRESOURCES.filter(
    name => isRecord(version.subresources) && name in version.subresources,
  );
}

function resourceTypeForVersion(
  crd: CustomResourceDefinition,
  version: CrdVersion,
): ResourceType {
  const { group, names, scope } = crd.spec;
  return {
    group,
    version: version.name,
    kind: names.kind,
    listKind: names.listKind ?? `${names.kind}List`,
    plural: names.plural,
    singular: names.singular ?? names.kind.toLowerCase(),
    namespaced: scope === 'Namespaced',
    shortNames: names.shortNames,
    subresources: subresourcesOf(version),
    verbs: [...ALL_VERBS],
    validate: createValidate(
      version.schema?.openAPIV3Schema ?? PRESERVE_EVERYTHING,
    ),
  };
}

/** One ResourceType per served version of an apiextensions.k8s.io/v1 CustomResourceDefinition. */
export function resourceTypesFromCrd(crd: unknown): ResourceType[] {
  assertIsCustomResourceDefinition(crd);
  return crd.spec.versions
    .filter(version => version.served)
    .map(version => {
      try {
        return resourceTypeForVersion(crd, version);
      } catch (error) {
        throw new Error(
          `${crd.metadata?.name ?? crd.spec.names.plural} version ${
            version.name
          }: cannot compile schema: ${(error as Error).message}`,
        );
      }
    });
}

// Reading CRDs from YAML files

function isYamlFile(name: string): boolean {
  return name.endsWith('.yaml') || name.endsWith('.yml');
}

/** A file is taken as given; a directory is searched recursively, in name order. */
async function yamlFilesAt(location: string): Promise<string[]> {
  const stats = await fs.stat(location);
  if (!stats.isDirectory()) {
    return [location];
  }
  const entries = await fs.readdir(location, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  const nested = await Promise.all(
    entries.map(entry => {
      const entryPath = path.join(location, entry.name);
      if (entry.isDirectory()) {
        return yamlFilesAt(entryPath);
      }
      return Promise.resolve(
        entry.isFile() && isYamlFile(entry.name) ? [entryPath] : [],
      );
    }),
  );
  return nested.flat();
}

function parseYamlDocuments(text: string, file: string): unknown[] {
  return Array.from(YAML.parseAllDocuments(text), (document, index) => {
    const [error] = document.errors;
    if (error) {
      throw new Error(
        `${file}: invalid YAML in document ${index + 1}: ${error.message}`,
      );
    }
    return document.toJS();
  });
}

async function resourceTypesFromFile(file: string): Promise<ResourceType[]> {
  const text = await fs.readFile(file, 'utf8');
  return parseYamlDocuments(text, file).flatMap((document, index) => {
    // An empty document, e.g. after a trailing `---`.
    if (document === null || document === undefined) {
      return [];
    }
    try {
      return resourceTypesFromCrd(document);
    } catch (error) {
      throw new Error(
        `${file}: document ${index + 1}: ${(error as Error).message}`,
      );
    }
  });
}

/** Reads CustomResourceDefinitions from YAML files and directories of them. */
export async function loadCustomResourceDefinitions(
  paths: string[],
): Promise<ResourceType[]> {
  const files = (await Promise.all(paths.map(yamlFilesAt))).flat();
  const perFile = await Promise.all(files.map(resourceTypesFromFile));
  return perFile.flat();
}
