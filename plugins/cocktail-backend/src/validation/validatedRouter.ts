import express, { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { jsonBody } from './jsonBody';
import { parseInput } from './parseInput';

/** What a route accepts. A part without a schema must be empty: no query, no body. */
export interface RouteInput<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  params?: P;
  query?: Q;
  body?: B;
}

type Parsed<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

export type RouteHandler<I extends RouteInput> = (
  input: {
    params: Parsed<I['params'], Record<string, string>>;
    query: Parsed<I['query'], {}>;
    body: Parsed<I['body'], {}>;
  },
  req: Request,
  res: Response,
) => Promise<unknown>;

const noQuery = z.strictObject({});
const noBody = z.strictObject({});

/** Marks handlers registered through {@link validatedRouter}, so a test can find any that was not. */
export const VALIDATED_ROUTE = Symbol.for('cocktail.validatedRoute');

/**
 * An express router whose routes declare the schema of their params, query and body. The input
 * is checked before the handler runs, unknown fields and query parameters are refused, and a
 * route that declares no body accepts none: a new endpoint cannot forget to check its input.
 */
export function validatedRouter() {
  // A plain express router, so the marked handler is the one a test finds on the route.
  const router = express.Router();
  const add =
    (method: 'get' | 'post' | 'put' | 'delete') =>
    <I extends RouteInput>(
      path: string,
      input: I,
      handler: RouteHandler<I>,
    ) => {
      const check = async (req: Request, res: Response) => {
        const params = input.params
          ? parseInput(input.params, req.params, 'path')
          : req.params;
        const query = parseInput(input.query ?? noQuery, req.query, 'query');
        // express.json() leaves no body (or {}) when none was sent; it skips a body already read.
        const body = parseInput(input.body ?? noBody, req.body ?? {}, 'body');
        await handler({ params, query, body } as any, req, res);
      };
      const handle = (req: Request, res: Response, next: NextFunction) => {
        check(req, res).catch(next);
      };
      // A route that declares a body parses it itself, so one mounted before the router-wide
      // JSON parser (next to a streamed upload) cannot take an unread body for an empty one.
      const steps = [...(input.body ? jsonBody() : []), handle];
      for (const step of steps) {
        Object.defineProperty(step, VALIDATED_ROUTE, { value: true });
      }
      router[method](path, ...steps);
    };
  return {
    router: router as express.Router,
    get: add('get'),
    post: add('post'),
    put: add('put'),
    delete: add('delete'),
  };
}
