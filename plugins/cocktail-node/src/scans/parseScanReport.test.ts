import { Readable } from 'node:stream';
import { stringify } from 'yaml';
import { parseScanReport } from './parseScanReport';
import { fixableCounts, severityCounts } from './severity';

const DIGEST =
  'sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc';

function trivyReport(overrides: Record<string, unknown> = {}) {
  return {
    SchemaVersion: 2,
    Trivy: { Version: '0.58.1' },
    CreatedAt: '2025-01-06T09:00:00.123456789Z',
    ArtifactName: 'harbor.example.com/payments/api:1.4.2',
    ArtifactType: 'container_image',
    Metadata: {
      ImageID:
        'sha256:c2c03a296d2329a4f3ab72a7bf38b78a8a80108204d326b0139d6af700e152d1',
      RepoDigests: [`harbor.example.com/payments/api@${DIGEST}`],
    },
    Results: [
      {
        Target: 'api (debian 12.8)',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2024-3094',
            PkgName: 'xz-utils',
            InstalledVersion: '5.6.0-1',
            FixedVersion: '5.6.1+really5.4.5-1',
            Severity: 'CRITICAL',
            Title: 'xz: malicious code in distributed source',
            PrimaryURL: 'https://avd.aquasec.com/nvd/cve-2024-3094',
            CVSS: {
              redhat: {
                V3Score: 10,
                V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H',
              },
              nvd: {
                V3Score: 9.8,
                V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
              },
            },
          },
          {
            VulnerabilityID: 'CVE-2023-4911',
            PkgName: 'libc6',
            InstalledVersion: '2.36-9',
            Severity: 'HIGH',
          },
        ],
      },
      // The same package in a second target: one finding.
      {
        Target: 'api (debian 12.8) again',
        Vulnerabilities: [
          {
            VulnerabilityID: 'CVE-2024-3094',
            PkgName: 'xz-utils',
            InstalledVersion: '5.6.0-1',
            Severity: 'CRITICAL',
          },
        ],
      },
      { Target: 'app/package-lock.json', Vulnerabilities: null },
    ],
    ...overrides,
  };
}

const grypeReport = {
  matches: [
    {
      vulnerability: {
        id: 'CVE-2023-5363',
        dataSource: 'https://nvd.nist.gov/vuln/detail/CVE-2023-5363',
        severity: 'High',
        description: 'Issue summary: A bug has been identified.\nMore text.',
        cvss: [
          {
            version: '2.0',
            vector: 'AV:N/AC:L/Au:N/C:P/I:N/A:N',
            metrics: { baseScore: 5 },
          },
          {
            version: '3.1',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
            metrics: { baseScore: 7.5 },
          },
        ],
        fix: { versions: ['3.1.4-r0'], state: 'fixed' },
      },
      artifact: { name: 'libssl3', version: '3.1.3-r0', type: 'apk' },
    },
    {
      vulnerability: {
        id: 'GHSA-xxxx-yyyy-zzzz',
        severity: 'Negligible',
        fix: { versions: [], state: 'not-fixed' },
        cvss: [],
      },
      relatedVulnerabilities: [
        {
          id: 'CVE-2022-0001',
          cvss: [
            {
              version: '3.1',
              vector: 'CVSS:3.1/AV:L',
              metrics: { baseScore: 2.2 },
            },
          ],
        },
      ],
      artifact: { name: 'busybox', version: '1.36.1-r2' },
    },
    {
      vulnerability: { id: 'CVE-2023-5363', severity: 'High' },
      artifact: { name: 'libssl3', version: '3.1.3-r0' },
    },
  ],
  source: {
    type: 'image',
    target: {
      userInput: 'alpine:3.18',
      manifestDigest:
        'sha256:1111111111111111111111111111111111111111111111111111111111111111',
      repoDigests: [`alpine@${DIGEST}`],
    },
  },
  descriptor: {
    name: 'grype',
    version: '0.74.0',
    timestamp: '2024-01-10T09:13:55.583519-04:00',
  },
};

const sarifReport = {
  version: '2.1.0',
  runs: [
    {
      tool: {
        driver: {
          name: 'Trivy',
          version: '0.58.1',
          rules: [
            {
              id: 'CVE-2019-1549',
              shortDescription: {
                text: 'openssl: information disclosure in fork()',
              },
              helpUri: 'https://avd.aquasec.com/nvd/cve-2019-1549',
              properties: {
                'security-severity': '5.3',
                tags: ['vulnerability', 'security', 'MEDIUM'],
              },
            },
            {
              id: 'CVE-2020-0001-musl',
              properties: { 'security-severity': '9.1' },
            },
          ],
        },
      },
      results: [
        {
          ruleId: 'CVE-2019-1549',
          message: {
            text: 'Package: libssl1.1\nInstalled Version: 1.1.1c-r0\nVulnerability CVE-2019-1549\nSeverity: MEDIUM\nFixed Version: 1.1.1d-r0\nLink: [CVE-2019-1549](https://avd.aquasec.com/nvd/cve-2019-1549)',
          },
          locations: [
            {
              physicalLocation: { artifactLocation: { uri: 'library/alpine' } },
            },
          ],
        },
        {
          ruleId: 'CVE-2020-0001-musl',
          message: {
            text: 'A critical vulnerability in apk package: musl, version 1.1.22-r3 was found at: /lib/apk/db/installed',
          },
        },
      ],
      properties: { imageName: 'alpine:3.10' },
    },
  ],
};

const vulnerabilityReport = {
  apiVersion: 'aquasecurity.github.io/v1alpha1',
  kind: 'VulnerabilityReport',
  metadata: { name: 'replicaset-api-api', namespace: 'payments' },
  report: {
    artifact: { repository: 'payments/api', tag: '1.4.2', digest: DIGEST },
    registry: { server: 'harbor.example.com' },
    scanner: { name: 'Trivy', vendor: 'Aqua Security', version: '0.35.0' },
    updateTimestamp: '2022-12-08T15:50:37Z',
    vulnerabilities: [
      {
        vulnerabilityID: 'CVE-2021-3121',
        resource: 'github.com/gogo/protobuf',
        installedVersion: 'v1.3.1',
        fixedVersion: '1.3.2',
        severity: 'HIGH',
        score: 8.6,
        title:
          'gogo/protobuf: plugin/unmarshal/unmarshal.go lacks certain index validation',
        primaryLink: 'https://avd.aquasec.com/nvd/cve-2021-3121',
      },
      {
        vulnerabilityID: 'CVE-2022-0002',
        resource: 'stdlib',
        installedVersion: 'v1.15.8',
        fixedVersion: '',
        severity: 'UNKNOWN',
      },
    ],
  },
};

describe('parseScanReport', () => {
  it('reads a Trivy report, deduplicating and preferring the nvd CVSS', async () => {
    const scan = await parseScanReport(trivyReport());
    expect(scan).toEqual({
      format: 'trivy',
      image: {
        registry: 'harbor.example.com',
        repository: 'payments/api',
        tag: '1.4.2',
        digest: DIGEST,
      },
      scanner: { name: 'Trivy', version: '0.58.1' },
      scannedAt: '2025-01-06T09:00:00.123Z',
      findings: [
        {
          id: 'CVE-2024-3094',
          packageName: 'xz-utils',
          installedVersion: '5.6.0-1',
          fixedVersion: '5.6.1+really5.4.5-1',
          severity: 'CRITICAL',
          cvssScore: 9.8,
          cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
          title: 'xz: malicious code in distributed source',
          primaryUrl: 'https://avd.aquasec.com/nvd/cve-2024-3094',
        },
        {
          id: 'CVE-2023-4911',
          packageName: 'libc6',
          installedVersion: '2.36-9',
          severity: 'HIGH',
        },
      ],
    });
    expect(severityCounts(scan.findings)).toEqual({
      CRITICAL: 1,
      HIGH: 1,
      MEDIUM: 0,
      LOW: 0,
      UNKNOWN: 0,
    });
    expect(fixableCounts(scan.findings)).toEqual({
      CRITICAL: 1,
      HIGH: 0,
      MEDIUM: 0,
      LOW: 0,
      UNKNOWN: 0,
    });
  });

  it('reads the same Trivy report from a string and from a stream', async () => {
    const text = JSON.stringify(trivyReport());
    const whole = await parseScanReport(text);
    const streamed = await parseScanReport(
      Readable.from([text.slice(0, 100), text.slice(100)]),
    );
    expect(streamed).toEqual(whole);
  });

  it('reads a Grype report: Negligible is LOW, the newest CVSS wins, related CVSS fills in', async () => {
    const scan = await parseScanReport(
      Readable.from([JSON.stringify(grypeReport)]),
    );
    expect(scan.format).toBe('grype');
    expect(scan.image).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: '3.18',
      digest: DIGEST,
    });
    expect(scan.scanner).toEqual({ name: 'grype', version: '0.74.0' });
    expect(scan.scannedAt).toBe('2024-01-10T13:13:55.583Z');
    expect(scan.findings).toEqual([
      {
        id: 'CVE-2023-5363',
        packageName: 'libssl3',
        installedVersion: '3.1.3-r0',
        fixedVersion: '3.1.4-r0',
        severity: 'HIGH',
        cvssScore: 7.5,
        cvssVector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
        title: 'Issue summary: A bug has been identified.',
        primaryUrl: 'https://nvd.nist.gov/vuln/detail/CVE-2023-5363',
      },
      {
        id: 'GHSA-xxxx-yyyy-zzzz',
        packageName: 'busybox',
        installedVersion: '1.36.1-r2',
        severity: 'LOW',
        cvssScore: 2.2,
        cvssVector: 'CVSS:3.1/AV:L',
      },
    ]);
  });

  it("reads SARIF: Trivy's message text, and security-severity when the text has none", async () => {
    const scan = await parseScanReport(sarifReport);
    expect(scan.format).toBe('sarif');
    expect(scan.image).toEqual({
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: '3.10',
    });
    expect(scan.scanner).toEqual({ name: 'Trivy', version: '0.58.1' });
    expect(scan.findings).toEqual([
      {
        id: 'CVE-2019-1549',
        packageName: 'libssl1.1',
        installedVersion: '1.1.1c-r0',
        fixedVersion: '1.1.1d-r0',
        severity: 'MEDIUM',
        cvssScore: 5.3,
        title: 'openssl: information disclosure in fork()',
        primaryUrl: 'https://avd.aquasec.com/nvd/cve-2019-1549',
      },
      {
        id: 'CVE-2020-0001',
        packageName: 'musl',
        installedVersion: '1.1.22-r3',
        severity: 'CRITICAL',
        cvssScore: 9.1,
      },
    ]);
  });

  it('takes the image from the options when the report names none', async () => {
    const { runs } = sarifReport;
    const withoutImage = {
      ...sarifReport,
      runs: [{ ...runs[0], properties: {} }],
    };
    await expect(parseScanReport(withoutImage)).rejects.toThrow(
      'not a SARIF 2.1.0 report: runs[0].properties.imageName: names no image: give the image reference',
    );
    const scan = await parseScanReport(withoutImage, {
      image: 'harbor.example.com/base/alpine:3.10',
    });
    expect(scan.image.registry).toBe('harbor.example.com');
  });

  describe('reports that name no image', () => {
    // The shape of Trivy's own `trivy repository` and `trivy filesystem` output
    // (integration/testdata/pip.json.golden upstream): ArtifactName is a path or a URL.
    const repositoryScan = {
      SchemaVersion: 2,
      CreatedAt: '2021-08-25T12:20:30.000000005Z',
      ArtifactName: 'testdata/fixtures/repo/pip',
      ArtifactType: 'repository',
      Results: [
        {
          Target: 'requirements.txt',
          Class: 'lang-pkgs',
          Type: 'pip',
          Vulnerabilities: [
            {
              VulnerabilityID: 'CVE-2019-14806',
              PkgName: 'Werkzeug',
              InstalledVersion: '0.11',
              FixedVersion: '0.15.3',
              Severity: 'HIGH',
            },
            {
              VulnerabilityID: 'CVE-2020-28724',
              PkgName: 'Werkzeug',
              InstalledVersion: '0.11',
              FixedVersion: '0.11.6',
              Severity: 'MEDIUM',
            },
          ],
        },
      ],
    };

    it('reads a repository scan without an image, naming what it scanned', async () => {
      const scan = await parseScanReport(
        Readable.from([JSON.stringify(repositoryScan)]),
        { requireImage: false },
      );
      expect(scan).toEqual({
        format: 'trivy',
        target: 'repository scan of testdata/fixtures/repo/pip',
        scanner: { name: 'Trivy' },
        scannedAt: '2021-08-25T12:20:30.000Z',
        findings: [
          expect.objectContaining({ id: 'CVE-2019-14806', severity: 'HIGH' }),
          expect.objectContaining({ id: 'CVE-2020-28724', severity: 'MEDIUM' }),
        ],
      });
    });

    it("names a filesystem scan without ArtifactName by its results' targets", async () => {
      const { ArtifactName: _, ...unnamed } = {
        ...repositoryScan,
        ArtifactType: 'filesystem',
        Results: [
          repositoryScan.Results[0],
          { Target: 'package-lock.json', Class: 'lang-pkgs', Type: 'npm' },
        ],
      };
      const scan = await parseScanReport(unnamed, { requireImage: false });
      expect(scan.target).toBe(
        'filesystem scan of requirements.txt, package-lock.json',
      );
      expect(scan.image).toBeUndefined();
      expect(scan.findings).toHaveLength(2);
    });

    it('does not read a path as an image, and refuses the report when an image is required', async () => {
      await expect(parseScanReport(repositoryScan)).rejects.toMatchObject({
        name: 'InputError',
        message:
          'the Trivy report is a repository scan of testdata/fixtures/repo/pip, which names no image: give the image reference',
      });
      const scan = await parseScanReport(repositoryScan, {
        image: 'harbor.example.com/payments/api:1.4.2',
      });
      expect(scan.image).toEqual({
        registry: 'harbor.example.com',
        repository: 'payments/api',
        tag: '1.4.2',
      });
    });

    it('still reads the image of an image scan when none is required', async () => {
      const scan = await parseScanReport(trivyReport(), {
        requireImage: false,
      });
      expect(scan.target).toBe(
        `harbor.example.com/payments/api:1.4.2@${DIGEST}`,
      );
      expect(scan.image?.digest).toBe(DIGEST);
    });
  });

  it('refuses a report with more distinct findings than maxFindings, saying how many', async () => {
    const report = trivyReport();
    // Two distinct findings (the third is a repeat); one is allowed.
    await expect(
      parseScanReport(Readable.from([JSON.stringify(report)]), {
        maxFindings: 1,
      }),
    ).rejects.toMatchObject({
      name: 'TooManyFindingsError',
      count: 2,
      limit: 1,
      message: 'the report has 2 findings, more than the 1 a scan may have',
    });
    await expect(
      parseScanReport(report, { maxFindings: 2 }),
    ).resolves.toMatchObject({ findings: [{}, {}] });
  });

  it('reads a Trivy Operator VulnerabilityReport as an object and as YAML without os or dates', async () => {
    const scan = await parseScanReport(vulnerabilityReport);
    expect(scan).toEqual({
      format: 'trivy-operator',
      image: {
        registry: 'harbor.example.com',
        repository: 'payments/api',
        tag: '1.4.2',
        digest: DIGEST,
      },
      scanner: { name: 'Trivy', version: '0.35.0' },
      scannedAt: '2022-12-08T15:50:37.000Z',
      findings: [
        {
          id: 'CVE-2021-3121',
          packageName: 'github.com/gogo/protobuf',
          installedVersion: 'v1.3.1',
          fixedVersion: '1.3.2',
          severity: 'HIGH',
          cvssScore: 8.6,
          title:
            'gogo/protobuf: plugin/unmarshal/unmarshal.go lacks certain index validation',
          primaryUrl: 'https://avd.aquasec.com/nvd/cve-2021-3121',
        },
        {
          id: 'CVE-2022-0002',
          packageName: 'stdlib',
          installedVersion: 'v1.15.8',
          severity: 'UNKNOWN',
        },
      ],
    });
    const yaml = stringify(vulnerabilityReport);
    expect(await parseScanReport(yaml)).toEqual(scan);
    expect(await parseScanReport(Readable.from([yaml]))).toEqual(scan);
  });

  it('uses the given format instead of detecting one', async () => {
    await expect(
      parseScanReport(trivyReport(), { format: 'grype' }),
    ).rejects.toThrow(
      'not a Grype report: matches: expected an array, got nothing',
    );
  });

  describe('errors', () => {
    it('names the field of a bad severity', async () => {
      const report = trivyReport();
      (report.Results[0].Vulnerabilities as any)[1].Severity = 'SEVERE';
      const expected =
        'not a Trivy report: Results[0].Vulnerabilities[1].Severity: expected one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN, got "SEVERE"';
      await expect(parseScanReport(report)).rejects.toThrow(expected);
      await expect(
        parseScanReport(Readable.from([JSON.stringify(report)])),
      ).rejects.toThrow(expected);
    });

    it('names a missing package', async () => {
      const report = JSON.parse(JSON.stringify(grypeReport));
      delete report.matches[2].artifact.name;
      await expect(
        parseScanReport(Readable.from([JSON.stringify(report)])),
      ).rejects.toThrow(
        'not a Grype report: matches[2].artifact.name: expected a non-empty string, got nothing',
      );
    });

    it('rejects another Trivy schema version', async () => {
      await expect(
        parseScanReport(trivyReport({ SchemaVersion: 1 })),
      ).rejects.toThrow('not a Trivy report: SchemaVersion: expected 2, got 1');
    });

    it('rejects an unknown report', async () => {
      const message =
        'unknown report: expected a Trivy Operator VulnerabilityReport, SARIF 2.1.0, Trivy JSON (SchemaVersion 2) or Grype JSON (matches)';
      await expect(parseScanReport({ hello: 'world' })).rejects.toThrow(
        message,
      );
      await expect(
        parseScanReport(Readable.from(['{"version": "2.0.0", "runs": []}'])),
      ).rejects.toThrow(message);
    });

    it('rejects broken JSON as InputError', async () => {
      await expect(
        parseScanReport(Readable.from(['{"SchemaVersion": 2, "Results": ['])),
      ).rejects.toMatchObject({
        name: 'InputError',
        message: expect.stringMatching(/^not JSON: /),
      });
      await expect(parseScanReport('{"matches": [}')).rejects.toMatchObject({
        name: 'InputError',
      });
    });

    it('rejects a VulnerabilityReport of another API version', async () => {
      await expect(
        parseScanReport({
          ...vulnerabilityReport,
          apiVersion: 'aquasecurity.github.io/v1',
        }),
      ).rejects.toThrow(
        'not a Trivy Operator VulnerabilityReport: apiVersion: expected aquasecurity.github.io/v1alpha1, got "aquasecurity.github.io/v1"',
      );
    });
  });
});
