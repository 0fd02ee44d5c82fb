import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { CocktailBackendClient } from '../CocktailBackendClient';

/**
 * A stand-in for the `cocktail` backend's client, recording each call. The backend itself is
 * tested against kube-sim in plugins/cocktail-backend; these tests are about what the actions
 * ask of it and in what order.
 */
export function fakeBackend(
  overrides: Partial<Record<keyof CocktailBackendClient, jest.Mock>> = {},
) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  const record = (method: string, answer: (...args: any[]) => unknown) =>
    jest.fn(async (...args: any[]) => {
      calls.push({ method, args: args.slice(1) });
      return answer(...args);
    });
  const client = {
    createCluster: record('createCluster', (_c, body) => ({
      dryRun: body.dryRun,
      objects: ['Cluster/demo', 'KubeadmControlPlane/demo-control-plane'],
      applied: body.dryRun
        ? []
        : ['Cluster/demo', 'KubeadmControlPlane/demo-control-plane'],
      manifests: [
        {
          apiVersion: 'cluster.x-k8s.io/v1beta2',
          kind: 'Cluster',
          metadata: { name: 'demo' },
        },
      ],
      entityRef: 'resource:default/demo',
      entity: {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'Resource',
        metadata: { name: 'demo' },
      },
    })),
    clusterStatus: record('clusterStatus', () => ({
      phase: 'Provisioned',
      kubeconfigSecret: true,
      conditions: [],
    })),
    upgradeCluster: record('upgradeCluster', (_c, _ns, _name, body) => ({
      dryRun: body.dryRun,
      stage: body.stage,
      changes: [
        {
          object:
            body.stage === 'control-plane'
              ? 'KubeadmControlPlane/demo'
              : 'MachineDeployment/demo-workers',
          to: body.version,
        },
      ],
    })),
    scaleCluster: record('scaleCluster', (_c, _ns, _name, body) => ({
      dryRun: body.dryRun,
      changes: [body],
    })),
    provisionServiceMap: record('provisionServiceMap', (_c, _ref, body) => ({
      dryRun: body.dryRun,
      objects: ['Namespace/payments-dev', 'ResourceQuota/cocktail-quota'],
      manifests: [],
    })),
    deployServer: record('deployServer', (_c, _ref, body) => ({
      dryRun: body.dryRun,
      changes: [{ object: 'Deployment/orders', action: 'create', changes: [] }],
      applied: body.dryRun ? [] : ['Deployment/orders'],
    })),
    deployInlineServer: record('deployInlineServer', (_c, body) => ({
      result: {
        dryRun: body.dryRun,
        changes: [
          { object: 'Deployment/orders', action: 'create', changes: [] },
        ],
        applied: body.dryRun ? [] : ['Deployment/orders'],
      },
      entityRef: 'cocktailserver:default/orders',
      cluster: 'dev',
      namespace: 'payments-dev',
    })),
    serverStatus: record('serverStatus', () => ({
      found: true,
      replicas: { desired: 2, ready: 2, updated: 2 },
      rollout: { state: 'complete' },
    })),
    inlineServerStatus: record('inlineServerStatus', () => ({
      found: true,
      replicas: { desired: 2, ready: 2, updated: 2 },
      rollout: { state: 'complete' },
    })),
    deleteCluster: record('deleteCluster', (_c, _ns, name, body) => ({
      dryRun: body.dryRun,
      changes: [`Delete Cluster/${name} in default on management cluster dev`],
    })),
    clusterAddons: record('clusterAddons', () => ({
      available: true,
      addons: [{ name: 'ingress-nginx', status: 'deployed', ready: true }],
    })),
    changeClusterAddon: record('changeClusterAddon', (_c, _ns, name, body) => ({
      dryRun: body.dryRun,
      changes: [`Apply HelmChartProxy/${name}-${body.addon}`],
    })),
    createBackup: record('createBackup', (_c, _target, body) => ({
      dryRun: body.dryRun,
      changes: ['Create Backup velero/payments-dev-20261206-231500 on dev'],
      manifest: {
        metadata: { name: body.name ?? 'payments-dev-20261206-231500' },
      },
    })),
    backups: record('backups', () => ({
      available: true,
      backups: [
        {
          name: 'payments-dev-20261206-231500',
          phase: 'Completed',
          namespaces: ['payments-dev'],
        },
      ],
      schedules: [],
      restores: [],
    })),
    ...overrides,
  };
  return {
    client: client as unknown as CocktailBackendClient,
    calls,
    mocks: client,
  };
}

/** An action context whose checkpoints persist across runs, as the scaffolder's do for a retried task. */
export function retryableContext<T extends Record<string, any>>(
  input: T,
  store: Map<string, unknown> = new Map(),
  extra: Record<string, unknown> = {},
) {
  return {
    ...createMockActionContext({ input: input as any }),
    ...extra,
    store,
    async checkpoint<R>(opts: {
      key: string;
      fn: () => Promise<R> | R;
    }): Promise<R> {
      if (store.has(opts.key)) {
        return store.get(opts.key) as R;
      }
      const value = await opts.fn();
      store.set(opts.key, value);
      return value;
    },
  };
}
