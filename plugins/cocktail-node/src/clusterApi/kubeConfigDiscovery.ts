import http from 'node:http';
import https from 'node:https';
import type * as k8s from '@kubernetes/client-node';
import { RequestTimeoutError } from '../kubernetes/abortableRequests';
import { describeRequestError } from '../kubernetes/describeRequestError';
import { DiscoveryGet } from './discoverClusterApiVersions';

const TIMEOUT_MS = 15_000;

/**
 * A DiscoveryGet for the cluster a KubeConfig's current context points at, with its TLS and
 * credentials (client-node's applyToHTTPSOptions), reading discovery documents as plain JSON.
 * Each request is cancelled when it outlives `timeoutMs` (15 s when not given); failures name
 * the cluster (when given) and the cause in words.
 *
 * @public
 */
export function kubeConfigDiscovery(
  config: k8s.KubeConfig,
  options: { timeoutMs?: number; cluster?: string } = {},
): DiscoveryGet {
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  const where = options.cluster ? ` on cluster ${options.cluster}` : '';
  const failed = (path: string, error: unknown) =>
    new Error(`reading ${path}${where}: ${describeRequestError(error)}`);
  return async path => {
    const server = config.getCurrentCluster()?.server;
    if (!server) {
      throw new Error('the kubeconfig has no current cluster');
    }
    const url = new URL(`${server.replace(/\/$/, '')}${path}`);
    const requestOptions: https.RequestOptions = {
      method: 'GET',
      headers: { Accept: 'application/json' },
      signal: AbortSignal.timeout(timeoutMs),
    };
    await config.applyToHTTPSOptions(requestOptions);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, requestOptions, response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 0) >= 400) {
            reject(failed(path, { code: response.statusCode, body: text }));
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(
              new Error(`reading ${path}${where}: the answer is not JSON`),
            );
          }
        });
        response.on('error', error => reject(failed(path, error)));
      });
      request.on('error', error =>
        reject(
          failed(
            path,
            (error as Error).name === 'AbortError'
              ? new RequestTimeoutError(timeoutMs)
              : error,
          ),
        ),
      );
      request.end();
    });
  };
}
