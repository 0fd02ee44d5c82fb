import {
  bool,
  bytesMap,
  MessageDefinition,
  message,
  repeatedMessage,
  repeatedString,
  string,
  stringMap,
} from './messageSchema';
import { objectMeta } from './metaMessages';

// Field numbers from k8s.io/api core/v1/generated.proto.

export const objectReference: MessageDefinition = {
  1: string('kind'),
  2: string('namespace'),
  3: string('name'),
  4: string('uid'),
  5: string('apiVersion'),
  6: string('resourceVersion'),
  7: string('fieldPath'),
};

export const localObjectReference: MessageDefinition = {
  1: string('name'),
};

export const configMap: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: stringMap('data'),
  3: bytesMap('binaryData'),
  4: bool('immutable'),
};

export const secret: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: bytesMap('data'),
  3: string('type'),
  4: stringMap('stringData'),
  5: bool('immutable'),
};

export const serviceAccount: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: repeatedMessage('secrets', objectReference),
  3: repeatedMessage('imagePullSecrets', localObjectReference),
  4: bool('automountServiceAccountToken'),
};

export const namespaceSpec: MessageDefinition = {
  1: repeatedString('finalizers'),
};

/** Namespace without its status (3), which clients do not send. */
export const namespace: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', namespaceSpec),
};
