import { renderInTestApp } from '@backstage/frontend-test-utils';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import {
  CostPeriod,
  CostResponse,
} from '@cocktailcloud/plugin-cocktail-common';
import { CostCard } from './CostCard';

const prices = {
  cpuCoreHour: 0.031611,
  memoryGiBHour: 0.004237,
  gpuHour: 0.95,
  storageGiBMonth: 0.04,
};

const weekOfPayments: CostResponse = {
  available: true,
  period: '7d',
  currency: 'USD',
  total: 12.3456,
  prices: { prod: prices, dev: prices },
  coveredHours: { prod: 168, dev: 30.5 },
  items: [
    {
      name: 'production',
      cluster: 'prod',
      namespace: 'payments-prod',
      cpuCoreHours: 336,
      memoryGiBHours: 200,
      gpuHours: 0,
      storageGiBHours: 1200,
      cost: { cpu: 10.62, memory: 0.85, gpu: 0, storage: 0.07, total: 11.54 },
      method: 'prometheus',
    },
    {
      name: 'development',
      cluster: 'dev',
      namespace: 'payments-dev',
      cpuCoreHours: 24,
      memoryGiBHours: 12,
      gpuHours: 0,
      storageGiBHours: 0,
      cost: { cpu: 0.76, memory: 0.05, gpu: 0, storage: 0, total: 0.81 },
      method: 'prometheus',
    },
  ],
};

describe('CostCard', () => {
  it('shows the total, each environment by resource, the data it covers and how it was computed', async () => {
    const asked: CostPeriod[] = [];
    await renderInTestApp(
      <CostCard
        title="Cost"
        itemTitle="Environment"
        entityKey="default/payments"
        load={async period => {
          asked.push(period);
          return weekOfPayments;
        }}
      />,
    );
    expect(await screen.findByTestId('cost-total')).toHaveTextContent('$12.35');
    expect(screen.getByText('over the last 7 days')).toBeInTheDocument();
    expect(screen.getByText('production')).toBeInTheDocument();
    expect(screen.getByText('$10.62 (336 core-h)')).toBeInTheDocument();
    expect(screen.getByText('$0.81')).toBeInTheDocument();
    expect(
      screen.getByText(/Prometheus of dev has data for 31 of the 168 hours/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /CPU and memory are charged on what pods request, or on what they use where that is higher/,
      ),
    ).toBeInTheDocument();
    expect(
      screen.getAllByText(
        /prod: \$0\.0316 per core-hour, \$0\.0042 per GiB-hour/,
      ),
    ).toHaveLength(1);
    fireEvent.click(screen.getByRole('button', { name: '30 days' }));
    await waitFor(() => expect(asked).toEqual(['7d', '30d']));
  });

  it('says why there is no cost, and what to install', async () => {
    await renderInTestApp(
      <CostCard
        title="Cost"
        itemTitle="Environment"
        entityKey="default/payments"
        load={async () => ({
          available: false,
          reason:
            'Neither Prometheus nor OpenCost is configured for cluster dev',
          install: 'Give the cluster a Prometheus.',
        })}
      />,
    );
    expect(await screen.findByTestId('cost-unavailable')).toHaveTextContent(
      'No cost: Neither Prometheus nor OpenCost is configured for cluster dev. Give the cluster a Prometheus.',
    );
  });
});
