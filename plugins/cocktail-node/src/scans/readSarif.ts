import { ScanSeverity } from '@cocktailcloud/plugin-cocktail-common';
import { FindingCollector, compactFinding } from './FindingCollector';
import {
  digestFromRepoDigests,
  firstImageReference,
  parseImageReference,
} from './imageReference';
import { ReportFields, ReportPath } from './reportFields';
import { ReportReader } from './ReportReader';
import { severityFromScore, toSeverity } from './severity';

const fields = new ReportFields('SARIF 2.1.0 report');

/** Trivy's result text: `Package: x\nInstalled Version: y\n…\nSeverity: …\nFixed Version: z`. */
function messageField(text: string, name: string): string | undefined {
  const match = new RegExp(`^${name}:[ \\t]*(.*)$`, 'm').exec(text);
  return match?.[1].trim() || undefined;
}

interface Rule {
  severity?: ScanSeverity;
  cvssScore?: number;
  cvssVector?: string;
  title?: string;
  primaryUrl?: string;
}

function readRule(value: unknown, path: ReportPath): [string, Rule] {
  const rule = fields.object(value, path);
  const id = fields.string(rule.id, [...path, 'id']);
  const properties =
    fields.optionalObject(rule.properties, [...path, 'properties']) ?? {};
  const at = (key: string) => [...path, 'properties', key];
  const securitySeverity = fields.optionalNumber(
    properties['security-severity'],
    at('security-severity'),
  );
  const tagSeverity = fields
    .array(properties.tags, at('tags'))
    .map(tag => (typeof tag === 'string' ? toSeverity(tag) : undefined))
    .find(Boolean);
  const shortDescription = fields.optionalObject(rule.shortDescription, [
    ...path,
    'shortDescription',
  ]);
  return [
    id,
    {
      severity:
        tagSeverity ??
        (securitySeverity !== undefined
          ? severityFromScore(securitySeverity)
          : undefined),
      cvssScore:
        fields.optionalNumber(
          properties.cvssv3_baseScore,
          at('cvssv3_baseScore'),
        ) ?? securitySeverity,
      cvssVector: fields.optionalString(
        properties.cvssv3_vector,
        at('cvssv3_vector'),
      ),
      title: fields.optionalString(shortDescription?.text, [
        ...path,
        'shortDescription',
        'text',
      ]),
      primaryUrl: fields.optionalString(rule.helpUri, [...path, 'helpUri']),
    },
  ];
}

function readResult(
  value: unknown,
  path: ReportPath,
  rules: Map<string, Rule>,
  collector: FindingCollector,
): void {
  const result = fields.object(value, path);
  const ruleId = fields.string(result.ruleId, [...path, 'ruleId']);
  const rule = rules.get(ruleId) ?? {};
  const message = fields.optionalObject(result.message, [...path, 'message']);
  const text =
    fields.optionalString(message?.text, [...path, 'message', 'text']) ?? '';
  // Grype's wording: "… in apk package: libssl1.1, version 1.1.1c-r0 was found at: …"
  const grype = /package: (\S+), version (\S+)/.exec(text);
  const location = fields.array(result.locations, [...path, 'locations'])[0];
  const uri = (location as any)?.physicalLocation?.artifactLocation?.uri;
  const packageName =
    messageField(text, 'Package') ??
    grype?.[1] ??
    (typeof uri === 'string' && uri ? uri : undefined);
  if (!packageName) {
    throw fields.error(
      [...path, 'message', 'text'],
      'names no package (expected "Package: …")',
    );
  }
  const messageSeverity = messageField(text, 'Severity');
  const severity =
    (messageSeverity ? toSeverity(messageSeverity) : undefined) ??
    rule.severity ??
    'UNKNOWN';
  const id =
    messageField(text, 'Vulnerability') ??
    ruleId.replace(new RegExp(`-${packageName.replace(/\W/g, '\\$&')}$`), '');
  collector.add(
    compactFinding({
      id,
      packageName,
      installedVersion: messageField(text, 'Installed Version') ?? grype?.[2],
      fixedVersion: messageField(text, 'Fixed Version'),
      severity,
      cvssScore: rule.cvssScore,
      cvssVector: rule.cvssVector,
      title: rule.title,
      primaryUrl: rule.primaryUrl,
    }),
  );
}

/**
 * SARIF 2.1.0 from container scanners (Trivy's `-f sarif`, Grype's `-o sarif`). Read whole:
 * SARIF repeats each advisory as a rule, so scanners' SARIF is small next to their JSON.
 */
export const sarifReader: ReportReader = {
  format: 'sarif',
  description: 'SARIF 2.1.0',
  fields,

  detect: document =>
    document.version === '2.1.0' && Array.isArray(document.runs),

  readItem() {
    throw new Error('SARIF reports are read whole');
  },

  readDocument(document, collector, { image }) {
    const runs = fields.array(document.runs, ['runs']);
    if (!runs.length) {
      throw fields.error(['runs'], 'expected at least one run');
    }
    const imageCandidates: Array<string | undefined> = [];
    let repoDigests: unknown[] = [];
    let scannedAt: string | undefined;
    let scanner: { name: string; version?: string } | undefined;
    runs.forEach((value, runIndex) => {
      const runPath = ['runs', runIndex];
      const run = fields.object(value, runPath);
      const driverPath = [...runPath, 'tool', 'driver'];
      const tool = fields.object(run.tool, [...runPath, 'tool']);
      const driver = fields.object(tool.driver, driverPath);
      scanner ??= {
        name: fields.string(driver.name, [...driverPath, 'name']),
        ...(driver.version !== undefined && {
          version: fields.string(driver.version, [...driverPath, 'version']),
        }),
      };
      const rules = new Map(
        fields
          .array(driver.rules, [...driverPath, 'rules'])
          .map((rule, index) =>
            readRule(rule, [...driverPath, 'rules', index]),
          ),
      );
      fields
        .array(run.results, [...runPath, 'results'])
        .forEach((result, index) =>
          readResult(result, [...runPath, 'results', index], rules, collector),
        );
      const properties =
        fields.optionalObject(run.properties, [...runPath, 'properties']) ?? {};
      imageCandidates.push(
        fields.optionalString(properties.imageName, [
          ...runPath,
          'properties',
          'imageName',
        ]),
        ...fields
          .array(properties.repoTags, [...runPath, 'properties', 'repoTags'])
          .map(tag => (typeof tag === 'string' ? tag : undefined)),
      );
      const baseIds =
        fields.optionalObject(run.originalUriBaseIds, [
          ...runPath,
          'originalUriBaseIds',
        ]) ?? {};
      for (const base of Object.values(baseIds)) {
        const uri = (base as any)?.uri;
        imageCandidates.push(typeof uri === 'string' ? uri : undefined);
      }
      repoDigests = [
        ...repoDigests,
        ...fields.array(properties.repoDigests, [
          ...runPath,
          'properties',
          'repoDigests',
        ]),
      ];
      fields
        .array(run.invocations, [...runPath, 'invocations'])
        .forEach((invocation, index) => {
          const at = [...runPath, 'invocations', index];
          const object = fields.object(invocation, at);
          scannedAt ??=
            fields.optionalTimestamp(object.endTimeUtc, [
              ...at,
              'endTimeUtc',
            ]) ??
            fields.optionalTimestamp(object.startTimeUtc, [
              ...at,
              'startTimeUtc',
            ]);
        });
    });
    const reference = image
      ? parseImageReference(image)
      : firstImageReference(imageCandidates);
    if (!reference) {
      throw fields.error(
        ['runs', 0, 'properties', 'imageName'],
        'names no image: give the image reference',
      );
    }
    const digest =
      reference.digest ??
      digestFromRepoDigests(repoDigests, reference.repository, Boolean(image));
    return {
      image: { ...reference, ...(digest && { digest }) },
      scanner: scanner!,
      // SARIF without invocations carries no time: the time of reading stands in.
      scannedAt: scannedAt ?? new Date().toISOString(),
    };
  },
};
