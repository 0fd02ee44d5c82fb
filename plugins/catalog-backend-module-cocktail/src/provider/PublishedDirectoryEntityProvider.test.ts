import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { PublishedDirectoryEntityProvider } from './PublishedDirectoryEntityProvider';

const service = [
  'apiVersion: cocktailcloud.io/v1alpha1',
  'kind: Service',
  'metadata: { name: shop }',
  'spec: { owner: group:shop-team }',
  '---',
  'apiVersion: cocktailcloud.io/v1alpha1',
  'kind: ServiceMap',
  'metadata: { name: shop-dev }',
  'spec: { service: shop, environment: development, cluster: resource:dev, namespace: shop-dev }',
].join('\n');

describe('PublishedDirectoryEntityProvider', () => {
  const directory = createMockDirectory();

  function start() {
    const applyMutation = jest.fn();
    const taskRunner = { run: jest.fn() };
    const provider = new PublishedDirectoryEntityProvider({
      directory: directory.path,
      logger: mockServices.logger.mock(),
      taskRunner,
    });
    return {
      provider,
      applyMutation,
      taskRunner,
      connection: { applyMutation, refresh: jest.fn() },
    };
  }

  beforeEach(() => directory.clear());

  it("hands the catalog every entity of each repository's catalog-info.yaml, with its location", async () => {
    directory.setContent({ 'service-shop': { 'catalog-info.yaml': service } });
    const { provider, applyMutation, connection } = start();
    await provider.connect(connection);
    const location = `file:${directory.resolve(
      'service-shop/catalog-info.yaml',
    )}`;
    expect(applyMutation).toHaveBeenCalledWith({
      type: 'full',
      entities: [
        expect.objectContaining({
          locationKey: location,
          entity: expect.objectContaining({
            kind: 'Service',
            metadata: expect.objectContaining({
              name: 'shop',
              annotations: {
                'backstage.io/managed-by-location': location,
                'backstage.io/managed-by-origin-location': location,
              },
            }),
          }),
        }),
        expect.objectContaining({
          entity: expect.objectContaining({ kind: 'ServiceMap' }),
        }),
      ],
    });
  });

  it('reads again on its scheduled task, only when a file was added or changed', async () => {
    const { provider, applyMutation, connection, taskRunner } = start();
    await provider.connect(connection);
    expect(applyMutation).toHaveBeenLastCalledWith({
      type: 'full',
      entities: [],
    });
    expect(taskRunner.run).toHaveBeenCalledWith({
      id: 'cocktail-published-directory:read',
      fn: expect.any(Function),
    });
    const scheduledRead = taskRunner.run.mock.calls[0][0].fn;
    await scheduledRead();
    expect(applyMutation).toHaveBeenCalledTimes(1);
    directory.setContent({ 'service-shop': { 'catalog-info.yaml': service } });
    await scheduledRead();
    expect(applyMutation).toHaveBeenCalledTimes(2);
    expect(applyMutation.mock.calls[1][0].entities).toHaveLength(2);
  });

  it('skips a file that is not valid YAML and keeps the others', async () => {
    directory.setContent({
      broken: { 'catalog-info.yaml': 'kind: [unclosed' },
      'service-shop': { 'catalog-info.yaml': service },
    });
    const { provider, applyMutation, connection } = start();
    await provider.connect(connection);
    expect(
      applyMutation.mock.calls[0][0].entities.map(
        (e: any) => e.entity.metadata.name,
      ),
    ).toEqual(['shop', 'shop-dev']);
  });
});
