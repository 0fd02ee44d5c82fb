import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import {
  cocktailImageScanOverridePermission,
  CocktailServerEntityV1alpha1,
  ScanFinding,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { DatabaseScanStore } from './DatabaseScanStore';
import { ScanGate } from './ScanGate';

jest.setTimeout(60_000);

const CLEAN = 'harbor.example.com/shop/orders:1.0.0';
const VULNERABLE = 'harbor.example.com/shop/orders:2.0.0';
const UNSCANNED = 'harbor.example.com/shop/orders:3.0.0';

const serviceMap = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name: 'shop-prod', namespace: 'default' },
  spec: {
    service: 'shop',
    environment: 'production',
    cluster: 'resource:prod',
    namespace: 'shop',
  },
} as ServiceMapEntityV1alpha1;

function target(image: string): ServerTarget {
  const server = {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'CocktailServer',
    metadata: { name: 'orders', namespace: 'default' },
    spec: {
      serviceMap: 'shop-prod',
      type: 'Deployment',
      replicas: 2,
      containers: [{ name: 'api', image }],
    },
  } as CocktailServerEntityV1alpha1;
  return {
    entityRef: 'cocktailserver:default/orders',
    server,
    serviceMap,
    cluster: 'prod',
    namespace: 'shop',
  };
}

/** A lifecycle that records what it was asked to do; revision 1 ran the vulnerable image. */
function fakeLifecycle() {
  const revisions: Record<string, string[]> = {
    '1': [VULNERABLE],
    '2': [CLEAN],
    '3': [UNSCANNED],
  };
  return {
    deploy: jest.fn(async ({ dryRun }: { dryRun: boolean }) => ({
      dryRun,
      changes: [],
      applied: dryRun ? [] : ['Deployment/orders'],
      pruned: [],
    })),
    rollingUpdate: jest.fn(async () => ({ object: 'Deployment/orders' })),
    rollback: jest.fn(async () => ({ object: 'Deployment/orders' })),
    rollbackImages: jest.fn(async (revision: string) => revisions[revision]),
  };
}

function finding(overrides: Partial<ScanFinding>): ScanFinding {
  return {
    id: 'CVE-2024-0001',
    packageName: 'openssl',
    installedVersion: '3.0.1',
    severity: 'LOW',
    ...overrides,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

describe('ScanGate', () => {
  const credentials = mockCredentials.user('user:default/alice');
  let store: DatabaseScanStore;
  const authorize = jest.fn();

  function gate(requireScan = false) {
    return new ScanGate({ store, threshold: 'high', requireScan, authorize });
  }

  const body = { dryRun: false, overrideScanGate: false };
  const override = {
    dryRun: false,
    overrideScanGate: true,
    overrideReason: 'hotfix for INC-42',
  };

  beforeAll(async () => {
    store = await DatabaseScanStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const scan = (image: string, findings: ScanFinding[]) =>
      store.record(
        {
          format: 'trivy',
          image: {
            registry: 'harbor.example.com',
            repository: 'shop/orders',
            tag: image.split(':')[1],
          },
          scanner: { name: 'Trivy', version: '0.58.1' },
          scannedAt: '2026-11-20T10:00:00.000Z',
          findings,
        },
        'upload',
      );
    await scan(CLEAN, [finding({ severity: 'LOW' })]);
    await scan(VULNERABLE, [
      finding({ severity: 'CRITICAL' }),
      finding({ id: 'CVE-2024-0002', packageName: 'zlib', severity: 'LOW' }),
    ]);
  });

  beforeEach(() => {
    authorize.mockReset();
    authorize.mockResolvedValue(undefined);
  });

  describe('rolling updates', () => {
    it('refuses new images with a finding at or above the threshold, naming the image and the finding', async () => {
      const lifecycle = fakeLifecycle();
      await expect(
        gate().rollingUpdate(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...body, images: { api: VULNERABLE } },
        ),
      ).rejects.toMatchObject({
        name: 'ConflictError',
        message: expect.stringContaining(
          `the image scan gate blocks the rolling update of cocktailserver:default/orders: ${VULNERABLE} (1 at or above high). Findings: CVE-2024-0001 in openssl (CRITICAL, ${VULNERABLE}).`,
        ),
      });
      expect(lifecycle.rollingUpdate).not.toHaveBeenCalled();
    });

    it('lets clean new images through, whatever the server runs now', async () => {
      const lifecycle = fakeLifecycle();
      await gate().rollingUpdate(
        lifecycle as unknown as ServerLifecycle,
        target(VULNERABLE),
        credentials,
        { ...body, images: { api: CLEAN } },
      );
      expect(lifecycle.rollingUpdate).toHaveBeenCalledWith({ api: CLEAN });
    });

    it('answers a dry run with what the gate says, changing nothing', async () => {
      const lifecycle = fakeLifecycle();
      const result = await gate().rollingUpdate(
        lifecycle as unknown as ServerLifecycle,
        target(CLEAN),
        credentials,
        { ...body, dryRun: true, images: { api: VULNERABLE } },
      );
      expect(result).toEqual({
        dryRun: true,
        images: { api: VULNERABLE },
        gate: {
          threshold: 'high',
          requireScan: false,
          blocked: true,
          images: [
            { image: VULNERABLE, scanId: expect.any(String), atOrAbove: 1 },
          ],
          unscanned: [],
          findings: [
            expect.objectContaining({ id: 'CVE-2024-0001', image: VULNERABLE }),
          ],
        },
      });
      expect(lifecycle.rollingUpdate).not.toHaveBeenCalled();
    });
  });

  describe('rollbacks', () => {
    it('refuses going back to a revision whose images have a finding at or above the threshold', async () => {
      const lifecycle = fakeLifecycle();
      await expect(
        gate().rollback(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...body, revision: '1' },
        ),
      ).rejects.toThrow(
        `the image scan gate blocks rolling cocktailserver:default/orders back to revision 1: ${VULNERABLE} (1 at or above high)`,
      );
      expect(lifecycle.rollbackImages).toHaveBeenCalledWith('1');
      expect(lifecycle.rollback).not.toHaveBeenCalled();
    });

    it('goes back to a revision whose images are clean', async () => {
      const lifecycle = fakeLifecycle();
      await gate().rollback(
        lifecycle as unknown as ServerLifecycle,
        target(VULNERABLE),
        credentials,
        { ...body, revision: '2' },
      );
      expect(lifecycle.rollback).toHaveBeenCalledWith('2');
    });

    it('answers a dry run with the images of the revision and what the gate says', async () => {
      const lifecycle = fakeLifecycle();
      const result = await gate().rollback(
        lifecycle as unknown as ServerLifecycle,
        target(CLEAN),
        credentials,
        { ...body, dryRun: true, revision: '1' },
      );
      expect(result).toMatchObject({
        dryRun: true,
        revision: '1',
        images: [VULNERABLE],
        gate: { blocked: true },
      });
      expect(lifecycle.rollback).not.toHaveBeenCalled();
    });
  });

  describe('the override', () => {
    it('lets a blocked rollback and rolling update through with a reason and the override permission', async () => {
      const lifecycle = fakeLifecycle();
      await gate().rollback(
        lifecycle as unknown as ServerLifecycle,
        target(CLEAN),
        credentials,
        { ...override, revision: '1' },
      );
      await gate().rollingUpdate(
        lifecycle as unknown as ServerLifecycle,
        target(CLEAN),
        credentials,
        { ...override, images: { api: VULNERABLE } },
      );
      expect(authorize).toHaveBeenCalledTimes(2);
      expect(authorize).toHaveBeenCalledWith(
        credentials,
        cocktailImageScanOverridePermission,
        'cocktailserver:default/orders',
      );
      expect(lifecycle.rollback).toHaveBeenCalledWith('1');
      expect(lifecycle.rollingUpdate).toHaveBeenCalledWith({ api: VULNERABLE });
    });

    it('refuses an override without the override permission', async () => {
      authorize.mockRejectedValue(
        new NotAllowedError(
          'you are not allowed to cocktail.imagescan.override on cocktailserver:default/orders',
        ),
      );
      const lifecycle = fakeLifecycle();
      await expect(
        gate().rollback(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...override, revision: '1' },
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      await expect(
        gate().rollingUpdate(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...override, images: { api: VULNERABLE } },
        ),
      ).rejects.toMatchObject({ name: 'NotAllowedError' });
      expect(lifecycle.rollback).not.toHaveBeenCalled();
      expect(lifecycle.rollingUpdate).not.toHaveBeenCalled();
    });

    it('does not ask for the permission when the gate does not block', async () => {
      const lifecycle = fakeLifecycle();
      await gate().rollback(
        lifecycle as unknown as ServerLifecycle,
        target(CLEAN),
        credentials,
        { ...override, revision: '2' },
      );
      expect(authorize).not.toHaveBeenCalled();
      expect(lifecycle.rollback).toHaveBeenCalledWith('2');
    });
  });

  describe('requireScan', () => {
    it('refuses images never scanned, saying so, on every way in', async () => {
      const lifecycle = fakeLifecycle();
      const neverScanned = `never scanned: ${UNSCANNED} (cocktail.imageScans.requireScan)`;
      await expect(
        gate(true).deploy(
          lifecycle as unknown as ServerLifecycle,
          target(UNSCANNED),
          credentials,
          body,
        ),
      ).rejects.toThrow(
        `the image scan gate blocks deploying cocktailserver:default/orders: ${neverScanned}.`,
      );
      await expect(
        gate(true).rollingUpdate(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...body, images: { api: UNSCANNED } },
        ),
      ).rejects.toThrow(neverScanned);
      await expect(
        gate(true).rollback(
          lifecycle as unknown as ServerLifecycle,
          target(CLEAN),
          credentials,
          { ...body, revision: '3' },
        ),
      ).rejects.toThrow(neverScanned);
      expect(lifecycle.deploy).not.toHaveBeenCalled();
      expect(lifecycle.rollingUpdate).not.toHaveBeenCalled();
      expect(lifecycle.rollback).not.toHaveBeenCalled();
    });

    it('lets images never scanned through without it, listing them as unscanned', async () => {
      const lifecycle = fakeLifecycle();
      await gate().deploy(
        lifecycle as unknown as ServerLifecycle,
        target(UNSCANNED),
        credentials,
        body,
      );
      expect(lifecycle.deploy).toHaveBeenCalledWith({ dryRun: false });
      expect(await gate().evaluateImages([UNSCANNED])).toMatchObject({
        blocked: false,
        unscanned: [UNSCANNED],
      });
    });

    it('refuses images never scanned even when no severity blocks', async () => {
      const onlyScans = new ScanGate({
        store,
        threshold: 'none',
        requireScan: true,
        authorize,
      });
      expect(await onlyScans.evaluateImages([CLEAN, UNSCANNED])).toEqual({
        threshold: 'none',
        requireScan: true,
        blocked: true,
        images: [],
        unscanned: [UNSCANNED],
        findings: [],
      });
      expect(await onlyScans.evaluateImages([VULNERABLE])).toMatchObject({
        blocked: false,
      });
    });
  });
});
