import Ajv from 'ajv';
import { Manifest } from '../../rendering/types';
import { CrdSchemas } from '../../__testUtils__/validateWithCrdSchemas';

// Kinds without a fixture CRD are checked for shape: against the part of a fixture CRD that
// declares the same Go type where there is one, else against a hand-written schema of the
// fields we write, taken from the provider's types (sources noted per kind).

const strings = { type: 'object', additionalProperties: { type: 'string' } };
const taints = (effects: string[]) => ({
  type: 'array',
  items: {
    type: 'object',
    required: ['key', 'value', 'effect'],
    additionalProperties: false,
    properties: {
      key: { type: 'string' },
      value: { type: 'string' },
      effect: { enum: effects },
    },
  },
});
const scaling = (min: string, max: string) => ({
  type: 'object',
  additionalProperties: false,
  properties: { [min]: { type: 'integer' }, [max]: { type: 'integer' } },
});
const kubernetesEffects = ['NoSchedule', 'NoExecute', 'PreferNoSchedule'];

function withSpec(spec: Record<string, unknown>) {
  return {
    type: 'object',
    required: ['apiVersion', 'kind', 'metadata', 'spec'],
    additionalProperties: false,
    properties: {
      apiVersion: { type: 'string' },
      kind: { type: 'string' },
      metadata: { type: 'object' },
      spec: { type: 'object', additionalProperties: false, ...spec },
    },
  };
}

const HAND_WRITTEN: Record<string, object> = {
  // kubernetes-sigs/cluster-api-provider-aws config/crd/bases/…_awsmanagedmachinepools.yaml (v1beta2)
  'infrastructure.cluster.x-k8s.io/v1beta2/AWSManagedMachinePool': withSpec({
    properties: {
      instanceType: { type: 'string' },
      scaling: scaling('minSize', 'maxSize'),
      availabilityZones: { type: 'array', items: { type: 'string' } },
      labels: strings,
      taints: taints(['no-schedule', 'no-execute', 'prefer-no-schedule']),
    },
  }),
  // kubernetes-sigs/cluster-api-provider-azure config/crd/bases/…_azuremanagedmachinepools.yaml (v1beta1)
  'infrastructure.cluster.x-k8s.io/v1beta1/AzureManagedMachinePool': withSpec({
    required: ['mode', 'sku'],
    properties: {
      mode: { enum: ['System', 'User'] },
      name: { type: 'string' },
      sku: { type: 'string' },
      scaling: scaling('minSize', 'maxSize'),
      availabilityZones: { type: 'array', items: { type: 'string' } },
      nodeLabels: strings,
      taints: taints(kubernetesEffects),
    },
  }),
  // kubernetes-sigs/cluster-api-provider-gcp config/crd/bases/…_gcpmanagedmachinepools.yaml (v1beta1)
  'infrastructure.cluster.x-k8s.io/v1beta1/GCPManagedMachinePool': withSpec({
    properties: {
      instanceType: { type: 'string' },
      scaling: scaling('minCount', 'maxCount'),
      nodeLocations: { type: 'array', items: { type: 'string' } },
      kubernetesLabels: strings,
      kubernetesTaints: taints(kubernetesEffects),
    },
  }),
  // kubernetes-sigs/cluster-api test/infrastructure/docker/api/v1beta2/dockercluster_types.go
  'infrastructure.cluster.x-k8s.io/v1beta2/DockerCluster': withSpec({
    properties: {},
  }),
  // kubernetes-sigs/cluster-api test/infrastructure/docker/api/v1beta2/dockermachine_types.go
  'infrastructure.cluster.x-k8s.io/v1beta2/DockerMachineTemplate': withSpec({
    required: ['template'],
    properties: {
      template: {
        type: 'object',
        additionalProperties: false,
        properties: {
          spec: {
            type: 'object',
            additionalProperties: false,
            properties: {
              customImage: { type: 'string' },
              extraMounts: {
                type: 'array',
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: {
                    containerPath: { type: 'string' },
                    hostPath: { type: 'string' },
                    readOnly: { type: 'boolean' },
                  },
                },
              },
            },
          },
        },
      },
    },
  }),
};

const ajv = new Ajv({ allErrors: true, strict: false });

function handWrittenProblems(key: string, manifest: Manifest): string[] {
  const validate = ajv.compile(HAND_WRITTEN[key]);
  return validate(manifest)
    ? []
    : (validate.errors ?? []).map(
        error => `${error.instancePath || '(root)'}: ${error.message}`,
      );
}

/** Problems of a manifest whose kind has no fixture CRD; throws for kinds it cannot check. */
export function shapeProblems(
  schemas: CrdSchemas,
  manifest: Manifest,
): string[] {
  const key = `${manifest.apiVersion}/${manifest.kind}`;
  const spec = manifest.spec as any;
  const version = manifest.apiVersion.split('/')[1];
  switch (manifest.kind) {
    case 'MachinePool':
      // MachinePoolSpec.template is the MachineTemplateSpec MachineDeployments have.
      return [
        ...(typeof spec.clusterName === 'string'
          ? []
          : ['spec.clusterName: missing']),
        ...schemas.problems(
          `cluster.x-k8s.io/${version}`,
          'MachineDeployment',
          spec.template,
          ['spec', 'template'],
        ),
      ];
    case 'RKE2ConfigTemplate':
      // RKE2ConfigSpec's agentConfig and files are the RKE2ControlPlane's.
      return [
        ...schemas.problems(
          `controlplane.cluster.x-k8s.io/${version}`,
          'RKE2ControlPlane',
          spec.template.spec.agentConfig ?? {},
          ['spec', 'agentConfig'],
        ),
        ...schemas.problems(
          `controlplane.cluster.x-k8s.io/${version}`,
          'RKE2ControlPlane',
          spec.template.spec.files ?? [],
          ['spec', 'files'],
        ),
      ];
    case 'KThreesConfigTemplate':
      // KThreesControlPlane embeds the KThreesConfigSpec its templates hold.
      return schemas.problems(
        `controlplane.cluster.x-k8s.io/${version}`,
        'KThreesControlPlane',
        spec.template.spec,
        ['spec', 'kthreesConfigSpec'],
      );
    default:
      if (!HAND_WRITTEN[key]) {
        throw new Error(`no schema or shape to check ${key} against`);
      }
      return handWrittenProblems(key, manifest);
  }
}
