/** Schemas of a container: image, command, ports, environment, resources, probes and mounts. */
import { coreV1 } from '../definitionNames';
import { definitions, field } from '../schemaDsl';

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];

function keySelector(kind: 'ConfigMap' | 'Secret') {
  return field.object(
    `One key of a ${kind}.`,
    {
      name: field.string(`Name of the ${kind}.`),
      key: field.string('The key to read.'),
      optional: field.boolean(`Whether a missing ${kind} or key is fine.`),
    },
    ['key'],
  );
}

export const containerDefinitions = definitions(coreV1, {
  Container: field.object(
    'One container of a pod: the image to run and how to run it.',
    {
      name: field.string(
        'Name of the container, unique within the pod (a DNS label). Cannot be changed.',
      ),
      image: field.string(
        'The container image to run, such as nginx:1.27 or registry.example.com/app@sha256:….',
      ),
      imagePullPolicy: field.string(
        'When the kubelet pulls the image: Always, only IfNotPresent, or Never. Defaults to Always for :latest and IfNotPresent otherwise.',
        { enum: PULL_POLICIES },
      ),
      command: field.strings(
        "Replaces the image's ENTRYPOINT. $(VAR) references are expanded from the container's environment.",
      ),
      args: field.strings(
        "Replaces the image's CMD: the arguments given to the command.",
      ),
      workingDir: field.string(
        "Directory the command runs in; the image's default when empty.",
      ),
      ports: field.listOf(
        coreV1('ContainerPort'),
        'Ports the container listens on. Informational: a port not listed is still reachable.',
        { key: 'containerPort' },
      ),
      env: field.listOf(
        coreV1('EnvVar'),
        'Environment variables set in the container.',
        { key: 'name' },
      ),
      envFrom: field.listOf(
        coreV1('EnvFromSource'),
        'ConfigMaps and Secrets whose every key becomes an environment variable; env wins on clashes.',
      ),
      resources: field.ref(
        coreV1('ResourceRequirements'),
        'CPU, memory and other resources the container asks for (requests) and may not exceed (limits).',
      ),
      volumeMounts: field.listOf(
        coreV1('VolumeMount'),
        "Volumes of the pod mounted into the container's filesystem.",
        { key: 'mountPath' },
      ),
      livenessProbe: field.ref(
        coreV1('Probe'),
        'Check that the container still works; the kubelet restarts it when the check keeps failing.',
      ),
      readinessProbe: field.ref(
        coreV1('Probe'),
        'Check that the container can serve; while it fails the pod gets no traffic from Services.',
      ),
      startupProbe: field.ref(
        coreV1('Probe'),
        'Check that the container has started; the other probes wait until it succeeds once.',
      ),
      lifecycle: field.object(
        'Actions run right after start and before stop.',
        {
          postStart: field.ref(
            coreV1('LifecycleHandler'),
            'Runs right after the container is created.',
          ),
          preStop: field.ref(
            coreV1('LifecycleHandler'),
            'Runs before the container is told to stop.',
          ),
        },
      ),
      securityContext: field.ref(
        coreV1('SecurityContext'),
        'Privileges and access control for this container; overrides the pod-level settings.',
      ),
      restartPolicy: field.string(
        'Only for init containers: Always makes it a sidecar that runs alongside the others.',
      ),
      terminationMessagePath: field.string(
        'File whose content becomes the termination message. Defaults to /dev/termination-log.',
      ),
      terminationMessagePolicy: field.string(
        'Where the termination message comes from.',
        { enum: ['File', 'FallbackToLogsOnError'] },
      ),
      volumeDevices: field.list(
        field.object(
          'A raw block volume.',
          {
            name: field.string('Name of a claim-backed volume of the pod.'),
            devicePath: field.string('Device path inside the container.'),
          },
          ['name', 'devicePath'],
        ),
        'Block volumes the container sees as devices.',
        { key: 'devicePath' },
      ),
      resizePolicy: field.list(
        field.object(
          'What resizing one resource does.',
          {
            resourceName: field.string('cpu or memory.'),
            restartPolicy: field.string('NotRequired or RestartContainer.'),
          },
          ['resourceName', 'restartPolicy'],
        ),
        'Whether changing requests or limits restarts the container.',
      ),
      stdin: field.boolean('Whether the container has a stdin stream.'),
      stdinOnce: field.boolean('Close stdin after the first client detaches.'),
      tty: field.boolean('Whether the container gets a terminal.'),
    },
    ['name'],
  ),
  ContainerPort: field.object(
    'A network port of a container.',
    {
      containerPort: field.int32('Port number on the pod IP, 1-65535.'),
      name: field.string(
        'Name of the port (an IANA service name) that Services can refer to.',
      ),
      protocol: field.string('Protocol of the port. Defaults to TCP.', {
        enum: ['TCP', 'UDP', 'SCTP'],
      }),
      hostPort: field.int32(
        'Port to expose on the node as well; rarely needed.',
      ),
      hostIP: field.string('Node address to bind hostPort to.'),
    },
    ['containerPort'],
  ),
  EnvVar: field.object(
    'One environment variable: a literal value or one read from elsewhere.',
    {
      name: field.string('Name of the variable.'),
      value: field.string(
        'The value; $(VAR) references to earlier variables are expanded.',
      ),
      valueFrom: field.ref(
        coreV1('EnvVarSource'),
        'Where to read the value from, when value is empty.',
      ),
    },
    ['name'],
  ),
  EnvVarSource: field.object('Where an environment variable gets its value.', {
    configMapKeyRef: field.ref(
      coreV1('ConfigMapKeySelector'),
      'A key of a ConfigMap in the namespace.',
    ),
    secretKeyRef: field.ref(
      coreV1('SecretKeySelector'),
      'A key of a Secret in the namespace.',
    ),
    fieldRef: field.object(
      'A field of the pod, such as metadata.name or status.podIP.',
      {
        fieldPath: field.string('Path of the field.'),
        apiVersion: field.string(
          'Version the path is written in; v1 when empty.',
        ),
      },
      ['fieldPath'],
    ),
    resourceFieldRef: field.object(
      'A request or limit of a container, such as limits.memory.',
      {
        resource: field.string('The resource: limits.cpu, requests.memory ….'),
        containerName: field.string('The container; this one when empty.'),
        divisor: field.quantity('Unit the value is expressed in.'),
      },
      ['resource'],
    ),
  }),
  ConfigMapKeySelector: keySelector('ConfigMap'),
  SecretKeySelector: keySelector('Secret'),
  EnvFromSource: field.object('A ConfigMap or Secret to take variables from.', {
    prefix: field.string('Put in front of every variable name.'),
    configMapRef: field.object('The ConfigMap.', {
      name: field.string('Name of the ConfigMap.'),
      optional: field.boolean('Whether it may be missing.'),
    }),
    secretRef: field.object('The Secret.', {
      name: field.string('Name of the Secret.'),
      optional: field.boolean('Whether it may be missing.'),
    }),
  }),
  ResourceRequirements: field.object(
    'Compute resources of a container, by resource name (cpu, memory, ephemeral-storage …).',
    {
      requests: field.quantityMap(
        'What the scheduler reserves for the container; defaults to limits when left out.',
      ),
      limits: field.quantityMap(
        'The most the container may use: CPU above it is throttled, memory above it gets the container killed.',
      ),
    },
  ),
  VolumeMount: field.object(
    'Where a volume appears inside a container.',
    {
      name: field.string('Name of a volume of the pod.'),
      mountPath: field.string(
        'Path inside the container; must not contain ":".',
      ),
      subPath: field.string(
        'Path within the volume to mount instead of its root.',
      ),
      readOnly: field.boolean('Mount read-only. Defaults to false.'),
    },
    ['name', 'mountPath'],
  ),
  Probe: field.object(
    'A health check the kubelet runs against a container: one of exec, httpGet, tcpSocket or grpc.',
    {
      exec: field.object(
        'Run a command in the container; exit code 0 passes.',
        {
          command: field.strings(
            'The command and its arguments, without a shell.',
          ),
        },
      ),
      httpGet: field.ref(
        coreV1('HTTPGetAction'),
        'Send an HTTP GET; a status from 200 to 399 passes.',
      ),
      tcpSocket: field.object('Open a TCP connection; success passes.', {
        port: field.intOrString('Port number or name.'),
        host: field.string('Host to connect to; the pod IP when empty.'),
      }),
      grpc: field.object('Call the gRPC health checking service.', {
        port: field.int32('Port number.'),
        service: field.string('Service name sent in the health check.'),
      }),
      initialDelaySeconds: field.int32(
        'Seconds after start before the first check.',
      ),
      periodSeconds: field.int32('Seconds between checks. Defaults to 10.'),
      timeoutSeconds: field.int32(
        'Seconds a check may take before it counts as failed. Defaults to 1.',
      ),
      successThreshold: field.int32(
        'Passes in a row needed after a failure. Defaults to 1.',
      ),
      failureThreshold: field.int32(
        'Failures in a row before the probe gives up. Defaults to 3.',
      ),
      terminationGracePeriodSeconds: field.int64(
        'Grace period used when a failing probe kills the container.',
      ),
    },
  ),
  HTTPGetAction: field.object(
    'An HTTP GET request made by the kubelet.',
    {
      path: field.string('Path to request.'),
      port: field.intOrString('Port number or name.'),
      host: field.string('Host to connect to; the pod IP when empty.'),
      scheme: field.string('HTTP or HTTPS. Defaults to HTTP.', {
        enum: ['HTTP', 'HTTPS'],
      }),
      httpHeaders: field.list(
        field.object('One header.', {
          name: field.string('Header name.'),
          value: field.string('Header value.'),
        }),
        'Headers to send.',
      ),
    },
    ['port'],
  ),
  LifecycleHandler: field.object(
    'An action at a point of the container lifecycle: one of exec, httpGet or sleep.',
    {
      exec: field.object('Run a command in the container.', {
        command: field.strings('The command and its arguments.'),
      }),
      httpGet: field.ref(coreV1('HTTPGetAction'), 'Send an HTTP GET.'),
      sleep: field.object('Wait a while.', {
        seconds: field.int64('How long to wait.'),
      }),
    },
  ),
});
