import { int32, MessageDefinition, message } from './messageSchema';
import { labelSelector, objectMeta } from './metaMessages';
import { podTemplateSpec } from './podMessages';

// Field numbers from k8s.io/api apps/v1/generated.proto.

export const deploymentSpec: MessageDefinition = {
  1: int32('replicas'),
  2: message('selector', labelSelector),
  3: message('template', podTemplateSpec),
  5: int32('minReadySeconds'),
  6: int32('revisionHistoryLimit'),
  9: int32('progressDeadlineSeconds'),
};

/** Deployment without its status (3), which clients do not send. */
export const deployment: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', deploymentSpec),
};
