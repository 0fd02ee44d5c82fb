import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import {
  cocktailServerAutoscalePermission,
  cocktailServerDeployPermission,
  cocktailServerRestartPermission,
  cocktailServerRollbackPermission,
  cocktailServerRollingUpdatePermission,
  cocktailServerScalePermission,
  cocktailServerSuspendPermission,
} from '@cocktailcloud/plugin-cocktail-common';
import { z } from 'zod';
import { ScanGate } from '../imageScans/ScanGate';
import { ServerLifecycle } from '../lifecycle/ServerLifecycle';
import { ServerTarget } from '../lifecycle/ServerTarget';
import { entityParams } from '../validation/inputFields';
import {
  autoscalingBody,
  deployBody,
  emptyBody,
  rollbackBody,
  rollingUpdateBody,
  scaleBody,
} from './requestBodies';

type OperationContext = {
  target: ServerTarget;
  credentials: BackstageCredentials;
  gate?: ScanGate;
};

/** One server operation: its permission, audit action, body schema and what it does. */
interface ServerOperation<B extends z.ZodType> {
  permission: ResourcePermission;
  action: string;
  body: B;
  run: (
    lifecycle: ServerLifecycle,
    body: z.output<B>,
    context: OperationContext,
  ) => Promise<unknown>;
}

function serverOperation<B extends z.ZodType>(operation: ServerOperation<B>) {
  return operation as ServerOperation<z.ZodType>;
}

/** The operations of `POST /servers/:namespace/:name/:operation`, by name. */
export const OPERATIONS: Record<string, ServerOperation<z.ZodType>> = {
  deploy: serverOperation({
    permission: cocktailServerDeployPermission,
    action: 'server.deploy',
    body: deployBody,
    run: (l, body, { target, credentials, gate }) =>
      gate
        ? gate.deploy(l, target, credentials, body)
        : l.deploy({ dryRun: body.dryRun }),
  }),
  'rolling-update': serverOperation({
    permission: cocktailServerRollingUpdatePermission,
    action: 'server.rolling-update',
    body: rollingUpdateBody,
    run: (l, body, { target, credentials, gate }) => {
      if (gate) {
        return gate.rollingUpdate(l, target, credentials, body);
      }
      return body.dryRun
        ? Promise.resolve({ dryRun: true, images: body.images })
        : l.rollingUpdate(body.images);
    },
  }),
  restart: serverOperation({
    permission: cocktailServerRestartPermission,
    action: 'server.restart',
    body: emptyBody,
    run: l => l.restart(),
  }),
  scale: serverOperation({
    permission: cocktailServerScalePermission,
    action: 'server.scale',
    body: scaleBody,
    run: (l, body) => l.scale(body.replicas),
  }),
  autoscaling: serverOperation({
    permission: cocktailServerAutoscalePermission,
    action: 'server.autoscale',
    body: autoscalingBody,
    run: (l, body) => l.autoscale(body),
  }),
  rollback: serverOperation({
    permission: cocktailServerRollbackPermission,
    action: 'server.rollback',
    body: rollbackBody,
    run: (l, body, { target, credentials, gate }) => {
      if (gate) {
        return gate.rollback(l, target, credentials, body);
      }
      return body.dryRun
        ? Promise.resolve({ dryRun: true, revision: body.revision })
        : l.rollback(body.revision);
    },
  }),
  suspend: serverOperation({
    permission: cocktailServerSuspendPermission,
    action: 'server.suspend',
    body: emptyBody,
    run: l => l.suspend(),
  }),
  resume: serverOperation({
    permission: cocktailServerSuspendPermission,
    action: 'server.resume',
    body: emptyBody,
    run: l => l.resume(),
  }),
};

const operationNames = Object.keys(OPERATIONS) as [string, ...string[]];

/** `:namespace/:name/:operation`. */
export const operationParams = entityParams.extend({
  operation: z.enum(operationNames, {
    error: `expected one of ${operationNames.join(', ')}`,
  }),
});
