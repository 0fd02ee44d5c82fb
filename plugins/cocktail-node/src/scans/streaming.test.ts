import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Readable } from 'node:stream';
import { generateTrivyReport } from './__testUtils__/generateTrivyReport';
import { parseScanReport } from './parseScanReport';
import { fixableCounts, severityCounts } from './severity';

const repoRoot = path.resolve(__dirname, '../../../..');

/** Hands the text out in 64 KiB chunks, as a file stream would. */
function chunked(text: string): Readable {
  const buffer = Buffer.from(text);
  return Readable.from(
    (function* chunks() {
      for (let offset = 0; offset < buffer.length; offset += 65536) {
        yield buffer.subarray(offset, offset + 65536);
      }
    })(),
  );
}

describe('streaming', () => {
  it('parses a generated Trivy report with 20,000 findings from a Readable', async () => {
    const text = generateTrivyReport(20000);
    const scan = await parseScanReport(chunked(text));
    expect(scan.findings).toHaveLength(20000);
    expect(scan.image).toEqual({
      registry: 'harbor.example.com',
      repository: 'payments/api',
      tag: '1.4.2',
      digest:
        'sha256:7bd0c945d7e4cc2ce5c21d449ba07eb89c8e6c28085edbcf6f5fa4bf90e7eedc',
    });
    // 7 severities cycle: CRITICAL, HIGH, MEDIUM, MEDIUM, LOW, LOW, UNKNOWN.
    expect(severityCounts(scan.findings)).toEqual({
      CRITICAL: 2858,
      HIGH: 2857,
      MEDIUM: 5714,
      LOW: 5714,
      UNKNOWN: 2857,
    });
    const fixable = fixableCounts(scan.findings);
    expect(Object.values(fixable).reduce((a, b) => a + b, 0)).toBe(13334);
  });

  it('generates the same report as the benchmarks’ generator', () => {
    const fromMjs = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { generateTrivyReport } from ${JSON.stringify(
          path.join(repoRoot, 'test/bench/support/generateTrivyReport.mjs'),
        )}; process.stdout.write(generateTrivyReport(95));`,
      ],
      { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
    );
    expect(fromMjs).toBe(generateTrivyReport(95));
  });
});
