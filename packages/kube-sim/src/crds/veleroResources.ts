import { ResourceType } from '../api/types';
import { resourceTypesFromCrd } from './resourceTypesFromCrd';
import { withSimulatedTypes } from './withSimulatedTypes';

export const VELERO_GROUP = 'velero.io';
export const VELERO_VERSION = 'v1';

const VELERO_KINDS = [
  'Backup',
  'Schedule',
  'Restore',
  'BackupStorageLocation',
] as const;

/** `bsl` is upstream's only short name among these kinds. */
const SHORT_NAMES: Record<string, string[]> = {
  BackupStorageLocation: ['bsl'],
};

/**
 * Velero's kinds, written for kube-sim: the names, scope and version (v1) of the upstream CRDs
 * (`config/crd/v1/bases/velero.io_*.yaml`) with a schema that keeps every field and, as
 * upstream, no status subresource; load the upstream CRDs (--crds) to enforce their schemas.
 */
export function veleroCustomResourceDefinitions() {
  return VELERO_KINDS.map(kind => {
    const plural = `${kind.toLowerCase()}s`;
    return {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `${plural}.${VELERO_GROUP}` },
      spec: {
        group: VELERO_GROUP,
        names: {
          kind,
          listKind: `${kind}List`,
          plural,
          singular: kind.toLowerCase(),
          ...(SHORT_NAMES[kind] && { shortNames: SHORT_NAMES[kind] }),
        },
        scope: 'Namespaced',
        versions: [
          {
            name: VELERO_VERSION,
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                description: `Velero's ${kind}, as kube-sim simulates it: its fields are kept as given, unchecked.`,
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        ],
      },
    };
  });
}

/** Compiled once: every cluster serves the same types. */
let simulatedTypes: ResourceType[] | undefined;

/** Velero's resources together with CRDs loaded from YAML (a loaded CRD wins). */
export function withVeleroResources(loaded: ResourceType[]): ResourceType[] {
  simulatedTypes ??= veleroCustomResourceDefinitions().flatMap(crd =>
    resourceTypesFromCrd(crd),
  );
  return withSimulatedTypes(simulatedTypes, loaded);
}
