import Ajv from 'ajv';
import { builtInResources } from '../builtInResources';
import { builtInDefinitions } from './builtInSchemas';
import { definitionNameOf } from './definitionNames';
import { OpenApiSchema, SCHEMA_REF_PREFIX } from './schemaDsl';

type Schema = Record<string, any>;

/** The schema a property points at, following `$ref` and a described `allOf: [$ref]`. */
function resolved(schema: Schema): Schema {
  const ref: string | undefined = schema.$ref ?? schema.allOf?.[0]?.$ref;
  return ref ? builtInDefinitions[ref.slice(SCHEMA_REF_PREFIX.length)] : schema;
}

function propertyAt(definition: string, path: string[]): Schema {
  return path.reduce<Schema>((schema, name) => {
    const object = resolved(schema);
    return object.items && !object.properties
      ? resolved(object.items).properties[name]
      : object.properties[name];
  }, builtInDefinitions[definition]);
}

function everySchema(
  value: unknown,
  visit: (schema: Schema, path: string) => void,
  path = '',
) {
  if (value === null || typeof value !== 'object') {
    return;
  }
  const schema = value as Schema;
  visit(schema, path);
  for (const [name, child] of Object.entries(schema.properties ?? {})) {
    everySchema(child, visit, `${path}.${name}`);
  }
  everySchema(schema.items, visit, `${path}[]`);
  if (typeof schema.additionalProperties === 'object') {
    everySchema(schema.additionalProperties, visit, `${path}{}`);
  }
}

describe('builtInDefinitions', () => {
  it.each(builtInResources.map(type => [type.kind, type]))(
    'has a schema for %s carrying its group-version-kind',
    (_kind, type) => {
      const schema = builtInDefinitions[definitionNameOf(type)];

      expect(schema['x-kubernetes-group-version-kind']).toEqual([
        { group: type.group, version: type.version, kind: type.kind },
      ]);
      expect(schema.description).toEqual(expect.any(String));
    },
  );

  it('names schemas as Kubernetes does', () => {
    expect(Object.keys(builtInDefinitions)).toEqual(
      expect.arrayContaining([
        'io.k8s.api.apps.v1.Deployment',
        'io.k8s.api.core.v1.PodSpec',
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
        'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
      ]),
    );
  });

  it('describes spec.replicas of a Deployment as an integer', () => {
    const replicas = propertyAt('io.k8s.api.apps.v1.Deployment', [
      'spec',
      'replicas',
    ]);

    expect(replicas).toMatchObject({ type: 'integer', format: 'int32' });
    expect(replicas.description).toMatch(/pods/);
  });

  it('merges the containers of a pod by name, and their ports by containerPort', () => {
    expect(
      propertyAt('io.k8s.api.core.v1.PodSpec', ['containers']),
    ).toMatchObject({
      'x-kubernetes-patch-merge-key': 'name',
      'x-kubernetes-patch-strategy': 'merge',
    });
    expect(
      propertyAt('io.k8s.api.core.v1.PodSpec', ['containers', 'ports']),
    ).toMatchObject({ 'x-kubernetes-patch-merge-key': 'containerPort' });
  });

  it('refers only to schemas it defines', () => {
    const references =
      JSON.stringify(builtInDefinitions).match(/"\$ref":"[^"]+"/g)!;

    const missing = references
      .map(ref => ref.slice('"$ref":"'.length + SCHEMA_REF_PREFIX.length, -1))
      .filter(name => !builtInDefinitions[name]);
    expect(missing).toEqual([]);
  });

  it('describes every field and never forbids unknown ones', () => {
    const problems: string[] = [];
    for (const [name, definition] of Object.entries(builtInDefinitions)) {
      everySchema(definition, (schema, path) => {
        if (path && !path.endsWith('[]') && !path.endsWith('{}')) {
          if (!schema.description) {
            problems.push(`${name}${path} has no description`);
          }
        }
        if (schema.additionalProperties === false) {
          problems.push(`${name}${path} forbids unknown fields`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('accepts a Deployment with fields the schemas do not name', () => {
    const ajv = new Ajv({ strict: false, validateFormats: false });
    ajv.addSchema({
      $id: 'kubernetes',
      components: {
        schemas: builtInDefinitions as Record<string, OpenApiSchema>,
      },
    });
    const validate = ajv.compile({
      $ref: 'kubernetes#/components/schemas/io.k8s.api.apps.v1.Deployment',
    });

    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' }, somethingNew: 1 },
      spec: {
        replicas: 2,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              {
                name: 'web',
                image: 'nginx:1.27',
                ports: [{ containerPort: 80 }],
                resources: { limits: { cpu: '500m', memory: 1073741824 } },
                futureField: { anything: true },
              },
            ],
          },
        },
        strategy: { rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } },
      },
      status: { replicas: 2, readyReplicas: 2 },
    };
    expect(validate(deployment)).toBe(true);
    expect(
      validate({
        ...deployment,
        spec: { ...deployment.spec, replicas: 'two' },
      }),
    ).toBe(false);
  });
});
