import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'An EKS-style self-managed AWS cluster with kubeadm, waiting until it is up',
    example: yaml.stringify({
      steps: [
        {
          id: 'create-cluster',
          action: 'cocktail:cluster:create',
          name: 'Create the cluster',
          input: {
            name: 'payments-prod-2',
            provider: 'aws',
            region: 'eu-west-1',
            kubernetesVersion: 'v1.33.1',
            controlPlane: { replicas: 3, machineType: 'm5.large' },
            nodePools: [
              {
                name: 'workers',
                replicas: 3,
                machineType: 'm5.xlarge',
                minReplicas: 3,
                maxReplicas: 10,
              },
            ],
            labels: { team: 'payments', environment: 'production' },
            owner: 'group:platform-team',
            waitForProvisioned: true,
          },
        },
      ],
    }),
  },
  {
    description: 'A cluster from a ClusterClass on the management cluster',
    example: yaml.stringify({
      steps: [
        {
          id: 'create-cluster',
          action: 'cocktail:cluster:create',
          input: {
            name: 'sandbox',
            provider: 'docker',
            clusterClass: 'quick-start',
            variables: { imageRepository: 'registry.k8s.io' },
            nodePools: [{ name: 'md-0', replicas: 1 }],
          },
        },
      ],
    }),
  },
];
