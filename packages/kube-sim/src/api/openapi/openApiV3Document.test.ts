import { resourceTypesFromCrd } from '../../crds/resourceTypesFromCrd';
import { ResourceRegistry } from '../ResourceRegistry';
import { openApiV3Document, openApiV3Index } from './openApiV3Document';

const widgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  metadata: { name: 'widgets.example.com' },
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Namespaced',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        subresources: { status: {}, scale: {} },
        schema: {
          openAPIV3Schema: {
            type: 'object',
            description: 'A widget.',
            properties: {
              spec: {
                type: 'object',
                properties: {
                  size: { type: 'integer', description: 'How big.' },
                },
              },
            },
          },
        },
      },
    ],
  },
};

function documentOf(group: string, version: string) {
  const registry = new ResourceRegistry(resourceTypesFromCrd(widgetCrd));
  const types = registry
    .all()
    .filter(type => type.group === group && type.version === version);
  return openApiV3Document(types, 'v1.33.0') as any;
}

function parameterNames(operation: any): string[] {
  return operation.parameters.map((p: any) => p.name);
}

describe('openApiV3Document', () => {
  const apps = documentOf('apps', 'v1');

  it('offers fieldValidation, dryRun and fieldManager on create, replace and patch', () => {
    const collection =
      apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments'];
    const object =
      apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}'];

    for (const operation of [collection.post, object.put, object.patch]) {
      expect(parameterNames(operation)).toEqual(
        expect.arrayContaining(['fieldValidation', 'dryRun', 'fieldManager']),
      );
      expect(operation['x-kubernetes-group-version-kind']).toEqual({
        group: 'apps',
        version: 'v1',
        kind: 'Deployment',
      });
    }
    expect(parameterNames(object.patch)).toContain('force');
  });

  it('accepts strategic merge patch for built-in kinds', () => {
    const patch =
      apps.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']
        .patch;

    expect(Object.keys(patch.requestBody.content)).toEqual(
      expect.arrayContaining([
        'application/strategic-merge-patch+json',
        'application/merge-patch+json',
        'application/apply-patch+yaml',
      ]),
    );
  });

  it('lists across namespaces, and scales through autoscaling/v1 Scale', () => {
    expect(apps.paths['/apis/apps/v1/deployments'].get.operationId).toBe(
      'listAppsV1DeploymentForAllNamespaces',
    );
    const scale =
      apps.paths[
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale'
      ];
    expect(scale.put['x-kubernetes-group-version-kind']).toEqual({
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
    });
    expect(
      apps.components.schemas['io.k8s.api.autoscaling.v1.Scale'],
    ).toBeDefined();
  });

  it('holds the kinds, their lists and every schema they refer to', () => {
    const schemas = apps.components.schemas;

    expect(schemas['io.k8s.api.apps.v1.Deployment']).toMatchObject({
      'x-kubernetes-group-version-kind': [
        { group: 'apps', version: 'v1', kind: 'Deployment' },
      ],
    });
    expect(schemas['io.k8s.api.apps.v1.DeploymentList']).toBeDefined();
    expect(schemas['io.k8s.api.core.v1.Container']).toBeDefined();
    expect(
      schemas['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'],
    ).toBeDefined();
    const references = JSON.stringify(apps).match(
      /#\/components\/schemas\/[^"]+/g,
    )!;
    const names = references.map(ref => ref.split('/').pop()!);
    expect(names.filter(name => !schemas[name])).toEqual([]);
  });

  it('leaves the namespace out of cluster-scoped paths', () => {
    const core = documentOf('', 'v1');

    expect(Object.keys(core.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/namespaces/{name}',
        '/api/v1/nodes/{name}/status',
        '/api/v1/namespaces/{namespace}/pods/{name}/log',
        '/api/v1/namespaces/{namespace}/serviceaccounts/{name}/token',
      ]),
    );
    expect(
      core.paths['/api/v1/namespaces/{namespace}/pods/{name}/log'].get
        .responses['200'].content,
    ).toEqual({ 'text/plain': { schema: { type: 'string' } } });
  });

  it('publishes the schema of a loaded CRD with its group-version-kind and ObjectMeta', () => {
    const widgets = documentOf('example.com', 'v1');
    const widget = widgets.components.schemas['com.example.v1.Widget'];

    expect(widget).toMatchObject({
      description: 'A widget.',
      'x-kubernetes-group-version-kind': [
        { group: 'example.com', version: 'v1', kind: 'Widget' },
      ],
      properties: {
        spec: { properties: { size: { type: 'integer' } } },
        metadata: {
          allOf: [
            {
              $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta',
            },
          ],
        },
      },
    });
    const patch =
      widgets.paths[
        '/apis/example.com/v1/namespaces/{namespace}/widgets/{name}'
      ].patch;
    expect(parameterNames(patch)).toContain('fieldValidation');
    expect(Object.keys(patch.requestBody.content)).not.toContain(
      'application/strategic-merge-patch+json',
    );
  });

  it('offers only the verbs a resource serves', () => {
    const reviews = documentOf('authorization.k8s.io', 'v1');

    expect(
      Object.keys(
        reviews.paths['/apis/authorization.k8s.io/v1/selfsubjectaccessreviews'],
      ),
    ).toEqual(['post', 'parameters']);
    expect(
      reviews.paths[
        '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews/{name}'
      ],
    ).toBeUndefined();
  });
});

describe('openApiV3Index', () => {
  it('points at the document of each group version with its hash', () => {
    expect(openApiV3Index({ 'api/v1': 'ABC', 'apis/apps/v1': 'DEF' })).toEqual({
      paths: {
        'api/v1': { serverRelativeURL: '/openapi/v3/api/v1?hash=ABC' },
        'apis/apps/v1': {
          serverRelativeURL: '/openapi/v3/apis/apps/v1?hash=DEF',
        },
      },
    });
  });
});
