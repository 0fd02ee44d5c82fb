import {
  CocktailContainer,
  CocktailProbe,
  CocktailServerEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';

function probe(spec: CocktailProbe | undefined) {
  if (!spec) {
    return undefined;
  }
  const { httpGet, tcpSocket, grpc, exec, ...timing } = spec;
  return {
    ...(httpGet
      ? {
          httpGet: {
            path: httpGet.path ?? '/',
            port: httpGet.port,
            scheme: httpGet.scheme ?? 'HTTP',
          },
        }
      : {}),
    ...(tcpSocket ? { tcpSocket: { port: tcpSocket.port } } : {}),
    ...(grpc ? { grpc: { port: grpc.port } } : {}),
    ...(exec ? { exec: { command: exec.command } } : {}),
    ...timing,
  };
}

/** Volume claims of a Deployment, DaemonSet or Job are named <server>-<volume>. */
export function claimName(
  server: CocktailServerEntityV1alpha1,
  volume: string,
): string {
  return `${server.metadata.name}-${volume}`;
}

function container(
  server: CocktailServerEntityV1alpha1,
  spec: CocktailContainer,
) {
  const mounts = (server.spec.volumes ?? [])
    .filter(v => !v.containers || v.containers.includes(spec.name))
    .map(v => ({
      name: v.name,
      mountPath: v.mountPath,
      ...(v.readOnly ? { readOnly: true } : {}),
    }));
  return {
    name: spec.name,
    image: spec.image,
    ...(spec.command ? { command: spec.command } : {}),
    ...(spec.args ? { args: spec.args } : {}),
    ...(spec.ports
      ? {
          ports: spec.ports.map(p => ({
            name: p.name,
            containerPort: p.containerPort,
            protocol: p.protocol ?? 'TCP',
          })),
        }
      : {}),
    ...(spec.env ? { env: spec.env } : {}),
    ...(spec.resources ? { resources: spec.resources } : {}),
    ...(mounts.length ? { volumeMounts: mounts } : {}),
    ...(spec.readinessProbe
      ? { readinessProbe: probe(spec.readinessProbe) }
      : {}),
    ...(spec.livenessProbe ? { livenessProbe: probe(spec.livenessProbe) } : {}),
    ...(spec.startupProbe ? { startupProbe: probe(spec.startupProbe) } : {}),
  };
}

/**
 * The pod template of a server's workload. A StatefulSet's volumes come from its claim
 * templates; other types mount one claim per volume.
 */
export function renderPodTemplate(
  server: CocktailServerEntityV1alpha1,
  labels: Record<string, string>,
  restartPolicy?: 'Never' | 'OnFailure',
) {
  const volumes =
    server.spec.type === 'StatefulSet'
      ? []
      : (server.spec.volumes ?? []).map(v => ({
          name: v.name,
          persistentVolumeClaim: { claimName: claimName(server, v.name) },
        }));
  return {
    metadata: { labels },
    spec: {
      containers: server.spec.containers.map(c => container(server, c)),
      ...(volumes.length ? { volumes } : {}),
      ...(restartPolicy ? { restartPolicy } : {}),
    },
  };
}
