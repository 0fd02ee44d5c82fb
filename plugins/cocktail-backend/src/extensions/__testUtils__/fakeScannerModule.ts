import { createBackendModule } from '@backstage/backend-plugin-api';
import {
  cocktailScanReportReadersExtensionPoint,
  parseImageReference,
  ReportFields,
  ReportReader,
} from '@cocktailcloud/plugin-cocktail-node';

const fields = new ReportFields('Fake Scanner report');

/**
 * A scanner the suite does not know, as an adopter's in-house one might write its reports:
 * `{ "scanner": "fake-scanner", "image": …, "time": …, "issues": [{ "advisory", "package",
 * "version", "level" }] }`.
 */
export const fakeScannerReader: ReportReader = {
  format: 'fake-scanner',
  description: 'Fake Scanner JSON',
  fields,
  detect: document => document.scanner === 'fake-scanner',
  readItem(item, path, collector) {
    const issue = fields.object(item, path);
    const level = fields.string(issue.level, [...path, 'level']);
    collector.add({
      id: fields.string(issue.advisory, [...path, 'advisory']),
      packageName: fields.string(issue.package, [...path, 'package']),
      installedVersion: fields.optionalString(issue.version, [
        ...path,
        'version',
      ]),
      severity: level === 'bad' ? 'CRITICAL' : 'LOW',
    });
  },
  readDocument(document, collector, { image }) {
    fields
      .array(document.issues, ['issues'])
      .forEach((item, index) =>
        fakeScannerReader.readItem(item, ['issues', index], collector),
      );
    return {
      image: parseImageReference(
        image ?? fields.string(document.image, ['image']),
      ),
      scanner: { name: 'fake-scanner', version: '0.1' },
      scannedAt: fields.string(document.time, ['time']),
    };
  },
};

/** A backend module adding the fake scanner's format to the `cocktail` plugin. */
export const fakeScannerModule = createBackendModule({
  pluginId: 'cocktail',
  moduleId: 'fake-scanner',
  register(env) {
    env.registerInit({
      deps: { scanReportReaders: cocktailScanReportReadersExtensionPoint },
      async init({ scanReportReaders }) {
        scanReportReaders.addScanReportReader(fakeScannerReader);
      },
    });
  },
});
