import { InputError } from '@backstage/errors';
import express, { NextFunction, Request, Response } from 'express';

/**
 * `express.json()`, with a body that is not JSON, or JSON but not an object or array, answered
 * as bad input naming the body, like every other bad field.
 */
export function jsonBody(): Array<
  express.RequestHandler | express.ErrorRequestHandler
> {
  return [
    express.json({ limit: '1mb' }),
    (error: any, _req: Request, _res: Response, next: NextFunction) => {
      if (error?.type === 'entity.parse.failed') {
        next(
          new InputError(
            'body: expected a JSON object, got text that is not one (send Content-Type: application/json with an object)',
          ),
        );
        return;
      }
      if (error?.type === 'entity.too.large') {
        next(
          Object.assign(
            new InputError(
              `body: expected at most 1 MB of JSON, got ${error.length} bytes`,
            ),
            { statusCode: 413 },
          ),
        );
        return;
      }
      next(error);
    },
  ];
}
