import { mockServices } from '@backstage/backend-test-utils';
import { SERVER_STATUS_CHANNEL, StatusSignals } from './StatusSignals';

describe('StatusSignals', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('publishes one signal per changed server per interval', async () => {
    const publish = jest.fn().mockResolvedValue(undefined);
    const signals = new StatusSignals(
      { publish },
      mockServices.logger.mock(),
      1000,
    );
    const labels = { 'cocktailcloud.io/server': 'cart' };
    signals.onChange({ cluster: 'prod', namespace: 'shop', labels });
    signals.onChange({ cluster: 'prod', namespace: 'shop', labels });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: { 'cocktailcloud.io/server': 'db' },
    });
    signals.onChange({
      cluster: 'prod',
      namespace: 'shop',
      labels: { app: 'unmanaged' },
    });
    expect(publish).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1000);
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
});
