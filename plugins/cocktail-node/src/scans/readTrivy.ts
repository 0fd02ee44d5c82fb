import { InputError } from '@backstage/errors';
import {
  ImageReference,
  SCAN_SEVERITIES,
} from '@cocktailcloud/plugin-cocktail-common';
import { describeTrivyArtifact } from './describeTrivyArtifact';
import { FindingCollector, compactFinding } from './FindingCollector';
import {
  digestFromRepoDigests,
  firstImageReference,
  parseImageReference,
} from './imageReference';
import { ReportFields, ReportPath } from './reportFields';
import { ReportReader, forEachAtPattern } from './ReportReader';
import { toSeverity } from './severity';

const fields = new ReportFields('Trivy report');
const CVSS_SOURCES = ['nvd', 'redhat', 'ghsa'];

function readCvss(
  value: unknown,
  path: ReportPath,
): { cvssScore?: number; cvssVector?: string } {
  const cvss = fields.optionalObject(value, path);
  if (!cvss) {
    return {};
  }
  const sources = [
    ...CVSS_SOURCES.filter(source => source in cvss),
    ...Object.keys(cvss).filter(source => !CVSS_SOURCES.includes(source)),
  ];
  for (const source of sources) {
    const entry = fields.object(cvss[source], [...path, source]);
    const cvssScore = fields.optionalNumber(entry.V3Score, [
      ...path,
      source,
      'V3Score',
    ]);
    if (cvssScore !== undefined) {
      return {
        cvssScore,
        cvssVector: fields.optionalString(entry.V3Vector, [
          ...path,
          source,
          'V3Vector',
        ]),
      };
    }
  }
  return {};
}

/** Trivy's `-f json` (SchemaVersion 2); the findings stream. */
export const trivyReader: ReportReader = {
  format: 'trivy',
  description: 'Trivy JSON (SchemaVersion 2)',
  fields,
  itemPattern: ['Results', '*', 'Vulnerabilities', '*'],
  skipPatterns: [
    ['Results', '*', 'Packages'],
    ['Results', '*', 'Misconfigurations'],
    ['Results', '*', 'Secrets'],
    ['Results', '*', 'Licenses'],
    ['Metadata', 'ImageConfig'],
    ['Metadata', 'Layers'],
  ],

  detect: document =>
    'SchemaVersion' in document ||
    ('ArtifactName' in document && 'Results' in document),

  readItem(item, path, collector: FindingCollector) {
    const vulnerability = fields.object(item, path);
    const at = (key: string) => [...path, key];
    const severity = fields.string(vulnerability.Severity, at('Severity'));
    const normalised = toSeverity(severity);
    if (!normalised || severity === 'NEGLIGIBLE') {
      throw fields.unexpected(
        at('Severity'),
        `one of ${SCAN_SEVERITIES.join(', ')}`,
        severity,
      );
    }
    collector.add(
      compactFinding({
        id: fields.string(vulnerability.VulnerabilityID, at('VulnerabilityID')),
        packageName: fields.string(vulnerability.PkgName, at('PkgName')),
        installedVersion: fields.optionalString(
          vulnerability.InstalledVersion,
          at('InstalledVersion'),
        ),
        fixedVersion: fields.optionalString(
          vulnerability.FixedVersion,
          at('FixedVersion'),
        ),
        severity: normalised,
        ...readCvss(vulnerability.CVSS, at('CVSS')),
        title: fields.optionalString(vulnerability.Title, at('Title')),
        primaryUrl: fields.optionalString(
          vulnerability.PrimaryURL,
          at('PrimaryURL'),
        ),
      }),
    );
  },

  readDocument(document, collector, { image, itemsRead, imageOptional }) {
    if (document.SchemaVersion !== 2) {
      throw fields.unexpected(['SchemaVersion'], '2', document.SchemaVersion);
    }
    const results = fields.array(document.Results, ['Results']);
    const targets = results.flatMap((result, index) => {
      const { Target: target, Vulnerabilities: vulnerabilities } =
        fields.object(result, ['Results', index]);
      // Streamed findings leave an empty list behind; anything else but a list is malformed.
      if (vulnerabilities !== undefined && vulnerabilities !== null) {
        fields.array(vulnerabilities, ['Results', index, 'Vulnerabilities']);
      }
      return typeof target === 'string' && target ? [target] : [];
    });
    if (!itemsRead) {
      forEachAtPattern(
        document,
        trivyReader.itemPattern!,
        (item, path) => trivyReader.readItem(item, path, collector),
        fields,
      );
    }
    const metadata =
      fields.optionalObject(document.Metadata, ['Metadata']) ?? {};
    const repoTags = fields.array(metadata.RepoTags, ['Metadata', 'RepoTags']);
    const artifactName = fields.optionalString(document.ArtifactName, [
      'ArtifactName',
    ]);
    const artifactType = fields.optionalString(document.ArtifactType, [
      'ArtifactType',
    ]);
    const reference = image
      ? parseImageReference(image)
      : scannedImage(artifactType, [
          artifactName,
          fields.optionalString(metadata.Reference, ['Metadata', 'Reference']),
          ...repoTags.map(tag => (typeof tag === 'string' ? tag : undefined)),
        ]);
    const scanner = readScanner(document);
    // Trivy before 0.47 wrote no CreatedAt: the time of reading stands in.
    const scannedAt =
      fields.optionalTimestamp(document.CreatedAt, ['CreatedAt']) ??
      new Date().toISOString();
    if (!reference) {
      const target = describeTrivyArtifact(artifactType, artifactName, targets);
      if (imageOptional) {
        return { target, scanner, scannedAt };
      }
      throw new InputError(
        `the Trivy report is a ${target}, which names no image: give the image reference`,
      );
    }
    const digest =
      reference.digest ??
      digestFromRepoDigests(
        fields.array(metadata.RepoDigests, ['Metadata', 'RepoDigests']),
        reference.repository,
        Boolean(image),
      );
    return {
      image: { ...reference, ...(digest && { digest }) },
      scanner,
      scannedAt,
    };
  },
};

/** An image scan names its image; a filesystem or repository scan names a path or a URL. */
function isImageScan(artifactType: string | undefined): boolean {
  return artifactType === undefined || artifactType === 'container_image';
}

function scannedImage(
  artifactType: string | undefined,
  candidates: Array<string | undefined>,
): ImageReference | undefined {
  return isImageScan(artifactType)
    ? firstImageReference(candidates)
    : undefined;
}

function readScanner(document: Record<string, unknown>) {
  const trivy = fields.optionalObject(document.Trivy, ['Trivy']);
  return {
    name: 'Trivy',
    ...(trivy?.Version !== undefined && {
      version: fields.string(trivy.Version, ['Trivy', 'Version']),
    }),
  };
}
