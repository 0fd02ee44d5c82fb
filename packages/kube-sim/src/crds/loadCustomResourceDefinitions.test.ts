import fs from 'fs';
import os from 'os';
import path from 'path';
import YAML from 'yaml';
import { KubeObject, ResourceType } from '../api/types';
import { loadCustomResourceDefinitions } from './loadCustomResourceDefinitions';
import { resourceTypesFromCrd } from './resourceTypesFromCrd';

const SHARED_FIXTURES = path.resolve(
  __dirname,
  '../../../../../shared/fixtures',
);
const UPSTREAM_CRDS = path.join(SHARED_FIXTURES, 'crds');
const hasUpstreamCrds = fs.existsSync(UPSTREAM_CRDS);
const describeWithUpstreamCrds = hasUpstreamCrds ? describe : describe.skip;

const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function widgetCrd(
  specSchema: Record<string, unknown>,
  versionOverrides: Record<string, unknown> = {},
) {
  return {
    apiVersion: 'apiextensions.k8s.io/v1',
    kind: 'CustomResourceDefinition',
    metadata: { name: 'widgets.example.com' },
    spec: {
      group: 'example.com',
      names: { kind: 'Widget', plural: 'widgets' },
      scope: 'Cluster',
      versions: [
        {
          name: 'v1',
          served: true,
          storage: true,
          schema: {
            openAPIV3Schema: {
              type: 'object',
              properties: {
                apiVersion: { type: 'string' },
                kind: { type: 'string' },
                metadata: { type: 'object' },
                spec: { type: 'object', ...specSchema },
              },
            },
          },
          ...versionOverrides,
        },
      ],
    },
  };
}

function widget(spec: Record<string, unknown>): KubeObject {
  return {
    apiVersion: 'example.com/v1',
    kind: 'Widget',
    metadata: { name: 'w' },
    spec,
  };
}

function validatorOf(crd: unknown): (object: KubeObject) => string[] {
  const [resourceType] = resourceTypesFromCrd(crd);
  return resourceType.validate!;
}

function withoutValidate({ validate, ...rest }: ResourceType) {
  return rest;
}

function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}

async function rejectionOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the promise to reject');
}

describe('resourceTypesFromCrd', () => {
  it('describes each served version with names, scope and the standard verbs', () => {
    const types = resourceTypesFromCrd(widgetCrd({}));

    expect(types.map(withoutValidate)).toEqual([
      {
        group: 'example.com',
        version: 'v1',
        kind: 'Widget',
        listKind: 'WidgetList',
        plural: 'widgets',
        singular: 'widget',
        namespaced: false,
        shortNames: undefined,
        subresources: [],
        verbs: ALL_VERBS,
        schema: widgetCrd({}).spec.versions[0].schema.openAPIV3Schema,
      },
    ]);
  });

  it('skips versions that are not served', () => {
    expect(resourceTypesFromCrd(widgetCrd({}, { served: false }))).toEqual([]);
  });

  it('lists the status and scale subresources of a version', () => {
    const crd = widgetCrd(
      {},
      {
        subresources: {
          status: {},
          scale: { specReplicasPath: '.spec.replicas' },
        },
      },
    );

    expect(resourceTypesFromCrd(crd)[0].subresources).toEqual([
      'status',
      'scale',
    ]);
  });

  it('throws for an object that is not a CustomResourceDefinition', () => {
    expect(() =>
      resourceTypesFromCrd({ apiVersion: 'v1', kind: 'ConfigMap' }),
    ).toThrow(
      new Error(
        'not a apiextensions.k8s.io/v1 CustomResourceDefinition: found apiVersion "v1", kind "ConfigMap"',
      ),
    );
  });

  it('throws for a CustomResourceDefinition without a plural name', () => {
    const crd = widgetCrd({});
    crd.spec.names = { kind: 'Widget' } as typeof crd.spec.names;

    expect(() => resourceTypesFromCrd(crd)).toThrow(
      new Error('spec.names.plural must be a non-empty string'),
    );
  });
});

describe('CRD schema validation', () => {
  it('accepts an object that matches the schema', () => {
    const validate = validatorOf(
      widgetCrd({ properties: { size: { type: 'integer' } } }),
    );

    expect(validate(widget({ size: 3 }))).toEqual([]);
  });

  it('names the field path and the expected type of a wrong value', () => {
    const validate = validatorOf(
      widgetCrd({ properties: { size: { type: 'integer' } } }),
    );

    expect(validate(widget({ size: 'large' }))).toEqual([
      'spec.size: expected integer, got string',
    ]);
  });

  it('reports a missing required field', () => {
    const validate = validatorOf(
      widgetCrd({
        required: ['size'],
        properties: { size: { type: 'integer' } },
      }),
    );

    expect(validate(widget({}))).toEqual([
      'spec.size: required field is missing',
    ]);
  });

  it('rejects unknown fields under spec', () => {
    const validate = validatorOf(
      widgetCrd({ properties: { size: { type: 'integer' } } }),
    );

    expect(validate(widget({ colour: 'red' }))).toEqual([
      'spec.colour: unknown field',
    ]);
  });

  it('allows unknown fields where x-kubernetes-preserve-unknown-fields says so', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: {
          values: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      }),
    );

    expect(validate(widget({ values: { anything: { goes: [1] } } }))).toEqual(
      [],
    );
  });

  it('accepts an integer or a string for x-kubernetes-int-or-string', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: {
          maxSurge: {
            anyOf: [{ type: 'integer' }, { type: 'string' }],
            'x-kubernetes-int-or-string': true,
          },
        },
      }),
    );

    expect([
      validate(widget({ maxSurge: 1 })),
      validate(widget({ maxSurge: '25%' })),
    ]).toEqual([[], []]);
  });

  it('rejects other types for x-kubernetes-int-or-string with one message', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: {
          maxSurge: {
            anyOf: [{ type: 'integer' }, { type: 'string' }],
            'x-kubernetes-int-or-string': true,
          },
        },
      }),
    );

    expect(validate(widget({ maxSurge: true }))).toEqual([
      'spec.maxSurge: expected integer or string, got boolean',
    ]);
  });

  it('accepts null for a nullable field', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: { owner: { type: 'string', nullable: true } },
      }),
    );

    expect(validate(widget({ owner: null }))).toEqual([]);
  });

  it('rejects null for a field that is not nullable', () => {
    const validate = validatorOf(
      widgetCrd({ properties: { owner: { type: 'string' } } }),
    );

    expect(validate(widget({ owner: null }))).toEqual([
      'spec.owner: expected string, got null',
    ]);
  });

  it('requires apiVersion and kind in an x-kubernetes-embedded-resource', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: {
          template: {
            type: 'object',
            'x-kubernetes-embedded-resource': true,
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      }),
    );

    expect(validate(widget({ template: { metadata: { name: 'x' } } }))).toEqual(
      [
        'spec.template.apiVersion: required field is missing',
        'spec.template.kind: required field is missing',
      ],
    );
  });

  it('does not validate metadata against the CRD schema', () => {
    const validate = validatorOf(widgetCrd({}));
    const object = widget({});
    object.metadata = { name: 'w', labels: { a: 'b' }, uid: 'u' };

    expect(validate(object)).toEqual([]);
  });

  it('treats Kubernetes formats as documentation rather than checks', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: {
          id: { type: 'string', format: 'uuid' },
          at: { type: 'string', format: 'date-time' },
          count: { type: 'integer', format: 'int32' },
        },
      }),
    );

    expect(
      validate(widget({ id: 'not-a-uuid', at: 'soon', count: 7 })),
    ).toEqual([]);
  });

  it('puts array indexes in brackets in field paths', () => {
    const validate = validatorOf(
      widgetCrd({
        properties: { ports: { type: 'array', items: { type: 'integer' } } },
      }),
    );

    expect(validate(widget({ ports: [80, 'http'] }))).toEqual([
      'spec.ports[1]: expected integer, got string',
    ]);
  });
});

describe('loadCustomResourceDefinitions', () => {
  let directory: string;

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-sim-crds-'));
  });

  afterEach(() => {
    fs.rmSync(directory, { recursive: true, force: true });
  });

  function writeFile(name: string, text: string): string {
    const file = path.join(directory, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  }

  function crdYaml(kind: string, plural: string): string {
    const crd = widgetCrd({});
    crd.spec.names = { kind, plural };
    return YAML.stringify(crd);
  }

  it('reads every CRD document of a multi-document file, ignoring empty ones', async () => {
    const file = writeFile(
      'crds.yaml',
      `---\n${crdYaml('Widget', 'widgets')}---\n${crdYaml(
        'Gadget',
        'gadgets',
      )}---\n`,
    );

    const types = await loadCustomResourceDefinitions([file]);

    expect(types.map(type => type.kind)).toEqual(['Widget', 'Gadget']);
  });

  it('searches directories recursively for .yaml and .yml files only', async () => {
    writeFile('a.yaml', crdYaml('Widget', 'widgets'));
    writeFile('nested/b.yml', crdYaml('Gadget', 'gadgets'));
    writeFile('notes.txt', 'not yaml: [');

    const types = await loadCustomResourceDefinitions([directory]);

    expect(types.map(type => type.kind)).toEqual(['Widget', 'Gadget']);
  });

  it('names the file and document that is not a CRD', async () => {
    const file = writeFile(
      'mixed.yaml',
      `${crdYaml('Widget', 'widgets')}---\napiVersion: v1\nkind: ConfigMap\n`,
    );

    const error = await rejectionOf(loadCustomResourceDefinitions([file]));

    expect(error.message).toBe(
      `${file}: document 2: not a apiextensions.k8s.io/v1 CustomResourceDefinition: found apiVersion "v1", kind "ConfigMap"`,
    );
  });

  it('names the file that holds unreadable YAML', async () => {
    const file = writeFile('broken.yaml', 'kind: [unclosed\n');

    const error = await rejectionOf(loadCustomResourceDefinitions([file]));

    expect(
      error.message.startsWith(`${file}: invalid YAML in document 1: `),
    ).toBe(true);
  });
});

describeWithUpstreamCrds(
  hasUpstreamCrds
    ? 'upstream CRDs'
    : `upstream CRDs (skipped: ${UPSTREAM_CRDS} is absent)`,
  () => {
    const clusterCrd = path.join(
      UPSTREAM_CRDS,
      'cluster.x-k8s.io_clusters.yaml',
    );
    const vulnerabilityReportCrd = path.join(
      UPSTREAM_CRDS,
      'aquasecurity.github.io_vulnerabilityreports.yaml',
    );

    const validCluster: KubeObject = {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name: 'prod-eu', namespace: 'default' },
      spec: {
        clusterNetwork: {
          pods: { cidrBlocks: ['192.168.0.0/16'] },
          serviceDomain: 'cluster.local',
        },
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'KubeadmControlPlane',
          name: 'prod-eu-control-plane',
        },
        infrastructureRef: {
          apiGroup: 'infrastructure.cluster.x-k8s.io',
          kind: 'AWSCluster',
          name: 'prod-eu',
        },
      },
    };

    async function clusterV1beta2(): Promise<ResourceType> {
      const types = await loadCustomResourceDefinitions([clusterCrd]);
      return types.find(type => type.version === 'v1beta2')!;
    }

    it('yields the served versions of the Cluster API Cluster CRD', async () => {
      const types = await loadCustomResourceDefinitions([clusterCrd]);

      expect(types.map(withoutValidate)).toEqual(
        ['v1beta1', 'v1beta2'].map(version => ({
          group: 'cluster.x-k8s.io',
          version,
          kind: 'Cluster',
          listKind: 'ClusterList',
          plural: 'clusters',
          singular: 'cluster',
          namespaced: true,
          shortNames: ['cl'],
          subresources: ['status'],
          verbs: ALL_VERBS,
          schema: expect.objectContaining({ type: 'object' }),
          printerColumns: expect.arrayContaining([
            expect.objectContaining({ name: 'Phase', type: 'string' }),
            expect.objectContaining({
              name: 'Age',
              type: 'date',
              jsonPath: '.metadata.creationTimestamp',
            }),
          ]),
        })),
      );
    });

    it('accepts a valid v1beta2 Cluster', async () => {
      const type = await clusterV1beta2();

      expect(type.validate!(validCluster)).toEqual([]);
    });

    it('rejects a Cluster with a wrong type in spec, naming the field', async () => {
      const type = await clusterV1beta2();
      const cluster = copyOf(validCluster);
      cluster.spec.clusterNetwork.apiServerPort = '6443';

      expect(type.validate!(cluster)).toEqual([
        'spec.clusterNetwork.apiServerPort: expected integer, got string',
      ]);
    });

    it('rejects a v1beta2 Cluster reference written with apiVersion', async () => {
      const type = await clusterV1beta2();
      const cluster = copyOf(validCluster);
      cluster.spec.controlPlaneRef = {
        apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
        kind: 'KubeadmControlPlane',
        name: 'prod-eu-control-plane',
      };

      expect(type.validate!(cluster)).toEqual([
        'spec.controlPlaneRef.apiGroup: required field is missing',
        'spec.controlPlaneRef.apiVersion: unknown field',
      ]);
    });

    it('loads the Trivy Operator VulnerabilityReport CRD', async () => {
      const types = await loadCustomResourceDefinitions([
        vulnerabilityReportCrd,
      ]);

      expect(types.map(withoutValidate)).toEqual([
        {
          group: 'aquasecurity.github.io',
          version: 'v1alpha1',
          kind: 'VulnerabilityReport',
          listKind: 'VulnerabilityReportList',
          plural: 'vulnerabilityreports',
          singular: 'vulnerabilityreport',
          namespaced: true,
          shortNames: ['vuln', 'vulns'],
          subresources: [],
          verbs: ALL_VERBS,
          schema: expect.objectContaining({ type: 'object' }),
          printerColumns: expect.arrayContaining([
            expect.objectContaining({
              name: 'Repository',
              jsonPath: '.report.artifact.repository',
            }),
          ]),
        },
      ]);
    });

    it('accepts a VulnerabilityReport without optional fields', async () => {
      const [type] = await loadCustomResourceDefinitions([
        vulnerabilityReportCrd,
      ]);
      const report: KubeObject = {
        apiVersion: 'aquasecurity.github.io/v1alpha1',
        kind: 'VulnerabilityReport',
        metadata: { name: 'replicaset-web-5d9c-web', namespace: 'shop' },
        report: {
          artifact: {},
          os: {},
          scanner: {
            name: 'Trivy',
            vendor: 'Aqua Security',
            version: '0.58.0',
          },
          summary: {
            criticalCount: 0,
            highCount: 0,
            lowCount: 0,
            mediumCount: 0,
            unknownCount: 0,
          },
          updateTimestamp: '2025-01-01T00:00:00Z',
          vulnerabilities: [],
        },
      };

      expect(type.validate!(report)).toEqual([]);
    });

    it('reports the required fields the upstream Trivy Operator sample lacks', async () => {
      const [type] = await loadCustomResourceDefinitions([
        vulnerabilityReportCrd,
      ]);
      const sample = YAML.parse(
        fs.readFileSync(
          path.join(
            SHARED_FIXTURES,
            'scans/trivy-operator-vulnerabilityreport.yaml',
          ),
          'utf8',
        ),
      );

      expect(type.validate!(sample)).toEqual([
        'report.os: required field is missing',
        'report.vulnerabilities[0].lastModifiedDate: required field is missing',
        'report.vulnerabilities[0].publishedDate: required field is missing',
      ]);
    });

    it('compiles every upstream CRD in the folder', async () => {
      const types = await loadCustomResourceDefinitions([UPSTREAM_CRDS]);
      const crdFiles = fs
        .readdirSync(UPSTREAM_CRDS)
        .filter(name => name.endsWith('.yaml'));

      expect(
        new Set(types.map(type => `${type.group}/${type.kind}`)).size,
      ).toBe(crdFiles.length);
    }, 60_000);
  },
);
