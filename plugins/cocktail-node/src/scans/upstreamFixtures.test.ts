import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseScanReport } from './parseScanReport';
import { severityCounts } from './severity';

// Real scanner output kept next to the repository (../shared/fixtures/scans), absent from a
// fresh clone: these tests then skip.
const repoRoot = path.resolve(__dirname, '../../../..');
const fixtures = path.resolve(repoRoot, '../shared/fixtures/scans');
const present = fs.existsSync(fixtures);
const files = present ? fs.readdirSync(fixtures).sort() : [];
const describeWithFixtures = present ? describe : describe.skip;

type Counts = Record<string, number>;

/** Unique (id, package, installed version) per severity, straight from the raw document. */
function countUnique(rows: Array<[string, string, string, string]>): Counts {
  const seen = new Set<string>();
  const counts: Counts = {
    CRITICAL: 0,
    HIGH: 0,
    MEDIUM: 0,
    LOW: 0,
    UNKNOWN: 0,
  };
  for (const [id, pkg, installed, severity] of rows) {
    const key = `${id}|${pkg}|${installed}`;
    if (!seen.has(key)) {
      seen.add(key);
      counts[severity] += 1;
    }
  }
  return counts;
}

function rawCounts(file: string, text: string): Counts {
  if (file.endsWith('.yaml')) {
    const report = parseYaml(text);
    return countUnique(
      report.report.vulnerabilities.map((v: any) => [
        v.vulnerabilityID,
        v.resource,
        v.installedVersion,
        v.severity,
      ]),
    );
  }
  const document = JSON.parse(text);
  if (file.includes('.sarif')) {
    return countUnique(
      document.runs.flatMap((run: any) =>
        run.results.map((result: any) => {
          const field = (name: string) =>
            new RegExp(`^${name}: (.*)$`, 'm').exec(result.message.text)![1];
          return [
            result.ruleId,
            field('Package'),
            field('Installed Version'),
            field('Severity'),
          ];
        }),
      ),
    );
  }
  return countUnique(
    (document.Results ?? []).flatMap((result: any) =>
      (result.Vulnerabilities ?? []).map((v: any) => [
        v.VulnerabilityID,
        v.PkgName,
        v.InstalledVersion,
        v.Severity,
      ]),
    ),
  );
}

describeWithFixtures(
  'upstream scanner reports in ../shared/fixtures/scans',
  () => {
    it('holds reports to read', () => {
      expect(files.length).toBeGreaterThan(0);
    });

    it.each(files)('%s: counts match the report itself', async file => {
      const text = fs.readFileSync(path.join(fixtures, file), 'utf8');
      const scan = await parseScanReport(
        fs.createReadStream(path.join(fixtures, file)),
      );
      const counts = rawCounts(file, text);
      expect(severityCounts(scan.findings)).toEqual(counts);
      expect(scan.findings.length).toBeGreaterThan(0);
      expect(scan.image.repository).toBeTruthy();
      expect(Date.parse(scan.scannedAt)).not.toBeNaN();
    });

    it('reads the same findings from Trivy JSON and Trivy SARIF of one image', async () => {
      if (!files.includes('trivy-alpine-310.sarif.golden')) {
        return;
      }
      const json = await parseScanReport(
        fs.createReadStream(
          path.join(fixtures, 'trivy-alpine-310.json.golden'),
        ),
      );
      const sarif = await parseScanReport(
        fs.readFileSync(
          path.join(fixtures, 'trivy-alpine-310.sarif.golden'),
          'utf8',
        ),
      );
      const key = (f: any) =>
        `${f.id} ${f.packageName} ${f.installedVersion} ${f.fixedVersion} ${f.severity}`;
      expect(sarif.findings.map(key).sort()).toEqual(
        json.findings.map(key).sort(),
      );
      expect(sarif.image).toEqual(json.image);
    });

    it('reads the image of the VulnerabilityReport (whose summary counts more than it lists)', async () => {
      const file = 'trivy-operator-vulnerabilityreport.yaml';
      if (!files.includes(file)) {
        return;
      }
      const scan = await parseScanReport(
        fs.readFileSync(path.join(fixtures, file), 'utf8'),
      );
      expect(scan.image).toEqual({
        registry: 'k8s.gcr.io',
        repository: 'coredns/coredns',
        tag: 'v1.8.0',
      });
      expect(scan.scanner).toEqual({ name: 'Trivy', version: '0.35.0' });
      expect(scan.scannedAt).toBe('2022-12-08T15:50:37.000Z');
    });
  },
);
