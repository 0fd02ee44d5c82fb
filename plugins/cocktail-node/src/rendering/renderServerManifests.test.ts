import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
  isCocktailServerEntity,
  isServiceMapEntity,
} from '@cocktailcloud/plugin-cocktail-common';
import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { validateWithUpstreamSchemas } from '../__testUtils__/validateWithUpstreamSchemas';
import { renderServerManifests } from './renderServerManifests';

const serviceMap: ServiceMapEntityV1alpha1 = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name: 'payments-prod', namespace: 'default' },
  spec: {
    service: 'payments',
    environment: 'production',
    cluster: 'resource:prod',
    namespace: 'payments-prod',
  },
};

function server(
  spec: Partial<CocktailServerEntityV1alpha1['spec']>,
  name = 'api',
): CocktailServerEntityV1alpha1 {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'CocktailServer',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceMap: 'payments-prod',
      type: 'Deployment',
      containers: [
        {
          name: 'api',
          image: 'harbor.example.com/payments/api:1.4.2',
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
      ...spec,
    },
  };
}

const labels = {
  'app.kubernetes.io/name': 'api',
  'app.kubernetes.io/managed-by': 'cocktail',
  'cocktailcloud.io/service': 'payments',
  'cocktailcloud.io/service-map': 'payments-prod',
  'cocktailcloud.io/server': 'api',
  'backstage.io/kubernetes-id': 'api',
};
const metadata = {
  name: 'api',
  namespace: 'payments-prod',
  labels,
  annotations: { 'cocktailcloud.io/entity-ref': 'cocktailserver:default/api' },
};

describe('renderServerManifests', () => {
  it('renders a Deployment with its Service, Ingress and HPA, exactly', () => {
    const manifests = renderServerManifests({
      serviceMap,
      server: server({
        replicas: 3,
        containers: [
          {
            name: 'api',
            image: 'harbor.example.com/payments/api:1.4.2',
            ports: [{ name: 'http', containerPort: 8080 }],
            env: [{ name: 'LOG_LEVEL', value: 'info' }],
            resources: {
              requests: { cpu: '250m', memory: '256Mi' },
              limits: { memory: '512Mi' },
            },
            readinessProbe: { httpGet: { path: '/healthz', port: 'http' } },
          },
        ],
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 'http',
            expose: 'Ingress',
            host: 'pay.example.com',
          },
        ],
        autoscaling: {
          minReplicas: 2,
          maxReplicas: 10,
          targetCPUUtilization: 70,
        },
        update: {
          strategy: 'RollingUpdate',
          maxSurge: '25%',
          maxUnavailable: 0,
        },
      }),
    });
    expect(manifests).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata,
        spec: {
          revisionHistoryLimit: 10,
          selector: { matchLabels: { 'cocktailcloud.io/server': 'api' } },
          strategy: {
            type: 'RollingUpdate',
            rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 },
          },
          template: {
            metadata: { labels },
            spec: {
              containers: [
                {
                  name: 'api',
                  image: 'harbor.example.com/payments/api:1.4.2',
                  ports: [
                    { name: 'http', containerPort: 8080, protocol: 'TCP' },
                  ],
                  env: [{ name: 'LOG_LEVEL', value: 'info' }],
                  resources: {
                    requests: { cpu: '250m', memory: '256Mi' },
                    limits: { memory: '512Mi' },
                  },
                  readinessProbe: {
                    httpGet: { path: '/healthz', port: 'http', scheme: 'HTTP' },
                  },
                },
              ],
            },
          },
        },
      },
      {
        apiVersion: 'v1',
        kind: 'Service',
        metadata,
        spec: {
          type: 'ClusterIP',
          selector: { 'cocktailcloud.io/server': 'api' },
          ports: [
            { name: 'http', port: 80, targetPort: 'http', protocol: 'TCP' },
          ],
        },
      },
      {
        apiVersion: 'networking.k8s.io/v1',
        kind: 'Ingress',
        metadata,
        spec: {
          rules: [
            {
              host: 'pay.example.com',
              http: {
                paths: [
                  {
                    path: '/',
                    pathType: 'Prefix',
                    backend: {
                      service: { name: 'api', port: { name: 'http' } },
                    },
                  },
                ],
              },
            },
          ],
        },
      },
      {
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata,
        spec: {
          scaleTargetRef: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            name: 'api',
          },
          minReplicas: 2,
          maxReplicas: 10,
          metrics: [
            {
              type: 'Resource',
              resource: {
                name: 'cpu',
                target: { type: 'Utilization', averageUtilization: 70 },
              },
            },
          ],
        },
      },
    ]);
    manifests.forEach(validateWithUpstreamSchemas);
  });

  it('leaves replicas to the HPA when autoscaling, and sets them otherwise', () => {
    const [withHpa] = renderServerManifests({
      serviceMap,
      server: server({
        replicas: 3,
        autoscaling: { minReplicas: 1, maxReplicas: 4 },
      }),
    });
    expect((withHpa.spec as any).replicas).toBeUndefined();
    const [without] = renderServerManifests({
      serviceMap,
      server: server({ replicas: 3 }),
    });
    expect((without.spec as any).replicas).toBe(3);
  });

  it('renders a StatefulSet with claim templates instead of claims', () => {
    const manifests = renderServerManifests({
      serviceMap,
      server: server({
        type: 'StatefulSet',
        replicas: 2,
        volumes: [
          {
            name: 'data',
            mountPath: '/data',
            size: '10Gi',
            storageClass: 'gp3',
          },
        ],
        update: { strategy: 'OnDelete' },
      }),
    });
    expect(manifests.map(m => m.kind)).toEqual(['StatefulSet']);
    const spec = manifests[0].spec as any;
    expect(spec.serviceName).toBe('api');
    expect(spec.updateStrategy).toEqual({ type: 'OnDelete' });
    expect(spec.volumeClaimTemplates).toEqual([
      {
        metadata: { name: 'data', labels },
        spec: {
          accessModes: ['ReadWriteOnce'],
          storageClassName: 'gp3',
          resources: { requests: { storage: '10Gi' } },
        },
      },
    ]);
    expect(spec.template.spec.containers[0].volumeMounts).toEqual([
      { name: 'data', mountPath: '/data' },
    ]);
    expect(spec.template.spec.volumes).toBeUndefined();
    manifests.forEach(validateWithUpstreamSchemas);
  });

  it('renders a claim per volume for a Deployment, mounted only where asked', () => {
    const manifests = renderServerManifests({
      serviceMap,
      server: server({
        containers: [
          { name: 'api', image: 'nginx' },
          { name: 'sidecar', image: 'envoyproxy/envoy:v1.31.0' },
        ],
        volumes: [
          {
            name: 'cache',
            mountPath: '/cache',
            size: '1Gi',
            containers: ['api'],
            readOnly: true,
          },
        ],
      }),
    });
    expect(manifests.map(m => `${m.kind}/${m.metadata.name}`)).toEqual([
      'PersistentVolumeClaim/api-cache',
      'Deployment/api',
    ]);
    const pod = (manifests[1].spec as any).template.spec;
    expect(pod.volumes).toEqual([
      { name: 'cache', persistentVolumeClaim: { claimName: 'api-cache' } },
    ]);
    expect(pod.containers[0].volumeMounts).toEqual([
      { name: 'cache', mountPath: '/cache', readOnly: true },
    ]);
    expect(pod.containers[1].volumeMounts).toBeUndefined();
    manifests.forEach(validateWithUpstreamSchemas);
  });

  it('renders a DaemonSet without replicas', () => {
    const [daemonSet] = renderServerManifests({
      serviceMap,
      server: server({
        type: 'DaemonSet',
        update: { strategy: 'RollingUpdate', maxUnavailable: 1 },
      }),
    });
    expect(daemonSet.kind).toBe('DaemonSet');
    expect((daemonSet.spec as any).replicas).toBeUndefined();
    expect((daemonSet.spec as any).updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1 },
    });
    validateWithUpstreamSchemas(daemonSet);
  });

  it('renders a Job that runs replicas pods to completion, never restarting them', () => {
    const [job] = renderServerManifests({
      serviceMap,
      server: server({ type: 'Job', replicas: 2, backoffLimit: 4 }),
    });
    expect(job.spec).toMatchObject({
      parallelism: 2,
      completions: 2,
      backoffLimit: 4,
      template: { spec: { restartPolicy: 'Never' } },
    });
    validateWithUpstreamSchemas(job);
  });

  it('renders a CronJob with its schedule, time zone and concurrency policy', () => {
    const [cronJob] = renderServerManifests({
      serviceMap,
      server: server({
        type: 'CronJob',
        schedule: '0 2 * * *',
        timeZone: 'Asia/Seoul',
        concurrencyPolicy: 'Forbid',
      }),
    });
    expect(cronJob.spec).toMatchObject({
      schedule: '0 2 * * *',
      timeZone: 'Asia/Seoul',
      concurrencyPolicy: 'Forbid',
      jobTemplate: {
        metadata: { labels },
        spec: { template: { spec: { restartPolicy: 'OnFailure' } } },
      },
    });
    validateWithUpstreamSchemas(cronJob);
  });

  it('picks the widest Service type the ports ask for and keeps node ports', () => {
    const manifests = renderServerManifests({
      serviceMap,
      server: server({
        ports: [
          {
            name: 'http',
            port: 80,
            targetPort: 'http',
            expose: 'NodePort',
            nodePort: 30080,
          },
          { name: 'admin', port: 9000 },
        ],
      }),
    });
    const service = manifests.find(m => m.kind === 'Service')!;
    expect(service.spec).toMatchObject({
      type: 'NodePort',
      ports: [
        {
          name: 'http',
          port: 80,
          targetPort: 'http',
          protocol: 'TCP',
          nodePort: 30080,
        },
        { name: 'admin', port: 9000, targetPort: 9000, protocol: 'TCP' },
      ],
    });
    validateWithUpstreamSchemas(service);
  });

  it('labels every object as DESIGN.md says and keeps a custom kubernetes-id', () => {
    const custom = server({});
    custom.metadata.annotations = {
      'backstage.io/kubernetes-id': 'payments-api',
    };
    for (const manifest of renderServerManifests({
      serviceMap,
      server: custom,
    })) {
      expect(manifest.metadata.labels).toMatchObject({
        'app.kubernetes.io/managed-by': 'cocktail',
        'backstage.io/kubernetes-id': 'payments-api',
      });
    }
  });

  it('is deterministic: the same entities give the same manifests, byte for byte', () => {
    const input = {
      serviceMap,
      server: server({ replicas: 2, ports: [{ name: 'http', port: 80 }] }),
    };
    expect(JSON.stringify(renderServerManifests(input))).toBe(
      JSON.stringify(renderServerManifests(structuredClone(input))),
    );
  });

  it('is checked by a validator that does reject what Kubernetes would', () => {
    const [deployment] = renderServerManifests({
      serviceMap,
      server: server({}),
    });
    expect(() =>
      validateWithUpstreamSchemas({
        ...deployment,
        spec: { ...(deployment.spec as object), replicas: 'three' },
      }),
    ).toThrow();
  });

  it('renders every example server into manifests the upstream schemas accept', () => {
    const examples = path.resolve(__dirname, '../../../../examples');
    const entities = [
      'payments/catalog-info.yaml',
      'search/catalog-info.yaml',
    ].flatMap(file =>
      parseAllDocuments(fs.readFileSync(path.join(examples, file), 'utf8')).map(
        d => d.toJS(),
      ),
    );
    const maps = new Map(
      entities
        .filter(isServiceMapEntity)
        .map(m => [m.metadata.name, m as ServiceMapEntityV1alpha1]),
    );
    const servers = entities.filter(
      isCocktailServerEntity,
    ) as CocktailServerEntityV1alpha1[];
    expect(servers.length).toBe(12);
    for (const s of servers) {
      const manifests = renderServerManifests({
        server: s,
        serviceMap: maps.get(s.spec.serviceMap)!,
      });
      expect(manifests.map(m => m.metadata.namespace)).toEqual(
        manifests.map(() => maps.get(s.spec.serviceMap)!.spec.namespace),
      );
      manifests.forEach(validateWithUpstreamSchemas);
    }
  });
});
