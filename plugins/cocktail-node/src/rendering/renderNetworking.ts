import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { podSelector } from './labels';
import { Manifest } from './types';

type Metadata = Manifest['metadata'];

/** LoadBalancer if any port asks for one, else NodePort if any does, else ClusterIP. */
function serviceType(server: CocktailServerEntityV1alpha1): string {
  const exposures = (server.spec.ports ?? []).map(p => p.expose ?? 'ClusterIP');
  if (exposures.includes('LoadBalancer')) {
    return 'LoadBalancer';
  }
  return exposures.includes('NodePort') ? 'NodePort' : 'ClusterIP';
}

/** The Kubernetes Service in front of a server's pods, or none when it declares no ports. */
export function renderService(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
): Manifest | undefined {
  const ports = server.spec.ports ?? [];
  if (!ports.length) {
    return undefined;
  }
  const type = serviceType(server);
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata,
    spec: {
      type,
      selector: podSelector(server),
      ports: ports.map(p => ({
        name: p.name,
        port: p.port,
        targetPort: p.targetPort ?? p.port,
        protocol: p.protocol ?? 'TCP',
        ...(p.nodePort !== undefined && type !== 'ClusterIP'
          ? { nodePort: p.nodePort }
          : {}),
      })),
    },
  };
}

/** One Ingress for the ports exposed as Ingress, one rule per port. */
export function renderIngress(
  server: CocktailServerEntityV1alpha1,
  metadata: Metadata,
): Manifest | undefined {
  const exposed = (server.spec.ports ?? []).filter(p => p.expose === 'Ingress');
  if (!exposed.length) {
    return undefined;
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata,
    spec: {
      rules: exposed.map(p => ({
        host: p.host,
        http: {
          paths: [
            {
              path: p.path ?? '/',
              pathType: 'Prefix',
              backend: {
                service: { name: server.metadata.name, port: { name: p.name } },
              },
            },
          ],
        },
      })),
    },
  };
}
