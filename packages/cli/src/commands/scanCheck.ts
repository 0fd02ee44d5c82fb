import { SCAN_SEVERITIES } from '@cocktailcloud/plugin-cocktail-common';
import type { ScanSeverity } from '@cocktailcloud/plugin-cocktail-node';
import { InvalidArgumentError } from 'commander';
import { formatFindings } from '../scan/formatScan';
import { readScanReport, reportError } from '../scan/readScanReport';

const FAIL_ON = ['critical', 'high', 'medium', 'low'];
const LISTED = 20;

export function parseFailOn(value: string): ScanSeverity {
  if (!FAIL_ON.includes(value.toLowerCase())) {
    throw new InvalidArgumentError(
      `expected one of ${FAIL_ON.join(', ')}, got "${value}"`,
    );
  }
  return value.toUpperCase() as ScanSeverity;
}

/**
 * `cocktail scan check --fail-on <severity> <report>`: returns 1 and lists the findings at or
 * above the severity (up to 20, most severe first) when there are any, 0 otherwise, 2 when the
 * report cannot be read.
 */
export async function scanCheckCommand(
  file: string,
  options: { failOn: ScanSeverity; ignoreUnfixed?: boolean; image?: string },
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  let scan;
  try {
    scan = await readScanReport(file, options);
  } catch (error) {
    writeError(`cocktail scan check: ${reportError(file, error)}`);
    return 2;
  }
  const rank = (severity: ScanSeverity) => SCAN_SEVERITIES.indexOf(severity);
  const threshold = rank(options.failOn);
  const failing = scan.findings
    .filter(finding => rank(finding.severity) <= threshold)
    .filter(finding => !options.ignoreUnfixed || finding.fixedVersion)
    .sort(
      (a, b) =>
        rank(a.severity) - rank(b.severity) ||
        a.id.localeCompare(b.id) ||
        a.packageName.localeCompare(b.packageName),
    );
  const scope = `at or above ${options.failOn}${
    options.ignoreUnfixed ? ' with a fix' : ''
  }`;
  if (!failing.length) {
    write(
      `No findings ${scope} (${scan.findings.length} finding${
        scan.findings.length === 1 ? '' : 's'
      } in all)`,
    );
    return 0;
  }
  write(
    `${failing.length} finding${failing.length === 1 ? '' : 's'} ${scope}${
      failing.length > LISTED ? `; the first ${LISTED}` : ''
    }:\n${formatFindings(failing.slice(0, LISTED))}`,
  );
  return 1;
}
