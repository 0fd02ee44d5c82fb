import { ConfigReader } from '@backstage/config';
import { ClusterPolicy } from './ClusterPolicy';
import { allowedRequest } from './__testUtils__/examplePolicies';

/** Rules about who may do which day-2 operation, as a portal would write them. */
const dayTwoPolicy = () =>
  ClusterPolicy.fromConfig(
    new ConfigReader({
      cocktail: {
        clusterApi: {
          policies: [
            {
              name: 'prod-drains-by-platform',
              message:
                'only platform admins drain nodes of production clusters',
              expression:
                "operation != 'drain-node' || request.labels['environment'] != 'production' || person.platformAdmin",
              appliesTo: ['node'],
            },
            {
              name: 'no-gpu-operator-for-outsiders',
              message: 'the GPU operator is installed by the ml team',
              expression:
                "!(has(target.addon) && target.addon == 'gpu-operator') || 'group:default/ml' in person.groups",
              appliesTo: ['addon'],
            },
          ],
        },
      },
    }),
  );

describe('ClusterPolicy for operations after day one', () => {
  const production = {
    ...allowedRequest(),
    labels: { environment: 'production' },
  };
  const bob = {
    ref: 'user:default/bob',
    groups: ['user:default/bob', 'group:default/payments'],
    platformAdmin: false,
  };

  it('sees the operation and the person: a developer may not drain a production node', async () => {
    const policy = await dayTwoPolicy();
    expect(
      policy.check('node', production, null, {
        operation: 'drain-node',
        person: bob,
        target: { node: 'prod-md-0-abc' },
      }),
    ).toEqual([
      {
        rule: 'prod-drains-by-platform',
        message: 'only platform admins drain nodes of production clusters',
      },
    ]);
    expect(
      policy.check('node', production, null, {
        operation: 'drain-node',
        person: { ...bob, platformAdmin: true },
      }),
    ).toEqual([]);
    expect(
      policy.check('node', production, null, {
        operation: 'cordon-node',
        person: bob,
      }),
    ).toEqual([]);
  });

  it('sees the target and the groups: an add-on rule', async () => {
    const policy = await dayTwoPolicy();
    const install = (groups: string[]) =>
      policy
        .check('addon', allowedRequest(), null, {
          operation: 'install-addon',
          person: { ...bob, groups },
          target: { addon: 'gpu-operator' },
        })
        .map(v => v.rule);
    expect(install(bob.groups)).toEqual(['no-gpu-operator-for-outsiders']);
    expect(install(['group:default/ml'])).toEqual([]);
  });

  it('checks a rule only for the actions it applies to, and lists them', async () => {
    const policy = await dayTwoPolicy();
    expect(policy.rulesFor('node')).toEqual(['prod-drains-by-platform']);
    expect(policy.rulesFor('delete')).toEqual([]);
    expect(
      policy.check('delete', production, null, { operation: 'delete' }),
    ).toEqual([]);
  });

  it('leaves node, add-on and delete operations to rules that name them: a rule without appliesTo checks the request actions', async () => {
    const policy = await ClusterPolicy.fromConfig(
      new ConfigReader({
        cocktail: {
          clusterApi: {
            policies: [
              {
                name: 'required-labels',
                message: 'Clusters need a team label',
                expression: "'team' in request.labels",
              },
            ],
          },
        },
      }),
    );
    const unlabelled = { ...allowedRequest(), labels: {} };
    expect(policy.rulesFor('create')).toEqual(['required-labels']);
    expect(policy.check('scale', unlabelled).map(v => v.rule)).toEqual([
      'required-labels',
    ]);
    expect(
      policy.check('node', unlabelled, null, { operation: 'drain-node' }),
    ).toEqual([]);
    expect(policy.rulesFor('delete')).toEqual([]);
  });

  it('evaluates a rule without an operation or person given, with their defaults', async () => {
    const policy = await dayTwoPolicy();
    expect(policy.check('node', production).map(v => v.rule)).toEqual([]);
  });
});
