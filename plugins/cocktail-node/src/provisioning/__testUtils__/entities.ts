import {
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { LimitRange } from 'kubernetes-models/v1/LimitRange';
import { Namespace } from 'kubernetes-models/v1/Namespace';
import { ResourceQuota } from 'kubernetes-models/v1/ResourceQuota';
import { NetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1/NetworkPolicy';
import { RoleBinding } from 'kubernetes-models/rbac.authorization.k8s.io/v1/RoleBinding';
import { Manifest } from '../../rendering/types';

export function service(
  spec: Partial<ServiceEntityV1alpha1['spec']> = {},
): ServiceEntityV1alpha1 {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'Service',
    metadata: { name: 'payments', namespace: 'default' },
    spec: { owner: 'group:default/payments-team', ...spec },
  };
}

export function serviceMap(
  spec: Partial<ServiceMapEntityV1alpha1['spec']> = {},
): ServiceMapEntityV1alpha1 {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'ServiceMap',
    metadata: { name: 'payments-prod', namespace: 'default' },
    spec: {
      service: 'service:default/payments',
      environment: 'production',
      cluster: 'resource:default/prod-seoul',
      namespace: 'payments-prod',
      ...spec,
    },
  };
}

const MODELS: Record<string, new (data: any) => { validate(): void }> = {
  'v1/Namespace': Namespace,
  'v1/ResourceQuota': ResourceQuota,
  'v1/LimitRange': LimitRange,
  'rbac.authorization.k8s.io/v1/RoleBinding': RoleBinding,
  'networking.k8s.io/v1/NetworkPolicy': NetworkPolicy,
};

/**
 * Validates a manifest against the Kubernetes OpenAPI schema that kubernetes-models ships
 * (types, required fields, formats; it does not reject unknown fields, so tests also compare
 * whole objects).
 */
export function validateCoreManifest(manifest: Manifest) {
  const Model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!Model) {
    throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  }
  new Model(manifest).validate();
}
