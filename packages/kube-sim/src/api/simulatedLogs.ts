import { KubeObject } from './types';

/** A pod's log: a few deterministic lines per container, stamped from the pod's start. */
export function simulatedLogLines(
  pod: KubeObject,
  container: string,
): string[] {
  const start =
    Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp ?? '') ||
    Date.now();
  const image =
    (pod.spec?.containers ?? []).find((c: any) => c.name === container)
      ?.image ?? 'unknown';
  const messages = [
    `starting ${container} from ${image}`,
    'configuration loaded',
    'listening for requests',
    'health check passed',
    'handled 42 requests in the last minute',
  ];
  return messages.map(
    (message, i) =>
      `${new Date(start + i * 1000).toISOString()} ${
        pod.metadata.name
      } ${container}: ${message}`,
  );
}
