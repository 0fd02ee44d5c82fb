import { Entity } from '@backstage/catalog-model';
import { explainInvalidCron } from './cron';
import { checkRefKind, checkUniqueNames } from './entityRefs';
import { isDns1123Label } from './formats';
import { parseQuantity } from './quantity';
import { ValidationIssue } from './ValidationIssue';

type Path = Array<string | number>;

const SCALABLE_TYPES = ['Deployment', 'StatefulSet'];
const STRATEGIES_BY_TYPE: Record<string, string[]> = {
  Deployment: ['RollingUpdate', 'Recreate'],
  StatefulSet: ['RollingUpdate', 'OnDelete'],
  DaemonSet: ['RollingUpdate', 'OnDelete'],
};
const PROBE_HANDLERS = ['httpGet', 'tcpSocket', 'grpc', 'exec'];
const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];

function checkName(entity: Entity): ValidationIssue[] {
  const name = entity.metadata?.name;
  if (typeof name === 'string' && !isDns1123Label(name)) {
    return [
      {
        path: ['metadata', 'name'],
        message: `must be a DNS-1123 label (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit) because it names the Kubernetes workload, got ${JSON.stringify(
          name,
        )}`,
      },
    ];
  }
  return [];
}

function checkTypeFields(spec: any): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const type = spec.type;
  if (type === 'CronJob') {
    if (spec.schedule === undefined) {
      issues.push({
        path: ['spec', 'schedule'],
        message: 'is required when type is CronJob',
      });
    } else if (typeof spec.schedule === 'string') {
      const problem = explainInvalidCron(spec.schedule);
      if (problem) {
        issues.push({
          path: ['spec', 'schedule'],
          message: `expected a cron expression such as "0 2 * * *" or @daily: ${problem}`,
        });
      }
    }
  } else {
    for (const field of ['schedule', 'timeZone', 'concurrencyPolicy']) {
      if (spec[field] !== undefined) {
        issues.push({
          path: ['spec', field],
          message: `is only allowed when type is CronJob, but type is ${type}`,
        });
      }
    }
  }
  if (type === 'DaemonSet' && spec.replicas !== undefined) {
    issues.push({
      path: ['spec', 'replicas'],
      message:
        'must be absent when type is DaemonSet, which runs one pod per node',
    });
  }
  if (spec.backoffLimit !== undefined && type !== 'Job' && type !== 'CronJob') {
    issues.push({
      path: ['spec', 'backoffLimit'],
      message: `is only allowed when type is Job or CronJob, but type is ${type}`,
    });
  }
  if (spec.autoscaling !== undefined && !SCALABLE_TYPES.includes(type)) {
    issues.push({
      path: ['spec', 'autoscaling'],
      message: `is only allowed when type is Deployment or StatefulSet, but type is ${type}`,
    });
  }
  const strategy = spec.update?.strategy;
  if (
    typeof strategy === 'string' &&
    STRATEGIES_BY_TYPE[type] &&
    !STRATEGIES_BY_TYPE[type].includes(strategy)
  ) {
    issues.push({
      path: ['spec', 'update', 'strategy'],
      message: `must be one of ${STRATEGIES_BY_TYPE[type].join(
        ', ',
      )} when type is ${type}, got ${JSON.stringify(strategy)}`,
    });
  }
  if (spec.update !== undefined && (type === 'Job' || type === 'CronJob')) {
    issues.push({
      path: ['spec', 'update'],
      message: `is not allowed when type is ${type}; each run starts new pods`,
    });
  }
  return issues;
}

function checkAutoscaling(spec: any): ValidationIssue[] {
  const { minReplicas, maxReplicas } = spec.autoscaling ?? {};
  if (
    typeof minReplicas === 'number' &&
    typeof maxReplicas === 'number' &&
    minReplicas > maxReplicas
  ) {
    return [
      {
        path: ['spec', 'autoscaling', 'minReplicas'],
        message: `must be at most maxReplicas (${maxReplicas}), got ${minReplicas}`,
      },
    ];
  }
  return [];
}

function checkRequestsWithinLimits(
  container: any,
  path: Path,
): ValidationIssue[] {
  const requests = container?.resources?.requests ?? {};
  const limits = container?.resources?.limits ?? {};
  const issues: ValidationIssue[] = [];
  for (const [resource, request] of Object.entries(requests)) {
    const limit = limits[resource];
    const requestValue = parseQuantity(request as string);
    const limitValue = limit === undefined ? undefined : parseQuantity(limit);
    if (
      requestValue !== undefined &&
      limitValue !== undefined &&
      requestValue > limitValue
    ) {
      issues.push({
        path: [...path, 'resources', 'requests', resource],
        message: `must not exceed the limit (${limit}), got ${request}`,
      });
    }
  }
  return issues;
}

function checkProbes(container: any, path: Path): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  // The schema reports ports that are not a list; the rules only read the ones that are.
  const ports: any[] = Array.isArray(container?.ports) ? container.ports : [];
  const portNames = new Set(ports.map(p => p?.name));
  for (const probeName of PROBES) {
    const probe = container?.[probeName];
    if (!probe || typeof probe !== 'object') {
      continue;
    }
    const handlers = PROBE_HANDLERS.filter(h => probe[h] !== undefined);
    if (handlers.length !== 1) {
      issues.push({
        path: [...path, probeName],
        message: `must have exactly one of ${PROBE_HANDLERS.join(', ')}, got ${
          handlers.length ? handlers.join(' and ') : 'none'
        }`,
      });
    }
    for (const handler of ['httpGet', 'tcpSocket']) {
      const port = probe[handler]?.port;
      if (typeof port === 'string' && !portNames.has(port)) {
        issues.push({
          path: [...path, probeName, handler, 'port'],
          message: `names the port ${JSON.stringify(
            port,
          )}, but this container has no port of that name; expected one of: ${
            [...portNames].join(', ') || '(none declared)'
          }`,
        });
      }
    }
  }
  return issues;
}

function checkContainers(spec: any): ValidationIssue[] {
  const containers: any[] = Array.isArray(spec.containers)
    ? spec.containers
    : [];
  const issues = checkUniqueNames(
    containers,
    ['spec', 'containers'],
    'container',
  );
  const portNames = new Map<string, string>();
  containers.forEach((container, c) => {
    const path: Path = ['spec', 'containers', c];
    issues.push(...checkRequestsWithinLimits(container, path));
    issues.push(...checkProbes(container, path));
    (Array.isArray(container?.ports) ? container.ports : []).forEach(
      (port: any, p: number) => {
        if (typeof port?.name !== 'string') {
          return;
        }
        const here = `spec.containers[${c}].ports[${p}]`;
        const first = portNames.get(port.name);
        if (first) {
          issues.push({
            path: [...path, 'ports', p, 'name'],
            message: `duplicates the port name ${JSON.stringify(
              port.name,
            )} already used at ${first}; container port names must be unique within the server`,
          });
        } else {
          portNames.set(port.name, here);
        }
      },
    );
  });
  return issues;
}

function checkServicePorts(spec: any): ValidationIssue[] {
  const ports: any[] = Array.isArray(spec.ports) ? spec.ports : [];
  const issues = checkUniqueNames(ports, ['spec', 'ports'], 'port');
  const containerPortNames = new Set(
    (Array.isArray(spec.containers) ? spec.containers : []).flatMap((c: any) =>
      (Array.isArray(c?.ports) ? c.ports : []).map((p: any) => p?.name),
    ),
  );
  ports.forEach((port, i) => {
    const path: Path = ['spec', 'ports', i];
    if (
      typeof port?.targetPort === 'string' &&
      !containerPortNames.has(port.targetPort)
    ) {
      issues.push({
        path: [...path, 'targetPort'],
        message: `names the container port ${JSON.stringify(
          port.targetPort,
        )}, but no container declares it; expected one of: ${
          [...containerPortNames].join(', ') || '(none declared)'
        }`,
      });
    }
    if (port?.expose === 'Ingress' && port.host === undefined) {
      issues.push({
        path: [...path, 'host'],
        message: 'is required when expose is Ingress',
      });
    }
    if (port?.expose !== 'Ingress') {
      for (const field of ['host', 'path']) {
        if (port?.[field] !== undefined) {
          issues.push({
            path: [...path, field],
            message: `is only allowed when expose is Ingress, but expose is ${
              port?.expose ?? 'ClusterIP'
            }`,
          });
        }
      }
    }
    if (
      port?.nodePort !== undefined &&
      port.expose !== 'NodePort' &&
      port.expose !== 'LoadBalancer'
    ) {
      issues.push({
        path: [...path, 'nodePort'],
        message: `is only allowed when expose is NodePort or LoadBalancer, but expose is ${
          port.expose ?? 'ClusterIP'
        }`,
      });
    }
  });
  return issues;
}

function checkVolumes(spec: any): ValidationIssue[] {
  const volumes: any[] = Array.isArray(spec.volumes) ? spec.volumes : [];
  const issues = checkUniqueNames(volumes, ['spec', 'volumes'], 'volume');
  const containerNames = (
    Array.isArray(spec.containers) ? spec.containers : []
  ).map((c: any) => c?.name);
  volumes.forEach((volume, v) => {
    (Array.isArray(volume?.containers) ? volume.containers : []).forEach(
      (name: unknown, i: number) => {
        if (typeof name === 'string' && !containerNames.includes(name)) {
          issues.push({
            path: ['spec', 'volumes', v, 'containers', i],
            message: `names the container ${JSON.stringify(
              name,
            )}, but the server has no container of that name; expected one of: ${containerNames.join(
              ', ',
            )}`,
          });
        }
      },
    );
  });
  return issues;
}

function checkRefs(entity: Entity, spec: any): ValidationIssue[] {
  const issues = checkRefKind(entity, spec.serviceMap, ['spec', 'serviceMap'], {
    defaultKind: 'ServiceMap',
    allowedKinds: ['ServiceMap'],
  });
  issues.push(
    ...checkRefKind(entity, spec.owner, ['spec', 'owner'], {
      defaultKind: 'Group',
      allowedKinds: ['Group', 'User'],
    }),
  );
  return issues;
}

/** The CocktailServer rules that a JSON schema cannot express. */
export function findServerRuleIssues(entity: Entity): ValidationIssue[] {
  const spec = entity.spec as any;
  if (!spec || typeof spec !== 'object') {
    return [];
  }
  return [
    ...checkName(entity),
    ...checkRefs(entity, spec),
    ...checkTypeFields(spec),
    ...checkAutoscaling(spec),
    ...checkContainers(spec),
    ...checkServicePorts(spec),
    ...checkVolumes(spec),
  ];
}
