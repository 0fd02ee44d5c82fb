/** Schemas of Pod, its spec and status, and the pod template workloads stamp pods from. */
import { coreV1, OBJECT_META } from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const POD = { group: '', version: 'v1', kind: 'Pod' };

export const podDefinitions = definitions(coreV1, {
  Pod: kindSchema(
    POD,
    'A group of containers that run together on one node and share its network and volumes; the unit workloads are made of.',
    {
      spec: field.ref(coreV1('PodSpec'), 'What the pod should run.'),
      status: field.ref(
        coreV1('PodStatus'),
        'What the pod is doing, as last observed. Read-only.',
      ),
    },
  ),
  PodTemplateSpec: field.object(
    'The pods a workload creates: their labels and their spec.',
    {
      metadata: field.ref(
        OBJECT_META,
        "Labels and annotations given to every pod; the labels must match the workload's selector.",
      ),
      spec: field.ref(coreV1('PodSpec'), 'The spec of every pod.'),
    },
  ),
  PodSpec: field.object(
    'The containers of a pod, its volumes and where and how it runs.',
    {
      containers: field.listOf(
        coreV1('Container'),
        'The containers of the pod; at least one.',
        { key: 'name' },
      ),
      initContainers: field.listOf(
        coreV1('Container'),
        'Containers run one after another, each to completion, before the others start.',
        { key: 'name' },
      ),
      volumes: field.listOf(
        coreV1('Volume'),
        'Volumes the containers can mount.',
        { key: 'name' },
      ),
      restartPolicy: field.string(
        'Whether containers are restarted when they exit. Defaults to Always; Jobs use OnFailure or Never.',
        { enum: ['Always', 'OnFailure', 'Never'] },
      ),
      serviceAccountName: field.string(
        'ServiceAccount the pod runs as, and whose token it can mount. Defaults to default.',
      ),
      automountServiceAccountToken: field.boolean(
        'Whether the ServiceAccount token is mounted.',
      ),
      nodeName: field.string(
        'The node the pod runs on; set by the scheduler, or by hand to skip it.',
      ),
      nodeSelector: field.stringMap(
        'Labels a node must have for the pod to be placed there.',
      ),
      affinity: field.ref(
        coreV1('Affinity'),
        'Rules that attract the pod to, or keep it away from, nodes and other pods.',
      ),
      tolerations: field.listOf(
        coreV1('Toleration'),
        'Taints of nodes this pod accepts.',
      ),
      topologySpreadConstraints: field.listOf(
        coreV1('TopologySpreadConstraint'),
        'How evenly matching pods must be spread over zones, nodes or other topology domains.',
        { key: 'topologyKey' },
      ),
      priorityClassName: field.string(
        'PriorityClass giving the scheduling priority of the pod.',
      ),
      schedulerName: field.string('Scheduler that places the pod.'),
      securityContext: field.ref(
        coreV1('PodSecurityContext'),
        'Privileges and access control for every container of the pod.',
      ),
      imagePullSecrets: field.list(
        field.object('A Secret in the namespace.', {
          name: field.string('Name of the Secret.'),
        }),
        'Secrets with registry credentials used to pull the images.',
        { key: 'name' },
      ),
      hostNetwork: field.boolean("Use the node's network namespace."),
      dnsPolicy: field.string('How DNS is set up for the pod.', {
        enum: ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'],
      }),
      hostname: field.string('Hostname of the pod; its name when empty.'),
      subdomain: field.string(
        'Subdomain under the headless Service of the same name.',
      ),
      terminationGracePeriodSeconds: field.int64(
        'Seconds containers get between the stop signal and being killed. Defaults to 30.',
      ),
      activeDeadlineSeconds: field.int64(
        'Seconds the pod may run before it is stopped and marked failed.',
      ),
      enableServiceLinks: field.boolean(
        'Whether Services are announced to the containers as environment variables.',
      ),
      dnsConfig: field.object('DNS settings merged into those of dnsPolicy.', {
        nameservers: field.strings('More name servers.'),
        searches: field.strings('More search domains.'),
        options: field.list(
          field.object('A resolver option.', {
            name: field.string('Option name, such as ndots.'),
            value: field.string('Option value.'),
          }),
          'Resolver options.',
        ),
      }),
      hostAliases: field.list(
        field.object('Entries added to /etc/hosts.', {
          ip: field.string('The address.'),
          hostnames: field.strings('Names for it.'),
        }),
        'Extra /etc/hosts entries.',
        { key: 'ip' },
      ),
      readinessGates: field.list(
        field.object(
          'A pod condition that must be True as well.',
          { conditionType: field.string('Type of the condition.') },
          ['conditionType'],
        ),
        'More conditions the pod needs to be ready.',
      ),
      schedulingGates: field.list(
        field.object(
          'Holds the pod back from scheduling while present.',
          { name: field.string('Name of the gate.') },
          ['name'],
        ),
        'Gates that keep the pod unscheduled until removed.',
        { key: 'name' },
      ),
      os: field.object(
        'Operating system the pod needs.',
        { name: field.string('linux or windows.') },
        ['name'],
      ),
      runtimeClassName: field.string(
        'RuntimeClass choosing the container runtime handler.',
      ),
      preemptionPolicy: field.string(
        'Whether the pod may preempt pods of lower priority.',
        { enum: ['PreemptLowerPriority', 'Never'] },
      ),
      shareProcessNamespace: field.boolean(
        "Let the containers see each other's processes.",
      ),
      hostPID: field.boolean("Use the node's process namespace."),
      hostIPC: field.boolean("Use the node's IPC namespace."),
      setHostnameAsFQDN: field.boolean(
        'Make the hostname the fully qualified domain name.',
      ),
    },
    ['containers'],
  ),
  PodStatus: field.object('What a pod is doing, as last observed.', {
    phase: field.string('Where the pod is in its life.', {
      enum: ['Pending', 'Running', 'Succeeded', 'Failed', 'Unknown'],
    }),
    conditions: field.listOf(
      coreV1('PodCondition'),
      'PodScheduled, Initialized, ContainersReady and Ready, each True or False.',
      { key: 'type' },
    ),
    hostIP: field.string('IP address of the node.'),
    podIP: field.string('IP address of the pod.'),
    podIPs: field.list(
      field.object('One address.', { ip: field.string('The address.') }),
      'Every IP address of the pod.',
    ),
    startTime: field.time('When the kubelet accepted the pod.'),
    containerStatuses: field.listOf(
      coreV1('ContainerStatus'),
      'One entry per container.',
    ),
    initContainerStatuses: field.listOf(
      coreV1('ContainerStatus'),
      'One entry per init container.',
    ),
    qosClass: field.string('Quality of service class, from the resources.', {
      enum: ['Guaranteed', 'Burstable', 'BestEffort'],
    }),
    message: field.string('Why the pod is in this phase.'),
    reason: field.string('Short reason for the phase, such as Evicted.'),
  }),
  PodCondition: field.object(
    'One aspect of the state of a pod.',
    {
      type: field.string(
        'PodScheduled, Initialized, ContainersReady or Ready.',
      ),
      status: field.string('True, False or Unknown.'),
      lastProbeTime: field.time('When it was last checked.'),
      lastTransitionTime: field.time('When status last changed.'),
      reason: field.string('Short machine-readable cause.'),
      message: field.string('Explanation for people.'),
    },
    ['type', 'status'],
  ),
  ContainerStatus: field.object(
    'What one container is doing.',
    {
      name: field.string('Name of the container.'),
      image: field.string('Image the container runs.'),
      imageID: field.string('Resolved image digest.'),
      containerID: field.string('ID given by the container runtime.'),
      ready: field.boolean('Whether the readiness probe passes.'),
      started: field.boolean('Whether the startup probe has passed.'),
      restartCount: field.int32('How often the container was restarted.'),
      state: field.ref(coreV1('ContainerState'), 'Current state.'),
      lastState: field.ref(
        coreV1('ContainerState'),
        'State before the last restart.',
      ),
    },
    ['name', 'ready', 'restartCount', 'image', 'imageID'],
  ),
  ContainerState: field.object(
    'The state of a container: exactly one of waiting, running or terminated.',
    {
      waiting: field.object('Not running yet.', {
        reason: field.string(
          'Why, such as ContainerCreating or CrashLoopBackOff.',
        ),
        message: field.string('Details.'),
      }),
      running: field.object('Running.', {
        startedAt: field.time('When it started.'),
      }),
      terminated: field.object('Has exited.', {
        exitCode: field.int32('Exit code of the process.'),
        reason: field.string('Why, such as Completed or OOMKilled.'),
        message: field.string('Details.'),
        startedAt: field.time('When it started.'),
        finishedAt: field.time('When it stopped.'),
      }),
    },
  ),
});
