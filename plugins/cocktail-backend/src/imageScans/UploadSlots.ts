import { CustomErrorBase } from '@backstage/errors';

/** Answered with 429 by Backstage's error middleware, which reads `statusCode`. */
export class TooManyUploadsError extends CustomErrorBase {
  name = 'TooManyUploadsError' as const;
  statusCode = 429;

  constructor(
    message: string,
    /** Seconds to wait before trying again, for the `Retry-After` header. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/**
 * Caps the uploads this backend instance reads at once: each holds a report stream, a parser
 * and a database transaction. One past the limit is refused rather than queued.
 */
export class UploadSlots {
  private inUse = 0;

  constructor(
    private readonly limit: number,
    private readonly retryAfterSeconds = 5,
  ) {}

  /** Takes a slot and returns its release, or throws TooManyUploadsError when none is free. */
  take(): () => void {
    if (this.inUse >= this.limit) {
      throw new TooManyUploadsError(
        `${this.limit} image scan uploads are being read already (cocktail.imageScans.maxConcurrentUploads); try again in ${this.retryAfterSeconds} seconds`,
        this.retryAfterSeconds,
      );
    }
    this.inUse += 1;
    let released = false;
    return () => {
      if (!released) {
        released = true;
        this.inUse -= 1;
      }
    };
  }
}
