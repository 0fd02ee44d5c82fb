import {
  bool,
  int64,
  MessageDefinition,
  message,
  repeatedMessage,
  repeatedString,
  string,
  stringMap,
  time,
} from './messageSchema';

// Field numbers from k8s.io/apimachinery pkg/apis/meta/v1/generated.proto.

export const ownerReference: MessageDefinition = {
  5: string('apiVersion'),
  1: string('kind'),
  3: string('name'),
  4: string('uid'),
  6: bool('controller'),
  7: bool('blockOwnerDeletion'),
};

/** ObjectMeta without managedFields (17), which clients do not send. */
export const objectMeta: MessageDefinition = {
  1: string('name'),
  2: string('generateName'),
  3: string('namespace'),
  4: string('selfLink'),
  5: string('uid'),
  6: string('resourceVersion'),
  7: int64('generation', { omitZero: true }),
  8: time('creationTimestamp'),
  9: time('deletionTimestamp'),
  10: int64('deletionGracePeriodSeconds'),
  11: stringMap('labels'),
  12: stringMap('annotations'),
  13: repeatedMessage('ownerReferences', ownerReference),
  14: repeatedString('finalizers'),
};

export const labelSelectorRequirement: MessageDefinition = {
  1: string('key'),
  2: string('operator'),
  3: repeatedString('values'),
};

export const labelSelector: MessageDefinition = {
  1: stringMap('matchLabels'),
  2: repeatedMessage('matchExpressions', labelSelectorRequirement),
};

export const fieldSelectorRequirement: MessageDefinition = {
  1: string('key'),
  2: string('operator'),
  3: repeatedString('values'),
};

export const preconditions: MessageDefinition = {
  1: string('uid'),
  2: string('resourceVersion'),
};

export const deleteOptions: MessageDefinition = {
  1: int64('gracePeriodSeconds'),
  2: message('preconditions', preconditions),
  3: bool('orphanDependents'),
  4: string('propagationPolicy'),
  5: repeatedString('dryRun'),
  6: bool('ignoreStoreReadErrorWithClusterBreakingPotential'),
};
