import { KubeObject } from '../api/types';

/** Raises (or lowers) the load of the pods of one namespace whose labels match. */
export interface LoadRule {
  namespace: string;
  /** Labels the pods must all carry; every pod of the namespace when empty. */
  labels?: Record<string, string>;
  factor: number;
  /** The pods' containers crash and are restarted this often (a crash loop), when set. */
  restartEverySeconds?: number;
}

export interface LoadSettings {
  /** Scales every pod's simulated CPU use (1 = normal). */
  factor: number;
  /** Per-workload factors; the last matching rule wins over `factor`. */
  rules: LoadRule[];
}

/**
 * How busy the simulated pods are: the factor their CPU use is scaled by, for the whole cluster
 * and per workload (by namespace and labels), settable over `/kube-sim/load`.
 */
export class SimulatedLoad {
  private settings: LoadSettings = { factor: 1, rules: [] };

  get factor(): number {
    return this.settings.factor;
  }

  set factor(factor: number) {
    this.settings = { ...this.settings, factor };
  }

  get(): LoadSettings {
    return {
      factor: this.settings.factor,
      rules: this.settings.rules.map(rule => ({ ...rule })),
    };
  }

  /** Replaces the settings; throws saying which field is wrong. */
  set(input: unknown) {
    this.settings = checkLoadSettings(input);
  }

  factorFor(pod: KubeObject): number {
    return this.ruleFor(pod)?.factor ?? this.settings.factor;
  }

  /** How often the pod's containers crash, or undefined when they do not. */
  restartIntervalFor(pod: KubeObject): number | undefined {
    return this.ruleFor(pod)?.restartEverySeconds;
  }

  /** The last rule matching the pod's namespace and labels. */
  private ruleFor(pod: KubeObject): LoadRule | undefined {
    const labels = pod.metadata.labels ?? {};
    return this.settings.rules
      .filter(
        rule =>
          rule.namespace === pod.metadata.namespace &&
          Object.entries(rule.labels ?? {}).every(
            ([key, value]) => labels[key] === value,
          ),
      )
      .pop();
  }
}

function checkFactor(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(
      `${field}: expected a number of at least 0, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

function checkLoadSettings(input: unknown): LoadSettings {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new Error('expected an object with factor and rules');
  }
  const { factor = 1, rules = [] } = input as Record<string, unknown>;
  if (!Array.isArray(rules)) {
    throw new Error(`rules: expected a list, got ${JSON.stringify(rules)}`);
  }
  return {
    factor: checkFactor(factor, 'factor'),
    rules: rules.map((rule, index) => {
      const field = `rules[${index}]`;
      if (typeof rule !== 'object' || rule === null) {
        throw new Error(`${field}: expected an object`);
      }
      if (typeof rule.namespace !== 'string' || !rule.namespace) {
        throw new Error(`${field}.namespace: expected a namespace name`);
      }
      const labels = rule.labels ?? {};
      if (
        typeof labels !== 'object' ||
        Array.isArray(labels) ||
        Object.values(labels).some(value => typeof value !== 'string')
      ) {
        throw new Error(
          `${field}.labels: expected a map of label names to strings`,
        );
      }
      const restartEverySeconds = rule.restartEverySeconds;
      if (
        restartEverySeconds !== undefined &&
        (typeof restartEverySeconds !== 'number' ||
          !Number.isFinite(restartEverySeconds) ||
          restartEverySeconds < 1)
      ) {
        throw new Error(
          `${field}.restartEverySeconds: expected a number of seconds of at least 1, got ${JSON.stringify(
            restartEverySeconds,
          )}`,
        );
      }
      return {
        namespace: rule.namespace,
        labels,
        factor: checkFactor(rule.factor ?? 1, `${field}.factor`),
        ...(restartEverySeconds !== undefined && { restartEverySeconds }),
      };
    }),
  };
}
