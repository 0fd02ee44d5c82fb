import { createExtensionPoint } from '@backstage/backend-plugin-api';
import { ReportReader } from '../scans/ReportReader';

/**
 * Where backend modules add scan report formats to the `cocktail` plugin: uploads
 * (`POST /api/cocktail/image-scans[?format=]`) then read them, detected or named.
 *
 * @public
 */
export interface CocktailScanReportReadersExtensionPoint {
  addScanReportReader(...readers: ReportReader[]): void;
}

/**
 * The extension point for scan report formats; the built-in ones are added through it too.
 *
 * @public
 */
export const cocktailScanReportReadersExtensionPoint =
  createExtensionPoint<CocktailScanReportReadersExtensionPoint>({
    id: 'cocktail.scan-report-readers',
  });
