import { Manifest } from '@cocktailcloud/plugin-cocktail-node';
import { KubernetesOperations } from './KubernetesOperations';
import { partialFailure } from './partialFailure';
import { describeRef } from './ServerTarget';

/** What {@link applyManifests} did, or with a dry run would do. */
export interface ApplyResult {
  dryRun: boolean;
  /** The objects, as `Kind/name`, in the order they are applied. */
  objects: string[];
  applied: string[];
  /**
   * Objects the dry run could not check because their namespace is created by this same change;
   * the API server checks them when they are applied.
   */
  uncheckedUntilApply: string[];
  manifests: Manifest[];
}

/** Namespaces this change creates that do not exist yet. */
async function newNamespaces(
  ops: KubernetesOperations,
  manifests: Manifest[],
): Promise<Set<string>> {
  const created = new Set<string>();
  for (const manifest of manifests.filter(m => m.kind === 'Namespace')) {
    const existing = await ops.read({
      apiVersion: 'v1',
      kind: 'Namespace',
      namespace: '',
      name: manifest.metadata.name!,
    });
    if (!existing) {
      created.add(manifest.metadata.name!);
    }
  }
  return created;
}

/**
 * Applies the manifests one after the other, returning them as `Kind/name`; a failure part way
 * says which were applied and which were not.
 */
export async function applyInOrder(
  ops: KubernetesOperations,
  manifests: Manifest[],
): Promise<string[]> {
  const applied: string[] = [];
  for (const manifest of manifests) {
    try {
      await ops.apply(manifest, { dryRun: false });
      applied.push(describeRef(manifest));
    } catch (error) {
      throw partialFailure(
        error as Error,
        `applying ${describeRef(manifest)}`,
        applied,
        manifests.slice(applied.length + 1).map(m => describeRef(m)),
      );
    }
  }
  return applied;
}

/**
 * Applies several objects as one change: the API server checks every one with a dry run before
 * any is applied, and a failure part way says what was applied and what was not.
 */
export async function applyManifests(
  ops: KubernetesOperations,
  manifests: Manifest[],
  options: { dryRun: boolean },
): Promise<ApplyResult> {
  const objects = manifests.map(m => describeRef(m));
  const created = await newNamespaces(ops, manifests);
  const uncheckedUntilApply: string[] = [];
  for (const manifest of manifests) {
    if (
      manifest.metadata.namespace &&
      created.has(manifest.metadata.namespace)
    ) {
      uncheckedUntilApply.push(describeRef(manifest));
    } else {
      await ops.apply(manifest, { dryRun: true });
    }
  }
  if (options.dryRun) {
    return {
      dryRun: true,
      objects,
      applied: [],
      uncheckedUntilApply,
      manifests,
    };
  }
  const applied = await applyInOrder(ops, manifests);
  return { dryRun: false, objects, applied, uncheckedUntilApply, manifests };
}
