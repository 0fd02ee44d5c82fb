/** Schemas of the apps/v1 workloads: Deployment, ReplicaSet, StatefulSet, DaemonSet, ControllerRevision. */
import { apiTypes, coreV1, LABEL_SELECTOR } from '../definitionNames';
import { definitions, field, kindSchema, OpenApiSchema } from '../schemaDsl';

const apps = apiTypes('apps', 'v1');
const gvk = (kind: string) => ({ group: 'apps', version: 'v1', kind });

const selector = field.ref(
  LABEL_SELECTOR,
  "Which pods belong to the workload; must match the template's labels and cannot be changed.",
);
const template = field.ref(
  coreV1('PodTemplateSpec'),
  'The pods to create: their labels and spec. Changing it rolls out new pods.',
);
const minReadySeconds = field.int32(
  'Seconds a new pod must be ready, without a container crashing, before it counts as available. Defaults to 0.',
);
const revisionHistoryLimit = field.int32(
  'How many old revisions to keep for rollbacks. Defaults to 10.',
);

function conditions(kind: string) {
  return field.list(
    field.object(
      `One aspect of the state of a ${kind}.`,
      {
        type: field.string('What the condition is about.'),
        status: field.string('True, False or Unknown.'),
        lastUpdateTime: field.time('When it was last updated.'),
        lastTransitionTime: field.time('When status last changed.'),
        reason: field.string('Short machine-readable cause.'),
        message: field.string('Explanation for people.'),
      },
      ['type', 'status'],
    ),
    'Latest observations of the state.',
    { key: 'type' },
  );
}

function replicaCounts(kind: string): Record<string, OpenApiSchema> {
  return {
    observedGeneration: field.int64(
      `The metadata.generation of the ${kind} the controller last acted on.`,
    ),
    replicas: field.int32('Pods that exist, in any state.'),
    readyReplicas: field.int32('Pods whose Ready condition is True.'),
    availableReplicas: field.int32('Pods ready for at least minReadySeconds.'),
    conditions: conditions(kind),
  };
}

function updateStrategy(
  kind: string,
  rollingUpdate: OpenApiSchema,
  types: string[],
) {
  return field.object(
    `How a ${kind} replaces its pods when the template changes.`,
    {
      type: field.string(`${types.join(' or ')}. Defaults to ${types[0]}.`, {
        enum: types,
      }),
      rollingUpdate,
    },
  );
}

export const workloadDefinitions = definitions(apps, {
  Deployment: kindSchema(
    gvk('Deployment'),
    'Keeps a number of identical, interchangeable pods running and rolls out changes to them step by step through ReplicaSets.',
    {
      spec: field.ref(
        apps('DeploymentSpec'),
        'The pods wanted and how to roll out changes.',
      ),
      status: field.ref(
        apps('DeploymentStatus'),
        'Progress of the Deployment, as last observed. Read-only.',
      ),
    },
  ),
  DeploymentSpec: field.object(
    'The desired state of a Deployment.',
    {
      replicas: field.int32(
        'How many pods to run. Defaults to 1; an autoscaler may change it.',
      ),
      selector,
      template,
      strategy: updateStrategy(
        'Deployment',
        field.object('Settings of a rolling update.', {
          maxUnavailable: field.intOrString(
            'How many pods (or what percentage) may be unavailable during the update. Defaults to 25%.',
          ),
          maxSurge: field.intOrString(
            'How many pods (or what percentage) may exist above replicas during the update. Defaults to 25%.',
          ),
        }),
        ['RollingUpdate', 'Recreate'],
      ),
      minReadySeconds,
      revisionHistoryLimit,
      progressDeadlineSeconds: field.int32(
        'Seconds a rollout may go without progress before it is reported as failed. Defaults to 600.',
      ),
      paused: field.boolean('Stop rolling out template changes while true.'),
    },
    ['selector', 'template'],
  ),
  DeploymentStatus: field.object('Progress of a Deployment.', {
    ...replicaCounts('Deployment'),
    updatedReplicas: field.int32('Pods running the current template.'),
    unavailableReplicas: field.int32('Pods still needed to reach replicas.'),
    collisionCount: field.int32(
      'Counter used to avoid ReplicaSet name clashes.',
    ),
  }),
  ReplicaSet: kindSchema(
    gvk('ReplicaSet'),
    'Keeps a number of pods from one template running. Usually created and scaled by a Deployment.',
    {
      spec: field.object(
        'The desired state of a ReplicaSet.',
        {
          replicas: field.int32('How many pods to run. Defaults to 1.'),
          selector,
          template,
          minReadySeconds,
        },
        ['selector'],
      ),
      status: field.object('State of the ReplicaSet. Read-only.', {
        ...replicaCounts('ReplicaSet'),
        fullyLabeledReplicas: field.int32(
          'Pods whose labels match the template.',
        ),
      }),
    },
  ),
  StatefulSet: kindSchema(
    gvk('StatefulSet'),
    'Runs pods with a stable identity (name-0, name-1 …) and storage of their own, started and updated in order.',
    {
      spec: field.ref(
        apps('StatefulSetSpec'),
        'The pods wanted and how to update them.',
      ),
      status: field.object('State of the StatefulSet. Read-only.', {
        ...replicaCounts('StatefulSet'),
        currentReplicas: field.int32('Pods at currentRevision.'),
        updatedReplicas: field.int32('Pods at updateRevision.'),
        currentRevision: field.string('Revision of the older pods.'),
        updateRevision: field.string('Revision of the current template.'),
      }),
    },
  ),
  StatefulSetSpec: field.object(
    'The desired state of a StatefulSet.',
    {
      replicas: field.int32('How many pods to run. Defaults to 1.'),
      selector,
      template,
      serviceName: field.string(
        'Headless Service that gives each pod its DNS name.',
      ),
      volumeClaimTemplates: field.listOf(
        coreV1('PersistentVolumeClaim'),
        'Claims created for each pod, named after the template and the pod, kept when pods go.',
      ),
      podManagementPolicy: field.string(
        'OrderedReady starts and stops pods one at a time; Parallel all at once.',
        { enum: ['OrderedReady', 'Parallel'] },
      ),
      updateStrategy: updateStrategy(
        'StatefulSet',
        field.object('Settings of a rolling update.', {
          partition: field.int32(
            'Only pods with an ordinal at or above this number are updated.',
          ),
          maxUnavailable: field.intOrString(
            'How many pods may be unavailable during the update.',
          ),
        }),
        ['RollingUpdate', 'OnDelete'],
      ),
      minReadySeconds,
      revisionHistoryLimit,
      ordinals: field.object('Numbering of the pods.', {
        start: field.int32('Number of the first pod. Defaults to 0.'),
      }),
      persistentVolumeClaimRetentionPolicy: field.object(
        'Whether claims are deleted with the StatefulSet or when it scales down.',
        {
          whenDeleted: field.string('Retain or Delete.'),
          whenScaled: field.string('Retain or Delete.'),
        },
      ),
    },
    ['selector', 'template'],
  ),
  DaemonSet: kindSchema(
    gvk('DaemonSet'),
    'Runs one copy of a pod on every node (or on the nodes the template selects), such as a log shipper.',
    {
      spec: field.object(
        'The desired state of a DaemonSet.',
        {
          selector,
          template,
          updateStrategy: updateStrategy(
            'DaemonSet',
            field.object('Settings of a rolling update.', {
              maxUnavailable: field.intOrString(
                'How many nodes may be without a ready pod during the update. Defaults to 1.',
              ),
              maxSurge: field.intOrString(
                'How many nodes may run an extra pod during the update. Defaults to 0.',
              ),
            }),
            ['RollingUpdate', 'OnDelete'],
          ),
          minReadySeconds,
          revisionHistoryLimit,
        },
        ['selector', 'template'],
      ),
      status: field.object('State of the DaemonSet. Read-only.', {
        observedGeneration: field.int64('Generation last acted on.'),
        desiredNumberScheduled: field.int32('Nodes that should run the pod.'),
        currentNumberScheduled: field.int32('Nodes that run the pod.'),
        numberReady: field.int32('Nodes whose pod is ready.'),
        numberAvailable: field.int32('Nodes whose pod is available.'),
        numberUnavailable: field.int32('Nodes whose pod is not available.'),
        numberMisscheduled: field.int32(
          'Nodes that run the pod but should not.',
        ),
        updatedNumberScheduled: field.int32(
          'Nodes that run the current template.',
        ),
        conditions: conditions('DaemonSet'),
      }),
    },
  ),
  ControllerRevision: kindSchema(
    gvk('ControllerRevision'),
    'An immutable snapshot of a StatefulSet or DaemonSet template, kept for rollbacks.',
    {
      data: field.anyObject('The snapshot.'),
      revision: field.int64('Number of the revision.'),
    },
    ['revision'],
  ),
});
