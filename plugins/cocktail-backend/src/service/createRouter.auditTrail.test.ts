import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { WatchCache } from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import request from 'supertest';
import { DatabaseAuditStore } from '../audit';
import {
  createTestAuditStore,
  TEST_CHAIN_KEY,
} from '../audit/__testUtils__/createTestAuditStore';
import { ClusterProvisioner } from '../clusterApi/ClusterProvisioner';
import { createRouter } from './createRouter';

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * The audit trail as the REST API shows it, around a cluster scale (a mutation that needs no
 * cluster here): intents, outcomes, and what verify says.
 */
describe('the audit trail through the router', () => {
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let knex: Awaited<ReturnType<typeof createTestAuditStore>>['knex'];
  let watchCache: WatchCache;
  const scale = jest.fn();

  beforeEach(async () => {
    ({ store: audit, knex } = await createTestAuditStore(
      databases,
      'SQLITE_3',
      { chainKey: TEST_CHAIN_KEY },
    ));
    const logger = mockServices.logger.mock();
    watchCache = new WatchCache({
      logger,
      clientFor: async () => {
        throw new Error('no cluster in this test');
      },
    });
    scale.mockReset();
    scale.mockResolvedValue({ applied: ['MachineDeployment/prod-workers'] });
    const router = await createRouter({
      logger,
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions(),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock({ entities: [] }),
      clusters: { listClusters: async () => [], kubeConfigFor: jest.fn() },
      watchCache,
      audit,
      loadClient: jest.fn(),
      clusterProvisioner: { scale } as unknown as ClusterProvisioner,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
  });

  afterEach(() => {
    watchCache.stop();
  });

  const scaleProd = () =>
    request(app)
      .post('/cluster-api/clusters/default/prod/scale')
      .send({ nodePool: 'workers', replicas: 3 });

  it('lists the outcome of a change, and its intent too when intents are asked for', async () => {
    expect((await scaleProd()).status).toBe(200);

    const page = await request(app)
      .get('/audit')
      .query({ entityRef: 'resource:default/prod' });
    const all = await request(app)
      .get('/audit')
      .query({ entityRef: 'resource:default/prod', includeIntents: 'true' });

    expect(page.body.items.map((r: any) => r.outcome)).toEqual(['succeeded']);
    expect(
      all.body.items.map((r: any) => [r.outcome, r.intentId ?? null]),
    ).toEqual([
      ['succeeded', '1'],
      ['requested', null],
    ]);
  });

  it('lists the intent of a change whose outcome could not be written, with no outcome', async () => {
    const record = audit.record.bind(audit);
    jest.spyOn(audit, 'record').mockImplementation(async entry => {
      if (entry.outcome !== 'requested') {
        throw new Error('the database went away');
      }
      return record(entry);
    });

    expect((await scaleProd()).status).toBe(200);

    const page = await request(app).get('/audit');
    expect(page.body.items).toEqual([
      expect.objectContaining({
        action: 'cluster.scale',
        entityRef: 'resource:default/prod',
        outcome: 'requested',
      }),
    ]);
  });

  it('answers 503 and does not change the cluster when the intent cannot be written', async () => {
    jest
      .spyOn(audit, 'record')
      .mockRejectedValue(new Error('the database went away'));

    const response = await scaleProd();

    expect(response.status).toBe(503);
    expect(response.body.error.message).toBe(
      'The audit log is unavailable, so cluster.scale was not run and nothing changed; try again later',
    );
    expect(scale).not.toHaveBeenCalled();
  });

  it('verifies the chain with its last checkpoint, and says when the newest rows were removed', async () => {
    await scaleProd();
    await audit.takeCheckpoint();

    const intact = await request(app).get('/audit/verify');
    await knex('cocktail_audit_log').where('id', 2).delete();
    const truncated = await request(app).get('/audit/verify');

    expect(intact.body).toEqual({
      ok: true,
      checkedRows: 2,
      lastCheckpoint: {
        id: '1',
        createdAt: expect.any(String),
        rowCount: 2,
        headRowId: '2',
      },
    });
    expect(truncated.body).toMatchObject({
      ok: false,
      reason: 'truncated',
      firstBrokenRowId: '2',
      message: expect.stringMatching(/^The newest audit row was removed: /),
    });
  });
});
