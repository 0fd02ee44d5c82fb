/**
 * A Kubernetes object as the backend rendered it: plain JSON.
 *
 * @public
 */
export interface KubernetesManifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  [key: string]: unknown;
}

/**
 * Objects applied as one change, or with a dry run checked by the API server.
 *
 * @public
 */
export interface ManifestApplyResult {
  dryRun: boolean;
  /** The objects, as `Kind/name`, in the order they are applied. */
  objects: string[];
  applied: string[];
  /** Objects in a namespace the same change creates: the API server checks them when applied. */
  uncheckedUntilApply: string[];
  manifests: KubernetesManifest[];
}

/**
 * The body of `POST /servicemaps/:namespace/:name/provision`.
 *
 * @public
 */
export interface ServiceMapProvisionRequest {
  dryRun?: boolean;
  /** Deny all traffic but DNS and traffic inside the namespace; off unless set. */
  defaultDenyNetworkPolicy?: boolean;
}
