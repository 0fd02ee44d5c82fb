import { Entity } from '@backstage/catalog-model';
import schema from '../schema/CocktailServer.v1alpha1.schema.json';
import { findServerRuleIssues } from '../validation/serverRules';
import { COCKTAIL_API_VERSION } from './constants';
import { defineCocktailKind } from './createKindValidator';

/** @public */
export type CocktailServerType =
  | 'Deployment'
  | 'StatefulSet'
  | 'DaemonSet'
  | 'Job'
  | 'CronJob';

/**
 * A port given by number or by the name of a container port.
 *
 * @public
 */
export type PortReference = number | string;

/** @public */
export type CocktailProbe = {
  httpGet?: { path?: string; port: PortReference; scheme?: 'HTTP' | 'HTTPS' };
  tcpSocket?: { port: PortReference };
  grpc?: { port: number };
  exec?: { command: string[] };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
};

/** @public */
export type CocktailResourceList = {
  cpu?: string | number;
  memory?: string;
  'ephemeral-storage'?: string;
  'nvidia.com/gpu'?: string | number;
};

/** @public */
export type CocktailKeyRef = {
  name: string;
  key: string;
};

/** @public */
export type CocktailContainer = {
  name: string;
  image: string;
  command?: string[];
  args?: string[];
  ports?: Array<{
    name: string;
    containerPort: number;
    protocol?: 'TCP' | 'UDP' | 'SCTP';
  }>;
  env?: Array<{
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: CocktailKeyRef;
      configMapKeyRef?: CocktailKeyRef;
    };
  }>;
  resources?: {
    requests?: CocktailResourceList;
    limits?: CocktailResourceList;
  };
  readinessProbe?: CocktailProbe;
  livenessProbe?: CocktailProbe;
  startupProbe?: CocktailProbe;
};

/** @public */
export type CocktailServicePort = {
  name: string;
  port: number;
  targetPort?: PortReference;
  protocol?: 'TCP' | 'UDP' | 'SCTP';
  expose?: 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'Ingress';
  nodePort?: number;
  host?: string;
  path?: string;
};

/** @public */
export type CocktailVolume = {
  name: string;
  mountPath: string;
  size: string;
  storageClass?: string;
  accessMode?:
    | 'ReadWriteOnce'
    | 'ReadOnlyMany'
    | 'ReadWriteMany'
    | 'ReadWriteOncePod';
  readOnly?: boolean;
  containers?: string[];
};

/**
 * One deployable package: a workload with containers, ports, volumes and autoscaling.
 *
 * @public
 */
export interface CocktailServerEntityV1alpha1 extends Entity {
  apiVersion: typeof COCKTAIL_API_VERSION;
  kind: 'CocktailServer';
  spec: {
    serviceMap: string;
    owner?: string;
    type: CocktailServerType;
    replicas?: number;
    schedule?: string;
    timeZone?: string;
    concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
    backoffLimit?: number;
    containers: CocktailContainer[];
    ports?: CocktailServicePort[];
    volumes?: CocktailVolume[];
    autoscaling?: {
      minReplicas: number;
      maxReplicas: number;
      targetCPUUtilization?: number;
      targetMemoryUtilization?: number;
    };
    update?: {
      strategy?: 'RollingUpdate' | 'Recreate' | 'OnDelete';
      maxSurge?: number | string;
      maxUnavailable?: number | string;
    };
    dependsOn?: string[];
  };
}

/** @public */
export const cocktailServerKind = defineCocktailKind(
  'CocktailServer',
  schema,
  findServerRuleIssues,
);

/**
 * Validates CocktailServer entities for the catalog.
 *
 * @public
 */
export const cocktailServerEntityV1alpha1Validator =
  cocktailServerKind.validator;

/**
 * True for entities of kind CocktailServer in the Cocktail apiVersion.
 *
 * @public
 */
export function isCocktailServerEntity(
  entity: Entity,
): entity is CocktailServerEntityV1alpha1 {
  return (
    entity.apiVersion === COCKTAIL_API_VERSION &&
    entity.kind === 'CocktailServer'
  );
}
