import http from 'node:http';
import https from 'node:https';
import type * as k8s from '@kubernetes/client-node';
import { DiscoveryGet } from './discoverClusterApiVersions';

const TIMEOUT_MS = 15_000;

/**
 * A DiscoveryGet for the cluster a KubeConfig's current context points at, with its TLS and
 * credentials (client-node's applyToHTTPSOptions), reading discovery documents as plain JSON.
 *
 * @public
 */
export function kubeConfigDiscovery(config: k8s.KubeConfig): DiscoveryGet {
  return async path => {
    const server = config.getCurrentCluster()?.server;
    if (!server) {
      throw new Error('the kubeconfig has no current cluster');
    }
    const url = new URL(`${server.replace(/\/$/, '')}${path}`);
    const options: https.RequestOptions = {
      method: 'GET',
      headers: { Accept: 'application/json' },
      timeout: TIMEOUT_MS,
    };
    await config.applyToHTTPSOptions(options);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const request = transport.request(url, options, response => {
        const chunks: Buffer[] = [];
        response.on('data', chunk => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 0) >= 400) {
            reject(
              new Error(
                `GET ${path} answered ${response.statusCode}: ${text.slice(
                  0,
                  200,
                )}`,
              ),
            );
            return;
          }
          try {
            resolve(JSON.parse(text));
          } catch (error) {
            reject(new Error(`GET ${path} did not answer JSON`));
          }
        });
        response.on('error', reject);
      });
      request.on('timeout', () =>
        request.destroy(new Error(`GET ${path} did not answer within 15 s`)),
      );
      request.on('error', reject);
      request.end();
    });
  };
}
