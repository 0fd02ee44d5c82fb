import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import express from 'express';
import request from 'supertest';
import { AuditStore } from '../audit';
import { DatabaseScanStore } from './DatabaseScanStore';
import { imageScansRouter } from './imageScansRouter';

jest.setTimeout(60_000);

function trivyReport(options: {
  image: string;
  findings: number;
  createdAt?: string;
}) {
  return JSON.stringify({
    SchemaVersion: 2,
    CreatedAt: options.createdAt ?? '2026-11-20T10:00:00Z',
    ArtifactName: options.image,
    ArtifactType: 'container_image',
    Results: [
      {
        Target: `${options.image} (debian 12.8)`,
        Vulnerabilities: Array.from({ length: options.findings }, (_, i) => ({
          VulnerabilityID: `CVE-2024-${1000 + i}`,
          PkgName: 'openssl',
          InstalledVersion: '3.0.15-1',
          Severity: i % 2 ? 'LOW' : 'HIGH',
        })),
      },
    ],
  });
}

/** The upload bounds and the findings pages, on the image scan routes alone. */
describe('the image scan routes’ bounds', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let app: express.Express;
  let store: DatabaseScanStore;

  beforeAll(async () => {
    store = await DatabaseScanStore.create({
      database: mockServices.database({
        knex: await databases.init('SQLITE_3'),
      }),
    });
    const logger = mockServices.logger.mock();
    const router = imageScansRouter({
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      audit: { record: jest.fn() } as unknown as AuditStore,
      permissions: mockServices.permissions(),
      authorize: async () => {},
      // The routes exercised here read neither the catalog nor the clusters.
      catalog: {} as any,
      resolver: {} as any,
      clusters: {} as any,
      watchCache: {} as any,
      store,
      maxUploadBytes: 1024 * 1024,
      maxFindingsPerScan: 5,
      maxConcurrentUploads: 1,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  const upload = (body: string) =>
    request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(body);

  it('refuses a report dated in the future, naming scannedAt, its field and both times', async () => {
    const inAnHour = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const response = await upload(
      trivyReport({
        image: 'harbor.example.com/shop/future:1',
        findings: 1,
        createdAt: inAnHour,
      }),
    );
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      new RegExp(
        `^scannedAt: the report says it was scanned at ${inAnHour.replace(
          /[.]/g,
          '\\.',
        )} \\(its CreatedAt\\), after it was received at \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z; a scan cannot be dated more than 5 minutes ahead`,
      ),
    );
    expect(
      (await store.latestByImageKeys(['harbor.example.com/shop/future:1']))
        .size,
    ).toBe(0);
  });

  it('takes a report dated within the clock skew', async () => {
    const response = await upload(
      trivyReport({
        image: 'harbor.example.com/shop/skewed:1',
        findings: 1,
        createdAt: new Date(Date.now() + 2 * 60 * 1000).toISOString(),
      }),
    );
    expect(response.status).toBe(200);
  });

  it('refuses a report with more findings than a scan may have with 413, saying how many and the limit', async () => {
    const response = await upload(
      trivyReport({ image: 'harbor.example.com/shop/big:1', findings: 6 }),
    );
    expect(response.status).toBe(413);
    expect(response.body.error.message).toBe(
      'the report has 6 findings, more than the 5 a scan may have (cocktail.imageScans.maxFindingsPerScan); upload a report of one image, or raise the limit',
    );
    expect(
      (await store.latestByImageKeys(['harbor.example.com/shop/big:1'])).size,
    ).toBe(0);
  });

  it('answers 429 with Retry-After while the uploads allowed at once are being read', async () => {
    const record = store.record.bind(store);
    let entered!: () => void;
    const inside = new Promise<void>(resolve => {
      entered = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>(resolve => {
      release = resolve;
    });
    jest.spyOn(store, 'record').mockImplementationOnce(async (scan, source) => {
      entered();
      await released;
      return record(scan, source);
    });
    const report = trivyReport({
      image: 'harbor.example.com/shop/busy:1',
      findings: 1,
    });
    const first = upload(report).then(response => response);
    await inside;

    const second = await upload(report);
    expect(second.status).toBe(429);
    expect(second.headers['retry-after']).toBe('5');
    expect(second.body.error.message).toBe(
      '1 image scan uploads are being read already (cocktail.imageScans.maxConcurrentUploads); try again in 5 seconds',
    );

    release();
    expect((await first).status).toBe(200);
    // The slot is free again once the first upload is stored.
    expect((await upload(report)).status).toBe(200);
  });

  it("pages through a scan's findings with nextCursor, every finding exactly once", async () => {
    const uploaded = await upload(
      trivyReport({ image: 'harbor.example.com/shop/paged:1', findings: 5 }),
    );
    const scanId = uploaded.body.scan.id;
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await request(app)
        .get(`/image-scans/${scanId}/findings`)
        .query({ limit: '2', ...(cursor ? { cursor } : {}) });
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(5);
      seen.push(...page.body.items.map((f: any) => f.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(5);
    expect(new Set(seen)).toEqual(
      new Set([
        'CVE-2024-1000',
        'CVE-2024-1001',
        'CVE-2024-1002',
        'CVE-2024-1003',
        'CVE-2024-1004',
      ]),
    );
    // Most severe first across the pages.
    expect(seen.slice(0, 3)).toEqual([
      'CVE-2024-1000',
      'CVE-2024-1002',
      'CVE-2024-1004',
    ]);

    const filtered = await request(app)
      .get(`/image-scans/${scanId}/findings`)
      .query({ severity: 'LOW' });
    expect(filtered.body).toMatchObject({ total: 2 });
    expect(filtered.body.nextCursor).toBeUndefined();
  });

  it('names a bad limit or cursor', async () => {
    const tooMany = await request(app)
      .get('/image-scans/1/findings')
      .query({ limit: '501' });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe(
      'limit: expected a whole number from 1 to 500, got 501',
    );
    const cursor = await request(app)
      .get('/image-scans/1/findings')
      .query({ cursor: 'not-a-cursor' });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toMatch(
      /^cursor: not a findings cursor \('not-a-cursor'\); pass the nextCursor of the previous page/,
    );
  });
});
