import { cocktailLabels, entityRefAnnotation } from './labels';
import { renderIngress, renderService } from './renderNetworking';
import { renderAutoscaler, renderClaims } from './renderScalingAndStorage';
import { renderWorkload } from './renderWorkload';
import { Manifest, RenderInput } from './types';

/**
 * Everything a CocktailServer deploys into its ServiceMap's namespace, in apply order: claims,
 * the workload, its Service, Ingress and HPA. A pure function: the same entities give the same
 * manifests, byte for byte.
 *
 * @public
 */
export function renderServerManifests({
  server,
  serviceMap,
}: RenderInput): Manifest[] {
  const labels = cocktailLabels(server, serviceMap);
  const metadata = {
    name: server.metadata.name,
    namespace: serviceMap.spec.namespace,
    labels,
    annotations: entityRefAnnotation(server),
  };
  return [
    ...renderClaims(server, metadata),
    renderWorkload(server, metadata, labels),
    renderService(server, metadata),
    renderIngress(server, metadata),
    renderAutoscaler(server, metadata),
  ].filter((m): m is Manifest => m !== undefined);
}
