import { stringifyEntityRef } from '@backstage/catalog-model';
import { ServiceMapRecord } from '@cocktailcloud/plugin-cocktail-node';

/** The portal entity an alert is about, and the page people are sent to. */
export interface AlertEntity {
  entityRef: string;
  serviceRef: string;
  /** A path in the portal: the server's Monitoring tab, or the ServiceMap's Servers tab. */
  link: string;
}

/** Which registered cluster an alert is from: the one whose monitoring labels it carries. */
export function clusterOfAlert(
  labels: Record<string, string>,
  clusters: Array<{ name: string; labels: Record<string, string> }>,
): string | undefined {
  const labelled = clusters.filter(
    cluster =>
      Object.keys(cluster.labels).length > 0 &&
      Object.entries(cluster.labels).every(([k, v]) => labels[k] === v),
  );
  if (labelled.length === 1) {
    return labelled[0].name;
  }
  if (labelled.length === 0 && clusters.length === 1) {
    // One cluster with an Alertmanager of its own: its alerts need no label to say so.
    return clusters[0].name;
  }
  return labels.cluster && clusters.some(c => c.name === labels.cluster)
    ? labels.cluster
    : undefined;
}

function pagePath(ref: { kind: string; namespace: string; name: string }) {
  return `/catalog/${encodeURIComponent(
    ref.namespace,
  )}/${ref.kind.toLocaleLowerCase('en-US')}/${encodeURIComponent(ref.name)}`;
}

/** The entity of an alert's ServiceMap (and server, when the alert names one and it exists). */
export function alertEntity(
  serviceMap: ServiceMapRecord,
  server: { kind: string; namespace: string; name: string } | undefined,
): AlertEntity {
  const [kind, rest] = serviceMap.ref.split(':');
  const [namespace, name] = rest.split('/');
  const mapRef = { kind, namespace, name };
  return server
    ? {
        entityRef: stringifyEntityRef(server),
        serviceRef: serviceMap.service,
        link: `${pagePath(server)}/cocktail-monitoring`,
      }
    : {
        entityRef: serviceMap.ref,
        serviceRef: serviceMap.service,
        link: `${pagePath(mapRef)}/cocktail-servers`,
      };
}
