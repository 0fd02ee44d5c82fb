/** Schemas of how many replicas run: HorizontalPodAutoscaler, the Scale subresource, PodDisruptionBudget. */
import {
  apiTypes,
  CONDITION,
  LABEL_SELECTOR,
  SCALE_GVK,
} from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const autoscalingV2 = apiTypes('autoscaling', 'v2');

const target = field.ref(
  autoscalingV2('MetricTarget'),
  'The value the metric should have.',
);
const metric = field.ref(
  autoscalingV2('MetricIdentifier'),
  'The metric: its name and labels.',
);
const objectReference = (description: string) =>
  field.object(
    description,
    {
      apiVersion: field.string('API version of the object.'),
      kind: field.string('Kind of the object, such as Deployment.'),
      name: field.string('Name of the object.'),
    },
    ['kind', 'name'],
  );

function scalingRules(direction: string) {
  return field.object(`How fast to scale ${direction}.`, {
    stabilizationWindowSeconds: field.int32(
      `Seconds of past recommendations considered before scaling ${direction}, to avoid flapping.`,
    ),
    selectPolicy: field.string(
      'Which policy wins when several apply: Max, Min or Disabled.',
    ),
    policies: field.list(
      field.object(
        'A limit on the change within a period.',
        {
          type: field.string('Pods or Percent.'),
          value: field.int32('How many pods, or what percentage.'),
          periodSeconds: field.int32('Length of the period.'),
        },
        ['type', 'value', 'periodSeconds'],
      ),
      'Limits on how much may change per period.',
    ),
  });
}

const hpa = definitions(autoscalingV2, {
  HorizontalPodAutoscaler: kindSchema(
    { group: 'autoscaling', version: 'v2', kind: 'HorizontalPodAutoscaler' },
    'Changes the replicas of a workload to keep metrics such as CPU use near a target.',
    {
      spec: field.ref(
        autoscalingV2('HorizontalPodAutoscalerSpec'),
        'What to scale, within which bounds, on which metrics.',
      ),
      status: field.object('State of the autoscaler. Read-only.', {
        currentReplicas: field.int32('Replicas the target has now.'),
        desiredReplicas: field.int32('Replicas the autoscaler wants.'),
        lastScaleTime: field.time('When it last changed the replicas.'),
        observedGeneration: field.int64('Generation last acted on.'),
        currentMetrics: field.list(
          field.anyObject('The last reading of one metric.'),
          'Last readings of the metrics.',
        ),
        conditions: field.listOf(
          CONDITION,
          'AbleToScale, ScalingActive, ScalingLimited.',
          {
            key: 'type',
          },
        ),
      }),
    },
  ),
  HorizontalPodAutoscalerSpec: field.object(
    'What an autoscaler scales and on what.',
    {
      scaleTargetRef: objectReference(
        'The workload to scale; it must have a scale subresource.',
      ),
      minReplicas: field.int32('Fewest replicas. Defaults to 1.'),
      maxReplicas: field.int32('Most replicas.'),
      metrics: field.listOf(
        autoscalingV2('MetricSpec'),
        'Metrics to follow; the largest replica count any of them asks for wins.',
      ),
      behavior: field.object(
        'How fast to scale up and down; defaults apply to what is left out.',
        {
          scaleUp: scalingRules('up'),
          scaleDown: scalingRules('down'),
        },
      ),
    },
    ['scaleTargetRef', 'maxReplicas'],
  ),
  MetricTarget: field.object(
    'The value a metric should have.',
    {
      type: field.string('Utilization, Value or AverageValue.', {
        enum: ['Utilization', 'Value', 'AverageValue'],
      }),
      averageUtilization: field.int32(
        'Average use as a percentage of the requests of the pods.',
      ),
      averageValue: field.quantity('Average value over the pods.'),
      value: field.quantity('Total value.'),
    },
    ['type'],
  ),
  MetricIdentifier: field.object(
    'Names a metric.',
    {
      name: field.string('Name of the metric.'),
      selector: field.ref(LABEL_SELECTOR, 'Only series with these labels.'),
    },
    ['name'],
  ),
  MetricSpec: field.object(
    'One metric to scale on.',
    {
      type: field.string('Which of the fields below is set.', {
        enum: ['Resource', 'ContainerResource', 'Pods', 'Object', 'External'],
      }),
      resource: field.object(
        'A resource of the pods, such as cpu or memory.',
        { name: field.string('Name of the resource.'), target },
        ['name', 'target'],
      ),
      containerResource: field.object(
        'A resource of one container of the pods.',
        {
          name: field.string('Name of the resource.'),
          container: field.string('Name of the container.'),
          target,
        },
        ['name', 'container', 'target'],
      ),
      pods: field.object(
        'A custom metric averaged over the pods.',
        { metric, target },
        ['metric', 'target'],
      ),
      object: field.object(
        'A metric of another object.',
        {
          describedObject: objectReference('The object.'),
          metric,
          target,
        },
        ['describedObject', 'metric', 'target'],
      ),
      external: field.object(
        'A metric from outside the cluster.',
        { metric, target },
        ['metric', 'target'],
      ),
    },
    ['type'],
  ),
});

const scale = definitions(apiTypes('autoscaling', 'v1'), {
  Scale: kindSchema(
    SCALE_GVK,
    'The replica count of a scalable resource, read and written through its scale subresource.',
    {
      spec: field.object('The desired scale.', {
        replicas: field.int32('Replicas wanted.'),
      }),
      status: field.object('The observed scale. Read-only.', {
        replicas: field.int32('Replicas there are.'),
        selector: field.string('Label selector of the pods, as a string.'),
      }),
    },
  ),
});

const pdb = definitions(apiTypes('policy', 'v1'), {
  PodDisruptionBudget: kindSchema(
    { group: 'policy', version: 'v1', kind: 'PodDisruptionBudget' },
    'Limits how many pods of a set voluntary disruptions such as node drains may take down at once.',
    {
      spec: field.object('The pods and the budget.', {
        selector: field.ref(LABEL_SELECTOR, 'The pods the budget covers.'),
        minAvailable: field.intOrString(
          'Pods (or percentage) that must stay available.',
        ),
        maxUnavailable: field.intOrString(
          'Pods (or percentage) that may be unavailable; set this or minAvailable.',
        ),
        unhealthyPodEvictionPolicy: field.string(
          'IfHealthyBudget or AlwaysAllow: whether pods that are not ready may be evicted.',
        ),
      }),
      status: field.object('State of the budget. Read-only.', {
        currentHealthy: field.int32('Healthy pods now.'),
        desiredHealthy: field.int32('Healthy pods needed.'),
        disruptionsAllowed: field.int32('Pods that may be disrupted now.'),
        expectedPods: field.int32('Pods the budget counts.'),
        observedGeneration: field.int64('Generation last acted on.'),
        conditions: field.listOf(CONDITION, 'DisruptionAllowed.', {
          key: 'type',
        }),
      }),
    },
  ),
});

export const scalingDefinitions = { ...hpa, ...scale, ...pdb };
