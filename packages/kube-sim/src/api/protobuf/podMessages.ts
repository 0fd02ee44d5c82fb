import {
  int32,
  int64,
  MessageDefinition,
  message,
  repeatedMessage,
  repeatedString,
  string,
  stringMap,
} from './messageSchema';
import { localObjectReference } from './coreMessages';
import { objectMeta } from './metaMessages';

// Field numbers from k8s.io/api core/v1/generated.proto. Only what `kubectl create` puts in a
// pod template is defined; other fields are skipped.

export const containerPort: MessageDefinition = {
  1: string('name'),
  2: int32('hostPort'),
  3: int32('containerPort'),
  4: string('protocol'),
  5: string('hostIP'),
};

export const envVar: MessageDefinition = {
  1: string('name'),
  2: string('value'),
};

export const container: MessageDefinition = {
  1: string('name'),
  2: string('image'),
  3: repeatedString('command'),
  4: repeatedString('args'),
  5: string('workingDir'),
  6: repeatedMessage('ports', containerPort),
  7: repeatedMessage('env', envVar),
  13: string('terminationMessagePath'),
  14: string('imagePullPolicy'),
  20: string('terminationMessagePolicy'),
};

export const podSpec: MessageDefinition = {
  2: repeatedMessage('containers', container),
  3: string('restartPolicy'),
  4: int64('terminationGracePeriodSeconds'),
  6: string('dnsPolicy'),
  7: stringMap('nodeSelector'),
  8: string('serviceAccountName'),
  15: repeatedMessage('imagePullSecrets', localObjectReference),
  19: string('schedulerName'),
  20: repeatedMessage('initContainers', container),
};

export const podTemplateSpec: MessageDefinition = {
  1: message('metadata', objectMeta),
  2: message('spec', podSpec),
};
