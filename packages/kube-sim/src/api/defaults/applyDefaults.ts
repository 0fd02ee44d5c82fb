/* eslint-disable @typescript-eslint/no-explicit-any */
import { KubeObject, ResourceType } from '../types';
import { podSpecWithDefaults, templateWithDefaults } from './podSpecDefaults';

type Defaulter = (object: any) => any;

const withSpec =
  (defaultSpec: (spec: any) => any): Defaulter =>
  object => ({ ...object, spec: defaultSpec(object.spec ?? {}) });

const DEFAULTERS: Record<string, Defaulter> = {
  '/Namespace': object => ({
    ...object,
    spec: { finalizers: ['kubernetes'], ...object.spec },
  }),
  '/Pod': withSpec(podSpecWithDefaults),
  '/Service': withSpec(spec => ({
    ...spec,
    type: spec.type || 'ClusterIP',
    sessionAffinity: spec.sessionAffinity || 'None',
    ...(Array.isArray(spec.ports) && {
      ports: spec.ports.map((port: any) => ({
        ...port,
        protocol: port.protocol || 'TCP',
        targetPort: port.targetPort ?? port.port,
      })),
    }),
  })),
  'apps/Deployment': withSpec(spec => ({
    ...spec,
    replicas: spec.replicas ?? 1,
    strategy:
      spec.strategy?.type === 'Recreate'
        ? spec.strategy
        : {
            type: 'RollingUpdate',
            ...spec.strategy,
            rollingUpdate: {
              maxSurge: '25%',
              maxUnavailable: '25%',
              ...spec.strategy?.rollingUpdate,
            },
          },
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    progressDeadlineSeconds: spec.progressDeadlineSeconds ?? 600,
    template: templateWithDefaults(spec.template),
  })),
  'apps/ReplicaSet': withSpec(spec => ({
    ...spec,
    replicas: spec.replicas ?? 1,
    template: templateWithDefaults(spec.template),
  })),
  'apps/StatefulSet': withSpec(spec => ({
    ...spec,
    replicas: spec.replicas ?? 1,
    podManagementPolicy: spec.podManagementPolicy || 'OrderedReady',
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    template: templateWithDefaults(spec.template),
  })),
  'apps/DaemonSet': withSpec(spec => ({
    ...spec,
    revisionHistoryLimit: spec.revisionHistoryLimit ?? 10,
    template: templateWithDefaults(spec.template),
  })),
  'batch/Job': withSpec(spec => ({
    ...spec,
    backoffLimit: spec.backoffLimit ?? 6,
    template: templateWithDefaults(spec.template, {
      defaultRestartPolicy: false,
    }),
  })),
};

/**
 * The object with the defaults the API server gives the built-in kinds on every write, so that
 * what clients read back (and `kubectl describe`, and JSON patches of these paths) finds them.
 * Only absent fields are filled in; a field the client set is kept.
 */
export function applyDefaults(
  type: ResourceType,
  object: KubeObject,
): KubeObject {
  const defaulter = DEFAULTERS[`${type.group}/${type.kind}`];
  if (!defaulter || !object || typeof object !== 'object') {
    return object;
  }
  return defaulter(object);
}
