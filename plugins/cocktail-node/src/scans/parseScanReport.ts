import { InputError } from '@backstage/errors';
import {
  ImageReference,
  NormalizedScan,
  ScanReportFormat,
} from '@cocktailcloud/plugin-cocktail-common';
import { Readable } from 'node:stream';
import { parse as parseYaml } from 'yaml';
import { FindingCollector } from './FindingCollector';
import { formatImageReference } from './imageReference';
import { ReportReader } from './ReportReader';
import { ScanReportReaders } from './ScanReportReaders';
import { streamDocument } from './streamDocument';
import { TooManyFindingsError } from './TooManyFindingsError';

const BUILT_IN = ScanReportReaders.builtIn();

function unknownReport(readers: ScanReportReaders) {
  return `unknown report: expected ${readers.describeExpected()}`;
}

/** @public */
export interface ParseScanReportOptions {
  /** The report's format; detected when absent. */
  format?: ScanReportFormat;
  /** The formats read; the built-in ones when absent. */
  readers?: ScanReportReaders;
  /** The scanned image, for reports that do not name it (or name a local archive). */
  image?: string;
  /**
   * The most distinct findings accepted; a report with more throws a `TooManyFindingsError`
   * saying how many it has. Findings past the limit are counted, not kept.
   */
  maxFindings?: number;
}

/**
 * A report read without requiring an image: a filesystem or repository scan names none.
 *
 * @public
 */
export interface ScanReportContents extends Omit<NormalizedScan, 'image'> {
  image?: ImageReference;
  /** What was scanned, for people: the image, or such as `filesystem scan of .`. */
  target: string;
}

function readerFor(
  document: unknown,
  format: ScanReportFormat | undefined,
  readers: ScanReportReaders,
): { reader: ReportReader; document: Record<string, unknown> } {
  if (format) {
    const reader = readers.require(format);
    return { reader, document: reader.fields.object(document, []) };
  }
  if (typeof document !== 'object' || document === null) {
    throw new InputError(unknownReport(readers));
  }
  const object = document as Record<string, unknown>;
  const reader = readers
    .inDetectionOrder()
    .find(candidate => candidate.detect(object));
  if (!reader) {
    throw new InputError(unknownReport(readers));
  }
  return { reader, document: object };
}

function parseText(text: string, readers: ScanReportReaders): unknown {
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed);
    } catch (error) {
      throw new InputError(`not JSON: ${(error as Error).message}`);
    }
  }
  // Trivy Operator reports as `kubectl get vulnerabilityreport -o yaml` prints them.
  try {
    return parseYaml(trimmed);
  } catch (error) {
    throw new InputError(
      `${unknownReport(readers)}; it is neither JSON nor YAML: ${
        (error as Error).message
      }`,
    );
  }
}

/** Reads the stream's first bytes: JSON streams on, anything else (YAML) is read whole. */
async function peek(
  input: Readable,
): Promise<{ json: boolean; source: Readable }> {
  const iterator = input[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let json = false;
  for (;;) {
    const next = await iterator.next();
    if (next.done) {
      break;
    }
    const chunk = Buffer.isBuffer(next.value)
      ? next.value
      : Buffer.from(String(next.value));
    head.push(chunk);
    const text = chunk.toString('utf8').trimStart();
    if (text) {
      json = text.startsWith('{') || text.startsWith('[');
      break;
    }
  }
  async function* replay() {
    yield* head;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        return;
      }
      yield next.value;
    }
  }
  return { json, source: Readable.from(replay(), { objectMode: false }) };
}

/**
 * Reads a Trivy JSON, Grype JSON, SARIF 2.1.0 or Trivy Operator VulnerabilityReport into a
 * `NormalizedScan`, detecting the format unless given. A `Readable` of JSON is parsed as it
 * streams: the findings are read one by one and deduplicated, the raw document is never held.
 * A malformed or unknown report throws an `InputError` naming the format and the field.
 *
 * With `requireImage: false` a report that names no image (Trivy's filesystem and repository
 * scans) is read too, and says what it scanned in `target`.
 *
 * @public
 */
export async function parseScanReport(
  input: Readable | string | object,
  options?: ParseScanReportOptions & { requireImage?: true },
): Promise<NormalizedScan>;
/**
 * Reads a report that may name no image (a filesystem or repository scan).
 *
 * @public
 */
export async function parseScanReport(
  input: Readable | string | object,
  options: ParseScanReportOptions & { requireImage: false },
): Promise<ScanReportContents>;
export async function parseScanReport(
  input: Readable | string | object,
  options: ParseScanReportOptions & { requireImage?: boolean } = {},
): Promise<NormalizedScan | ScanReportContents> {
  const collector = new FindingCollector(options.maxFindings);
  const known = options.readers ?? BUILT_IN;
  let document: unknown;
  let itemsRead = false;
  if (input instanceof Readable) {
    const { json, source } = await peek(input);
    if (json) {
      const readers = options.format
        ? [known.require(options.format)]
        : known.inDetectionOrder();
      document = await streamDocument(
        source,
        readers
          .filter(reader => reader.itemPattern)
          .map(reader => ({
            pattern: reader.itemPattern!,
            onItem: (item, path) => reader.readItem(item, path, collector),
          })),
        readers.flatMap(reader => reader.skipPatterns ?? []),
      );
      itemsRead = true;
    } else {
      const chunks: Buffer[] = [];
      for await (const chunk of source) {
        chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
      }
      document = parseText(Buffer.concat(chunks).toString('utf8'), known);
    }
  } else if (typeof input === 'string') {
    document = parseText(input, known);
  } else if (Buffer.isBuffer(input)) {
    document = parseText(input.toString('utf8'), known);
  } else {
    document = input;
  }
  const { reader, document: object } = readerFor(
    document,
    options.format,
    known,
  );
  const imageOptional = options.requireImage === false;
  const { image, target, ...header } = reader.readDocument(object, collector, {
    image: options.image,
    // Streamed items were read into the collector; a reader without items reads them now.
    itemsRead: itemsRead && Boolean(reader.itemPattern),
    imageOptional,
  });
  if (
    options.maxFindings !== undefined &&
    collector.size > options.maxFindings
  ) {
    throw new TooManyFindingsError(collector.size, options.maxFindings);
  }
  const findings = collector.findings();
  if (imageOptional) {
    return {
      format: reader.format,
      ...(image && { image }),
      target: image ? formatImageReference(image) : target ?? 'scan',
      ...header,
      findings,
    };
  }
  if (!image) {
    throw new InputError(`${target ?? 'the report'} names no image`);
  }
  return { format: reader.format, image, ...header, findings };
}
