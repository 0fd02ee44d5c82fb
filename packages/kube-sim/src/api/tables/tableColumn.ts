import { KubeObject } from '../types';
import { ageOf } from './humanAge';

export type Cell = string | number | boolean | null;

/** A Table column, as meta.k8s.io/v1 `columnDefinitions` describe it, with how to fill it. */
export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format?: string;
  description: string;
  /** 0 for the default view, 1 for `-o wide` only. */
  priority: number;
  cell(object: KubeObject, now: number): Cell;
}

export const nameColumn: TableColumn = {
  name: 'Name',
  type: 'string',
  format: 'name',
  description: 'Name must be unique within a namespace.',
  priority: 0,
  cell: object => object.metadata.name ?? '',
};

export const ageColumn: TableColumn = {
  name: 'Age',
  type: 'string',
  description: 'How long ago the object was created.',
  priority: 0,
  cell: (object, now) => ageOf(object.metadata.creationTimestamp, now),
};

/** A column whose cell is a string, `<none>` when empty. */
export function textColumn(
  name: string,
  description: string,
  text: (object: KubeObject) => string | undefined,
  priority = 0,
): TableColumn {
  return {
    name,
    type: 'string',
    description,
    priority,
    cell: object => text(object) || '<none>',
  };
}

/** A column whose cell is a whole number, 0 when absent. */
export function countColumn(
  name: string,
  description: string,
  count: (object: KubeObject) => number | undefined,
): TableColumn {
  return {
    name,
    type: 'integer',
    description,
    priority: 0,
    cell: object => count(object) ?? 0,
  };
}

/** `k=v,k2=v2`, as kubectl prints a label selector or a node selector. */
export function formatLabels(
  labels: Record<string, string> | undefined,
): string | undefined {
  const entries = Object.entries(labels ?? {});
  return entries.length
    ? entries.map(([key, value]) => `${key}=${value}`).join(',')
    : undefined;
}
