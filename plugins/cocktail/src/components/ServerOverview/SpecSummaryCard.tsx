import { InfoCard, StructuredMetadataTable } from '@backstage/core-components';
import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';

function describePorts(spec: CocktailServerEntityV1alpha1['spec']) {
  return (spec.ports ?? []).map(port => {
    const exposure =
      port.expose === 'Ingress'
        ? `Ingress ${port.host ?? ''}${port.path ?? '/'}`
        : port.expose ?? 'ClusterIP';
    return `${port.name}: ${port.port}/${port.protocol ?? 'TCP'} → ${
      port.targetPort ?? port.port
    } (${exposure}${port.nodePort ? ` :${port.nodePort}` : ''})`;
  });
}

function describeScaling(spec: CocktailServerEntityV1alpha1['spec']) {
  if (spec.autoscaling) {
    const { minReplicas, maxReplicas, targetCPUUtilization } = spec.autoscaling;
    return `${minReplicas}–${maxReplicas} replicas${
      targetCPUUtilization ? ` at ${targetCPUUtilization}% CPU` : ''
    }`;
  }
  if (spec.type === 'CronJob') {
    return `schedule ${spec.schedule}${
      spec.timeZone ? ` (${spec.timeZone})` : ''
    }`;
  }
  if (spec.type === 'DaemonSet') {
    return 'one pod per node';
  }
  if (spec.replicas === undefined) {
    return 'not set';
  }
  return `${spec.replicas} replica${spec.replicas === 1 ? '' : 's'}`;
}

/** What the catalog asks for: the server's spec in a few lines. */
export function SpecSummaryCard(props: {
  server: CocktailServerEntityV1alpha1;
}) {
  const { spec } = props.server;
  const metadata: Record<string, unknown> = {
    Type: spec.type,
    Images: spec.containers.map(c => `${c.name}: ${c.image}`),
    Resources: spec.containers.map(c => {
      const r = c.resources;
      return `${c.name}: requests ${r?.requests?.cpu ?? '—'} CPU / ${
        r?.requests?.memory ?? '—'
      }, limits ${r?.limits?.cpu ?? '—'} CPU / ${r?.limits?.memory ?? '—'}`;
    }),
    Ports: describePorts(spec).length ? describePorts(spec) : 'none',
    Volumes: spec.volumes?.length
      ? spec.volumes.map(
          v =>
            `${v.name}: ${v.size} at ${v.mountPath}${
              v.storageClass ? ` (${v.storageClass})` : ''
            }`,
        )
      : 'none',
    Scaling: describeScaling(spec),
  };
  return (
    <InfoCard title="Specification" subheader="What the catalog asks for">
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
