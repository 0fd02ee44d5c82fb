import {
  ConflictError,
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import { KubeSim } from '@cocktailcloud/kube-sim';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import {
  KubernetesOperations,
  translateKubernetesError,
} from './KubernetesOperations';
import { OutcomeUnknownError } from './outcomeUnknown';

function apiException(code: number, message: string) {
  return {
    code,
    message: `HTTP-Code: ${code}`,
    body: JSON.stringify({ kind: 'Status', code, message }),
  };
}

describe('translateKubernetesError', () => {
  it('reports a conflict as a ConflictError with the API server message, not as something to retry', () => {
    const error = translateKubernetesError(
      apiException(
        409,
        'Operation cannot be fulfilled on deployments.apps "cart": the object has been modified',
      ),
      'prod',
      'changing Deployment/cart',
    );
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toBe(
      'changing Deployment/cart on cluster prod: Operation cannot be fulfilled on deployments.apps "cart": the object has been modified',
    );
  });

  it.each([
    [404, NotFoundError],
    [400, InputError],
    [422, InputError],
    [500, ServiceUnavailableError],
    [503, ServiceUnavailableError],
  ])('maps %i to %p', (code, type) => {
    expect(
      translateKubernetesError(apiException(code, 'no'), 'prod', 'reading x'),
    ).toBeInstanceOf(type);
  });
});

describe('KubernetesOperations: a change whose answer does not come in time', () => {
  let sim: KubeSim;
  let operations: KubernetesOperations;
  const deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    namespace: 'shop',
    name: 'cart',
  };

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'shop' });
    sim = started.sim;
    operations = new KubernetesOperations(
      started.client,
      started.kubeConfig,
      'prod',
      300,
    );
    await operations.apply(
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'cart', namespace: 'shop' },
        spec: {
          replicas: 2,
          selector: { matchLabels: { app: 'cart' } },
          template: {
            metadata: { labels: { app: 'cart' } },
            spec: { containers: [{ name: 'cart', image: 'shop/cart:1.0.0' }] },
          },
        },
      } as any,
      { dryRun: false },
    );
  });

  afterAll(() => sim.stop());
  afterEach(() => sim.cluster('prod').setFaults({}));

  it('is cancelled, read back and reported as unknown with what the cluster shows, never as not applied', async () => {
    sim.cluster('prod').setFaults({ writeLatencyMs: 1_000 });
    const error = await operations
      .patch(deployment, { spec: { replicas: 3 } }, 'merge')
      .catch((e: any) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.statusCode).toBe(504);
    expect(error.message).toBe(
      'changing Deployment/cart on cluster prod: no answer within 0.3 s; the request was cancelled, so whether it was applied is unknown — the cluster now shows spec.replicas = 2 where 3 was asked: the change was not made, or not yet',
    );
    // The API server still makes the change it received: that is why the outcome is unknown.
    await new Promise(resolve => setTimeout(resolve, 1_200));
    expect((await operations.read(deployment)).spec.replicas).toBe(3);
  });

  it('says when the cluster already shows the requested values', async () => {
    sim.cluster('prod').setFaults({ writeLatencyMs: 1_000 });
    const error = await operations
      .patch(deployment, { spec: { replicas: 3 } }, 'merge')
      .catch((e: any) => e);
    expect(error.message).toMatch(
      /the cluster now shows the requested values: the change was most likely made$/,
    );
  });

  it('names a read-back that failed too', async () => {
    sim.cluster('prod').setFaults({ latencyMs: 1_000 });
    const error: any = await operations.delete(deployment).catch((e: any) => e);
    expect(error).toBeInstanceOf(OutcomeUnknownError);
    expect(error.message).toMatch(
      /whether it was applied is unknown — the cluster now shows it could not be read back either \(reading Deployment\/cart on cluster prod: no answer within 0.3 s; the request was cancelled\)$/,
    );
  });
});
