import { parseEntityRef } from '@backstage/catalog-model';
import { AccessGrantRole } from '@cocktailcloud/plugin-cocktail-common';
import { Manifest } from '@cocktailcloud/plugin-cocktail-node';

/** The label that ties a grant's objects to its row. */
export const ACCESS_GRANT_LABEL = 'cocktail.io/access-grant';

/** A DNS-1123 label made of a person's name: `user:default/Bob.Smith` → `bob-smith`. */
function dnsLabelOf(userRef: string): string {
  const name = parseEntityRef(userRef, { defaultKind: 'user' }).name;
  return (
    name
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 30) || 'user'
  );
}

/** `cocktail-access-bob-1a2b3c4d`: whose grant, and which, readable in `kubectl get sa`. */
export function grantServiceAccountName(userRef: string, grantId: string) {
  return `cocktail-access-${dnsLabelOf(userRef)}-${grantId
    .replace(/-/g, '')
    .slice(0, 8)}`;
}

/**
 * The objects of one grant: a ServiceAccount labelled with the person and the expiry, and a
 * binding of it to the Kubernetes ClusterRole — a RoleBinding in the ServiceMap's namespace, or,
 * for a cluster-wide grant, a ClusterRoleBinding.
 */
export function grantObjects(grant: {
  id: string;
  scope: 'namespace' | 'cluster';
  namespace: string;
  userRef: string;
  role: AccessGrantRole;
  serviceAccount: string;
  expiresAt: string;
}): Manifest[] {
  const metadata = {
    name: grant.serviceAccount,
    namespace: grant.namespace,
    labels: {
      'app.kubernetes.io/managed-by': 'cocktail',
      [ACCESS_GRANT_LABEL]: grant.id,
      'cocktail.io/access-user': dnsLabelOf(grant.userRef),
    },
    annotations: {
      'cocktail.io/access-user': grant.userRef,
      'cocktail.io/access-expires-at': grant.expiresAt,
    },
  };
  const clusterWide = grant.scope === 'cluster';
  const { namespace: _namespace, ...clusterMetadata } = metadata;
  return [
    { apiVersion: 'v1', kind: 'ServiceAccount', metadata },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: clusterWide ? 'ClusterRoleBinding' : 'RoleBinding',
      metadata: clusterWide ? clusterMetadata : metadata,
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: grant.role,
      },
      subjects: [
        {
          kind: 'ServiceAccount',
          name: grant.serviceAccount,
          namespace: grant.namespace,
        },
      ],
    },
  ];
}
