// The TypeScript twin of test/bench/support/generateTrivyReport.mjs, for the tests: keep the two
// in sync (generateTrivyReport.test.ts compares their output byte for byte).

const SEVERITIES = [
  'CRITICAL',
  'HIGH',
  'MEDIUM',
  'MEDIUM',
  'LOW',
  'LOW',
  'UNKNOWN',
] as const;
const SCORES: Record<string, number> = {
  CRITICAL: 9.8,
  HIGH: 7.5,
  MEDIUM: 5.3,
  LOW: 3.1,
  UNKNOWN: 0,
};

/** A Trivy JSON report with `findings` vulnerabilities over `findings / 10` packages. */
export function generateTrivyReport(findings: number): string {
  const packages = Math.max(1, Math.floor(findings / 10));
  const os: object[] = [];
  const language: object[] = [];
  for (let i = 0; i < findings; i++) {
    const pkg = i % packages;
    const severity = SEVERITIES[i % SEVERITIES.length];
    const id = `CVE-${2015 + (i % 10)}-${String(10000 + i)}`;
    const vulnerability = {
      VulnerabilityID: id,
      PkgID: `pkg-${pkg}@1.${pkg % 7}.${pkg % 13}`,
      PkgName: `pkg-${pkg}`,
      InstalledVersion: `1.${pkg % 7}.${pkg % 13}`,
      ...(i % 3 === 2
        ? {}
        : { FixedVersion: `1.${pkg % 7}.${(pkg % 13) + 1}` }),
      Status: i % 3 === 2 ? 'affected' : 'fixed',
      Layer: {
        Digest:
          'sha256:2d473b07cdd5f0912cd6f1a703352c82b512407db6b05b43f2553732b55df3bc',
        DiffID:
          'sha256:2db44bce66cde56fca25aeeb7d09dc924b748e3adfe58c9cc3eb2bd2f68a1b68',
      },
      SeveritySource: 'nvd',
      PrimaryURL: `https://avd.aquasec.com/nvd/${id.toLowerCase()}`,
      DataSource: {
        ID: 'debian',
        Name: 'Debian Security Tracker',
        URL: 'https://salsa.debian.org/security-tracker-team/security-tracker',
      },
      Title: `pkg-${pkg}: a flaw in the parser allows a crafted input to cause harm (${i})`,
      Description: `A flaw was found in pkg-${pkg}. A remote attacker could send a crafted request that makes the parser read out of bounds, which may lead to a crash or disclosure of memory. Finding ${i}.`,
      Severity: severity,
      CweIDs: ['CWE-125'],
      ...(severity === 'UNKNOWN'
        ? {}
        : {
            CVSS: {
              nvd: {
                V3Vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N',
                V3Score: SCORES[severity],
              },
              redhat: {
                V3Vector: 'CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N',
                V3Score: 3.7,
              },
            },
          }),
      References: [
        `https://nvd.nist.gov/vuln/detail/${id}`,
        `https://security-tracker.debian.org/tracker/${id}`,
      ],
      PublishedDate: '2023-03-01T12:15:00Z',
      LastModifiedDate: '2024-02-01T16:15:00Z',
    };
    (pkg % 4 === 3 ? language : os).push(vulnerability);
  }
  const report = {
    SchemaVersion: 2,
    Trivy: { Version: '0.58.1' },
    CreatedAt: '2025-01-06T09:00:00.123456789Z',
    ArtifactName: 'harbor.example.com/payments/api:1.4.2',
    ArtifactType: 'container_image',
    Metadata: {
      OS: { Family: 'debian', Name: '12.8' },
      ImageID:
        'sha256:c2c03a296d2329a4f3ab72a7bf38b78a8a80108204d326b0139d6af700e152d1',
      RepoTags: ['harbor.example.com/payments/api:1.4.2'],
      RepoDigests: [
        'harbor.example.com/payments/api@sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc',
      ],
      ImageConfig: {
        architecture: 'amd64',
        os: 'linux',
        config: { Env: ['PATH=/usr/local/bin:/usr/bin:/bin'] },
      },
    },
    Results: [
      {
        Target: 'harbor.example.com/payments/api:1.4.2 (debian 12.8)',
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: os,
      },
      {
        Target: 'app/package-lock.json',
        Class: 'lang-pkgs',
        Type: 'npm',
        Vulnerabilities: language,
      },
    ],
  };
  return JSON.stringify(report, null, 2);
}
