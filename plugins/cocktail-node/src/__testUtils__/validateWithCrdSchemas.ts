// Test helper: validates rendered custom resources against the openAPIV3Schema of the real
// upstream CRDs in shared/fixtures/crds (see shared/fixtures/README.md). Like the API server
// with strict field validation, it also rejects fields the schema does not declare (the server
// would prune them silently) and enforces x-kubernetes-list-type uniqueness and the CEL rules
// it recognises; other CEL rules are not evaluated.
import Ajv, { ValidateFunction } from 'ajv';
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { Manifest } from '../rendering/types';

/**
 * `shared/` sits beside the repository (/work/shared next to /work/main; CI clones elsewhere
 * with shared/ beside the clone).
 */
export const CRD_FIXTURES = path.resolve(
  __dirname,
  '../../../../../shared/fixtures/crds',
);

/** Why CRD validation cannot run (the fixtures are absent), or undefined when it can. */
export function crdFixturesMissing(): string | undefined {
  return fs.existsSync(CRD_FIXTURES)
    ? undefined
    : `skipped: the upstream CRD fixtures are not at ${CRD_FIXTURES} (clone shared/ beside the repository to run these tests)`;
}

type Schema = Record<string, any>;

/** Declares `additionalProperties: false` wherever the schema lists properties and does not preserve unknown fields. */
function strict(schema: Schema): Schema {
  if (Array.isArray(schema)) {
    return schema.map(strict);
  }
  if (typeof schema !== 'object' || schema === null) {
    return schema;
  }
  const result: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties') {
      result.properties = Object.fromEntries(
        Object.entries(value as Schema).map(([name, s]) => [name, strict(s)]),
      );
    } else if (['items', 'additionalProperties', 'not'].includes(key)) {
      result[key] = typeof value === 'object' ? strict(value) : value;
    } else if (['allOf', 'anyOf', 'oneOf'].includes(key)) {
      result[key] = (value as Schema[]).map(strict);
    } else {
      result[key] = value;
    }
  }
  if (
    result.properties &&
    result.additionalProperties === undefined &&
    !result['x-kubernetes-preserve-unknown-fields']
  ) {
    result.additionalProperties = false;
  }
  return result;
}

const UNIQUE_BY_FIELD =
  /^self\.all\((\w+), self\.exists_one\((\w+), \1\.(\w+) == \2\.\3\)\)$/;

/** Checks what ajv cannot: list-type uniqueness and the recognised CEL rules. */
function kubernetesExtensions(
  schema: Schema | undefined,
  value: unknown,
  at: string,
  problems: string[],
): void {
  if (!schema || value === undefined || value === null) {
    return;
  }
  for (const rule of schema['x-kubernetes-validations'] ?? []) {
    const unique = UNIQUE_BY_FIELD.exec(rule.rule);
    if (unique && Array.isArray(value)) {
      const names = value.map(item => item?.[unique[3]]);
      if (new Set(names).size !== names.length) {
        problems.push(`${at}: ${rule.message}`);
      }
    }
  }
  if (Array.isArray(value)) {
    const listType = schema['x-kubernetes-list-type'];
    const keys: string[] | undefined = schema['x-kubernetes-list-map-keys'];
    const identities = value.map(item =>
      listType === 'map' && keys
        ? JSON.stringify(keys.map(key => item?.[key]))
        : JSON.stringify(item),
    );
    if (
      (listType === 'map' || listType === 'set') &&
      new Set(identities).size !== identities.length
    ) {
      problems.push(`${at}: duplicate entries in a list of type ${listType}`);
    }
    value.forEach((item, index) =>
      kubernetesExtensions(schema.items, item, `${at}[${index}]`, problems),
    );
    return;
  }
  if (typeof value === 'object') {
    for (const [key, child] of Object.entries(value as object)) {
      const childSchema =
        schema.properties?.[key] ??
        (typeof schema.additionalProperties === 'object'
          ? schema.additionalProperties
          : undefined);
      kubernetesExtensions(
        childSchema,
        child,
        at ? `${at}.${key}` : key,
        problems,
      );
    }
  }
}

const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The ObjectMeta checks the API server makes for every object. */
function metadataProblems(manifest: Manifest): string[] {
  const problems: string[] = [];
  const { name, labels = {} } = manifest.metadata;
  if (name.length > 253 || !DNS1123_SUBDOMAIN.test(name)) {
    problems.push(`metadata.name: not a DNS-1123 subdomain: ${name}`);
  }
  for (const [key, value] of Object.entries(labels)) {
    if (
      value.length > 63 ||
      !/^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/.test(value)
    ) {
      problems.push(`metadata.labels.${key}: not a valid label value`);
    }
  }
  return problems;
}

/** The served versions of every CRD in the fixtures, compiled on first use. */
export class CrdSchemas {
  private readonly ajv = new Ajv({
    strict: false,
    allErrors: true,
    logger: false,
  });
  private readonly compiled = new Map<string, ValidateFunction>();

  private constructor(private readonly schemas: Map<string, Schema>) {
    const int = (bits: number) => ({
      type: 'number' as const,
      validate: (n: number) =>
        Number.isInteger(n) && n >= -(2 ** (bits - 1)) && n < 2 ** (bits - 1),
    });
    this.ajv.addFormat('int32', int(32));
    this.ajv.addFormat('int64', int(64));
    this.ajv.addFormat('uri', /^[a-z][a-z0-9+.-]*:\S+$/i);
    this.ajv.addFormat(
      'uuid',
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    );
    this.ajv.addFormat('ipv4', /^(\d{1,3}\.){3}\d{1,3}$/);
    this.ajv.addFormat(
      'date-time',
      /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i,
    );
  }

  static load(directory = CRD_FIXTURES): CrdSchemas {
    const schemas = new Map<string, Schema>();
    for (const file of fs.readdirSync(directory)) {
      if (!file.endsWith('.yaml')) {
        continue;
      }
      const crd = parse(fs.readFileSync(path.join(directory, file), 'utf8'));
      for (const version of crd.spec.versions) {
        if (version.served) {
          schemas.set(
            `${crd.spec.group}/${version.name}/${crd.spec.names.kind}`,
            version.schema.openAPIV3Schema,
          );
        }
      }
    }
    return new CrdSchemas(schemas);
  }

  /** Whether the fixtures hold a served CRD version for this apiVersion and kind. */
  has(apiVersion: string, kind: string): boolean {
    return this.schemas.has(`${apiVersion}/${kind}`);
  }

  private schemaAt(apiVersion: string, kind: string, schemaPath: string[]) {
    let schema = this.schemas.get(`${apiVersion}/${kind}`);
    if (!schema) {
      throw new Error(`no fixture CRD serves ${apiVersion} ${kind}`);
    }
    for (const step of schemaPath) {
      schema = step === '[]' ? schema.items : schema.properties?.[step];
      if (!schema) {
        throw new Error(
          `${apiVersion} ${kind} has no schema at ${schemaPath.join('.')}`,
        );
      }
    }
    return schema;
  }

  /**
   * Problems of `value` against the schema of `apiVersion` `kind` at `schemaPath` (the whole
   * object when empty), each as `field: message`.
   */
  problems(
    apiVersion: string,
    kind: string,
    value: unknown,
    schemaPath: string[] = [],
  ): string[] {
    const key = `${apiVersion}/${kind}/${schemaPath.join('.')}`;
    const schema = this.schemaAt(apiVersion, kind, schemaPath);
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile(strict(schema));
      this.compiled.set(key, validate);
    }
    const problems: string[] = [];
    if (!validate(value)) {
      for (const error of validate.errors ?? []) {
        const field = error.instancePath.slice(1).replace(/\//g, '.');
        let detail = '';
        if ('additionalProperty' in error.params) {
          detail = ` (${error.params.additionalProperty})`;
        } else if ('allowedValues' in error.params) {
          detail = ` (${error.params.allowedValues.join(', ')})`;
        }
        problems.push(`${field || '(root)'}: ${error.message}${detail}`);
      }
    }
    kubernetesExtensions(schema, value, '', problems);
    return problems;
  }

  /** Problems of a whole manifest against its CRD, metadata included. */
  manifestProblems(manifest: Manifest): string[] {
    return [
      ...metadataProblems(manifest),
      ...this.problems(manifest.apiVersion, manifest.kind, manifest),
    ];
  }
}
