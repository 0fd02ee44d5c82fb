import {
  fixableCounts,
  severityCounts,
} from '@cocktailcloud/plugin-cocktail-node';
import { formatSummaryText, summaryJson } from '../scan/formatScan';
import { readScanReport, reportError } from '../scan/readScanReport';
import { OutputFormat } from './validate';

/**
 * `cocktail scan summary <report>`: prints the image, scanner, time and counts per severity
 * (total and fixable) and returns 0; returns 2 when the report cannot be read.
 */
export async function scanSummaryCommand(
  file: string,
  options: { format: OutputFormat; image?: string },
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  let scan;
  try {
    scan = await readScanReport(file, options);
  } catch (error) {
    writeError(`cocktail scan summary: ${reportError(file, error)}`);
    return 2;
  }
  write(
    options.format === 'json'
      ? JSON.stringify(summaryJson(scan), null, 2)
      : formatSummaryText(
          scan,
          severityCounts(scan.findings),
          fixableCounts(scan.findings),
        ),
  );
  return 0;
}
