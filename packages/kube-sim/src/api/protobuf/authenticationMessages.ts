import {
  int64,
  MessageDefinition,
  message,
  messageMap,
  repeatedString,
  string,
} from './messageSchema';
import { objectMeta } from './metaMessages';

// Field numbers from k8s.io/api authentication/v1/generated.proto.

export const boundObjectReference: MessageDefinition = {
  1: string('kind'),
  2: string('apiVersion'),
  3: string('name'),
  4: string('uid'),
};

export const attestationValue: MessageDefinition = {
  1: repeatedString('items'),
};

export const tokenRequestSpec: MessageDefinition = {
  1: repeatedString('audiences'),
  3: message('boundObjectRef', boundObjectReference),
  4: int64('expirationSeconds'),
  5: messageMap('attestations', attestationValue),
};

/** TokenRequest without its status (3), which the server fills in. */
export const tokenRequest: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', tokenRequestSpec),
};

/** SelfSubjectReview (`kubectl auth whoami`): only metadata; its status (2) is the answer. */
export const selfSubjectReview: MessageDefinition = {
  1: message('metadata', objectMeta),
};
