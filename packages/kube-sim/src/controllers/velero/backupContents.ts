import {
  labelSelectorFromObject,
  matchesLabelSelector,
} from '../../api/selectors';
import { KubeObject, ResourceType } from '../../api/types';
import { typeKeyOf } from '../../store/ObjectStore';
import { ControllerContext } from '../ControllerContext';

/** Kinds Velero leaves out of a backup or recreates from their owners on restore. */
const SKIPPED_PLURALS = new Set([
  'events',
  'endpoints',
  'endpointslices',
  'controllerrevisions',
  'leases',
  'backups',
  'restores',
  'schedules',
  'backupstoragelocations',
]);

/** One object a backup holds, with the type it is stored as. */
export interface BackedUpItem {
  type: ResourceType;
  object: KubeObject;
}

/** Whether a namespace is in `included` (`*` or absent: all) and not in `excluded`. */
export function namespaceSelected(
  namespace: string,
  included: string[] | undefined,
  excluded: string[] | undefined,
): boolean {
  const all = !included?.length || included.includes('*');
  return (
    (all || included!.includes(namespace)) && !excluded?.includes(namespace)
  );
}

function selectedByLabels(object: KubeObject, selector: unknown): boolean {
  if (!selector) {
    return true;
  }
  try {
    return matchesLabelSelector(
      labelSelectorFromObject(selector as object),
      object.metadata.labels ?? {},
    );
  } catch {
    return false;
  }
}

/** One served type per group and resource (versions of a kind share one store). */
function namespacedTypes(ctx: ControllerContext): ResourceType[] {
  const seen = new Set<string>();
  return ctx.registry.all().filter(type => {
    const key = typeKeyOf(type);
    if (
      !type.namespaced ||
      seen.has(key) ||
      SKIPPED_PLURALS.has(type.plural) ||
      type.group === 'metrics.k8s.io' ||
      !type.verbs.includes('list')
    ) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

/**
 * What a Backup's spec selects, copied: the selected namespaces and their objects, except
 * those a controller owns (pods of a ReplicaSet, ReplicaSets of a Deployment), which their
 * owners recreate.
 */
export function collectBackupItems(
  ctx: ControllerContext,
  spec: Record<string, any>,
): BackedUpItem[] {
  const namespaces = ctx.store
    .list(ctx.types.namespaces)
    .filter(ns =>
      namespaceSelected(
        ns.metadata.name!,
        spec.includedNamespaces,
        spec.excludedNamespaces,
      ),
    );
  const items: BackedUpItem[] = namespaces.map(object => ({
    type: ctx.types.namespaces,
    object,
  }));
  for (const type of namespacedTypes(ctx)) {
    for (const namespace of namespaces) {
      for (const object of ctx.store.list(type, namespace.metadata.name)) {
        if (
          !ctx.controllerOf(object) &&
          selectedByLabels(object, spec.labelSelector)
        ) {
          items.push({ type, object: JSON.parse(JSON.stringify(object)) });
        }
      }
    }
  }
  return items;
}
