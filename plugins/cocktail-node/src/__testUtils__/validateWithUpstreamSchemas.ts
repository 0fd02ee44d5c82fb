// Test helper: validates rendered manifests against the upstream Kubernetes schemas that
// kubernetes-models ships. (It checks types, required fields and formats; it does not reject
// unknown fields, so the tests also compare whole objects.)
import { Manifest } from '../rendering/types';

const MODELS: Record<string, () => any> = {
  'apps/v1/Deployment': () =>
    require('kubernetes-models/apps/v1/Deployment').Deployment,
  'apps/v1/StatefulSet': () =>
    require('kubernetes-models/apps/v1/StatefulSet').StatefulSet,
  'apps/v1/DaemonSet': () =>
    require('kubernetes-models/apps/v1/DaemonSet').DaemonSet,
  'batch/v1/Job': () => require('kubernetes-models/batch/v1/Job').Job,
  'batch/v1/CronJob': () =>
    require('kubernetes-models/batch/v1/CronJob').CronJob,
  'v1/Service': () => require('kubernetes-models/v1/Service').Service,
  'v1/ResourceQuota': () =>
    require('kubernetes-models/v1/ResourceQuota').ResourceQuota,
  'v1/PersistentVolumeClaim': () =>
    require('kubernetes-models/v1/PersistentVolumeClaim').PersistentVolumeClaim,
  'networking.k8s.io/v1/Ingress': () =>
    require('kubernetes-models/networking.k8s.io/v1/Ingress').Ingress,
  'autoscaling/v2/HorizontalPodAutoscaler': () =>
    require('kubernetes-models/autoscaling/v2/HorizontalPodAutoscaler')
      .HorizontalPodAutoscaler,
};

export function validateWithUpstreamSchemas(manifest: Manifest) {
  const model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (!model) {
    throw new Error(
      `no upstream schema for ${manifest.apiVersion} ${manifest.kind}`,
    );
  }
  const Model = model();
  new Model(manifest).validate();
}
