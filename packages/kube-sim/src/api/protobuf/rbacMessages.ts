import {
  MessageDefinition,
  message,
  repeatedMessage,
  repeatedString,
  string,
} from './messageSchema';
import { labelSelector, objectMeta } from './metaMessages';

// Field numbers from k8s.io/api rbac/v1/generated.proto.

export const policyRule: MessageDefinition = {
  1: repeatedString('verbs'),
  2: repeatedString('apiGroups'),
  3: repeatedString('resources'),
  4: repeatedString('resourceNames'),
  5: repeatedString('nonResourceURLs'),
};

export const aggregationRule: MessageDefinition = {
  1: repeatedMessage('clusterRoleSelectors', labelSelector),
};

export const subject: MessageDefinition = {
  1: string('kind'),
  2: string('apiGroup'),
  3: string('name'),
  4: string('namespace'),
};

export const roleRef: MessageDefinition = {
  1: string('apiGroup'),
  2: string('kind'),
  3: string('name'),
};

export const role: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: repeatedMessage('rules', policyRule),
};

export const clusterRole: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: repeatedMessage('rules', policyRule),
  3: message('aggregationRule', aggregationRule),
};

/** RoleBinding and ClusterRoleBinding share their fields. */
export const roleBinding: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: repeatedMessage('subjects', subject),
  3: message('roleRef', roleRef),
};
