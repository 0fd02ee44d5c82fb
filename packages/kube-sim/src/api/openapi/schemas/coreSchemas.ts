/** Schemas of the core/v1 kinds other than Pod and storage: Services, configuration, Nodes, Events, quotas. */
import { coreV1, MICRO_TIME } from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const gvk = (kind: string) => ({ group: '', version: 'v1', kind });

const objectReference = field.object('Points at another object.', {
  apiVersion: field.string('API version of the object.'),
  kind: field.string('Kind of the object.'),
  namespace: field.string('Namespace of the object.'),
  name: field.string('Name of the object.'),
  uid: field.string('UID of the object.'),
  fieldPath: field.string(
    'A part of the object, such as spec.containers{app}.',
  ),
});

export const coreDefinitions = definitions(coreV1, {
  Namespace: kindSchema(
    gvk('Namespace'),
    'A scope for names: most objects live in a namespace, and access rules and quotas are set per namespace.',
    {
      spec: field.object('Settings of the namespace.', {
        finalizers: field.strings(
          'Clean-up that must finish before the namespace is removed.',
        ),
      }),
      status: field.object('State of the namespace. Read-only.', {
        phase: field.string('Active, or Terminating while being deleted.', {
          enum: ['Active', 'Terminating'],
        }),
      }),
    },
  ),
  Node: kindSchema(gvk('Node'), 'A machine, real or virtual, that runs pods.', {
    spec: field.object('How the node is used.', {
      podCIDR: field.string('Pod IP range assigned to the node.'),
      providerID: field.string('ID of the machine at the cloud provider.'),
      unschedulable: field.boolean('Keep new pods off the node (cordon).'),
      taints: field.list(
        field.object(
          'Repels pods that do not tolerate it.',
          {
            key: field.string('Taint key.'),
            value: field.string('Taint value.'),
            effect: field.string('NoSchedule, PreferNoSchedule or NoExecute.'),
          },
          ['key', 'effect'],
        ),
        'Taints of the node.',
      ),
    }),
    status: field.object('State of the node, as the kubelet reports it.', {
      capacity: field.quantityMap('Total resources of the node.'),
      allocatable: field.quantityMap('Resources left for pods.'),
      conditions: field.list(
        field.anyObject('One condition, such as Ready or MemoryPressure.'),
        'Health of the node.',
        { key: 'type' },
      ),
      addresses: field.list(
        field.object('One address.', {
          type: field.string('InternalIP, ExternalIP, Hostname …'),
          address: field.string('The address.'),
        }),
        'Addresses of the node.',
      ),
      nodeInfo: field.anyObject('Versions of the kubelet, runtime and OS.'),
    }),
  }),
  Service: kindSchema(
    gvk('Service'),
    'A stable name and address for a set of pods, chosen by labels, with traffic spread over them.',
    {
      spec: field.ref(coreV1('ServiceSpec'), 'Which pods and which ports.'),
      status: field.object('State of the Service. Read-only.', {
        loadBalancer: field.anyObject(
          'Addresses of the load balancer, if any.',
        ),
      }),
    },
  ),
  ServiceSpec: field.object('The pods a Service reaches and how.', {
    type: field.string(
      'ClusterIP (inside the cluster), NodePort, LoadBalancer or ExternalName. Defaults to ClusterIP.',
      { enum: ['ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'] },
    ),
    selector: field.stringMap(
      'Pods with these labels receive the traffic; without it, endpoints are managed by hand.',
    ),
    ports: field.listOf(coreV1('ServicePort'), 'Ports the Service exposes.', {
      key: 'port',
    }),
    clusterIP: field.string(
      'Virtual IP of the Service; None makes it headless. Assigned when empty.',
    ),
    clusterIPs: field.strings('Virtual IPs, one per IP family.'),
    externalName: field.string('DNS name an ExternalName Service points to.'),
    sessionAffinity: field.string('ClientIP sends a client to the same pod.', {
      enum: ['None', 'ClientIP'],
    }),
    externalTrafficPolicy: field.string(
      'Cluster, or Local to keep the client address and skip a hop.',
    ),
    internalTrafficPolicy: field.string('Cluster or Local.'),
    loadBalancerClass: field.string('Load balancer implementation to use.'),
    publishNotReadyAddresses: field.boolean(
      'Include pods that are not ready in DNS.',
    ),
    sessionAffinityConfig: field.object('Settings of session affinity.', {
      clientIP: field.object('Settings of ClientIP affinity.', {
        timeoutSeconds: field.int32(
          'Seconds a client sticks to its pod. Defaults to 10800.',
        ),
      }),
    }),
    ipFamilies: field.strings('IPv4, IPv6 or both, in order of preference.'),
    ipFamilyPolicy: field.string(
      'SingleStack, PreferDualStack or RequireDualStack.',
    ),
    externalIPs: field.strings('Further addresses that route to the Service.'),
    loadBalancerSourceRanges: field.strings(
      'Client address ranges the load balancer lets in.',
    ),
    loadBalancerIP: field.string('Address asked of the load balancer.'),
    allocateLoadBalancerNodePorts: field.boolean(
      'Whether a LoadBalancer Service also gets node ports.',
    ),
    healthCheckNodePort: field.int32(
      'Node port the load balancer checks, with the Local traffic policy.',
    ),
    trafficDistribution: field.string(
      'Preference for routing, such as PreferClose.',
    ),
  }),
  ServicePort: field.object(
    'One port of a Service.',
    {
      name: field.string('Name of the port; required when there are several.'),
      port: field.int32('Port the Service listens on.'),
      targetPort: field.intOrString(
        'Port number or name on the pods. Defaults to port.',
      ),
      protocol: field.string('TCP, UDP or SCTP. Defaults to TCP.'),
      nodePort: field.int32(
        'Port on every node, for NodePort and LoadBalancer.',
      ),
      appProtocol: field.string('Application protocol, such as http.'),
    },
    ['port'],
  ),
  Endpoints: kindSchema(
    gvk('Endpoints'),
    'The addresses and ports that currently back a Service.',
    {
      subsets: field.list(
        field.object('Addresses that share the same ports.', {
          addresses: field.list(
            field.anyObject('A ready address.'),
            'Ready addresses.',
          ),
          notReadyAddresses: field.list(
            field.anyObject('An address not ready yet.'),
            'Addresses not ready yet.',
          ),
          ports: field.list(field.anyObject('A port.'), 'The ports.'),
        }),
        'Groups of addresses and ports.',
      ),
    },
  ),
  ConfigMap: kindSchema(
    gvk('ConfigMap'),
    'Configuration as key/value pairs, for pods to read as environment variables or files.',
    {
      data: field.stringMap('Text values by key.'),
      binaryData: field.map(
        { type: 'string', format: 'byte' },
        'Binary values by key, base64-encoded; keys must not repeat those of data.',
      ),
      immutable: field.boolean('When true, the data can no longer be changed.'),
    },
  ),
  Secret: kindSchema(
    gvk('Secret'),
    'Sensitive values such as passwords, tokens or keys, for pods to read as environment variables or files.',
    {
      type: field.string(
        'What the secret holds, such as Opaque, kubernetes.io/tls or kubernetes.io/dockerconfigjson.',
      ),
      data: field.map(
        { type: 'string', format: 'byte' },
        'Values by key, base64-encoded.',
      ),
      stringData: field.stringMap(
        'Plain-text values by key, merged into data on write; never read back.',
      ),
      immutable: field.boolean('When true, the data can no longer be changed.'),
    },
  ),
  ServiceAccount: kindSchema(
    gvk('ServiceAccount'),
    'An identity for processes in pods, to authenticate to the API server and be granted access through RBAC.',
    {
      secrets: field.list(
        objectReference,
        'Secrets pods of this account may use.',
        {
          key: 'name',
        },
      ),
      imagePullSecrets: field.list(
        field.object('A Secret in the namespace.', {
          name: field.string('Name of the Secret.'),
        }),
        'Registry credentials added to every pod of this account.',
      ),
      automountServiceAccountToken: field.boolean(
        'Whether pods mount a token of this account by default.',
      ),
    },
  ),
  Event: kindSchema(
    gvk('Event'),
    'A report of something that happened to an object, such as a pod being scheduled or an image failing to pull.',
    {
      involvedObject: {
        ...objectReference,
        description: 'The object it is about.',
      },
      reason: field.string(
        'Short machine-readable cause, such as Scheduled or BackOff.',
      ),
      message: field.string('What happened, for people.'),
      type: field.string('Normal or Warning.'),
      source: field.object('Who reported it.', {
        component: field.string('The reporting component.'),
        host: field.string('The node it ran on.'),
      }),
      count: field.int32('How often it happened.'),
      firstTimestamp: field.time('When it first happened.'),
      lastTimestamp: field.time('When it last happened.'),
      eventTime: field.ref(MICRO_TIME, 'When it happened, precisely.'),
      reportingComponent: field.string('Controller that reported it.'),
      reportingInstance: field.string('Instance of that controller.'),
      action: field.string('What was done or failed.'),
    },
    ['involvedObject'],
  ),
  ResourceQuota: kindSchema(
    gvk('ResourceQuota'),
    'Caps the total resources and the number of objects a namespace may use.',
    {
      spec: field.object('The caps.', {
        hard: field.quantityMap(
          'Cap per resource name, such as requests.cpu, limits.memory or count/pods.',
        ),
        scopes: field.strings('Only count objects in these scopes.'),
        scopeSelector: field.object('Only count objects these scopes select.', {
          matchExpressions: field.list(
            field.object(
              'A condition on a scope.',
              {
                scopeName: field.string('The scope, such as PriorityClass.'),
                operator: field.string('In, NotIn, Exists or DoesNotExist.'),
                values: field.strings('Values to compare with.'),
              },
              ['scopeName', 'operator'],
            ),
            'The conditions.',
          ),
        }),
      }),
      status: field.object('Current use. Read-only.', {
        hard: field.quantityMap('Caps in force.'),
        used: field.quantityMap('What the namespace uses now.'),
      }),
    },
  ),
  LimitRange: kindSchema(
    gvk('LimitRange'),
    'Defaults and bounds for the resources of each pod, container or claim in a namespace.',
    {
      spec: field.object(
        'The limits.',
        {
          limits: field.list(
            field.object(
              'Limits for one kind of object.',
              {
                type: field.string('Pod, Container or PersistentVolumeClaim.'),
                max: field.quantityMap('Most allowed.'),
                min: field.quantityMap('Least allowed.'),
                default: field.quantityMap('Limits set when none are given.'),
                defaultRequest: field.quantityMap(
                  'Requests set when none are given.',
                ),
                maxLimitRequestRatio: field.quantityMap(
                  'Largest ratio of limit to request.',
                ),
              },
              ['type'],
            ),
            'The limits.',
          ),
        },
        ['limits'],
      ),
    },
  ),
});
