import {
  MessageDefinition,
  message,
  repeatedMessage,
  string,
} from './messageSchema';
import {
  fieldSelectorRequirement,
  labelSelectorRequirement,
  objectMeta,
} from './metaMessages';

// Field numbers from k8s.io/api authorization/v1/generated.proto.

export const fieldSelectorAttributes: MessageDefinition = {
  1: string('rawSelector'),
  2: repeatedMessage('requirements', fieldSelectorRequirement),
};

export const labelSelectorAttributes: MessageDefinition = {
  1: string('rawSelector'),
  2: repeatedMessage('requirements', labelSelectorRequirement),
};

export const resourceAttributes: MessageDefinition = {
  1: string('namespace'),
  2: string('verb'),
  3: string('group'),
  4: string('version'),
  5: string('resource'),
  6: string('subresource'),
  7: string('name'),
  8: message('fieldSelector', fieldSelectorAttributes),
  9: message('labelSelector', labelSelectorAttributes),
};

export const nonResourceAttributes: MessageDefinition = {
  1: string('path'),
  2: string('verb'),
};

export const selfSubjectAccessReviewSpec: MessageDefinition = {
  1: message('resourceAttributes', resourceAttributes),
  2: message('nonResourceAttributes', nonResourceAttributes),
};

/** SelfSubjectAccessReview without its status (3), which is the answer. */
export const selfSubjectAccessReview: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', selfSubjectAccessReviewSpec),
};

export const selfSubjectRulesReviewSpec: MessageDefinition = {
  1: string('namespace'),
};

/** SelfSubjectRulesReview without its status (3), which is the answer. */
export const selfSubjectRulesReview: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', selfSubjectRulesReviewSpec),
};
