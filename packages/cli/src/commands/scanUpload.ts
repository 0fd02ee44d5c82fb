import type { ImageScanSummary } from '@cocktailcloud/plugin-cocktail-common';
import { formatImageReference } from '@cocktailcloud/plugin-cocktail-node';
import { formatSummaryText } from '../scan/formatScan';
import { postReport } from '../scan/postReport';
import { readScanReport, reportError } from '../scan/readScanReport';

/** The upload endpoint under a backend base URL such as `http://localhost:7007`. */
export function imageScansUrl(baseUrl: string, image?: string): URL {
  const url = new URL(
    `${baseUrl.replace(/\/+$/, '')}/api/cocktail/image-scans`,
  );
  if (image) {
    url.searchParams.set('image', image);
  }
  return url;
}

function errorMessage(status: number, body: string): string {
  try {
    const message = JSON.parse(body)?.error?.message;
    if (typeof message === 'string' && message) {
      return `${message} (HTTP ${status})`;
    }
  } catch {
    // not JSON: the status says it
  }
  return `HTTP ${status}${body ? `: ${body.slice(0, 200)}` : ''}`;
}

/**
 * `cocktail scan upload --url <backend> <report>`: sends the report to the backend, prints the
 * stored scan and returns 0, or prints the backend's error and returns 1; 2 when the report or
 * the URL is unusable, or when the report names no image and `--image` does not either.
 */
export async function scanUploadCommand(
  file: string,
  options: { url: string; token?: string; image?: string },
  write: (text: string) => void,
  writeError: (text: string) => void,
): Promise<number> {
  let url: URL;
  try {
    url = imageScansUrl(options.url, options.image);
  } catch {
    writeError(`cocktail scan upload: --url "${options.url}" is not a URL`);
    return 2;
  }
  if (!options.image) {
    // The backend files a scan under its image: a filesystem or repository scan needs --image.
    let scanned;
    try {
      scanned = await readScanReport(file, {});
    } catch (error) {
      writeError(`cocktail scan upload: ${reportError(file, error)}`);
      return 2;
    }
    if (!scanned.image) {
      writeError(
        `cocktail scan upload: ${file}: the report is a ${scanned.target} and names no image; say which image it scanned with --image, such as --image registry.example.com/app:1.2.3`,
      );
      return 2;
    }
  }
  const token = options.token ?? process.env.COCKTAIL_TOKEN;
  let response;
  try {
    response = await postReport(url, file, token || undefined);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EISDIR') {
      writeError(`cocktail scan upload: ${reportError(file, error)}`);
      return 2;
    }
    writeError(
      `cocktail scan upload: ${url.origin}: ${(error as Error).message}`,
    );
    return 1;
  }
  if (response.status < 200 || response.status >= 300) {
    writeError(
      `cocktail scan upload: ${errorMessage(response.status, response.body)}`,
    );
    return 1;
  }
  let scan: ImageScanSummary;
  try {
    scan = JSON.parse(response.body).scan;
    if (!scan?.id) {
      throw new Error('no scan in the response');
    }
  } catch (error) {
    writeError(
      `cocktail scan upload: unexpected response (HTTP ${response.status}): ${
        (error as Error).message
      }`,
    );
    return 1;
  }
  write(
    `Stored scan ${scan.id} of ${formatImageReference(
      scan.image,
    )}\n${formatSummaryText(scan, scan.counts, scan.fixable)}`,
  );
  return 0;
}
