import {
  parseScanReport,
  ScanReportContents,
} from '@cocktailcloud/plugin-cocktail-node';
import fs from 'node:fs';

/**
 * Parses the report at `file` as it streams from disk. A report that names no image (a
 * filesystem or repository scan) is read too: `target` says what it scanned.
 */
export async function readScanReport(
  file: string,
  options: { image?: string },
): Promise<ScanReportContents> {
  const stream = fs.createReadStream(file);
  // Open errors (ENOENT, EISDIR) surface here rather than mid-parse.
  await new Promise<void>((resolve, reject) => {
    stream.once('ready', () => resolve());
    stream.once('error', reject);
  });
  return parseScanReport(stream, {
    image: options.image,
    requireImage: false,
  });
}

/** `file: message`, for a report that cannot be read or parsed. */
export function reportError(file: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') {
    return `${file}: no such file`;
  }
  return `${file}: ${error instanceof Error ? error.message : String(error)}`;
}
