import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailServerDeployAction } from './createCocktailServerDeployAction';

const inline = {
  server: {
    name: 'orders',
    spec: {
      serviceMap: 'payments-dev',
      type: 'Deployment',
      replicas: 2,
      containers: [{ name: 'app', image: 'nginx:1.27' }],
    },
  },
  waitForRollout: true,
  timeoutSeconds: 30,
};

describe('cocktail:server:deploy', () => {
  it('deploys inline values and waits for the rollout where they run', async () => {
    const statuses = [
      { found: false },
      {
        found: true,
        replicas: { desired: 2, ready: 1, updated: 2 },
        rollout: { state: 'progressing' },
      },
      {
        found: true,
        replicas: { desired: 2, ready: 2, updated: 2 },
        rollout: { state: 'complete' },
      },
    ];
    const backend = fakeBackend({
      inlineServerStatus: jest.fn(async () => statuses.shift()),
    });
    const action = createCocktailServerDeployAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext(inline);
    await action.handler(ctx as any);
    expect(backend.calls[0]).toEqual({
      method: 'deployInlineServer',
      args: [
        {
          server: {
            apiVersion: 'cocktailcloud.io/v1alpha1',
            kind: 'CocktailServer',
            metadata: { name: 'orders', namespace: 'default' },
            spec: inline.server.spec,
          },
          dryRun: false,
        },
      ],
    });
    expect(backend.mocks.inlineServerStatus).toHaveBeenCalledTimes(3);
    expect(ctx.output).toHaveBeenCalledWith('status', {
      replicas: { desired: 2, ready: 2, updated: 2 },
      rollout: { state: 'complete' },
    });
  });

  it('deploys a catalog entity by its ref, once across retries', async () => {
    const backend = fakeBackend();
    const action = createCocktailServerDeployAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const store = new Map();
    const input = {
      entityRef: 'cocktailserver:default/payments-api',
      waitForRollout: true,
      timeoutSeconds: 30,
    };
    await action.handler(retryableContext(input, store) as any);
    await action.handler(retryableContext(input, store) as any);
    expect(backend.calls.filter(c => c.method === 'deployServer')).toHaveLength(
      1,
    );
    expect(backend.calls.filter(c => c.method === 'serverStatus')).toHaveLength(
      2,
    );
  });

  it('outputs the planned changes in a dry run', async () => {
    const backend = fakeBackend();
    const action = createCocktailServerDeployAction({ client: backend.client });
    const ctx = retryableContext(inline);
    await action.handler({ ...ctx, isDryRun: true } as any);
    expect(ctx.output).toHaveBeenCalledWith('changes', [
      { object: 'Deployment/orders', action: 'create', changes: [] },
    ]);
    expect(backend.mocks.inlineServerStatus).not.toHaveBeenCalled();
  });

  it('needs exactly one of entityRef and server', async () => {
    const action = createCocktailServerDeployAction({
      client: fakeBackend().client,
    });
    await expect(
      action.handler(
        retryableContext({ waitForRollout: true, timeoutSeconds: 30 }) as any,
      ),
    ).rejects.toThrow('entityRef or server: give exactly one of them');
  });

  it('says what is left when the rollout does not finish in time', async () => {
    const backend = fakeBackend({
      inlineServerStatus: jest.fn(async () => ({
        found: true,
        replicas: { desired: 2, ready: 0, updated: 2 },
        rollout: { state: 'progressing' },
      })),
    });
    const action = createCocktailServerDeployAction({
      client: backend.client,
      pollIntervalMs: 20,
    });
    await expect(
      action.handler(
        retryableContext({ ...inline, timeoutSeconds: 0.05 } as any) as any,
      ),
    ).rejects.toThrow(
      'orders did not finish rolling out within 0.05 s (0 of 2 ready); what was applied stays: see its Monitoring tab',
    );
  });

  it('uses its documented defaults when the template leaves inputs out (the scaffolder does not fill them)', async () => {
    const backend = fakeBackend();
    const action = createCocktailServerDeployAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    await action.handler(retryableContext({ server: inline.server }) as any);
    expect(backend.mocks.inlineServerStatus).toHaveBeenCalled();
  });
});
