import { ConfigReader } from '@backstage/config';
import { ClusterPolicy } from './ClusterPolicy';
import {
  allowedRequest,
  examplePoliciesConfig,
} from './__testUtils__/examplePolicies';
import { ClusterPolicyRequest } from './types';

type RuleConfig = {
  name: string;
  message: string;
  expression: string;
  appliesTo?: string[];
};

function policyOf(...policies: RuleConfig[]): Promise<ClusterPolicy> {
  return ClusterPolicy.fromConfig(
    new ConfigReader({ cocktail: { clusterApi: { policies } } }),
  );
}

function request(
  change: (request: ClusterPolicyRequest) => void,
): ClusterPolicyRequest {
  const result = allowedRequest();
  change(result);
  return result;
}

describe('ClusterPolicy with the example rules', () => {
  let policy: ClusterPolicy;

  beforeAll(async () => {
    policy = await ClusterPolicy.fromConfig(examplePoliciesConfig());
  });

  const brokenRules = (
    action: 'create' | 'upgrade' | 'scale',
    req: ClusterPolicyRequest,
    current?: Parameters<ClusterPolicy['check']>[2],
  ) => policy.check(action, req, current).map(violation => violation.rule);

  it('compiles every example rule', () => {
    expect(policy.ruleNames).toEqual([
      'allowed-providers',
      'allowed-regions',
      'kubernetes-version-window',
      'production-control-plane',
      'required-labels',
      'node-pool-size',
      'node-pool-autoscaling',
      'gradual-scale-down',
    ]);
  });

  it('allows a request that follows every rule', () => {
    expect(policy.check('create', allowedRequest())).toEqual([]);
  });

  it('allowed-providers: allows aws, azure and docker and refuses others, with the rule message', () => {
    for (const provider of ['aws', 'azure', 'docker']) {
      expect(
        brokenRules(
          'create',
          request(r => {
            r.provider = provider;
            r.region = provider === 'azure' ? 'koreacentral' : r.region;
          }),
        ),
      ).toEqual([]);
    }
    expect(
      policy.check(
        'create',
        request(r => {
          r.provider = 'gcp';
        }),
      ),
    ).toEqual([
      {
        rule: 'allowed-providers',
        message: 'Only aws, azure and docker clusters may be created',
      },
    ]);
  });

  it('allowed-regions: refuses other regions and a missing region, but not for docker', () => {
    expect(
      brokenRules(
        'create',
        request(r => {
          r.region = 'eu-west-1';
        }),
      ),
    ).toEqual(['allowed-regions']);
    expect(
      brokenRules(
        'create',
        request(r => {
          delete r.region;
        }),
      ),
    ).toEqual(['allowed-regions']);
    expect(
      brokenRules(
        'create',
        request(r => {
          r.provider = 'docker';
          delete r.region;
        }),
      ),
    ).toEqual([]);
  });

  it('kubernetes-version-window: allows v1.31 to v1.34 and refuses versions outside it', () => {
    for (const version of ['v1.31.0', 'v1.34.2', '1.32.4']) {
      expect(
        brokenRules(
          'create',
          request(r => {
            r.kubernetesVersion = version;
          }),
        ),
      ).toEqual([]);
    }
    for (const version of ['v1.30.9', 'v1.35.0', 'v2.33.0']) {
      expect(
        brokenRules(
          'upgrade',
          request(r => {
            r.kubernetesVersion = version;
          }),
        ),
      ).toEqual(['kubernetes-version-window']);
    }
  });

  it('production-control-plane: needs an odd number of at least 3 control-plane nodes in production only', () => {
    for (const replicas of [3, 5]) {
      expect(
        brokenRules(
          'create',
          request(r => {
            r.controlPlane!.replicas = replicas;
          }),
        ),
      ).toEqual([]);
    }
    for (const replicas of [1, 4]) {
      expect(
        brokenRules(
          'create',
          request(r => {
            r.controlPlane!.replicas = replicas;
          }),
        ),
      ).toEqual(['production-control-plane']);
    }
    expect(
      brokenRules(
        'create',
        request(r => {
          r.labels!.environment = 'development';
          r.controlPlane!.replicas = 1;
        }),
      ),
    ).toEqual([]);
  });

  it('required-labels: needs non-empty team and environment labels', () => {
    expect(
      brokenRules(
        'create',
        request(r => {
          r.labels = { environment: 'production' };
        }),
      ),
    ).toEqual(['required-labels']);
    expect(
      brokenRules(
        'create',
        request(r => {
          r.labels = { team: '', environment: 'production' };
        }),
      ),
    ).toEqual(['required-labels']);
    expect(
      brokenRules(
        'create',
        request(r => {
          delete r.labels;
        }),
      ),
    ).toEqual(['required-labels']);
  });

  it('node-pool-size: caps every node pool at 20 nodes', () => {
    expect(
      brokenRules(
        'scale',
        request(r => {
          r.nodePools = [
            { name: 'small', replicas: 20 },
            {
              name: 'autoscaled',
              autoscaling: { minReplicas: 1, maxReplicas: 5 },
            },
          ];
        }),
      ),
    ).toEqual([]);
    expect(
      brokenRules(
        'scale',
        request(r => {
          r.nodePools = [
            { name: 'small', replicas: 2 },
            { name: 'big', replicas: 21 },
          ];
        }),
      ),
    ).toEqual(['node-pool-size']);
  });

  it('node-pool-autoscaling: caps autoscaling at 50 nodes', () => {
    expect(
      brokenRules(
        'create',
        request(r => {
          r.nodePools![0].autoscaling = { minReplicas: 3, maxReplicas: 50 };
        }),
      ),
    ).toEqual([]);
    expect(
      brokenRules(
        'create',
        request(r => {
          r.nodePools![0].autoscaling = { minReplicas: 3, maxReplicas: 51 };
        }),
      ),
    ).toEqual(['node-pool-autoscaling']);
  });

  it('gradual-scale-down: compares the request with the live cluster when scaling', () => {
    const current = {
      kubernetesVersion: 'v1.33.1',
      nodePools: [{ name: 'workers', replicas: 18 }],
    };
    const scaledTo = (replicas: number) =>
      request(r => {
        r.nodePools = [{ name: 'workers', replicas }];
      });
    expect(brokenRules('scale', scaledTo(8), current)).toEqual([]);
    expect(brokenRules('scale', scaledTo(7), current)).toEqual([
      'gradual-scale-down',
    ]);
    expect(brokenRules('scale', scaledTo(7), null)).toEqual([]);
  });

  it('reports every violation at once, in rule order, each with its message', () => {
    expect(
      policy.check('create', {
        name: 'rogue',
        provider: 'gcp',
        region: 'us-central1',
        kubernetesVersion: 'v1.29.0',
        controlPlane: { replicas: 2 },
        nodePools: [
          {
            name: 'huge',
            replicas: 40,
            autoscaling: { minReplicas: 40, maxReplicas: 100 },
          },
        ],
        labels: { environment: 'production' },
      }),
    ).toEqual([
      {
        rule: 'allowed-providers',
        message: 'Only aws, azure and docker clusters may be created',
      },
      {
        rule: 'allowed-regions',
        message:
          'Clusters may only be created in ap-northeast-2, us-east-1 or koreacentral',
      },
      {
        rule: 'kubernetes-version-window',
        message: 'Kubernetes must be v1.31 to v1.34',
      },
      {
        rule: 'production-control-plane',
        message:
          'Production clusters need an odd number of at least 3 control-plane nodes',
      },
      {
        rule: 'required-labels',
        message: 'Clusters need a team and an environment label',
      },
      {
        rule: 'node-pool-size',
        message: 'A node pool may have at most 20 nodes',
      },
      {
        rule: 'node-pool-autoscaling',
        message: 'A node pool may autoscale to at most 50 nodes',
      },
    ]);
  });
});

describe('ClusterPolicy.check', () => {
  it('applies a rule to every action when it has no appliesTo', async () => {
    const policy = await policyOf({
      name: 'never',
      message: 'Never',
      expression: 'false',
    });
    for (const action of ['create', 'upgrade', 'scale'] as const) {
      expect(policy.check(action, allowedRequest())).toEqual([
        { rule: 'never', message: 'Never' },
      ]);
    }
  });

  it('skips a rule for the actions its appliesTo leaves out', async () => {
    const policy = await policyOf(
      {
        name: 'no-upgrades',
        message: 'No upgrades',
        expression: 'false',
        appliesTo: ['upgrade'],
      },
      {
        name: 'no-creates-or-scaling',
        message: 'No creates or scaling',
        expression: "!(action in ['create', 'scale'])",
        appliesTo: ['create', 'scale'],
      },
    );
    expect(policy.check('upgrade', allowedRequest()).map(v => v.rule)).toEqual([
      'no-upgrades',
    ]);
    expect(policy.check('create', allowedRequest()).map(v => v.rule)).toEqual([
      'no-creates-or-scaling',
    ]);
    expect(policy.check('scale', allowedRequest()).map(v => v.rule)).toEqual([
      'no-creates-or-scaling',
    ]);
  });

  it('allows everything when no rules are configured', async () => {
    const policy = await ClusterPolicy.fromConfig(new ConfigReader({}));
    expect(policy.ruleNames).toEqual([]);
    expect(policy.check('create', allowedRequest())).toEqual([]);
  });

  it('fails closed when a rule errors, such as on a label the request lacks', async () => {
    // The production rule as first written: without the environment label it cannot decide.
    const policy = await policyOf({
      name: 'production-control-plane',
      message:
        'Production clusters need an odd number of at least 3 control-plane nodes',
      expression:
        "request.labels['environment'] != 'production' || (request.controlPlane.replicas >= 3 && request.controlPlane.replicas % 2 == 1)",
    });
    expect(policy.check('create', allowedRequest())).toEqual([]);
    // CEL's || is true when either side is, even if the other errors.
    expect(
      policy.check(
        'create',
        request(r => {
          r.labels = { team: 'payments' };
        }),
      ),
    ).toEqual([]);
    expect(
      policy.check(
        'create',
        request(r => {
          r.labels = { team: 'payments' };
          r.controlPlane!.replicas = 1;
        }),
      ),
    ).toEqual([
      {
        rule: 'production-control-plane',
        message:
          'Production clusters need an odd number of at least 3 control-plane nodes (not checked: the rule failed with "No such key: environment", so the request is refused)',
      },
    ]);
  });

  it('fails closed when a version helper gets something that is not a version', async () => {
    const policy = await policyOf({
      name: 'version',
      message: 'Kubernetes must be v1.31 or later',
      expression: 'versionMinor(request.kubernetesVersion) >= 31',
    });
    expect(
      policy.check(
        'create',
        request(r => {
          r.kubernetesVersion = 'latest';
        }),
      ),
    ).toEqual([
      {
        rule: 'version',
        message:
          'Kubernetes must be v1.31 or later (not checked: the rule failed with ""latest" is not a Kubernetes version such as v1.33.1", so the request is refused)',
      },
    ]);
    expect(
      policy.check(
        'create',
        request(r => {
          delete r.kubernetesVersion;
        }),
      ),
    ).toEqual([
      {
        rule: 'version',
        message: expect.stringContaining(
          'not checked: the rule failed with "found no matching overload for \'versionMinor(null)\'"',
        ),
      },
    ]);
  });

  it('fails closed when a rule returns something other than a bool', async () => {
    const policy = await policyOf(
      {
        name: 'a-string',
        message: 'Returns the provider',
        expression: 'request.provider',
      },
      {
        name: 'an-int',
        message: 'Returns the replicas',
        expression: 'request.controlPlane.replicas',
      },
    );
    expect(policy.check('create', allowedRequest())).toEqual([
      {
        rule: 'a-string',
        message:
          'Returns the provider (not checked: the rule returned the string "aws" instead of true or false, so the request is refused)',
      },
      {
        rule: 'an-int',
        message:
          'Returns the replicas (not checked: the rule returned the int 3 instead of true or false, so the request is refused)',
      },
    ]);
  });

  it('gives rules the action, the live cluster for upgrades, and null when there is none', async () => {
    const policy = await policyOf({
      name: 'one-minor-at-a-time',
      message: 'Upgrade one minor version at a time',
      expression:
        "action == 'upgrade' && (current == null || versionMinor(request.kubernetesVersion) <= versionMinor(current.kubernetesVersion) + 1)",
      appliesTo: ['upgrade'],
    });
    const upgradeTo = (version: string) =>
      request(r => {
        r.kubernetesVersion = version;
      });
    const current = { kubernetesVersion: 'v1.32.3', nodePools: [] };
    expect(policy.check('upgrade', upgradeTo('v1.33.0'), current)).toEqual([]);
    expect(
      policy.check('upgrade', upgradeTo('v1.34.0'), current).map(v => v.rule),
    ).toEqual(['one-minor-at-a-time']);
    expect(policy.check('upgrade', upgradeTo('v1.34.0'))).toEqual([]);
  });

  it('refuses an unknown action', async () => {
    const policy = await policyOf();
    expect(() => policy.check('destroy' as any, allowedRequest())).toThrow(
      /unknown action "destroy"; expected one of create, upgrade, scale, node, addon, delete/,
    );
  });
});
