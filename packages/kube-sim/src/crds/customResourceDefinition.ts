/** The parts of an apiextensions.k8s.io/v1 CustomResourceDefinition kube-sim reads. */
import type { PrinterColumn } from '../api/types';
import { isRecord } from './isRecord';

interface CrdNames {
  kind: string;
  listKind?: string;
  plural: string;
  singular?: string;
  shortNames?: string[];
}

export interface CrdVersion {
  name: string;
  served: boolean;
  schema?: { openAPIV3Schema?: Record<string, any> };
  subresources?: Record<string, unknown>;
  additionalPrinterColumns?: PrinterColumn[];
}

export interface CustomResourceDefinition {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
  spec: {
    group: string;
    names: CrdNames;
    scope: 'Namespaced' | 'Cluster';
    versions: CrdVersion[];
  };
}

const CRD_API_VERSION = 'apiextensions.k8s.io/v1';
const CRD_KIND = 'CustomResourceDefinition';

function requireString(value: unknown, field: string): void {
  if (typeof value !== 'string' || value === '') {
    throw new Error(`${field} must be a non-empty string`);
  }
}

export function assertIsCustomResourceDefinition(
  value: unknown,
): asserts value is CustomResourceDefinition {
  if (
    !isRecord(value) ||
    value.apiVersion !== CRD_API_VERSION ||
    value.kind !== CRD_KIND
  ) {
    const found = isRecord(value)
      ? `apiVersion ${JSON.stringify(value.apiVersion)}, kind ${JSON.stringify(
          value.kind,
        )}`
      : `a ${Array.isArray(value) ? 'list' : typeof value}`;
    throw new Error(`not a ${CRD_API_VERSION} ${CRD_KIND}: found ${found}`);
  }
  const spec = value.spec;
  if (!isRecord(spec)) {
    throw new Error('spec must be an object');
  }
  requireString(spec.group, 'spec.group');
  if (!isRecord(spec.names)) {
    throw new Error('spec.names must be an object');
  }
  requireString(spec.names.kind, 'spec.names.kind');
  requireString(spec.names.plural, 'spec.names.plural');
  if (spec.scope !== 'Namespaced' && spec.scope !== 'Cluster') {
    throw new Error('spec.scope must be "Namespaced" or "Cluster"');
  }
  if (!Array.isArray(spec.versions) || spec.versions.length === 0) {
    throw new Error('spec.versions must be a non-empty list');
  }
  spec.versions.forEach((version: unknown, index: number) => {
    if (!isRecord(version)) {
      throw new Error(`spec.versions[${index}] must be an object`);
    }
    requireString(version.name, `spec.versions[${index}].name`);
  });
}
