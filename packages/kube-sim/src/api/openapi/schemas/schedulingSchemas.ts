/** Schemas that steer where pods go: affinity, tolerations and topology spread. */
import { coreV1, LABEL_SELECTOR } from '../definitionNames';
import { definitions, field } from '../schemaDsl';

const OPERATORS = ['In', 'NotIn', 'Exists', 'DoesNotExist', 'Gt', 'Lt'];

function weighted(term: string, description: string) {
  return field.object(
    description,
    {
      weight: field.int32('How much matching counts, 1-100.'),
      [term === 'NodeSelectorTerm' ? 'preference' : 'podAffinityTerm']:
        field.ref(coreV1(term), 'The term to match.'),
    },
    ['weight'],
  );
}

function podAffinity(description: string) {
  return field.object(description, {
    requiredDuringSchedulingIgnoredDuringExecution: field.listOf(
      coreV1('PodAffinityTerm'),
      'Terms that must hold when the pod is scheduled.',
    ),
    preferredDuringSchedulingIgnoredDuringExecution: field.list(
      weighted('PodAffinityTerm', 'A term the scheduler prefers, weighted.'),
      'Terms the scheduler tries to satisfy.',
    ),
  });
}

export const schedulingDefinitions = definitions(coreV1, {
  Affinity: field.object('Scheduling rules about nodes and other pods.', {
    nodeAffinity: field.object('Which nodes the pod may or should run on.', {
      requiredDuringSchedulingIgnoredDuringExecution: field.object(
        'Nodes must match one of the terms when the pod is scheduled.',
        {
          nodeSelectorTerms: field.listOf(
            coreV1('NodeSelectorTerm'),
            'The terms, any of which may match.',
          ),
        },
        ['nodeSelectorTerms'],
      ),
      preferredDuringSchedulingIgnoredDuringExecution: field.list(
        weighted('NodeSelectorTerm', 'A node term the scheduler prefers.'),
        'Node terms the scheduler tries to satisfy.',
      ),
    }),
    podAffinity: podAffinity(
      'Run near pods that match, in the same topology domain.',
    ),
    podAntiAffinity: podAffinity(
      'Stay away from pods that match, in other topology domains.',
    ),
  }),
  NodeSelectorTerm: field.object(
    'Conditions on a node, all of which must hold.',
    {
      matchExpressions: field.listOf(
        coreV1('NodeSelectorRequirement'),
        'Conditions on node labels.',
      ),
      matchFields: field.listOf(
        coreV1('NodeSelectorRequirement'),
        'Conditions on node fields, such as metadata.name.',
      ),
    },
  ),
  NodeSelectorRequirement: field.object(
    'One condition on a node label or field.',
    {
      key: field.string('The label key or field.'),
      operator: field.string('How it is compared.', { enum: OPERATORS }),
      values: field.strings('Values to compare with.'),
    },
    ['key', 'operator'],
  ),
  PodAffinityTerm: field.object(
    'Pods to be near (or away from), and what "near" means.',
    {
      labelSelector: field.ref(LABEL_SELECTOR, 'The pods that count.'),
      namespaces: field.strings(
        "Namespaces to look in; the pod's own when empty.",
      ),
      topologyKey: field.string(
        'Node label whose value defines a domain, such as topology.kubernetes.io/zone.',
      ),
    },
    ['topologyKey'],
  ),
  Toleration: field.object('Lets a pod run on nodes with a matching taint.', {
    key: field.string('Taint key; empty with Exists matches every taint.'),
    operator: field.string('Equal compares value; Exists ignores it.', {
      enum: ['Equal', 'Exists'],
    }),
    value: field.string('Taint value to match.'),
    effect: field.string('Taint effect to match; every effect when empty.', {
      enum: ['NoSchedule', 'PreferNoSchedule', 'NoExecute'],
    }),
    tolerationSeconds: field.int64(
      'For NoExecute: how long the pod stays once the taint appears.',
    ),
  }),
  TopologySpreadConstraint: field.object(
    'How unevenly matching pods may be spread over topology domains.',
    {
      maxSkew: field.int32(
        'Largest allowed difference in matching pods between two domains.',
      ),
      topologyKey: field.string('Node label that defines the domains.'),
      whenUnsatisfiable: field.string(
        'DoNotSchedule refuses to place the pod; ScheduleAnyway only prefers.',
        { enum: ['DoNotSchedule', 'ScheduleAnyway'] },
      ),
      labelSelector: field.ref(LABEL_SELECTOR, 'The pods that count.'),
    },
    ['maxSkew', 'topologyKey', 'whenUnsatisfiable'],
  ),
});
