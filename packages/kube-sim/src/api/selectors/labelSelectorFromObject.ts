import { LabelRequirement, LabelSelector } from './labelSelector';
import { checkLabelKey, checkLabelValue } from './labelSyntax';
import { SelectorError } from './SelectorError';

/** The `{ matchLabels, matchExpressions }` form of a label selector used in specs. */
export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: string;
    values?: string[];
  }>;
}

function requirementFromExpression(
  expression: NonNullable<LabelSelectorObject['matchExpressions']>[number],
  index: number,
): LabelRequirement {
  const where = `in matchExpressions[${index}]`;
  const { key, operator } = expression;
  const values = expression.values ?? [];
  checkLabelKey(key, where);
  values.forEach(value => checkLabelValue(value, where));
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        throw new SelectorError(
          `matchExpressions[${index}]: operator ${operator} needs at least one value`,
        );
      }
      return { key, operator, values: [...values] };
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        throw new SelectorError(
          `matchExpressions[${index}]: operator ${operator} takes no values`,
        );
      }
      return { key, operator, values: [] };
    default:
      throw new SelectorError(
        `matchExpressions[${index}]: unknown operator "${operator}", expected In, NotIn, Exists or DoesNotExist`,
      );
  }
}

/** Converts the `{ matchLabels, matchExpressions }` form used in specs. */
export function labelSelectorFromObject(
  selector: LabelSelectorObject,
): LabelSelector {
  const fromLabels = Object.entries(selector.matchLabels ?? {}).map(
    ([key, value]): LabelRequirement => {
      checkLabelKey(key, 'in matchLabels');
      checkLabelValue(value, `in matchLabels.${key}`);
      return { key, operator: 'In', values: [value] };
    },
  );
  const fromExpressions = (selector.matchExpressions ?? []).map(
    requirementFromExpression,
  );
  return { requirements: [...fromLabels, ...fromExpressions] };
}
