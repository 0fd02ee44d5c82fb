/**
 * What an add-on does for a cluster, for grouping on the cluster page; `cni` marks the network
 * add-ons a kubeadm cluster needs before its nodes become Ready.
 *
 * @public
 */
export type AddonCategory =
  | 'cni'
  | 'metrics'
  | 'ingress'
  | 'security'
  | 'gpu'
  | 'monitoring'
  | 'backup'
  | 'other';

/**
 * One add-on of the catalog: a Helm chart pinned to a version, with the values it is installed
 * with, as Cluster API Add-on Provider Helm installs it.
 *
 * @public
 */
export interface AddonDefinition {
  /** The catalog name, a DNS-1123 label such as `calico`. */
  name: string;
  title: string;
  description: string;
  category: AddonCategory;
  repoURL: string;
  chartName: string;
  /** The pinned chart version. */
  version: string;
  /** The namespace of the release on each cluster. */
  namespace: string;
  releaseName?: string;
  /** The chart's values as YAML; CAAPH fills in Go templates over the Cluster (`{{ .Cluster.metadata.name }}`). */
  valuesTemplate?: string;
}

/**
 * The add-ons a portal offers, and which ones new clusters get.
 *
 * @public
 */
export interface AddonCatalog {
  addons: AddonDefinition[];
  /** Installed on every new cluster. */
  defaults: string[];
  /** The CNI a new kubeadm cluster gets when its defaults name none. */
  defaultCni: string;
}
