import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { createPolicyEnvironment, loadCel } from './celEnvironment';
import { toPolicyContext } from './policyContext';
import { readPolicyRules } from './readPolicyRules';
import {
  CLUSTER_POLICY_ACTIONS,
  ClusterPolicyAction,
  ClusterPolicyCheckContext,
  ClusterPolicyCurrentCluster,
  ClusterPolicyRequest,
  ClusterPolicyRuleConfig,
  ClusterPolicyViolation,
} from './types';

interface CompiledRule extends ClusterPolicyRuleConfig {
  evaluate(context: Record<string, unknown>): unknown;
}

/**
 * The rules from `cocktail.clusterApi.policies` that a cluster request must pass before any
 * Cluster API object is applied. Each rule is a CEL expression that is true when the request
 * is allowed.
 *
 * @public
 */
export class ClusterPolicy {
  private readonly rules: CompiledRule[];

  /**
   * Reads and compiles every rule, so that a broken rule stops the backend at startup rather
   * than at the first request. Throws one `InputError` listing every mistake with its config
   * key, such as `cocktail.clusterApi.policies[2].expression`.
   */
  static async fromConfig(config: Config): Promise<ClusterPolicy> {
    const problems: string[] = [];
    const configured = readPolicyRules(config, problems);
    const environment = createPolicyEnvironment(await loadCel());
    const rules: CompiledRule[] = [];
    for (const rule of configured) {
      const problem = (message: string) =>
        problems.push(`${rule.configKey}.expression: ${message}`);
      let parsed;
      try {
        parsed = environment.parse(rule.expression);
      } catch (error) {
        problem(`does not compile: ${describeCelError(error)}`);
        continue;
      }
      const checked = parsed.check();
      if (!checked.valid) {
        problem(`does not compile: ${describeCelError(checked.error)}`);
      } else if (checked.type !== 'bool' && checked.type !== 'dyn') {
        problem(
          `must evaluate to a bool (true when the request is allowed), but evaluates to ${checked.type}`,
        );
      } else {
        rules.push({ ...rule, evaluate: parsed });
      }
    }
    if (problems.length > 0) {
      throw new InputError(problems.join('\n'));
    }
    return new ClusterPolicy(rules);
  }

  private constructor(rules: CompiledRule[]) {
    this.rules = rules;
  }

  /** The names of the rules, in app-config order. */
  get ruleNames(): string[] {
    return this.rules.map(rule => rule.name);
  }

  /** The names of the rules that check an action. */
  rulesFor(action: ClusterPolicyAction): string[] {
    return this.rules
      .filter(rule => rule.appliesTo.includes(action))
      .map(rule => rule.name);
  }

  /**
   * Checks a request against every rule that applies to the action and returns all the
   * violations, each with its rule's message; none when the request may go ahead. `extra`
   * names the operation, the person asking and the target, for rules that depend on them. A rule that
   * fails to evaluate, or returns anything but a bool, is a violation too: the request is
   * refused rather than let through unchecked.
   */
  check(
    action: ClusterPolicyAction,
    request: ClusterPolicyRequest,
    current?: ClusterPolicyCurrentCluster | null,
    extra?: ClusterPolicyCheckContext,
  ): ClusterPolicyViolation[] {
    if (!CLUSTER_POLICY_ACTIONS.includes(action)) {
      throw new InputError(
        `unknown action ${JSON.stringify(
          action,
        )}; expected one of ${CLUSTER_POLICY_ACTIONS.join(', ')}`,
      );
    }
    const context = toPolicyContext(action, request, current, extra);
    const violations: ClusterPolicyViolation[] = [];
    for (const rule of this.rules) {
      if (!rule.appliesTo.includes(action)) {
        continue;
      }
      let result: unknown;
      try {
        result = rule.evaluate(context);
      } catch (error) {
        violations.push({
          rule: rule.name,
          message: `${
            rule.message
          } (not checked: the rule failed with "${summaryOf(
            error,
          )}", so the request is refused)`,
        });
        continue;
      }
      if (result === true) {
        continue;
      }
      violations.push({
        rule: rule.name,
        message:
          result === false
            ? rule.message
            : `${rule.message} (not checked: the rule returned ${describeValue(
                result,
              )} instead of true or false, so the request is refused)`,
      });
    }
    return violations;
  }
}

/** A CEL error's message with its source pointer indented under it. */
function describeCelError(error: unknown): string {
  const message = String((error as Error | undefined)?.message ?? error);
  return message
    .split('\n')
    .filter(line => line.trim() !== '')
    .map((line, index) => (index === 0 ? line : `    ${line}`))
    .join('\n');
}

/** The one-line part of a CEL error, or the message of an error from a helper function. */
function summaryOf(error: unknown): string {
  const { summary, message } = (error ?? {}) as {
    summary?: unknown;
    message?: unknown;
  };
  if (typeof summary === 'string' && summary) {
    return summary;
  }
  return typeof message === 'string' ? message : String(error);
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'bigint') {
    return `the int ${value}`;
  }
  if (typeof value === 'string') {
    return `the string ${JSON.stringify(value)}`;
  }
  if (typeof value === 'number') {
    return `the double ${value}`;
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'a map' : String(value);
}
