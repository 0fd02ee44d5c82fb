import { ResourceType } from '../api/types';
import { resourceTypesFromCrd } from './resourceTypesFromCrd';
import { withSimulatedTypes } from './withSimulatedTypes';

export const TRIVY_OPERATOR_GROUP = 'aquasecurity.github.io';
export const TRIVY_OPERATOR_VERSION = 'v1alpha1';

/**
 * Trivy Operator's VulnerabilityReport, written for kube-sim: the names and scope of the
 * upstream CRD (`deploy/helm/crds/aquasecurity.github.io_vulnerabilityreports.yaml`) with a
 * schema that keeps every field, so readers see reports that lack the fields upstream requires.
 */
export function trivyOperatorCustomResourceDefinitions() {
  return [
    {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: `vulnerabilityreports.${TRIVY_OPERATOR_GROUP}` },
      spec: {
        group: TRIVY_OPERATOR_GROUP,
        names: {
          kind: 'VulnerabilityReport',
          listKind: 'VulnerabilityReportList',
          plural: 'vulnerabilityreports',
          singular: 'vulnerabilityreport',
          shortNames: ['vuln', 'vulns'],
        },
        scope: 'Namespaced',
        versions: [
          {
            name: TRIVY_OPERATOR_VERSION,
            served: true,
            storage: true,
            schema: {
              openAPIV3Schema: {
                type: 'object',
                'x-kubernetes-preserve-unknown-fields': true,
              },
            },
          },
        ],
      },
    },
  ];
}

/** Compiled once: every cluster serves the same types. */
let simulatedTypes: ResourceType[] | undefined;

/**
 * The Trivy Operator resources together with CRDs loaded from YAML. A kind that a loaded CRD
 * defines is served only as that CRD says (its versions, its schema).
 */
export function withTrivyOperatorResources(
  loaded: ResourceType[],
): ResourceType[] {
  simulatedTypes ??= trivyOperatorCustomResourceDefinitions().flatMap(crd =>
    resourceTypesFromCrd(crd),
  );
  return withSimulatedTypes(simulatedTypes, loaded);
}
