import { SCAN_SEVERITIES } from '@cocktailcloud/plugin-cocktail-common';
import { FindingCollector, compactFinding } from './FindingCollector';
import {
  digestFromRepoDigests,
  firstImageReference,
  parseImageReference,
} from './imageReference';
import { ReportFields, ReportPath } from './reportFields';
import { ReportReader, forEachAtPattern } from './ReportReader';
import { toSeverity } from './severity';

const fields = new ReportFields('Grype report');

/** The newest CVSS version's base score and vector among `cvss[]` entries. */
function readCvss(
  value: unknown,
  path: ReportPath,
): { cvssScore?: number; cvssVector?: string } {
  let best: { version: number; cvssScore?: number; cvssVector?: string } = {
    version: -1,
  };
  fields.array(value, path).forEach((entry, index) => {
    const at = [...path, index];
    const cvss = fields.object(entry, at);
    const metrics = fields.optionalObject(cvss.metrics, [...at, 'metrics']);
    const cvssScore = fields.optionalNumber(metrics?.baseScore, [
      ...at,
      'metrics',
      'baseScore',
    ]);
    const version =
      fields.optionalNumber(cvss.version, [...at, 'version']) ?? 0;
    if (cvssScore !== undefined && version > best.version) {
      best = {
        version,
        cvssScore,
        cvssVector: fields.optionalString(cvss.vector, [...at, 'vector']),
      };
    }
  });
  return { cvssScore: best.cvssScore, cvssVector: best.cvssVector };
}

/** Grype's description as a title: its first line, at most 200 characters. */
function titleOf(description: string | undefined): string | undefined {
  const line = description?.split('\n')[0].trim();
  if (!line) {
    return undefined;
  }
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

/** Grype's `-o json`; the matches stream. */
export const grypeReader: ReportReader = {
  format: 'grype',
  description: 'Grype JSON (matches)',
  fields,
  itemPattern: ['matches', '*'],
  skipPatterns: [
    ['source', 'target', 'config'],
    ['source', 'target', 'manifest'],
    ['source', 'target', 'layers'],
  ],

  detect: document => 'matches' in document,

  readItem(item, path, collector: FindingCollector) {
    const match = fields.object(item, path);
    const vulnerabilityPath = [...path, 'vulnerability'];
    const vulnerability = fields.object(match.vulnerability, vulnerabilityPath);
    const artifactPath = [...path, 'artifact'];
    const artifact = fields.object(match.artifact, artifactPath);
    const severityPath = [...vulnerabilityPath, 'severity'];
    const severityText =
      fields.optionalString(vulnerability.severity, severityPath) ?? 'Unknown';
    const severity = toSeverity(severityText);
    if (!severity) {
      throw fields.unexpected(
        severityPath,
        `one of ${SCAN_SEVERITIES.join(', ')} or Negligible`,
        severityText,
      );
    }
    const fix = fields.optionalObject(vulnerability.fix, [
      ...vulnerabilityPath,
      'fix',
    ]);
    const fixVersions = fields
      .array(fix?.versions, [...vulnerabilityPath, 'fix', 'versions'])
      .filter((version): version is string => typeof version === 'string');
    let cvss = readCvss(vulnerability.cvss, [...vulnerabilityPath, 'cvss']);
    if (cvss.cvssScore === undefined) {
      // A distro or GHSA advisory often carries no score; its related NVD entry does.
      fields
        .array(match.relatedVulnerabilities, [
          ...path,
          'relatedVulnerabilities',
        ])
        .forEach((related, index) => {
          const relatedPath = [...path, 'relatedVulnerabilities', index];
          const score = readCvss(fields.object(related, relatedPath).cvss, [
            ...relatedPath,
            'cvss',
          ]);
          if (cvss.cvssScore === undefined) {
            cvss = score;
          }
        });
    }
    collector.add(
      compactFinding({
        id: fields.string(vulnerability.id, [...vulnerabilityPath, 'id']),
        packageName: fields.string(artifact.name, [...artifactPath, 'name']),
        installedVersion: fields.optionalString(artifact.version, [
          ...artifactPath,
          'version',
        ]),
        fixedVersion:
          fix?.state === 'fixed' || fix?.state === undefined
            ? fixVersions[0]
            : undefined,
        severity,
        ...cvss,
        title: titleOf(
          fields.optionalString(vulnerability.description, [
            ...vulnerabilityPath,
            'description',
          ]),
        ),
        primaryUrl: fields.optionalString(vulnerability.dataSource, [
          ...vulnerabilityPath,
          'dataSource',
        ]),
      }),
    );
  },

  readDocument(document, collector, { image, itemsRead }) {
    if (!Array.isArray(document.matches)) {
      throw fields.unexpected(['matches'], 'an array', document.matches);
    }
    if (!itemsRead) {
      forEachAtPattern(
        document,
        grypeReader.itemPattern!,
        (item, path) => grypeReader.readItem(item, path, collector),
        fields,
      );
    }
    const source = fields.optionalObject(document.source, ['source']) ?? {};
    const targetPath = ['source', 'target'];
    const target =
      typeof source.target === 'string'
        ? { userInput: source.target }
        : fields.optionalObject(source.target, targetPath) ?? {};
    const userInput = fields.optionalString(target.userInput, [
      ...targetPath,
      'userInput',
    ]);
    const tags = fields
      .array(target.tags, [...targetPath, 'tags'])
      .map(tag => (typeof tag === 'string' ? tag : undefined));
    const reference = image
      ? parseImageReference(image)
      : firstImageReference([userInput, ...tags]);
    if (!reference) {
      throw fields.error(
        [...targetPath, 'userInput'],
        `"${userInput ?? ''}" names no image: give the image reference`,
      );
    }
    const digest =
      reference.digest ??
      digestFromRepoDigests(
        fields.array(target.repoDigests, [...targetPath, 'repoDigests']),
        reference.repository,
        Boolean(image),
      ) ??
      (image
        ? undefined
        : fields.optionalString(target.manifestDigest, [
            ...targetPath,
            'manifestDigest',
          ]));
    const descriptor =
      fields.optionalObject(document.descriptor, ['descriptor']) ?? {};
    return {
      image: { ...reference, ...(digest && { digest }) },
      scanner: {
        name:
          fields.optionalString(descriptor.name, ['descriptor', 'name']) ??
          'grype',
        ...(descriptor.version !== undefined && {
          version: fields.string(descriptor.version, ['descriptor', 'version']),
        }),
      },
      scannedAt:
        fields.optionalTimestamp(descriptor.timestamp, [
          'descriptor',
          'timestamp',
        ]) ?? new Date().toISOString(),
    };
  },
};
