import { CocktailServerEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { serverEntity, serverStatus } from '../../__testUtils__/fixtures';
import {
  changedImages,
  describeAutoscaling,
  describeDeployPlan,
  describeResume,
  describeRollback,
  describeRollingUpdate,
  describeScale,
  describeSuspend,
  unavailableReason,
} from './describeChanges';

const target =
  'Deployment payments-worker in namespace payments-prod on cluster prod';

function entityOfType(
  type: CocktailServerEntityV1alpha1['spec']['type'],
): CocktailServerEntityV1alpha1 {
  return { ...serverEntity, spec: { ...serverEntity.spec, type } };
}

describe('describeScale', () => {
  it('says how many pods start when scaling up', () => {
    expect(describeScale(serverStatus(), 5)).toEqual([
      `Replicas of ${target}: 2 → 5.`,
      '3 pod(s) will be started.',
    ]);
  });

  it('says how many pods stop when scaling down', () => {
    expect(describeScale(serverStatus(), 1)).toEqual([
      `Replicas of ${target}: 2 → 1.`,
      '1 pod(s) will be stopped.',
    ]);
  });

  it('warns that the server serves nothing when scaled to zero', () => {
    expect(describeScale(serverStatus(), 0)).toEqual([
      `Replicas of ${target}: 2 → 0.`,
      'Every pod stops; the server serves nothing until scaled up.',
    ]);
  });
});

describe('describeRollingUpdate and changedImages', () => {
  it('names each container with its current and new image, then how pods are replaced', () => {
    expect(
      describeRollingUpdate(serverStatus(), {
        worker: 'harbor.example.com/payments/api:1.6.0',
        sidecar: 'harbor.example.com/platform/envoy:1.31',
      }),
    ).toEqual([
      'Container worker: harbor.example.com/payments/api:1.5.0 → harbor.example.com/payments/api:1.6.0.',
      'Container sidecar: (none) → harbor.example.com/platform/envoy:1.31.',
      `Pods of ${target} are replaced one by one under its update strategy.`,
    ]);
  });

  it('keeps only the images that differ from what runs, trimmed', () => {
    const status = serverStatus({
      images: [
        { container: 'worker', image: 'harbor.example.com/payments/api:1.5.0' },
        { container: 'metrics', image: 'prom/statsd-exporter:v0.26.0' },
        { container: 'proxy', image: 'envoyproxy/envoy:v1.31.0' },
      ],
    });
    expect(
      changedImages(status, {
        worker: '  harbor.example.com/payments/api:1.6.0 ',
        metrics: 'prom/statsd-exporter:v0.26.0',
        proxy: '   ',
      }),
    ).toEqual({ worker: 'harbor.example.com/payments/api:1.6.0' });
  });
});

describe('describeRollback', () => {
  it('says which revision it goes back to, with its images, and that the catalog is unchanged', () => {
    expect(describeRollback(serverStatus(), '1')).toEqual([
      `${target} goes back from revision 2 to revision 1.`,
      'Images at revision 1: harbor.example.com/payments/api:1.4.2.',
      'The catalog spec is unchanged: the next deploy from the catalog undoes the rollback.',
    ]);
  });

  it('leaves out the images of a revision the cluster does not know', () => {
    expect(
      describeRollback(serverStatus({ rollout: { state: 'unknown' } }), '7'),
    ).toEqual([
      `${target} goes back from revision ? to revision 7.`,
      'The catalog spec is unchanged: the next deploy from the catalog undoes the rollback.',
    ]);
  });
});

describe('describeAutoscaling', () => {
  it('describes turning autoscaling on with bounds and a CPU target', () => {
    expect(
      describeAutoscaling(serverStatus(), {
        minReplicas: 2,
        maxReplicas: 6,
        targetCPUUtilization: 70,
      }),
    ).toEqual([`Autoscaling of ${target}: off → 2–6 replicas at 70% CPU.`]);
  });

  it('describes new bounds from the current ones, without a CPU target when none is given', () => {
    const status = serverStatus({
      autoscaling: { minReplicas: 2, maxReplicas: 5 },
    });
    expect(
      describeAutoscaling(status, { minReplicas: 3, maxReplicas: 10 }),
    ).toEqual([`Autoscaling of ${target}: 2–5 replicas → 3–10 replicas.`]);
  });

  it('says the replica count stays when autoscaling is turned off', () => {
    const status = serverStatus({ autoscaling: { maxReplicas: 5 } });
    expect(describeAutoscaling(status, { enabled: false })).toEqual([
      `Autoscaling of ${target}: 1–5 replicas → off.`,
      'The replica count stays at 2 until you scale it.',
    ]);
  });
});

describe('describeSuspend and describeResume', () => {
  it('remembers the replica count of a Deployment it scales to zero', () => {
    expect(describeSuspend(serverStatus())).toEqual([
      `${target} is scaled from 2 to 0 replicas; the count is remembered for resume.`,
    ]);
    expect(describeResume(serverStatus())).toEqual([
      `${target} is scaled back to the replicas it had before it was suspended.`,
    ]);
  });

  it('suspends and resumes the schedule of a CronJob instead of its replicas', () => {
    const status = serverStatus({ server: 'payments-report', kind: 'CronJob' });
    const cronJob =
      'CronJob payments-report in namespace payments-prod on cluster prod';
    expect(describeSuspend(status)).toEqual([
      `${cronJob} is suspended: no new runs start until it is resumed.`,
    ]);
    expect(describeResume(status)).toEqual([
      `${cronJob} is resumed: runs start again on its schedule.`,
    ]);
  });
});

describe('describeDeployPlan', () => {
  it('puts each created, updated and pruned object as a sentence and skips unchanged ones', () => {
    expect(
      describeDeployPlan({
        dryRun: true,
        changes: [
          {
            object: 'Deployment/payments-worker',
            action: 'update',
            changes: [
              { path: 'spec.replicas', from: 2, to: 3 },
              {
                path: 'spec.template.spec.containers[0].image',
                from: 'harbor.example.com/payments/api:1.5.0',
                to: 'harbor.example.com/payments/api:1.6.0',
              },
            ],
          },
          {
            object: 'Service/payments-worker',
            action: 'unchanged',
            changes: [],
          },
          {
            object: 'ConfigMap/payments-worker-env',
            action: 'create',
            changes: [],
          },
          { object: 'Ingress/payments-worker', action: 'prune', changes: [] },
        ],
        applied: [],
        pruned: [],
      }),
    ).toEqual([
      'Update Deployment/payments-worker: spec.replicas 2 → 3; spec.template.spec.containers[0].image "harbor.example.com/payments/api:1.5.0" → "harbor.example.com/payments/api:1.6.0".',
      'Create ConfigMap/payments-worker-env.',
      'Delete Ingress/payments-worker: the catalog no longer names it.',
    ]);
  });

  it('says there is nothing to change when every object is unchanged', () => {
    expect(
      describeDeployPlan({
        dryRun: true,
        changes: [
          {
            object: 'Deployment/payments-worker',
            action: 'unchanged',
            changes: [],
          },
        ],
        applied: [],
        pruned: [],
      }),
    ).toEqual([
      'Nothing to change: the cluster already matches the catalog spec.',
    ]);
  });
});

describe('unavailableReason', () => {
  it('always allows a deploy, even before the live status is known', () => {
    expect(
      unavailableReason('deploy', serverEntity, undefined),
    ).toBeUndefined();
  });

  it('waits for the live status before any other operation', () => {
    expect(unavailableReason('scale', serverEntity, undefined)).toBe(
      'Waiting for the live status',
    );
  });

  it('asks to deploy first when nothing of the server runs', () => {
    expect(
      unavailableReason(
        'restart',
        serverEntity,
        serverStatus({ found: false }),
      ),
    ).toBe('The server is not deployed; deploy it first');
  });

  it('allows every operation of a healthy Deployment except resuming it', () => {
    const status = serverStatus();
    expect(
      [
        'rolling-update',
        'restart',
        'scale',
        'autoscaling',
        'rollback',
        'suspend',
        'delete',
      ].map(operation => unavailableReason(operation, serverEntity, status)),
    ).toEqual(Array(7).fill(undefined));
    expect(unavailableReason('resume', serverEntity, status)).toBe(
      'The server is not suspended',
    );
  });

  it('leaves the replica count to autoscaling while it is on', () => {
    const status = serverStatus({
      autoscaling: { minReplicas: 2, maxReplicas: 5 },
    });
    expect(unavailableReason('scale', serverEntity, status)).toBe(
      'Autoscaling sets the replica count; change its bounds or turn it off first',
    );
    expect(unavailableReason('suspend', serverEntity, status)).toBe(
      'Turn autoscaling off before suspending',
    );
  });

  it('offers resume, not suspend, for a server scaled to zero', () => {
    const status = serverStatus({
      replicas: { desired: 0, current: 0, ready: 0, updated: 0, available: 0 },
      rollout: { state: 'suspended', revision: '2' },
    });
    expect(unavailableReason('suspend', serverEntity, status)).toBe(
      'Already suspended',
    );
    expect(unavailableReason('resume', serverEntity, status)).toBeUndefined();
  });

  it('needs an earlier revision to roll back to', () => {
    const status = serverStatus();
    expect(
      unavailableReason(
        'rollback',
        serverEntity,
        serverStatus({ revisions: status.revisions.slice(1) }),
      ),
    ).toBe('There is no earlier revision to go back to');
    expect(
      unavailableReason('rollback', entityOfType('StatefulSet'), status),
    ).toBe('Rollback is available for Deployments');
  });

  it('gives a DaemonSet no replica count, autoscaling or suspension', () => {
    const daemonSet = entityOfType('DaemonSet');
    const status = serverStatus({ kind: 'DaemonSet' });
    expect(unavailableReason('scale', daemonSet, status)).toBe(
      'A DaemonSet has no replica count',
    );
    expect(unavailableReason('autoscaling', daemonSet, status)).toBe(
      'A DaemonSet cannot be autoscaled',
    );
    expect(unavailableReason('suspend', daemonSet, status)).toBe(
      'A DaemonSet cannot be suspended',
    );
    expect(unavailableReason('restart', daemonSet, status)).toBeUndefined();
  });

  it('lets a CronJob be suspended, resumed and updated, but not restarted', () => {
    const cronJob = entityOfType('CronJob');
    const running = serverStatus({
      kind: 'CronJob',
      rollout: { state: 'unknown' },
    });
    const suspended = serverStatus({
      kind: 'CronJob',
      rollout: { state: 'suspended' },
    });
    expect(unavailableReason('suspend', cronJob, running)).toBeUndefined();
    expect(unavailableReason('resume', cronJob, running)).toBe(
      'The server is not suspended',
    );
    expect(unavailableReason('suspend', cronJob, suspended)).toBe(
      'Already suspended',
    );
    expect(unavailableReason('resume', cronJob, suspended)).toBeUndefined();
    expect(
      unavailableReason('rolling-update', cronJob, running),
    ).toBeUndefined();
    expect(unavailableReason('restart', cronJob, running)).toBe(
      'A CronJob cannot be restarted; each scheduled run starts new pods',
    );
  });

  it('does not restart or update a Job in place', () => {
    const job = entityOfType('Job');
    const status = serverStatus({ kind: 'Job', rollout: { state: 'unknown' } });
    expect(unavailableReason('restart', job, status)).toBe(
      'A Job cannot be restarted or updated in place',
    );
    expect(unavailableReason('rolling-update', job, status)).toBe(
      'A Job cannot be restarted or updated in place',
    );
    expect(unavailableReason('suspend', job, status)).toBeUndefined();
  });
});
