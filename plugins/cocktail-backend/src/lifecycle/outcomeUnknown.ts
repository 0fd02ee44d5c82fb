import { CustomErrorBase } from '@backstage/errors';
import type { KubernetesObject } from '@kubernetes/client-node';

/**
 * A change that got no answer in time: it was cancelled, but the cluster may have made it.
 * Answered as 504, never as "not applied".
 */
export class OutcomeUnknownError extends CustomErrorBase {
  name = 'OutcomeUnknownError' as const;
  readonly statusCode = 504;
}

const IGNORED_TOP_LEVEL = new Set(['apiVersion', 'kind', 'status']);

interface Difference {
  path: string;
  requested: unknown;
  actual: unknown;
}

function short(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** Where `actual` does not have what `requested` asked for; `null` asks for a field's removal. */
function differences(
  requested: unknown,
  actual: unknown,
  path: string,
  found: Difference[],
) {
  if (found.length >= 3) {
    return;
  }
  if (requested === null) {
    if (actual !== undefined && actual !== null) {
      found.push({ path, requested: 'removed', actual });
    }
    return;
  }
  if (Array.isArray(requested)) {
    const list = Array.isArray(actual) ? actual : [];
    requested.forEach((item, i) => {
      const name = (item as { name?: unknown } | null)?.name;
      const match =
        typeof name === 'string'
          ? list.find(candidate => candidate?.name === name)
          : list[i];
      differences(
        item,
        match,
        `${path}[${typeof name === 'string' ? name : i}]`,
        found,
      );
    });
    return;
  }
  if (typeof requested === 'object') {
    const object = (actual ?? {}) as Record<string, unknown>;
    for (const [key, value] of Object.entries(requested)) {
      if (path === '' && IGNORED_TOP_LEVEL.has(key)) {
        continue;
      }
      if (path === 'metadata' && (key === 'name' || key === 'namespace')) {
        continue;
      }
      differences(value, object[key], path ? `${path}.${key}` : key, found);
    }
    return;
  }
  if (requested !== actual) {
    found.push({ path, requested, actual });
  }
}

/**
 * What the cluster shows after a change whose answer never came, in words: whether the object
 * has the requested values (so the change was most likely made) or which values differ.
 */
export function describeWriteOutcome(
  requested: Record<string, unknown> | 'deleted',
  current: KubernetesObject | undefined,
): string {
  if (requested === 'deleted') {
    if (!current) {
      return 'it gone: the delete was made';
    }
    return current.metadata?.deletionTimestamp
      ? 'it being deleted'
      : `it still there (resourceVersion ${current.metadata?.resourceVersion}): the delete was not made yet`;
  }
  if (!current) {
    return 'no such object: the change was not made';
  }
  const found: Difference[] = [];
  differences(requested, current, '', found);
  if (!found.length) {
    return 'the requested values: the change was most likely made';
  }
  return `${found
    .map(
      d =>
        `${d.path} = ${short(d.actual)} where ${short(d.requested)} was asked`,
    )
    .join(', ')}: the change was not made, or not yet`;
}
