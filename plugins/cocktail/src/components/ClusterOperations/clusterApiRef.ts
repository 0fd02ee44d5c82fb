import { Entity } from '@backstage/catalog-model';
import {
  ClusterFieldChange,
  ClusterScaleResult,
  ClusterUpgradeResult,
  NamespacedName,
} from '@cocktailcloud/plugin-cocktail-common';
import { DryRunAnswer } from './ChangeDialog';

/** The annotation a cluster created through Cluster API carries: `<management>/<namespace>/<name>`. */
export const CLUSTER_API_ANNOTATION = 'cocktailcloud.io/cluster-api';

/** Where a `kubernetes-cluster` Resource's Cluster lives on the management cluster, when it has one. */
export function clusterApiRefOf(
  entity: Entity,
): (NamespacedName & { managementCluster: string }) | undefined {
  const value = entity.metadata.annotations?.[CLUSTER_API_ANNOTATION];
  const parts = value?.split('/');
  if (!parts || parts.length !== 3 || parts.some(p => !p)) {
    return undefined;
  }
  const [managementCluster, namespace, name] = parts;
  return { managementCluster, namespace, name };
}

function describeFieldChange(change: ClusterFieldChange): string {
  return `Change ${change.object} ${change.path} from ${
    change.from ?? 'unset'
  } to ${change.to}`;
}

/** An upgrade's or scale's answer as the dialogs list it. */
export function upgradeOrScaleAnswer(
  result: ClusterUpgradeResult | ClusterScaleResult,
): DryRunAnswer {
  if ('objects' in result) {
    return {
      changes: result.objects.map(object => `Apply ${object}`),
      policyRules: (result as { policyRules?: string[] }).policyRules,
    };
  }
  return {
    changes: result.changes.length
      ? result.changes.map(describeFieldChange)
      : ['Nothing to change: every object already has that value'],
    policyRules: (result as { policyRules?: string[] }).policyRules,
  };
}

/** `v1.33.1` → `v1.34.0`: the next minor version, the only step an upgrade may take. */
export function nextMinorVersion(version: string | undefined): string {
  const match = /^v(\d+)\.(\d+)\./.exec(version ?? '');
  return match ? `v${match[1]}.${Number(match[2]) + 1}.0` : '';
}
