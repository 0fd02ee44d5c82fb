import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  NormalizedScan,
  ScanFinding,
} from '@cocktailcloud/plugin-cocktail-common';
import { DatabaseScanStore } from './DatabaseScanStore';

jest.setTimeout(60_000);

const DIGEST = `sha256:${'a'.repeat(64)}`;

function finding(overrides: Partial<ScanFinding> = {}): ScanFinding {
  return {
    id: 'CVE-2024-0001',
    packageName: 'openssl',
    installedVersion: '3.0.1',
    fixedVersion: '3.0.2',
    severity: 'HIGH',
    cvssScore: 7.5,
    title: 'openssl: a flaw',
    primaryUrl: 'https://avd.aquasec.com/nvd/cve-2024-0001',
    ...overrides,
  };
}

function scan(
  findings: ScanFinding[],
  overrides: Partial<NormalizedScan> = {},
): NormalizedScan {
  return {
    format: 'trivy',
    image: {
      registry: 'harbor.example.com',
      repository: 'payments/api',
      tag: '1.4.2',
      digest: DIGEST,
    },
    scanner: { name: 'Trivy', version: '0.58.1' },
    scannedAt: '2026-11-20T10:00:00.000Z',
    findings,
    ...overrides,
  };
}

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())('DatabaseScanStore (%s)', id => {
  async function createStore() {
    const knex = await databases.init(id);
    return DatabaseScanStore.create({
      database: mockServices.database({ knex }),
    });
  }

  it('files a scan under its digest with counts and fixable counts, and no change the first time', async () => {
    const store = await createStore();
    const summary = await store.record(
      scan([
        finding(),
        finding({ id: 'CVE-2024-0002', severity: 'CRITICAL' }),
        finding({ id: 'CVE-2024-0003', fixedVersion: undefined }),
      ]),
      'upload',
    );
    expect(summary).toEqual({
      id: expect.any(String),
      imageKey: DIGEST,
      image: {
        registry: 'harbor.example.com',
        repository: 'payments/api',
        tag: '1.4.2',
        digest: DIGEST,
      },
      format: 'trivy',
      scanner: { name: 'Trivy', version: '0.58.1' },
      scannedAt: '2026-11-20T10:00:00.000Z',
      source: 'upload',
      counts: { CRITICAL: 1, HIGH: 2, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      fixable: { CRITICAL: 1, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
    });
  });

  it('counts new and fixed findings against the previous scan of the same image', async () => {
    const store = await createStore();
    await store.record(
      scan([
        finding(),
        finding({ id: 'CVE-2024-0002' }),
        finding({ id: 'CVE-2024-0003', installedVersion: '1.0' }),
      ]),
      'upload',
    );
    const second = await store.record(
      scan(
        [
          finding(),
          // The same advisory in another installed version is another finding.
          finding({ id: 'CVE-2024-0003', installedVersion: '1.1' }),
          finding({ id: 'CVE-2024-0004' }),
        ],
        { scannedAt: '2026-11-21T10:00:00.000Z' },
      ),
      'upload',
    );
    expect(second.change).toEqual({
      newFindings: 2,
      fixedFindings: 2,
      previousScannedAt: '2026-11-20T10:00:00.000Z',
    });
    const views = (await store.findings(second.id))!.items;
    expect(views.map(v => [v.id, v.installedVersion, v.isNew]).sort()).toEqual([
      ['CVE-2024-0001', '3.0.1', false],
      ['CVE-2024-0003', '1.1', true],
      ['CVE-2024-0004', '3.0.1', true],
    ]);
  });

  it('stores thousands of findings in batches within one transaction', async () => {
    const store = await createStore();
    const many = Array.from({ length: 5_000 }, (_, i) =>
      finding({
        id: `CVE-2024-${10000 + i}`,
        severity: i % 10 === 0 ? 'CRITICAL' : 'LOW',
      }),
    );
    const started = Date.now();
    const summary = await store.record(scan(many), 'upload');
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(summary.counts).toMatchObject({ CRITICAL: 500, LOW: 4_500 });
    const stored = await store.findings(summary.id);
    expect(stored!.total).toBe(5_000);
    expect(stored!.items).toHaveLength(5_000);
  });

  it('answers the latest scan of each key, by digest or by reference, in one call', async () => {
    const store = await createStore();
    await store.record(scan([finding()]), 'upload');
    const latest = await store.record(
      scan([], { scannedAt: '2026-11-22T10:00:00.000Z' }),
      'upload',
    );
    // A report uploaded late does not replace the newest scan.
    await store.record(
      scan([finding()], { scannedAt: '2026-11-01T10:00:00.000Z' }),
      'upload',
    );
    const byTag = await store.record(
      scan([finding()], {
        image: {
          registry: 'docker.io',
          repository: 'library/nginx',
          tag: '1.27',
        },
      }),
      'cluster',
    );
    const found = await store.latestByImageKeys([
      DIGEST,
      'harbor.example.com/payments/api:1.4.2',
      'docker.io/library/nginx:1.27',
      'docker.io/library/redis:7',
    ]);
    expect(found.get(DIGEST)?.id).toBe(latest.id);
    expect(found.get('harbor.example.com/payments/api:1.4.2')?.id).toBe(
      latest.id,
    );
    expect(found.get('docker.io/library/nginx:1.27')).toMatchObject({
      id: byTag.id,
      imageKey: 'docker.io/library/nginx:1.27',
      source: 'cluster',
    });
    expect(found.has('docker.io/library/redis:7')).toBe(false);
    expect((await store.latestByImageKeys([])).size).toBe(0);
  });

  it('filters findings by severity, fixability, package and text, most severe first', async () => {
    const store = await createStore();
    const { id: scanId } = await store.record(
      scan([
        finding({ id: 'CVE-2024-0001', severity: 'LOW', cvssScore: 2 }),
        finding({ id: 'CVE-2024-0002', severity: 'CRITICAL', cvssScore: 9.8 }),
        finding({
          id: 'GHSA-xxxx-yyyy',
          packageName: 'lodash',
          severity: 'HIGH',
          fixedVersion: undefined,
          title: 'Prototype pollution in lodash',
        }),
        finding({ id: 'CVE-2024-0003', severity: 'HIGH', cvssScore: 8.1 }),
      ]),
      'upload',
    );
    const ids = async (filter: Parameters<typeof store.findings>[1]) =>
      (await store.findings(scanId, filter))!.items.map(f => f.id);

    expect(await ids({})).toEqual([
      'CVE-2024-0002',
      'CVE-2024-0003',
      'GHSA-xxxx-yyyy',
      'CVE-2024-0001',
    ]);
    expect(await ids({ severity: ['HIGH', 'CRITICAL'] })).toEqual([
      'CVE-2024-0002',
      'CVE-2024-0003',
      'GHSA-xxxx-yyyy',
    ]);
    expect(await ids({ fixable: false })).toEqual(['GHSA-xxxx-yyyy']);
    expect(await ids({ fixable: true, severity: ['HIGH'] })).toEqual([
      'CVE-2024-0003',
    ]);
    expect(await ids({ package: 'lodash' })).toEqual(['GHSA-xxxx-yyyy']);
    expect(await ids({ q: 'POLLUTION' })).toEqual(['GHSA-xxxx-yyyy']);
    expect(await ids({ q: 'cve-2024-000' })).toHaveLength(3);
    expect(await ids({ q: '100%' })).toEqual([]);
    expect(await store.findings('999999')).toBeUndefined();
  });

  it('lists the findings at or above a severity across scans, up to a limit', async () => {
    const store = await createStore();
    const a = await store.record(
      scan([
        finding({ severity: 'CRITICAL' }),
        finding({ id: 'CVE-2', severity: 'LOW' }),
      ]),
      'upload',
    );
    const b = await store.record(
      scan([finding({ id: 'CVE-3' })], {
        image: { registry: 'docker.io', repository: 'library/nginx', tag: '1' },
      }),
      'upload',
    );
    expect(await store.findingsAtOrAbove([a.id, b.id], 'HIGH', 10)).toEqual([
      {
        scanId: a.id,
        id: 'CVE-2024-0001',
        packageName: 'openssl',
        severity: 'CRITICAL',
      },
      { scanId: b.id, id: 'CVE-3', packageName: 'openssl', severity: 'HIGH' },
    ]);
    expect(await store.findingsAtOrAbove([a.id, b.id], 'LOW', 1)).toHaveLength(
      1,
    );
  });

  it('pages through the findings in one order: every finding exactly once, with the total', async () => {
    const store = await createStore();
    const severities = [
      'CRITICAL',
      'HIGH',
      'MEDIUM',
      'LOW',
      'UNKNOWN',
    ] as const;
    // Ties on everything but the package, or the installed version, across pages.
    const many = Array.from({ length: 1_234 }, (_, i) =>
      finding({
        id: `CVE-2024-${1000 + (i % 97)}`,
        packageName: `pkg-${i % 13}`,
        installedVersion: `1.${i}`,
        severity: severities[i % 5],
        cvssScore: i % 3 ? 7.5 : undefined,
      }),
    );
    const first = await store.record(scan(many), 'upload');
    const second = await store.record(
      scan([...many.slice(0, 600), finding({ id: 'CVE-2025-0001' })], {
        scannedAt: '2026-11-21T10:00:00.000Z',
      }),
      'upload',
    );
    const whole = (await store.findings(second.id))!.items;
    const paged = [];
    for (let offset = 0; ; offset += 100) {
      const page = (await store.findings(
        second.id,
        {},
        { offset, limit: 100 },
      ))!;
      expect(page.total).toBe(601);
      paged.push(...page.items);
      if (page.items.length < 100) {
        break;
      }
    }
    const key = (f: {
      id: string;
      packageName: string;
      installedVersion?: string;
    }) => `${f.id}/${f.packageName}/${f.installedVersion}`;
    expect(paged.map(key)).toEqual(whole.map(key));
    expect(new Set(paged.map(key)).size).toBe(601);
    // Each page marks new findings against the previous scan as the whole list does.
    expect(paged.filter(f => f.isNew).map(key)).toEqual([
      'CVE-2025-0001/openssl/3.0.1',
    ]);
    const high = await store.findings(
      first.id,
      { severity: ['HIGH'] },
      { offset: 200, limit: 100 },
    );
    expect(high!.total).toBe(247);
    expect(high!.items).toHaveLength(47);
  });

  it('removes the scans taken before the cutoff with their findings, keeping the latest of each image', async () => {
    const store = await createStore();
    const at = (day: number) =>
      `2026-11-${String(day).padStart(2, '0')}T10:00:00.000Z`;
    const old1 = await store.record(
      scan([finding()], { scannedAt: at(1) }),
      'upload',
    );
    const old2 = await store.record(
      scan([finding()], { scannedAt: at(2) }),
      'upload',
    );
    const recent = await store.record(
      scan([finding(), finding({ id: 'CVE-2024-0009' })], {
        scannedAt: at(20),
      }),
      'upload',
    );
    // Another image scanned only long ago: its one scan is its latest, and stays.
    const lone = await store.record(
      scan([finding()], {
        image: {
          registry: 'docker.io',
          repository: 'library/nginx',
          tag: '1.27',
        },
        scannedAt: at(1),
      }),
      'upload',
    );

    expect(await store.deleteOlderThan(new Date(at(10)))).toBe(2);

    expect(await store.findings(old1.id)).toBeUndefined();
    expect(await store.findings(old2.id)).toBeUndefined();
    expect((await store.findings(lone.id))!.total).toBe(1);
    const kept = await store.findings(recent.id);
    expect(kept!.total).toBe(2);
    // Its previous scan is gone: nothing is marked new, the stored counts stay.
    expect(kept!.items.every(f => !f.isNew)).toBe(true);
    const latest = await store.latestByImageKeys([
      DIGEST,
      'docker.io/library/nginx:1.27',
    ]);
    expect(latest.get(DIGEST)).toMatchObject({
      id: recent.id,
      change: { newFindings: 1, fixedFindings: 0 },
    });
    expect(latest.get('docker.io/library/nginx:1.27')?.id).toBe(lone.id);
    expect(await store.deleteOlderThan(new Date(at(30)))).toBe(0);
  });
});
