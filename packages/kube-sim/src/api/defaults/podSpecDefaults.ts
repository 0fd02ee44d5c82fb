/* eslint-disable @typescript-eslint/no-explicit-any */

/** `Always` for `:latest` or an untagged image, as the API server defaults it. */
function defaultPullPolicy(image: string | undefined): string {
  if (!image || image.includes('@')) {
    return 'IfNotPresent';
  }
  const lastPart = image.slice(image.lastIndexOf('/') + 1);
  const tag = lastPart.includes(':') ? lastPart.split(':').pop() : undefined;
  return !tag || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function containerWithDefaults(container: any): any {
  return {
    ...container,
    imagePullPolicy:
      container.imagePullPolicy || defaultPullPolicy(container.image),
    terminationMessagePath:
      container.terminationMessagePath || '/dev/termination-log',
    terminationMessagePolicy: container.terminationMessagePolicy || 'File',
    ...(Array.isArray(container.ports) && {
      ports: container.ports.map((port: any) => ({
        ...port,
        protocol: port.protocol || 'TCP',
      })),
    }),
  };
}

/**
 * A pod spec with the fields the API server fills in when a client leaves them out. A Job's pods
 * get no `restartPolicy` (the API server requires the client to choose Never or OnFailure).
 */
export function podSpecWithDefaults(
  spec: any,
  options: { defaultRestartPolicy?: boolean } = {},
): any {
  if (!spec || typeof spec !== 'object') {
    return spec;
  }
  return {
    ...spec,
    ...(Array.isArray(spec.containers) && {
      containers: spec.containers.map(containerWithDefaults),
    }),
    ...(Array.isArray(spec.initContainers) && {
      initContainers: spec.initContainers.map(containerWithDefaults),
    }),
    ...((options.defaultRestartPolicy ?? true) && {
      restartPolicy: spec.restartPolicy || 'Always',
    }),
    dnsPolicy: spec.dnsPolicy || 'ClusterFirst',
    schedulerName: spec.schedulerName || 'default-scheduler',
    terminationGracePeriodSeconds: spec.terminationGracePeriodSeconds ?? 30,
    securityContext: spec.securityContext ?? {},
  };
}

/** A pod template (of a Deployment, ReplicaSet, Job …) with its spec defaulted. */
export function templateWithDefaults(
  template: any,
  options: { defaultRestartPolicy?: boolean } = {},
): any {
  if (!template || typeof template !== 'object') {
    return template;
  }
  return { ...template, spec: podSpecWithDefaults(template.spec, options) };
}
