import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailServiceMapProvisionAction } from './createCocktailServiceMapProvisionAction';

const input = {
  serviceMap: 'servicemap:default/payments-dev',
  defaultDenyNetworkPolicy: true,
  waitForCatalogSeconds: 5,
};

describe('cocktail:servicemap:provision', () => {
  it('provisions the ServiceMap and outputs what it applied', async () => {
    const backend = fakeBackend();
    const action = createCocktailServiceMapProvisionAction({
      client: backend.client,
    });
    const ctx = retryableContext(input);
    await action.handler(ctx as any);
    expect(backend.calls).toEqual([
      {
        method: 'provisionServiceMap',
        args: [
          { namespace: 'default', name: 'payments-dev' },
          { defaultDenyNetworkPolicy: true, dryRun: false },
        ],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('objects', [
      'Namespace/payments-dev',
      'ResourceQuota/cocktail-quota',
    ]);
  });

  it('waits for a ServiceMap published by an earlier step to reach the catalog', async () => {
    let attempts = 0;
    const backend = fakeBackend({
      provisionServiceMap: jest.fn(async () => {
        attempts++;
        if (attempts < 3) {
          throw new Error(
            'no ServiceMap servicemap:default/payments-dev in the catalog',
          );
        }
        return { objects: ['Namespace/payments-dev'], manifests: [] };
      }),
    });
    const action = createCocktailServiceMapProvisionAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    await action.handler(retryableContext(input) as any);
    expect(attempts).toBe(3);
  });

  it('fails at once on other errors, and on refs of another kind', async () => {
    const backend = fakeBackend({
      provisionServiceMap: jest.fn(async () => {
        throw new Error(
          'you are not allowed to cocktail.servicemap.provision on servicemap:default/payments-dev',
        );
      }),
    });
    const action = createCocktailServiceMapProvisionAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    await expect(
      action.handler(retryableContext(input) as any),
    ).rejects.toThrow(/not allowed/);
    await expect(
      action.handler(
        retryableContext({
          ...input,
          serviceMap: 'component:default/web',
        }) as any,
      ),
    ).rejects.toThrow(
      'serviceMap: expected a servicemap entity ref such as servicemap:default/name, got "component:default/web"',
    );
  });
});
