import { ConfigReader } from '@backstage/config';
import { parse } from 'yaml';
import { ClusterPolicyRequest } from '../types';

/**
 * The example rule set that app-config.yaml and the README show, kept here so that every rule
 * in it is tested.
 */
export const EXAMPLE_POLICIES_YAML = `
cocktail:
  clusterApi:
    policies:
      - name: allowed-providers
        message: Only aws, azure and docker clusters may be created
        expression: request.provider in ['aws', 'azure', 'docker']
        appliesTo: [create]
      - name: allowed-regions
        message: Clusters may only be created in ap-northeast-2, us-east-1 or koreacentral
        expression: "request.provider == 'docker' || request.region in ['ap-northeast-2', 'us-east-1', 'koreacentral']"
        appliesTo: [create]
      - name: kubernetes-version-window
        message: Kubernetes must be v1.31 to v1.34
        expression: "versionMajor(request.kubernetesVersion) == 1 && versionMinor(request.kubernetesVersion) >= 31 && versionMinor(request.kubernetesVersion) <= 34"
        appliesTo: [create, upgrade]
      - name: production-control-plane
        message: Production clusters need an odd number of at least 3 control-plane nodes
        expression: "!has(request.labels.environment) || request.labels.environment != 'production' || (request.controlPlane.replicas >= 3 && request.controlPlane.replicas % 2 == 1)"
      - name: required-labels
        message: Clusters need a team and an environment label
        expression: "['team', 'environment'].all(label, label in request.labels && request.labels[label] != '')"
      - name: node-pool-size
        message: A node pool may have at most 20 nodes
        expression: "request.nodePools.all(pool, pool.replicas == null || pool.replicas <= 20)"
      - name: node-pool-autoscaling
        message: A node pool may autoscale to at most 50 nodes
        expression: "request.nodePools.all(pool, pool.autoscaling == null || pool.autoscaling.maxReplicas <= 50)"
      - name: gradual-scale-down
        message: Scaling may remove at most 10 nodes from a node pool at once
        expression: "current == null || request.nodePools.all(pool, current.nodePools.all(live, live.name != pool.name || live.replicas - pool.replicas <= 10))"
        appliesTo: [scale]
`;

export function examplePoliciesConfig(): ConfigReader {
  return new ConfigReader(parse(EXAMPLE_POLICIES_YAML));
}

/** A request that every example rule allows. */
export function allowedRequest(): ClusterPolicyRequest {
  return {
    name: 'payments-prod',
    namespace: 'clusters',
    provider: 'aws',
    region: 'ap-northeast-2',
    kubernetesVersion: 'v1.33.1',
    controlPlane: {
      provider: 'kubeadm',
      replicas: 3,
      machineType: 'm6i.large',
    },
    nodePools: [
      {
        name: 'workers',
        replicas: 3,
        machineType: 'm6i.xlarge',
        autoscaling: { minReplicas: 3, maxReplicas: 10 },
      },
    ],
    labels: { team: 'payments', environment: 'production' },
  };
}
