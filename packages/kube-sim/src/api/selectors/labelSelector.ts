/** Label selectors as kube-sim holds them, and whether an object's labels match one. */

export type LabelOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

/** `a=b` is held as `a In (b)` and `a!=b` as `a NotIn (b)`: they match the same objects. */
export interface LabelRequirement {
  key: string;
  operator: LabelOperator;
  values: string[];
}

/** All requirements must hold; no requirements matches everything. */
export interface LabelSelector {
  requirements: LabelRequirement[];
}

function matchesLabelRequirement(
  requirement: LabelRequirement,
  labels: Record<string, string>,
): boolean {
  const hasLabel = Object.prototype.hasOwnProperty.call(
    labels,
    requirement.key,
  );
  const value = labels[requirement.key];
  switch (requirement.operator) {
    case 'Exists':
      return hasLabel;
    case 'DoesNotExist':
      return !hasLabel;
    case 'In':
      return hasLabel && requirement.values.includes(value);
    case 'NotIn':
      return !hasLabel || !requirement.values.includes(value);
    default:
      return false;
  }
}

export function matchesLabelSelector(
  selector: LabelSelector,
  labels: Record<string, string> | undefined,
): boolean {
  return selector.requirements.every(requirement =>
    matchesLabelRequirement(requirement, labels ?? {}),
  );
}
