import { builtInResources } from '../builtInResources';
import { swaggerV2Document } from './swaggerV2Document';
import { toSwaggerSchema } from './swaggerSchema';

describe('swaggerV2Document', () => {
  const document = swaggerV2Document(builtInResources, 'v1.33.0') as any;

  it('holds the paths of every group version and their schemas under definitions', () => {
    expect(document.swagger).toBe('2.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/namespaces/{namespace}/pods',
        '/apis/apps/v1/namespaces/{namespace}/deployments/{name}',
        '/apis/batch/v1/namespaces/{namespace}/cronjobs',
      ]),
    );
    expect(
      document.definitions['io.k8s.api.apps.v1.DeploymentSpec'].properties
        .replicas,
    ).toMatchObject({ type: 'integer' });
  });

  it('says which patch types PATCH consumes and takes fieldValidation', () => {
    const patch =
      document.paths['/apis/apps/v1/namespaces/{namespace}/deployments/{name}']
        .patch;

    expect(patch.consumes).toContain('application/strategic-merge-patch+json');
    expect(patch.parameters).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          name: 'fieldValidation',
          in: 'query',
          type: 'string',
        }),
        expect.objectContaining({
          name: 'body',
          in: 'body',
          schema: {
            $ref: '#/definitions/io.k8s.apimachinery.pkg.apis.meta.v1.Patch',
          },
        }),
      ]),
    );
  });

  it('points every reference into definitions', () => {
    const text = JSON.stringify(document);

    expect(text).not.toContain('#/components/schemas/');
    const names = text
      .match(/#\/definitions\/[^"]+/g)!
      .map(ref => ref.slice('#/definitions/'.length));
    expect(names.filter(name => !document.definitions[name])).toEqual([]);
  });
});

describe('toSwaggerSchema', () => {
  it('turns a described reference into a $ref with a description beside it', () => {
    expect(
      toSwaggerSchema({
        description: 'The spec.',
        allOf: [
          { $ref: '#/components/schemas/io.k8s.api.apps.v1.DeploymentSpec' },
        ],
      }),
    ).toEqual({
      description: 'The spec.',
      $ref: '#/definitions/io.k8s.api.apps.v1.DeploymentSpec',
    });
  });

  it('leaves out keywords Swagger 2.0 lacks', () => {
    expect(
      toSwaggerSchema({
        type: 'object',
        properties: {
          port: {
            'x-kubernetes-int-or-string': true,
            anyOf: [{ type: 'integer' }, { type: 'string' }],
          },
          note: { type: 'string', nullable: true },
        },
      }),
    ).toEqual({
      type: 'object',
      properties: {
        port: {
          'x-kubernetes-int-or-string': true,
          type: 'string',
          format: 'int-or-string',
        },
        note: { type: 'string' },
      },
    });
  });
});
