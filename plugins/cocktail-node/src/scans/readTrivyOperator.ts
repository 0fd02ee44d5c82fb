import { SCAN_SEVERITIES } from '@cocktailcloud/plugin-cocktail-common';
import { FindingCollector, compactFinding } from './FindingCollector';
import { parseImageReference } from './imageReference';
import { ReportFields } from './reportFields';
import { ReportReader, forEachAtPattern } from './ReportReader';
import { toSeverity } from './severity';

const fields = new ReportFields('Trivy Operator VulnerabilityReport');

/**
 * A Trivy Operator `VulnerabilityReport` (aquasecurity.github.io/v1alpha1). As JSON it streams
 * like the others; as YAML (how `kubectl` prints it) it is read whole, which is fine for one
 * container's report, bounded by etcd's object size. `report.os`, `publishedDate` and
 * `lastModifiedDate` are optional, as real reports lack them.
 */
export const trivyOperatorReader: ReportReader = {
  format: 'trivy-operator',
  description: 'a Trivy Operator VulnerabilityReport',
  fields,
  itemPattern: ['report', 'vulnerabilities', '*'],

  detect: document =>
    typeof document.apiVersion === 'string' &&
    document.apiVersion.startsWith('aquasecurity.github.io/') &&
    document.kind === 'VulnerabilityReport',

  readItem(item, path, collector: FindingCollector) {
    const vulnerability = fields.object(item, path);
    const at = (key: string) => [...path, key];
    const severityText = fields.string(vulnerability.severity, at('severity'));
    const severity = toSeverity(severityText);
    if (!severity || severityText.toUpperCase() === 'NEGLIGIBLE') {
      throw fields.unexpected(
        at('severity'),
        `one of ${SCAN_SEVERITIES.join(', ')}`,
        severityText,
      );
    }
    collector.add(
      compactFinding({
        id: fields.string(vulnerability.vulnerabilityID, at('vulnerabilityID')),
        packageName: fields.string(vulnerability.resource, at('resource')),
        installedVersion: fields.optionalString(
          vulnerability.installedVersion,
          at('installedVersion'),
        ),
        fixedVersion: fields.optionalString(
          vulnerability.fixedVersion,
          at('fixedVersion'),
        ),
        severity,
        cvssScore: fields.optionalNumber(vulnerability.score, at('score')),
        title: fields.optionalString(vulnerability.title, at('title')),
        primaryUrl: fields.optionalString(
          vulnerability.primaryLink,
          at('primaryLink'),
        ),
      }),
    );
  },

  readDocument(document, collector, { image, itemsRead }) {
    if (document.apiVersion !== 'aquasecurity.github.io/v1alpha1') {
      throw fields.unexpected(
        ['apiVersion'],
        'aquasecurity.github.io/v1alpha1',
        document.apiVersion,
      );
    }
    const report = fields.object(document.report, ['report']);
    if (!itemsRead) {
      forEachAtPattern(
        document,
        trivyOperatorReader.itemPattern!,
        (item, path) => trivyOperatorReader.readItem(item, path, collector),
        fields,
      );
    }
    const artifact = fields.object(report.artifact, ['report', 'artifact']);
    const registry =
      fields.optionalObject(report.registry, ['report', 'registry']) ?? {};
    const server = fields.optionalString(registry.server, [
      'report',
      'registry',
      'server',
    ]);
    const repository = fields.string(artifact.repository, [
      'report',
      'artifact',
      'repository',
    ]);
    const tag = fields.optionalString(artifact.tag, [
      'report',
      'artifact',
      'tag',
    ]);
    const digest = fields.optionalString(artifact.digest, [
      'report',
      'artifact',
      'digest',
    ]);
    const reference = parseImageReference(
      image ??
        `${server ? `${server}/` : ''}${repository}${tag ? `:${tag}` : ''}${
          digest ? `@${digest}` : ''
        }`,
    );
    const scanner = fields.object(report.scanner, ['report', 'scanner']);
    return {
      image: reference,
      scanner: {
        name: fields.string(scanner.name, ['report', 'scanner', 'name']),
        ...(scanner.version !== undefined && {
          version: fields.string(scanner.version, [
            'report',
            'scanner',
            'version',
          ]),
        }),
      },
      scannedAt:
        fields.optionalTimestamp(report.updateTimestamp, [
          'report',
          'updateTimestamp',
        ]) ??
        fields.optionalTimestamp(
          (document.metadata as any)?.creationTimestamp,
          ['metadata', 'creationTimestamp'],
        ) ??
        new Date().toISOString(),
    };
  },
};
