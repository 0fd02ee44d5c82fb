import { CustomErrorBase, InputError } from '@backstage/errors';
import { Request } from 'express';
import { Readable, Transform } from 'node:stream';
import { createGunzip } from 'node:zlib';

/** Answered with 413 by Backstage's error middleware, which reads `statusCode`. */
export class PayloadTooLargeError extends CustomErrorBase {
  name = 'PayloadTooLargeError' as const;
  statusCode = 413;
}

/**
 * A parser's TooManyFindingsError as a 413 that names the setting; undefined for other errors.
 */
export function tooManyFindings(
  error: unknown,
): PayloadTooLargeError | undefined {
  if ((error as Error)?.name !== 'TooManyFindingsError') {
    return undefined;
  }
  return new PayloadTooLargeError(
    `${
      (error as Error).message
    } (cocktail.imageScans.maxFindingsPerScan); upload a report of one image, or raise the limit`,
  );
}

function tooLarge(limitBytes: number) {
  return new PayloadTooLargeError(
    `the report is larger than the ${
      limitBytes >= 2 ** 20
        ? `${Math.round(limitBytes / 2 ** 20)} MB`
        : `${Math.round(limitBytes / 1024)} KB`
    } limit (cocktail.imageScans.maxUploadMegabytes); upload a report of one image, or gzip it with Content-Encoding: gzip`,
  );
}

/**
 * The request body as a stream, never buffered whole: checked to be JSON, gunzipped when sent
 * with `Content-Encoding: gzip`, and cut off with a 413 past `limitBytes` (after gunzip).
 * `exceeded()` tells whether a failure came from the limit.
 */
export function readReportBody(
  req: Request,
  limitBytes: number,
): { body: Readable; exceeded: () => PayloadTooLargeError | undefined } {
  if (!req.is(['application/json', 'application/*+json'])) {
    throw new InputError(
      `Content-Type: expected application/json, got ${
        req.headers['content-type'] ?? 'none'
      }; send the report file as the body, such as curl --data-binary @report.json -H 'Content-Type: application/json'`,
    );
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limitBytes) {
    throw tooLarge(limitBytes);
  }
  const encoding = (req.headers['content-encoding'] ?? 'identity')
    .toString()
    .toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new InputError(
      `Content-Encoding: expected gzip or none, got ${encoding}`,
    );
  }
  let seen = 0;
  let error: PayloadTooLargeError | undefined;
  const limiter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > limitBytes) {
        error = tooLarge(limitBytes);
        callback(error);
        return;
      }
      callback(null, chunk);
    },
  });
  const source: Readable = encoding === 'gzip' ? req.pipe(createGunzip()) : req;
  source.on('error', e => limiter.destroy(e));
  source.pipe(limiter);
  return { body: limiter, exceeded: () => error };
}
