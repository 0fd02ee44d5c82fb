import { ServerResponse } from 'node:http';

/** A setting of the simulation that tests and demos read and replace over HTTP. */
export interface ControlEndpoint {
  get(): unknown;
  /** Replaces the setting; throws saying what is wrong with `input`. */
  set(input: unknown): void;
}

/** The `/kube-sim/…` paths: not part of the Kubernetes API, unauthenticated, never faulted. */
export const CONTROL_PATH_PREFIX = '/kube-sim/';

/** Answers GET with the setting and PUT by replacing it; 400 with the reason otherwise. */
export function serveControlEndpoint(
  endpoint: ControlEndpoint | undefined,
  method: string,
  body: string,
  response: ServerResponse,
) {
  const answer = (status: number, value: unknown) => {
    response.writeHead(status, { 'Content-Type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  if (!endpoint) {
    answer(404, { error: 'no such kube-sim setting; use faults or load' });
    return;
  }
  try {
    if (method === 'PUT') {
      endpoint.set(JSON.parse(body || '{}'));
    } else if (method !== 'GET') {
      throw new Error(`${method} is not supported; use GET or PUT`);
    }
    answer(200, endpoint.get());
  } catch (error) {
    answer(400, { error: (error as Error).message });
  }
}
