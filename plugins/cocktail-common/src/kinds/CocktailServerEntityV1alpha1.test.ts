import { Entity } from '@backstage/catalog-model';
import { formatFieldPath } from '../validation/fieldPath';
import {
  cocktailServerEntityV1alpha1Validator as validator,
  cocktailServerKind,
  isCocktailServerEntity,
} from './CocktailServerEntityV1alpha1';

function server(
  spec: Record<string, unknown> = {},
  name = 'payments-api',
): Entity {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'CocktailServer',
    metadata: { name },
    spec: {
      serviceMap: 'payments-prod',
      type: 'Deployment',
      replicas: 2,
      containers: [
        {
          name: 'api',
          image: 'harbor.example.com/payments/api:1.4.2',
          ports: [{ name: 'http', containerPort: 8080 }],
          resources: {
            requests: { cpu: '250m', memory: '256Mi' },
            limits: { memory: '512Mi' },
          },
          readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
        },
      ],
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      ...spec,
    },
  };
}

/** The field path of each issue, with its message. */
function issues(entity: Entity): Array<[string, string]> {
  return cocktailServerKind
    .findIssues(entity)
    .map(i => [formatFieldPath(i.path), i.message]);
}

function paths(entity: Entity): string[] {
  return issues(entity).map(([path]) => path);
}

describe('CocktailServer', () => {
  it('accepts a complete server', async () => {
    const entity = server({
      volumes: [
        {
          name: 'data',
          mountPath: '/data',
          size: '10Gi',
          storageClass: 'standard',
        },
      ],
      autoscaling: {
        minReplicas: 2,
        maxReplicas: 10,
        targetCPUUtilization: 70,
      },
      update: { strategy: 'RollingUpdate', maxSurge: '25%', maxUnavailable: 0 },
      dependsOn: ['cocktailserver:payments-db'],
    });
    expect(issues(entity)).toEqual([]);
    await expect(validator.check(entity)).resolves.toBe(true);
    expect(isCocktailServerEntity(entity)).toBe(true);
  });

  it('leaves other kinds to other validators', async () => {
    await expect(
      validator.check({ ...server(), kind: 'Component' }),
    ).resolves.toBe(false);
    await expect(
      validator.check({ ...server(), apiVersion: 'backstage.io/v1alpha1' }),
    ).resolves.toBe(false);
  });

  it('throws one error naming the entity, field and expectation of every issue', async () => {
    const entity = server({ replicas: -1, type: 'Pod' });
    await expect(validator.check(entity)).rejects.toThrow(
      'cocktailserver:default/payments-api has 2 problems:\n' +
        'cocktailserver:default/payments-api: spec.type: must be one of Deployment, StatefulSet, DaemonSet, Job, CronJob, got "Pod"\n' +
        'cocktailserver:default/payments-api: spec.replicas: must be at least 0, got -1',
    );
  });

  it('requires the serviceMap, type and at least one container', () => {
    const entity = server();
    delete (entity.spec as any).serviceMap;
    expect(issues(entity)).toEqual([
      ['spec.serviceMap', 'is required but missing'],
    ]);
    expect(issues(server({ containers: [] }))).toContainEqual([
      'spec.containers',
      'must have at least 1 item(s)',
    ]);
  });

  it('rejects unknown fields, listing the known ones', () => {
    const [[path, message]] = issues(server({ replica: 3 }));
    expect(path).toBe('spec.replica');
    expect(message).toMatch(
      /^is not a known field; expected one of serviceMap, owner, type, replicas,/,
    );
  });

  describe('DNS-1123 names', () => {
    it('checks the server name, which names the workload', () => {
      expect(issues(server({}, 'Payments_API'))).toEqual([
        [
          'metadata.name',
          'must be a DNS-1123 label (at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit) because it names the Kubernetes workload, got "Payments_API"',
        ],
      ]);
    });

    it('checks container, volume and port names', () => {
      const entity = server({
        containers: [
          {
            name: 'API',
            image: 'nginx',
            ports: [{ name: 'HTTP_PORT', containerPort: 80 }],
          },
        ],
        ports: [{ name: 'web--1', port: 80 }],
        volumes: [{ name: 'Data', mountPath: '/data', size: '1Gi' }],
      });
      expect(paths(entity)).toEqual([
        'spec.containers[0].name',
        'spec.containers[0].ports[0].name',
        'spec.ports[0].name',
        'spec.volumes[0].name',
      ]);
      expect(issues(entity)[0][1]).toBe(
        'expected a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit, got "API"',
      );
    });
  });

  describe('quantities', () => {
    it('accepts millicores, plain numbers and binary and decimal suffixes', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            resources: {
              requests: { cpu: 1.5, memory: '500M' },
              limits: { cpu: '2', memory: '10Gi' },
            },
          },
        ],
        ports: [],
      });
      expect(issues(entity)).toEqual([]);
    });

    it('names the field of a value that is not a quantity', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            resources: { limits: { memory: '512MB' } },
          },
        ],
        volumes: [{ name: 'data', mountPath: '/data', size: 'ten gigs' }],
        ports: [],
      });
      expect(issues(entity)).toEqual([
        [
          'spec.containers[0].resources.limits.memory',
          'expected a Kubernetes quantity such as 250m, 1.5, 10Gi or 500M, got "512MB"',
        ],
        [
          'spec.volumes[0].size',
          'expected a Kubernetes quantity such as 250m, 1.5, 10Gi or 500M, got "ten gigs"',
        ],
      ]);
    });

    it('refuses a request above its limit', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            resources: {
              requests: { memory: '1Gi' },
              limits: { memory: '512Mi' },
            },
          },
        ],
        ports: [],
      });
      expect(issues(entity)).toEqual([
        [
          'spec.containers[0].resources.requests.memory',
          'must not exceed the limit (512Mi), got 1Gi',
        ],
      ]);
    });
  });

  describe('ports', () => {
    it('checks port ranges with the full path to the field', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            ports: [{ name: 'http', containerPort: 8080 }],
          },
          {
            name: 'sidecar',
            image: 'envoyproxy/envoy:v1.31.0',
            ports: [{ name: 'admin', containerPort: 0 }],
          },
        ],
        ports: [{ name: 'http', port: 65536, targetPort: 'http' }],
      });
      expect(issues(entity)).toEqual([
        [
          'spec.containers[1].ports[0].containerPort',
          'must be between 1 and 65535, got 0',
        ],
        ['spec.ports[0].port', 'must be between 1 and 65535, got 65536'],
      ]);
    });

    it('keeps nodePort in the NodePort range and only with NodePort or LoadBalancer', () => {
      expect(
        issues(
          server({
            ports: [
              { name: 'http', port: 80, expose: 'NodePort', nodePort: 8080 },
            ],
          }),
        ),
      ).toEqual([
        ['spec.ports[0].nodePort', 'must be between 30000 and 32767, got 8080'],
      ]);
      expect(
        issues(
          server({ ports: [{ name: 'http', port: 80, nodePort: 30080 }] }),
        ),
      ).toEqual([
        [
          'spec.ports[0].nodePort',
          'is only allowed when expose is NodePort or LoadBalancer, but expose is ClusterIP',
        ],
      ]);
    });

    it('requires a host for Ingress and refuses one otherwise', () => {
      expect(
        issues(
          server({ ports: [{ name: 'http', port: 80, expose: 'Ingress' }] }),
        ),
      ).toEqual([['spec.ports[0].host', 'is required when expose is Ingress']]);
      expect(
        paths(
          server({
            ports: [{ name: 'http', port: 80, host: 'pay.example.com' }],
          }),
        ),
      ).toEqual(['spec.ports[0].host']);
    });

    it('resolves a named targetPort against the containers', () => {
      expect(
        issues(
          server({ ports: [{ name: 'http', port: 80, targetPort: 'web' }] }),
        ),
      ).toEqual([
        [
          'spec.ports[0].targetPort',
          'names the container port "web", but no container declares it; expected one of: http',
        ],
      ]);
    });

    it('resolves a named probe port against its container', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            ports: [{ name: 'http', containerPort: 80 }],
            livenessProbe: { tcpSocket: { port: 'grpc' } },
          },
        ],
      });
      expect(paths(entity)).toEqual([
        'spec.containers[0].livenessProbe.tcpSocket.port',
      ]);
    });

    it('requires exactly one probe handler', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            readinessProbe: {
              httpGet: { path: '/', port: 80 },
              tcpSocket: { port: 80 },
            },
            livenessProbe: { periodSeconds: 5 },
          },
        ],
        ports: [],
      });
      expect(issues(entity)).toEqual([
        [
          'spec.containers[0].readinessProbe',
          'must have exactly one of httpGet, tcpSocket, grpc, exec, got httpGet and tcpSocket',
        ],
        [
          'spec.containers[0].livenessProbe',
          'must have exactly one of httpGet, tcpSocket, grpc, exec, got none',
        ],
      ]);
    });
  });

  describe('unique names', () => {
    it('refuses two containers of the same name', () => {
      const entity = server({
        containers: [
          { name: 'api', image: 'nginx' },
          { name: 'api', image: 'redis:7' },
        ],
        ports: [],
      });
      expect(issues(entity)).toEqual([
        [
          'spec.containers[1].name',
          'duplicates the container name "api" already used at spec.containers[0]; each container name must be unique',
        ],
      ]);
    });

    it('refuses a container port name used twice across containers', () => {
      const entity = server({
        containers: [
          {
            name: 'api',
            image: 'nginx',
            ports: [{ name: 'http', containerPort: 80 }],
          },
          {
            name: 'proxy',
            image: 'nginx',
            ports: [{ name: 'http', containerPort: 81 }],
          },
        ],
      });
      expect(paths(entity)).toEqual(['spec.containers[1].ports[0].name']);
    });

    it('refuses duplicate service port and volume names', () => {
      const entity = server({
        ports: [
          { name: 'http', port: 80, targetPort: 'http' },
          { name: 'http', port: 8080, targetPort: 'http' },
        ],
        volumes: [
          { name: 'data', mountPath: '/a', size: '1Gi' },
          { name: 'data', mountPath: '/b', size: '1Gi' },
        ],
      });
      expect(paths(entity)).toEqual([
        'spec.ports[1].name',
        'spec.volumes[1].name',
      ]);
    });
  });

  describe('workload types', () => {
    it('requires a valid schedule for a CronJob', () => {
      expect(
        issues(server({ type: 'CronJob', replicas: undefined, ports: [] })),
      ).toEqual([['spec.schedule', 'is required when type is CronJob']]);
      expect(
        issues(server({ type: 'CronJob', schedule: '0 2 * * * *', ports: [] })),
      ).toEqual([
        [
          'spec.schedule',
          'expected a cron expression such as "0 2 * * *" or @daily: expected 5 fields (minute hour day-of-month month day-of-week), got 6',
        ],
      ]);
      expect(
        issues(
          server({
            type: 'CronJob',
            schedule: '@daily',
            timeZone: 'Asia/Seoul',
            ports: [],
          }),
        ),
      ).toEqual([]);
    });

    it('refuses a schedule on anything but a CronJob', () => {
      expect(issues(server({ schedule: '0 2 * * *' }))).toEqual([
        [
          'spec.schedule',
          'is only allowed when type is CronJob, but type is Deployment',
        ],
      ]);
    });

    it('refuses replicas on a DaemonSet', () => {
      expect(issues(server({ type: 'DaemonSet' }))).toEqual([
        [
          'spec.replicas',
          'must be absent when type is DaemonSet, which runs one pod per node',
        ],
      ]);
      expect(
        issues(server({ type: 'DaemonSet', replicas: undefined })),
      ).toEqual([]);
    });

    it('allows autoscaling only for Deployments and StatefulSets', () => {
      expect(
        paths(
          server({
            type: 'Job',
            autoscaling: { minReplicas: 1, maxReplicas: 2 },
          }),
        ),
      ).toEqual(['spec.autoscaling']);
    });

    it('matches the update strategy to the type', () => {
      expect(issues(server({ update: { strategy: 'OnDelete' } }))).toEqual([
        [
          'spec.update.strategy',
          'must be one of RollingUpdate, Recreate when type is Deployment, got "OnDelete"',
        ],
      ]);
      expect(
        issues(
          server({ type: 'StatefulSet', update: { strategy: 'OnDelete' } }),
        ),
      ).toEqual([]);
    });

    it('checks maxSurge and maxUnavailable as a number or a percentage', () => {
      expect(issues(server({ update: { maxSurge: '25 percent' } }))).toEqual([
        [
          'spec.update.maxSurge',
          'expected a whole number or a percentage such as 1 or 25%, got "25 percent"',
        ],
      ]);
    });
  });

  describe('autoscaling', () => {
    it('keeps minReplicas at or below maxReplicas', () => {
      expect(
        issues(server({ autoscaling: { minReplicas: 5, maxReplicas: 2 } })),
      ).toEqual([
        [
          'spec.autoscaling.minReplicas',
          'must be at most maxReplicas (2), got 5',
        ],
      ]);
      expect(
        issues(server({ autoscaling: { minReplicas: 2, maxReplicas: 2 } })),
      ).toEqual([]);
    });

    it('keeps target utilisation within 1 to 100 percent', () => {
      expect(
        issues(
          server({
            autoscaling: {
              minReplicas: 1,
              maxReplicas: 2,
              targetCPUUtilization: 150,
            },
          }),
        ),
      ).toEqual([
        [
          'spec.autoscaling.targetCPUUtilization',
          'must be between 1 and 100, got 150',
        ],
      ]);
    });
  });

  describe('images and references', () => {
    it('names a container whose image is not an image reference', () => {
      expect(
        issues(
          server({
            containers: [{ name: 'api', image: 'https://example.com/app' }],
            ports: [],
          }),
        ),
      ).toEqual([
        [
          'spec.containers[0].image',
          'expected an image reference such as registry.example.com/team/app:1.2.3 or app@sha256:<digest>, got "https://example.com/app"',
        ],
      ]);
    });

    it('checks the serviceMap, owner and dependsOn references', () => {
      expect(
        issues(
          server({
            serviceMap: 'resource:prod',
            owner: 'component:x',
            dependsOn: ['not a ref'],
          }),
        ),
      ).toEqual([
        [
          'spec.dependsOn[0]',
          'expected an entity reference such as [kind:][namespace/]name, got "not a ref"',
        ],
        [
          'spec.serviceMap',
          'must refer to a ServiceMap, got "resource:prod" (kind resource)',
        ],
        [
          'spec.owner',
          'must refer to a Group or User, got "component:x" (kind component)',
        ],
      ]);
    });

    it('only mounts volumes in containers that exist', () => {
      expect(
        issues(
          server({
            volumes: [
              {
                name: 'data',
                mountPath: '/data',
                size: '1Gi',
                containers: ['db'],
              },
            ],
          }),
        ),
      ).toEqual([
        [
          'spec.volumes[0].containers[0]',
          'names the container "db", but the server has no container of that name; expected one of: api',
        ],
      ]);
    });
  });
});
