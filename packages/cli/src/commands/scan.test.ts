import fs from 'node:fs/promises';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { runCocktail } from '../__testUtils__/runCocktail';

function run(args: string[]) {
  return runCocktail(['scan', ...args]);
}

const DIGEST =
  'sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc';

function vulnerability(
  id: string,
  pkg: string,
  severity: string,
  fixed?: string,
) {
  return {
    VulnerabilityID: id,
    PkgName: pkg,
    InstalledVersion: '1.0.0',
    ...(fixed && { FixedVersion: fixed }),
    Severity: severity,
  };
}

const report = {
  SchemaVersion: 2,
  Trivy: { Version: '0.58.1' },
  CreatedAt: '2025-01-06T09:00:00Z',
  ArtifactName: 'harbor.example.com/payments/api:1.4.2',
  Metadata: { RepoDigests: [`harbor.example.com/payments/api@${DIGEST}`] },
  Results: [
    {
      Target: 'api',
      Vulnerabilities: [
        vulnerability('CVE-2024-0001', 'openssl', 'CRITICAL'),
        vulnerability('CVE-2024-0002', 'zlib', 'HIGH', '1.0.1'),
        vulnerability('CVE-2024-0003', 'curl', 'MEDIUM', '1.0.2'),
        vulnerability('CVE-2024-0004', 'curl', 'LOW'),
        vulnerability('CVE-2024-0004', 'curl', 'LOW'),
      ],
    },
  ],
};

describe('cocktail scan', () => {
  let directory: string;
  let reportFile: string;
  let cleanFile: string;
  let filesystemFile: string;

  beforeAll(async () => {
    directory = await fs.mkdtemp(path.join(os.tmpdir(), 'cocktail-scan-'));
    reportFile = path.join(directory, 'trivy.json');
    await fs.writeFile(reportFile, JSON.stringify(report, null, 2));
    cleanFile = path.join(directory, 'clean.json');
    await fs.writeFile(
      cleanFile,
      JSON.stringify({
        ...report,
        Results: [
          {
            Target: 'api',
            Vulnerabilities: [vulnerability('CVE-2024-0004', 'curl', 'LOW')],
          },
        ],
      }),
    );
    // `trivy filesystem .` names the directory, not an image.
    filesystemFile = path.join(directory, 'filesystem.json');
    await fs.writeFile(
      filesystemFile,
      JSON.stringify({
        SchemaVersion: 2,
        Trivy: { Version: '0.58.1' },
        CreatedAt: '2025-01-06T09:00:00Z',
        ArtifactName: '.',
        ArtifactType: 'filesystem',
        Results: [
          {
            Target: 'requirements.txt',
            Class: 'lang-pkgs',
            Type: 'pip',
            Vulnerabilities: [
              vulnerability('CVE-2019-14806', 'Werkzeug', 'HIGH', '0.15.3'),
              vulnerability('CVE-2020-28724', 'Werkzeug', 'MEDIUM'),
            ],
          },
        ],
      }),
    );
    await fs.writeFile(
      path.join(directory, 'bad.json'),
      JSON.stringify({ matches: [{ vulnerability: { id: 'X' } }] }),
    );
  });

  afterAll(async () => {
    await fs.rm(directory, { recursive: true, force: true });
  });

  describe('summary', () => {
    it('prints the image, scanner, time and a table of totals and fixable findings', async () => {
      expect(await run(['summary', reportFile])).toEqual({
        code: 0,
        errors: '',
        output: [
          `Image:      harbor.example.com/payments/api:1.4.2@${DIGEST}`,
          'Scanner:    Trivy 0.58.1',
          'Scanned at: 2025-01-06T09:00:00.000Z',
          '',
          'SEVERITY  TOTAL  FIXABLE',
          'CRITICAL      1        0',
          'HIGH          1        1',
          'MEDIUM        1        1',
          'LOW           1        0',
          'UNKNOWN       0        0',
          'TOTAL         4        2',
          '',
        ].join('\n'),
      });
    });

    it('prints JSON with --format json, and takes --image', async () => {
      const { code, output } = await run([
        'summary',
        '--format',
        'json',
        '--image',
        'registry.local:5000/api:2',
        reportFile,
      ]);
      expect(code).toBe(0);
      expect(JSON.parse(output)).toEqual({
        image: { registry: 'registry.local:5000', repository: 'api', tag: '2' },
        target: 'registry.local:5000/api:2',
        scanner: { name: 'Trivy', version: '0.58.1' },
        scannedAt: '2025-01-06T09:00:00.000Z',
        counts: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 0 },
        fixable: { CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 },
        findings: 4,
      });
    });

    it('summarises a filesystem scan, which names no image, by what it scanned', async () => {
      expect(await run(['summary', filesystemFile])).toEqual({
        code: 0,
        errors: '',
        output: [
          'Target:     filesystem scan of .',
          'Scanner:    Trivy 0.58.1',
          'Scanned at: 2025-01-06T09:00:00.000Z',
          '',
          'SEVERITY  TOTAL  FIXABLE',
          'CRITICAL      0        0',
          'HIGH          1        1',
          'MEDIUM        1        0',
          'LOW           0        0',
          'UNKNOWN       0        0',
          'TOTAL         2        1',
          '',
        ].join('\n'),
      });
      const json = await run(['summary', '--format', 'json', filesystemFile]);
      expect(JSON.parse(json.output)).toMatchObject({
        target: 'filesystem scan of .',
        findings: 2,
      });
      expect(JSON.parse(json.output).image).toBeUndefined();
      const check = await run(['check', '--fail-on', 'high', filesystemFile]);
      expect(check.code).toBe(1);
      expect(check.output).toContain('CVE-2019-14806');
    });

    it('exits 2 with the field at fault for a malformed report, and for a missing file', async () => {
      expect(await run(['summary', path.join(directory, 'bad.json')])).toEqual({
        code: 2,
        output: '',
        errors: `cocktail scan summary: ${path.join(
          directory,
          'bad.json',
        )}: not a Grype report: matches[0].artifact: expected an object, got nothing\n`,
      });
      const missing = await run(['summary', path.join(directory, 'nope.json')]);
      expect(missing.code).toBe(2);
      expect(missing.errors).toContain('nope.json: no such file');
    });
  });

  describe('check', () => {
    it('exits 1 and lists the findings at or above the severity, most severe first', async () => {
      expect(await run(['check', '--fail-on', 'high', reportFile])).toEqual({
        code: 1,
        errors: '',
        output: [
          '2 findings at or above HIGH:',
          'CVE-2024-0001  openssl  1.0.0 → (no fix)  CRITICAL',
          'CVE-2024-0002  zlib     1.0.0 → 1.0.1     HIGH',
          '',
        ].join('\n'),
      });
    });

    it('leaves out findings without a fix with --ignore-unfixed', async () => {
      const { code, output } = await run([
        'check',
        '--fail-on',
        'critical',
        '--ignore-unfixed',
        reportFile,
      ]);
      expect(code).toBe(0);
      expect(output).toBe(
        'No findings at or above CRITICAL with a fix (4 findings in all)\n',
      );
    });

    it('exits 0 when nothing reaches the severity', async () => {
      expect(await run(['check', '--fail-on', 'medium', cleanFile])).toEqual({
        code: 0,
        errors: '',
        output: 'No findings at or above MEDIUM (1 finding in all)\n',
      });
    });

    it('lists at most 20', async () => {
      const many = path.join(directory, 'many.json');
      await fs.writeFile(
        many,
        JSON.stringify({
          ...report,
          Results: [
            {
              Target: 'api',
              Vulnerabilities: Array.from({ length: 25 }, (_, i) =>
                vulnerability(`CVE-2024-${1000 + i}`, 'openssl', 'HIGH'),
              ),
            },
          ],
        }),
      );
      const { code, output } = await run(['check', '--fail-on', 'low', many]);
      expect(code).toBe(1);
      const lines = output.trim().split('\n');
      expect(lines[0]).toBe('25 findings at or above LOW; the first 20:');
      expect(lines).toHaveLength(21);
    });

    it('exits 2 without --fail-on, with an unknown severity or an unknown flag', async () => {
      expect((await run(['check', reportFile])).code).toBe(2);
      const wrong = await run(['check', '--fail-on', 'severe', reportFile]);
      expect(wrong.code).toBe(2);
      expect(wrong.errors).toContain(
        'expected one of critical, high, medium, low, got "severe"',
      );
      expect(
        (await run(['check', '--fail-on', 'high', '--bogus', reportFile])).code,
      ).toBe(2);
      expect((await run(['summary'])).code).toBe(2);
    });
  });

  describe('upload', () => {
    let server: http.Server;
    let baseUrl: string;
    let received: Array<{
      method?: string;
      url?: string;
      headers: http.IncomingHttpHeaders;
      body: string;
    }>;
    let answer: { status: number; body: unknown };

    beforeAll(async () => {
      server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', chunk => chunks.push(chunk));
        request.on('end', () => {
          received.push({
            method: request.method,
            url: request.url,
            headers: request.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
          response.writeHead(answer.status, {
            'Content-Type': 'application/json',
          });
          response.end(JSON.stringify(answer.body));
        });
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });

    afterAll(async () => {
      await new Promise(resolve => server.close(resolve));
    });

    beforeEach(() => {
      received = [];
      delete process.env.COCKTAIL_TOKEN;
    });

    it('POSTs the file as it is with the token and prints the stored scan', async () => {
      answer = {
        status: 201,
        body: {
          scan: {
            id: 'scan-42',
            imageKey: DIGEST,
            image: {
              registry: 'harbor.example.com',
              repository: 'payments/api',
              tag: '1.4.2',
              digest: DIGEST,
            },
            format: 'trivy',
            scanner: { name: 'Trivy', version: '0.58.1' },
            scannedAt: '2025-01-06T09:00:00.000Z',
            source: 'upload',
            counts: { CRITICAL: 1, HIGH: 1, MEDIUM: 1, LOW: 1, UNKNOWN: 0 },
            fixable: { CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 },
          },
        },
      };
      const { code, output, errors } = await run([
        'upload',
        '--url',
        `${baseUrl}/`,
        '--token',
        'secret-token',
        '--image',
        'harbor.example.com/payments/api:1.4.2',
        reportFile,
      ]);
      expect({ code, errors }).toEqual({ code: 0, errors: '' });
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        method: 'POST',
        url: '/api/cocktail/image-scans?image=harbor.example.com%2Fpayments%2Fapi%3A1.4.2',
        headers: {
          'content-type': 'application/json',
          authorization: 'Bearer secret-token',
        },
      });
      expect(received[0].body).toBe(await fs.readFile(reportFile, 'utf8'));
      expect(output).toContain(
        `Stored scan scan-42 of harbor.example.com/payments/api:1.4.2@${DIGEST}\n`,
      );
      expect(output).toContain('CRITICAL      1        0\n');
      expect(output).toContain('TOTAL         4        2\n');
    });

    it('takes the token from COCKTAIL_TOKEN', async () => {
      process.env.COCKTAIL_TOKEN = 'env-token';
      answer = {
        status: 201,
        body: { scan: { ...(answer.body as any).scan } },
      };
      const { code } = await run(['upload', '--url', baseUrl, reportFile]);
      expect(code).toBe(0);
      expect(received[0].url).toBe('/api/cocktail/image-scans');
      expect(received[0].headers.authorization).toBe('Bearer env-token');
    });

    it("exits 1 with the backend's error message", async () => {
      answer = {
        status: 400,
        body: {
          error: {
            name: 'InputError',
            message:
              'not a Trivy report: Results[0].Vulnerabilities[0].Severity: expected one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN, got "SEVERE"',
          },
        },
      };
      expect(
        await run(['upload', '--url', baseUrl, '--token', 't', reportFile]),
      ).toEqual({
        code: 1,
        output: '',
        errors:
          'cocktail scan upload: not a Trivy report: Results[0].Vulnerabilities[0].Severity: expected one of CRITICAL, HIGH, MEDIUM, LOW, UNKNOWN, got "SEVERE" (HTTP 400)\n',
      });
    });

    it('needs --image for a report that names no image, and sends it with it', async () => {
      const refused = await run([
        'upload',
        '--url',
        baseUrl,
        '--token',
        't',
        filesystemFile,
      ]);
      expect(refused).toEqual({
        code: 2,
        output: '',
        errors: `cocktail scan upload: ${filesystemFile}: the report is a filesystem scan of . and names no image; say which image it scanned with --image, such as --image registry.example.com/app:1.2.3\n`,
      });
      expect(received).toHaveLength(0);

      answer = {
        status: 200,
        body: {
          scan: {
            id: 'scan-43',
            imageKey: 'harbor.example.com/app:1',
            image: {
              registry: 'harbor.example.com',
              repository: 'app',
              tag: '1',
            },
            format: 'trivy',
            scanner: { name: 'Trivy', version: '0.58.1' },
            scannedAt: '2025-01-06T09:00:00.000Z',
            source: 'upload',
            counts: { CRITICAL: 0, HIGH: 1, MEDIUM: 1, LOW: 0, UNKNOWN: 0 },
            fixable: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
          },
        },
      };
      const sent = await run([
        'upload',
        '--url',
        baseUrl,
        '--token',
        't',
        '--image',
        'harbor.example.com/app:1',
        filesystemFile,
      ]);
      expect(sent.code).toBe(0);
      expect(sent.output).toContain(
        'Stored scan scan-43 of harbor.example.com/app:1',
      );
      expect(received[0].url).toBe(
        '/api/cocktail/image-scans?image=harbor.example.com%2Fapp%3A1',
      );
    });

    it('exits 2 without --url or with a missing file', async () => {
      expect((await run(['upload', reportFile])).code).toBe(2);
      const missing = await run([
        'upload',
        '--url',
        baseUrl,
        path.join(directory, 'nope.json'),
      ]);
      expect(missing.code).toBe(2);
      expect(received).toHaveLength(0);
    });
  });
});
