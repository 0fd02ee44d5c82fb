import { Config } from '@backstage/config';
import { ConfigEntryReader } from '../clusters/ConfigEntryReader';
import {
  CLUSTER_POLICY_ACTIONS,
  REQUEST_ACTIONS,
  ClusterPolicyAction,
  ClusterPolicyRuleConfig,
} from './types';

/** Where app-config lists the rules. */
export const POLICIES_CONFIG_KEY = 'cocktail.clusterApi.policies';

/**
 * Reads `cocktail.clusterApi.policies`, noting every mistake in `problems` with its key rather
 * than stopping at the first. Rules with a mistake are left out.
 */
export function readPolicyRules(
  config: Config,
  problems: string[],
): ClusterPolicyRuleConfig[] {
  const rules: ClusterPolicyRuleConfig[] = [];
  const keysByName = new Map<string, string>();
  const entries = config.getOptionalConfigArray(POLICIES_CONFIG_KEY) ?? [];
  entries.forEach((entry, index) => {
    const reader = new ConfigEntryReader(
      entry,
      `${POLICIES_CONFIG_KEY}[${index}]`,
      problems,
    );
    const name = required(reader, 'name');
    const message = required(reader, 'message');
    const expression = required(reader, 'expression');
    const appliesTo = readAppliesTo(reader, entry.getOptional('appliesTo'));
    if (name !== undefined) {
      const earlierKey = keysByName.get(name);
      if (earlierKey) {
        reader.problem(
          'name',
          `"${name}" is already the name of ${earlierKey}`,
        );
      } else {
        keysByName.set(name, reader.key);
      }
    }
    if (
      name !== undefined &&
      message !== undefined &&
      expression !== undefined &&
      appliesTo &&
      !reader.hasProblems()
    ) {
      rules.push({
        configKey: reader.key,
        name,
        message,
        expression,
        appliesTo,
      });
    }
  });
  return rules;
}

function required(
  reader: ConfigEntryReader,
  field: string,
): string | undefined {
  if (!reader.has(field)) {
    reader.problem(field, 'is required');
    return undefined;
  }
  return reader.string(field);
}

function readAppliesTo(
  reader: ConfigEntryReader,
  value: unknown,
): ClusterPolicyAction[] | undefined {
  if (value === undefined) {
    // Rules about the cluster's request: node, add-on and delete rules must name their actions.
    return [...REQUEST_ACTIONS];
  }
  const expected = `expected a non-empty list of ${CLUSTER_POLICY_ACTIONS.join(
    ', ',
  )}`;
  if (!Array.isArray(value) || value.length === 0) {
    reader.problem('appliesTo', `${expected}, got ${JSON.stringify(value)}`);
    return undefined;
  }
  const unknown = value.filter(
    action => !CLUSTER_POLICY_ACTIONS.includes(action as ClusterPolicyAction),
  );
  if (unknown.length > 0) {
    reader.problem(
      'appliesTo',
      `${expected}; ${unknown
        .map(action => JSON.stringify(action))
        .join(', ')} is not one of them`,
    );
    return undefined;
  }
  return CLUSTER_POLICY_ACTIONS.filter(action => value.includes(action));
}
