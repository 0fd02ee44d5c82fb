/** Server-side apply: merges a manager's applied configuration and records what it owns. */
import { cloneJson } from '../jsonValues';
import { KubeObject, ManagedFieldsEntry } from '../types';
import { ApplyConflict, describeField, findConflicts } from './applyConflicts';
import { FieldPath, FieldSet } from './FieldSet';
import {
  fieldsOf,
  isDefined,
  unionOfFields,
  withoutFields,
} from './managedFieldsEntries';
import { mergeApplied } from './mergeApplied';
import { fieldPathsOf, ownedPart } from './objectFields';
import { pruneEmptyAncestors, removeAt } from './valuesAtFieldPaths';

export interface ServerSideApplyOptions {
  live: KubeObject | undefined;
  applied: KubeObject;
  manager: string;
  force: boolean;
  now: string;
}

export type ServerSideApplyResult =
  | { object: KubeObject; managedFields: ManagedFieldsEntry[] }
  | { conflicts: ApplyConflict[] };

export function serverSideApply(
  options: ServerSideApplyOptions,
): ServerSideApplyResult {
  const { live, applied, manager, force, now } = options;
  const appliedFields = fieldPathsOf(applied);
  const entries = live?.metadata.managedFields ?? [];
  const previousApply = entries.find(
    entry => entry.manager === manager && entry.operation === 'Apply',
  );
  const otherManagersEntries = entries.filter(
    entry => entry.manager !== manager,
  );

  const conflicts = findConflicts(
    live,
    applied,
    appliedFields,
    otherManagersEntries,
  );
  if (conflicts.length > 0 && !force) {
    return {
      conflicts: conflicts.map(conflict => ({
        manager: conflict.manager,
        field: describeField(conflict.path),
      })),
    };
  }

  const forcedAway = new FieldSet(conflicts.map(conflict => conflict.path));
  const ownApplyEntry: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: applied.apiVersion,
    time: now,
    fieldsType: 'FieldsV1',
    fieldsV1: appliedFields.toFieldsV1(),
  };
  const managedFields = [
    ...entries.map(entry => {
      if (entry === previousApply) {
        return ownApplyEntry;
      }
      return entry.manager === manager
        ? entry
        : withoutFields(entry, forcedAway);
    }),
    ...(previousApply ? [] : [ownApplyEntry]),
  ].filter(isDefined);

  const object = startingObject(live, applied);
  const previousFields = previousApply
    ? fieldsOf(previousApply)
    : new FieldSet();
  removeDroppedFields(
    object,
    previousFields.difference(appliedFields),
    unionOfFields(managedFields.filter(entry => entry !== ownApplyEntry)),
    appliedFields,
  );
  mergeApplied(object, ownedPart(applied));
  object.apiVersion = applied.apiVersion;
  object.kind = applied.kind;
  return { object, managedFields };
}

function startingObject(
  live: KubeObject | undefined,
  applied: KubeObject,
): KubeObject {
  if (live) {
    const object = cloneJson(live);
    delete object.metadata.managedFields;
    return object;
  }
  const { name, namespace } = applied.metadata;
  return {
    apiVersion: applied.apiVersion,
    kind: applied.kind,
    metadata: namespace === undefined ? { name } : { name, namespace },
  };
}

/**
 * Removes the fields the manager stopped applying. A field stays while another manager owns it
 * or anything inside it, and a surviving list item keeps its merge key.
 */
function removeDroppedFields(
  object: KubeObject,
  dropped: FieldSet,
  ownedByOthers: FieldSet,
  appliedFields: FieldSet,
) {
  const stillOwned = ownedByOthers.union(appliedFields);
  for (const path of dropped) {
    const mustStay =
      ownedByOthers.has(path) ||
      ownedByOthers.hasDescendantOf(path) ||
      isMergeKeyOfItem(path);
    if (!mustStay && removeAt(object, path)) {
      pruneEmptyAncestors(object, path, stillOwned);
    }
  }
}

function isMergeKeyOfItem(path: FieldPath): boolean {
  const parent = path[path.length - 2];
  const token = path[path.length - 1];
  if (!parent?.startsWith('k:') || !token.startsWith('f:')) {
    return false;
  }
  return Object.hasOwn(JSON.parse(parent.slice(2)), token.slice(2));
}
