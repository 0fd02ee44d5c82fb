import { AddonDefinition } from './types';

/**
 * The add-ons the suite offers unless `cocktail.clusterApi.addons.catalog` replaces them. Chart
 * repositories and names are those the projects publish; versions are pinned and meant to be
 * raised in config as the projects release.
 */
export const BUILT_IN_ADDONS: AddonDefinition[] = [
  {
    name: 'calico',
    title: 'Calico',
    description:
      'Pod networking and network policy (Tigera operator), VXLAN over the cluster pod ranges.',
    category: 'cni',
    repoURL: 'https://docs.tigera.io/calico/charts',
    chartName: 'tigera-operator',
    version: 'v3.29.1',
    namespace: 'tigera-operator',
    releaseName: 'calico',
    valuesTemplate: [
      'installation:',
      '  cni:',
      '    type: Calico',
      '  calicoNetwork:',
      '    bgp: Disabled',
      '    ipPools:{{ range $i, $cidr := .Cluster.spec.clusterNetwork.pods.cidrBlocks }}',
      '      - cidr: {{ $cidr }}',
      '        encapsulation: VXLAN{{ end }}',
      '',
    ].join('\n'),
  },
  {
    name: 'cilium',
    title: 'Cilium',
    description: 'eBPF pod networking, network policy and observability.',
    category: 'cni',
    repoURL: 'https://helm.cilium.io/',
    chartName: 'cilium',
    version: '1.16.5',
    namespace: 'kube-system',
    releaseName: 'cilium',
    valuesTemplate: [
      'ipam:',
      '  mode: kubernetes',
      'cluster:',
      '  name: {{ .Cluster.metadata.name }}',
      '',
    ].join('\n'),
  },
  {
    name: 'metrics-server',
    title: 'metrics-server',
    description:
      'Current CPU and memory of pods and nodes (metrics.k8s.io), for autoscaling and the status tabs.',
    category: 'metrics',
    repoURL: 'https://kubernetes-sigs.github.io/metrics-server/',
    chartName: 'metrics-server',
    version: '3.12.2',
    namespace: 'kube-system',
    releaseName: 'metrics-server',
  },
  {
    name: 'ingress-nginx',
    title: 'ingress-nginx',
    description: 'An Ingress controller on NGINX.',
    category: 'ingress',
    repoURL: 'https://kubernetes.github.io/ingress-nginx',
    chartName: 'ingress-nginx',
    version: '4.11.3',
    namespace: 'ingress-nginx',
    releaseName: 'ingress-nginx',
  },
  {
    name: 'cert-manager',
    title: 'cert-manager',
    description:
      'Certificates from ACME, Vault or a private CA for Ingresses and services.',
    category: 'security',
    repoURL: 'https://charts.jetstack.io',
    chartName: 'cert-manager',
    version: 'v1.16.2',
    namespace: 'cert-manager',
    releaseName: 'cert-manager',
    valuesTemplate: 'crds:\n  enabled: true\n',
  },
  {
    name: 'gpu-operator',
    title: 'NVIDIA GPU Operator',
    description:
      'Drivers, container toolkit and device plugin for NVIDIA GPU nodes.',
    category: 'gpu',
    repoURL: 'https://helm.ngc.nvidia.com/nvidia',
    chartName: 'gpu-operator',
    version: 'v24.9.1',
    namespace: 'gpu-operator',
    releaseName: 'gpu-operator',
  },
  {
    name: 'kube-prometheus-stack',
    title: 'kube-prometheus-stack',
    description:
      'Prometheus, Alertmanager, node-exporter and kube-state-metrics: the history behind the Monitoring tabs.',
    category: 'monitoring',
    repoURL: 'https://prometheus-community.github.io/helm-charts',
    chartName: 'kube-prometheus-stack',
    version: '66.3.1',
    namespace: 'monitoring',
    releaseName: 'kube-prometheus-stack',
  },
  {
    name: 'trivy-operator',
    title: 'Trivy Operator',
    description:
      'Scans the images that run for vulnerabilities (VulnerabilityReports).',
    category: 'security',
    repoURL: 'https://aquasecurity.github.io/helm-charts/',
    chartName: 'trivy-operator',
    version: '0.24.1',
    namespace: 'trivy-system',
    releaseName: 'trivy-operator',
  },
  {
    name: 'velero',
    title: 'Velero',
    description:
      'Backups and restores of namespaces and clusters (the Backups tabs).',
    category: 'backup',
    repoURL: 'https://vmware-tanzu.github.io/helm-charts',
    chartName: 'velero',
    version: '8.1.0',
    namespace: 'velero',
    releaseName: 'velero',
    valuesTemplate: [
      'snapshotsEnabled: false',
      'deployNodeAgent: false',
      'configuration:',
      '  backupStorageLocation:',
      '    - name: default',
      '      provider: aws',
      '      bucket: {{ .Cluster.metadata.name }}-backups',
      '',
    ].join('\n'),
  },
];
