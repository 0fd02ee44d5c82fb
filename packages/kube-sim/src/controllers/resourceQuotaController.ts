import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { computeQuotaUsage, countsObjects } from './quotaUsage';

const ALWAYS_COUNTED = ['Pod', 'PersistentVolumeClaim', 'ResourceQuota'];

/** `count/deployments.apps` → the stored objects of that resource in the namespace. */
function objectCounter(ctx: ControllerContext, namespace: string) {
  return (resource: string) => {
    const [plural, ...group] = resource.replace(/^count\//, '').split('.');
    const type = ctx.registry
      .all()
      .find(
        t => t.namespaced && t.plural === plural && t.group === group.join('.'),
      );
    return type ? ctx.store.list(type, namespace).length : undefined;
  };
}

/**
 * True when a change to this object can change what a quota in its namespace reports: pods,
 * claims and quotas always, other objects when a quota counts objects.
 */
export function affectsQuotas(
  ctx: ControllerContext,
  object: KubeObject,
  previous?: KubeObject,
): boolean {
  const namespace = object.metadata.namespace;
  if (!namespace) {
    return false;
  }
  if (
    object.kind === 'ResourceQuota' &&
    previous &&
    JSON.stringify(previous.spec) === JSON.stringify(object.spec)
  ) {
    return false;
  }
  const quotas = ctx.store.list(ctx.types.resourcequotas, namespace);
  if (!quotas.length) {
    return false;
  }
  return (
    ALWAYS_COUNTED.includes(object.kind) ||
    quotas.some(q => Object.keys(q.spec?.hard ?? {}).some(countsObjects))
  );
}

/** Sets each ResourceQuota's `status.hard` to its spec and `status.used` to the namespace's use. */
export function syncResourceQuotas(ctx: ControllerContext, namespace: string) {
  const quotas = ctx.store.list(ctx.types.resourcequotas, namespace);
  if (!quotas.length) {
    return;
  }
  const subjects = {
    pods: ctx.store.list(ctx.types.pods, namespace),
    claims: ctx.store.list(ctx.types.pvcs, namespace),
    countObjects: objectCounter(ctx, namespace),
  };
  for (const quota of quotas) {
    if (quota.metadata.deletionTimestamp) {
      continue;
    }
    const hard: Record<string, string> = quota.spec?.hard ?? {};
    ctx.setStatus(ctx.types.resourcequotas, quota, {
      hard,
      used: computeQuotaUsage(Object.keys(hard), subjects),
    });
  }
}
