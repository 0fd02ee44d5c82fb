// Objects the benchmarks put into kube-sim: pods shaped like those a real cluster returns for
// the suite's servers (two containers with resources and env, a full status), and the
// Deployment, ReplicaSet and pods of the one server the status benchmark asks about.
// Everything is inserted through the store, without HTTP, and is deterministic.

/** The server the status benchmark asks about, and its namespace in the first cluster. */
export const BENCH_SERVER = 'bench-api';
export const BENCH_NAMESPACE = 'bench';

export const LABEL_MANAGED_BY = 'app.kubernetes.io/managed-by';
export const LABEL_SERVER = 'cocktailcloud.io/server';
export const LABEL_KUBERNETES_ID = 'backstage.io/kubernetes-id';

const CREATED_AT = '2025-01-06T09:00:00Z';
const STARTED_AT = '2025-01-06T09:00:04Z';

/** A stable, uid-shaped string derived from a name, so runs build identical objects. */
function fakeUid(seed) {
  let h = 2166136261;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 16777619) >>> 0;
  }
  const hex = (h.toString(16).padStart(8, '0') + seed.length.toString(16))
    .repeat(4)
    .slice(0, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(
    12,
    16,
  )}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function shortHash(seed, length) {
  return fakeUid(seed).replace(/-/g, '').slice(0, length);
}

function digest(seed) {
  return fakeUid(`${seed}#digest`).replace(/-/g, '').repeat(2);
}

/** The labels every object the suite manages carries, for one server. */
export function serverLabels(server) {
  return {
    'app.kubernetes.io/name': server,
    [LABEL_MANAGED_BY]: 'cocktail',
    [LABEL_SERVER]: server,
    [LABEL_KUBERNETES_ID]: server,
  };
}

function containers(server, version) {
  return [
    {
      name: 'app',
      image: `registry.example.com/${server}:${version}`,
      imagePullPolicy: 'IfNotPresent',
      ports: [
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ],
      env: [
        { name: 'SERVER_NAME', value: server },
        { name: 'LOG_LEVEL', value: 'info' },
        { name: 'JAVA_OPTS', value: '-Xms256m -Xmx512m -XX:+UseG1GC' },
        {
          name: 'POD_NAME',
          valueFrom: {
            fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.name' },
          },
        },
        {
          name: 'DATABASE_PASSWORD',
          valueFrom: {
            secretKeyRef: { name: `${server}-db`, key: 'password' },
          },
        },
      ],
      resources: {
        requests: { cpu: '250m', memory: '256Mi' },
        limits: { cpu: '1', memory: '512Mi' },
      },
      readinessProbe: {
        httpGet: { path: '/ready', port: 'http', scheme: 'HTTP' },
        periodSeconds: 5,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      livenessProbe: {
        tcpSocket: { port: 'http' },
        initialDelaySeconds: 10,
        periodSeconds: 20,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 3,
      },
      volumeMounts: [
        {
          name: 'kube-api-access',
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          readOnly: true,
        },
      ],
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
    {
      name: 'log-shipper',
      image: 'registry.example.com/platform/fluent-bit:3.1.9',
      imagePullPolicy: 'IfNotPresent',
      env: [
        { name: 'FLUENT_OUTPUT', value: 'loki' },
        { name: 'LOKI_URL', value: 'http://loki.logging:3100' },
      ],
      resources: {
        requests: { cpu: '20m', memory: '32Mi' },
        limits: { cpu: '100m', memory: '64Mi' },
      },
      volumeMounts: [
        {
          name: 'kube-api-access',
          mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
          readOnly: true,
        },
      ],
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    },
  ];
}

/** A running, ready pod of a server, as a Deployment's ReplicaSet would have made it. */
export function serverPod({
  name,
  namespace,
  server,
  node,
  index = 0,
  replicaSet,
}) {
  const hash = replicaSet?.hash ?? shortHash(server, 10);
  // Pods of one ReplicaSet come from one pod template, so they run the same images (as in a
  // real cluster); their restarts and addresses still differ.
  const variant = parseInt(shortHash(`${server}/${hash}`, 4), 16);
  const version = `1.${variant % 7}.${variant % 3}`;
  const podIP = `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${
    index & 255
  }`;
  const specContainers = containers(server, version);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      labels: { ...serverLabels(server), 'pod-template-hash': hash },
      annotations: {
        'cocktailcloud.io/entity-ref': `cocktailserver:default/${server}`,
        'kubectl.kubernetes.io/default-container': 'app',
      },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          name: replicaSet?.name ?? `${server}-${hash}`,
          uid: replicaSet?.uid ?? fakeUid(`${namespace}/${server}-${hash}`),
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    },
    spec: {
      nodeName: node,
      serviceAccountName: 'default',
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 30,
      schedulerName: 'default-scheduler',
      containers: specContainers,
      volumes: [
        {
          name: 'kube-api-access',
          projected: {
            defaultMode: 420,
            sources: [
              {
                serviceAccountToken: { expirationSeconds: 3607, path: 'token' },
              },
              {
                configMap: {
                  name: 'kube-root-ca.crt',
                  items: [{ key: 'ca.crt', path: 'ca.crt' }],
                },
              },
            ],
          },
        },
      ],
      tolerations: [
        {
          key: 'node.kubernetes.io/not-ready',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
        {
          key: 'node.kubernetes.io/unreachable',
          operator: 'Exists',
          effect: 'NoExecute',
          tolerationSeconds: 300,
        },
      ],
    },
    status: {
      phase: 'Running',
      qosClass: 'Burstable',
      hostIP: '192.168.0.11',
      podIP,
      podIPs: [{ ip: podIP }],
      startTime: CREATED_AT,
      conditions: [
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(type => ({
        type,
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: STARTED_AT,
      })),
      containerStatuses: specContainers.map(c => ({
        name: c.name,
        ready: true,
        started: true,
        restartCount: index % 5 === 0 ? 1 : 0,
        image: c.image,
        imageID: `${c.image.split(':')[0]}@sha256:${digest(c.image)}`,
        containerID: `containerd://${digest(`${name}/${c.name}`)}`,
        state: { running: { startedAt: STARTED_AT } },
        lastState: {},
      })),
    },
  };
}

/**
 * The object as kube-sim holds it after a create over HTTP: parsed from JSON. Objects built
 * here with template strings would otherwise keep V8 rope strings, which are larger and
 * shrink once something flattens them (kube-sim's first list does), skewing memory readings.
 */
function asParsed(object) {
  return JSON.parse(JSON.stringify(object));
}

/**
 * Fills one simulated cluster through its store: `pods` pods spread evenly over `servers`
 * servers in `namespaceCount` namespaces. Returns the number of pods created.
 */
export function seedServerPods(
  cluster,
  { pods, servers = 100, namespaceCount = 10, node },
) {
  const namespaceType = cluster.registry.find('', 'v1', 'namespaces');
  const podType = cluster.registry.find('', 'v1', 'pods');
  for (let n = 0; n < namespaceCount; n++) {
    ensureNamespace(cluster, namespaceType, `team-${n}`);
  }
  for (let i = 0; i < pods; i++) {
    const s = i % servers;
    const server = `srv-${String(s).padStart(3, '0')}`;
    const serial = String(Math.floor(i / servers)).padStart(4, '0');
    const pod = serverPod({
      name: `${server}-${shortHash(server, 10)}-${serial}`,
      namespace: `team-${s % namespaceCount}`,
      server,
      node,
      index: i,
    });
    cluster.store.create(podType, asParsed(pod));
  }
  return pods;
}

function ensureNamespace(cluster, namespaceType, name) {
  if (!cluster.store.get(namespaceType, undefined, name)) {
    cluster.store.create(namespaceType, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
}

/**
 * A server as the suite deploys it: a Deployment with `replicas` ready pods through one
 * ReplicaSet, every object labelled for the server.
 */
export function seedDeployment(
  cluster,
  { namespace, server, replicas = 3, node },
) {
  const registry = cluster.registry;
  ensureNamespace(cluster, registry.find('', 'v1', 'namespaces'), namespace);
  const labels = serverLabels(server);
  const template = {
    metadata: { labels },
    spec: { containers: containers(server, '1.0.0') },
  };
  const deployment = cluster.store.create(
    registry.find('apps', 'v1', 'deployments'),
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: server,
        namespace,
        labels,
        annotations: {
          'deployment.kubernetes.io/revision': '1',
          'cocktailcloud.io/entity-ref': `cocktailserver:default/${server}`,
        },
      },
      spec: {
        replicas,
        selector: { matchLabels: { [LABEL_SERVER]: server } },
        strategy: {
          type: 'RollingUpdate',
          rollingUpdate: { maxSurge: 1, maxUnavailable: 0 },
        },
        template,
      },
      status: {
        observedGeneration: 1,
        replicas,
        updatedReplicas: replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          {
            type: 'Available',
            status: 'True',
            reason: 'MinimumReplicasAvailable',
            message: 'Deployment has minimum availability.',
          },
          {
            type: 'Progressing',
            status: 'True',
            reason: 'NewReplicaSetAvailable',
            message: `ReplicaSet "${server}-7d9f8b6c5d" has successfully progressed.`,
          },
        ],
      },
    },
  );
  const hash = '7d9f8b6c5d';
  const replicaSet = cluster.store.create(
    registry.find('apps', 'v1', 'replicasets'),
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${server}-${hash}`,
        namespace,
        labels: { ...labels, 'pod-template-hash': hash },
        annotations: { 'deployment.kubernetes.io/revision': '1' },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: server,
            uid: deployment.metadata.uid,
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        replicas,
        selector: {
          matchLabels: { [LABEL_SERVER]: server, 'pod-template-hash': hash },
        },
        template,
      },
      status: {
        replicas,
        readyReplicas: replicas,
        availableReplicas: replicas,
        observedGeneration: 1,
      },
    },
  );
  const podType = registry.find('', 'v1', 'pods');
  for (let i = 0; i < replicas; i++) {
    cluster.store.create(
      podType,
      serverPod({
        name: `${server}-${hash}-${shortHash(`${server}/${i}`, 5)}`,
        namespace,
        server,
        node,
        index: i,
        replicaSet: {
          name: replicaSet.metadata.name,
          uid: replicaSet.metadata.uid,
          hash,
        },
      }),
    );
  }
  return { deployment, replicaSet };
}
