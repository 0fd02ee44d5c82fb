import { resourceTypesFromCrd } from '../crds/resourceTypesFromCrd';
import { ObjectStore } from '../store/ObjectStore';
import { ApiContext, ApiRequest } from './ApiContext';
import { fieldValidation } from './fieldValidation';
import { ResourceRegistry } from './ResourceRegistry';
import { StatusError } from './statusErrors';
import { createObject } from './writeHandlers';

const [widgets] = resourceTypesFromCrd({
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  spec: {
    group: 'example.com',
    names: { kind: 'Widget', plural: 'widgets' },
    scope: 'Cluster',
    versions: [
      {
        name: 'v1',
        served: true,
        storage: true,
        schema: {
          openAPIV3Schema: {
            type: 'object',
            properties: {
              spec: {
                type: 'object',
                properties: { size: { type: 'integer' } },
              },
            },
          },
        },
      },
    ],
  },
});

function request(query: string, body: unknown = {}): ApiRequest {
  return {
    method: 'POST',
    query: new URLSearchParams(query),
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

function create(query: string) {
  const ctx = {
    store: new ObjectStore(),
    registry: new ResourceRegistry([widgets]),
  } as ApiContext;
  const widget = {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w' },
    spec: { size: 3, colour: 'red' },
  };
  return createObject(ctx, widgets, undefined, request(query, widget));
}

function errorOf(run: () => unknown): StatusError {
  try {
    run();
  } catch (error) {
    return error as StatusError;
  }
  throw new Error('expected a StatusError');
}

describe('fieldValidation', () => {
  it('is Strict when the request does not say', () => {
    expect(fieldValidation(request(''))).toBe('Strict');
  });

  it.each(['Strict', 'Warn', 'Ignore'])('accepts %s', directive => {
    expect(fieldValidation(request(`fieldValidation=${directive}`))).toBe(
      directive,
    );
  });

  it('refuses an unknown directive with 400', () => {
    const error = errorOf(() =>
      fieldValidation(request('fieldValidation=Lenient')),
    );

    expect(error.code).toBe(400);
    expect(error.message).toContain('"Lenient"');
  });

  it('rejects a custom resource with an unknown field under Strict', () => {
    const error = errorOf(() => create('fieldValidation=Strict'));

    expect(error.code).toBe(422);
    expect(error.message).toContain('spec.colour: unknown field');
  });

  it.each(['Ignore', 'Warn'])(
    'drops the unknown fields of a custom resource under %s',
    directive => {
      const result = create(`fieldValidation=${directive}`);

      expect(result.status).toBe(201);
      expect('body' in result && (result.body as any).spec).toEqual({
        size: 3,
      });
    },
  );
});
