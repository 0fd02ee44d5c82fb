import { resourceTypesFromCrd } from '../../crds/resourceTypesFromCrd';
import { ApiContext, ApiRequest } from '../ApiContext';
import { dispatchRequest } from '../dispatchRequest';
import { ResourceRegistry } from '../ResourceRegistry';
import { StatusError } from '../statusErrors';
import { isOpenApiPath, serveOpenApi } from './serveOpenApi';
import { ClusterMetrics } from '../../metrics/ClusterMetrics';
import { SimulatedLoad } from '../../metrics/SimulatedLoad';

function contextWith(registry: ResourceRegistry): ApiContext {
  return { registry } as ApiContext;
}

function get(headers: ApiRequest['headers'] = {}): ApiRequest {
  return { method: 'GET', query: new URLSearchParams(), headers, body: '' };
}

function bodyOf(ctx: ApiContext, path: string, request = get()): any {
  const result = serveOpenApi(ctx, path, request);
  expect(result.status).toBe(200);
  return 'body' in result ? result.body : undefined;
}

function failureOf(ctx: ApiContext, path: string, request: ApiRequest) {
  try {
    serveOpenApi(ctx, path, request);
  } catch (error) {
    return (error as StatusError).code;
  }
  throw new Error('expected the request to fail');
}

const gadgetCrd = {
  apiVersion: 'apiextensions.k8s.io/v1',
  kind: 'CustomResourceDefinition',
  spec: {
    group: 'gadgets.example.com',
    names: { kind: 'Gadget', plural: 'gadgets' },
    scope: 'Cluster',
    versions: [{ name: 'v1alpha1', served: true, storage: true }],
  },
};

describe('serveOpenApi', () => {
  it('recognises the OpenAPI paths only', () => {
    expect(isOpenApiPath('/openapi/v2')).toBe(true);
    expect(isOpenApiPath('/openapi/v3')).toBe(true);
    expect(isOpenApiPath('/openapi/v3/apis/apps/v1')).toBe(true);
    expect(isOpenApiPath('/openapi/v1')).toBe(false);
    expect(isOpenApiPath('/api/v1')).toBe(false);
  });

  it('is what the API answers under /openapi', () => {
    const base = contextWith(new ResourceRegistry());
    const load = new SimulatedLoad();
    const ctx = { ...base, load, metrics: new ClusterMetrics(base, load) };

    expect(dispatchRequest(ctx, '/openapi/v3', get())).toEqual({
      status: 200,
      body: bodyOf(ctx, '/openapi/v3'),
    });
  });

  it('lists each group version in the v3 index, and serves it at its address', () => {
    const ctx = contextWith(new ResourceRegistry());

    const index = bodyOf(ctx, '/openapi/v3');

    expect(Object.keys(index.paths)).toEqual(
      expect.arrayContaining([
        'api/v1',
        'apis/apps/v1',
        'apis/batch/v1',
        'apis/autoscaling/v2',
        'apis/metrics.k8s.io/v1beta1',
      ]),
    );
    const address = index.paths['apis/apps/v1'].serverRelativeURL;
    expect(address).toMatch(
      /^\/openapi\/v3\/apis\/apps\/v1\?hash=[0-9A-F]{128}$/,
    );
    const apps = bodyOf(ctx, address.split('?')[0]);
    expect(apps.openapi).toBe('3.0.0');
    expect(bodyOf(ctx, '/openapi/v3/api/v1').paths).toHaveProperty([
      '/api/v1/namespaces/{namespace}/pods',
    ]);
  });

  it('builds each document once while the registry stays the same', () => {
    const ctx = contextWith(new ResourceRegistry());

    expect(bodyOf(ctx, '/openapi/v3/apis/apps/v1')).toBe(
      bodyOf(ctx, '/openapi/v3/apis/apps/v1'),
    );
    expect(bodyOf(ctx, '/openapi/v2')).toBe(bodyOf(ctx, '/openapi/v2'));
  });

  it('publishes a resource added to the registry at runtime', () => {
    const registry = new ResourceRegistry();
    const ctx = contextWith(registry);
    const before = bodyOf(ctx, '/openapi/v3/apis/apps/v1');
    expect(bodyOf(ctx, '/openapi/v3').paths).not.toHaveProperty([
      'apis/gadgets.example.com/v1alpha1',
    ]);

    resourceTypesFromCrd(gadgetCrd).forEach(type => registry.add(type));

    expect(bodyOf(ctx, '/openapi/v3').paths).toHaveProperty([
      'apis/gadgets.example.com/v1alpha1',
    ]);
    const gadgets = bodyOf(
      ctx,
      '/openapi/v3/apis/gadgets.example.com/v1alpha1',
    );
    expect(
      gadgets.components.schemas['com.example.gadgets.v1alpha1.Gadget'],
    ).toMatchObject({
      'x-kubernetes-group-version-kind': [
        { group: 'gadgets.example.com', version: 'v1alpha1', kind: 'Gadget' },
      ],
      'x-kubernetes-preserve-unknown-fields': true,
    });
    expect(bodyOf(ctx, '/openapi/v3/apis/apps/v1')).not.toBe(before);
    expect(bodyOf(ctx, '/openapi/v2').paths).toHaveProperty([
      '/apis/gadgets.example.com/v1alpha1/gadgets/{name}',
    ]);
  });

  it('answers 404 for a group version it does not serve', () => {
    const ctx = contextWith(new ResourceRegistry());

    expect(failureOf(ctx, '/openapi/v3/apis/nope.example.com/v1', get())).toBe(
      404,
    );
  });

  it('answers 406 to a client that only takes protobuf, as kubectl asks for v2', () => {
    const ctx = contextWith(new ResourceRegistry());
    const protobufOnly = get({
      accept: 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf',
    });

    expect(failureOf(ctx, '/openapi/v2', protobufOnly)).toBe(406);
    expect(
      bodyOf(ctx, '/openapi/v2', get({ accept: 'application/json, */*' }))
        .swagger,
    ).toBe('2.0');
  });

  it('refuses writes', () => {
    const ctx = contextWith(new ResourceRegistry());

    expect(failureOf(ctx, '/openapi/v2', { ...get(), method: 'POST' })).toBe(
      405,
    );
  });
});
