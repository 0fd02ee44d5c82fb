import { KubeObject, ResourceType } from '../types';
import { statusErrors } from '../statusErrors';
import { columnsFor } from './columnsFor';

/** Whether the client asked for a meta.k8s.io Table, as `kubectl get` does (`as=Table`). */
export function wantsTable(accept: string | string[] | undefined): boolean {
  const value = Array.isArray(accept) ? accept.join(',') : accept ?? '';
  return value
    .split(',')
    .some(
      part =>
        /;\s*as=Table(;|$)/.test(part) &&
        /;\s*g=meta\.k8s\.io(;|$)/.test(part) &&
        /;\s*v=v1(;|$)/.test(part),
    );
}

function rowObject(object: KubeObject, includeObject: string) {
  if (includeObject === 'None') {
    return undefined;
  }
  if (includeObject === 'Object') {
    return object;
  }
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata,
  };
}

/**
 * Objects as a meta.k8s.io/v1 Table: the kind's columns, one row per object with its cells and,
 * as `includeObject` asks (Metadata by default), the object's metadata, the object or nothing.
 */
export function toTable(
  type: ResourceType,
  objects: KubeObject[],
  listMetadata: Record<string, unknown>,
  query: URLSearchParams,
  now = Date.now(),
) {
  const includeObject = query.get('includeObject') ?? 'Metadata';
  if (!['None', 'Metadata', 'Object'].includes(includeObject)) {
    throw statusErrors.badRequest(
      `includeObject must be None, Metadata or Object, got ${includeObject}`,
    );
  }
  const columns = columnsFor(type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMetadata,
    columnDefinitions: columns.map(({ cell: _cell, ...definition }) => ({
      format: '',
      ...definition,
    })),
    rows: objects.map(object => ({
      cells: columns.map(column => column.cell(object, now)),
      object: rowObject(object, includeObject),
    })),
  };
}
