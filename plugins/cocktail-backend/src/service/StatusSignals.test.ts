import { mockServices } from '@backstage/backend-test-utils';
import { SERVER_STATUS_CHANNEL, StatusSignals } from './StatusSignals';

describe('StatusSignals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const labels = (server: string) => ({ 'cocktailcloud.io/server': server });

  it('publishes one signal per changed server per interval', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const signals = new StatusSignals(
      { publish },
      mockServices.logger.mock(),
      1000,
    );
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('cart'),
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('cart'),
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('db'),
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: { app: 'unmanaged' },
    });
    await jest.advanceTimersByTimeAsync(999);
    expect(publish).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(1);
    expect(publish.mock.calls.map(([signal]) => signal)).toEqual([
      {
        recipients: { type: 'broadcast' },
        channel: SERVER_STATUS_CHANNEL,
        message: { cluster: 'prod', namespace: 'shop', server: 'cart' },
      },
      {
        recipients: { type: 'broadcast' },
        channel: SERVER_STATUS_CHANNEL,
        message: { cluster: 'prod', namespace: 'shop', server: 'db' },
      },
    ]);
  });

  it('sends each change only to the recipients decided for it', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const recipientsOf = jest.fn(async (change: { namespace: string }) => ({
      type: 'user' as const,
      entityRef: [`group:default/${change.namespace}-team`],
    }));
    const signals = new StatusSignals(
      { publish },
      mockServices.logger.mock(),
      1000,
      recipientsOf,
    );
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('cart'),
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'bank',
      labels: labels('ledger'),
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(recipientsOf).toHaveBeenCalledWith({
      cluster: 'prod',
      namespace: 'shop',
      server: 'cart',
    });
    expect(
      publish.mock.calls.map(([signal]) => [
        signal.message.server,
        signal.recipients,
      ]),
    ).toEqual([
      ['cart', { type: 'user', entityRef: ['group:default/shop-team'] }],
      ['ledger', { type: 'user', entityRef: ['group:default/bank-team'] }],
    ]);
  });

  it('publishes nothing when nobody may hear of a change', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const signals = new StatusSignals(
      { publish },
      mockServices.logger.mock(),
      1000,
      async () => ({ type: 'user', entityRef: [] }),
    );
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('cart'),
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(publish).not.toHaveBeenCalled();
  });

  it('logs a warning and publishes nothing when the recipients cannot be decided', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const logger = mockServices.logger.mock();
    const signals = new StatusSignals({ publish }, logger, 1000, async () => {
      throw new Error('catalog unavailable');
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: labels('cart'),
    });
    await jest.advanceTimersByTimeAsync(1000);
    expect(publish).not.toHaveBeenCalled();
    expect(logger.warn).toHaveBeenCalledWith(
      'could not publish the status signal of cart: Error: catalog unavailable',
    );
  });
});
