import { statusErrors } from '../statusErrors';
import { decodeMessage } from './decodeMessage';
import { decodableKinds, messageForKind } from './kindMessages';
import { MessageDefinition, message, string } from './messageSchema';
import { ProtobufFormatError } from './ProtobufReader';

/** The media type of Kubernetes' protobuf encoding. */
export const KUBERNETES_PROTOBUF = 'application/vnd.kubernetes.protobuf';

/** The four bytes every Kubernetes protobuf body starts with: `k8s\0`. */
const MAGIC = Uint8Array.from([0x6b, 0x38, 0x73, 0x00]);

// runtime.TypeMeta and runtime.Unknown, from k8s.io/apimachinery pkg/runtime/generated.proto.
const typeMeta: MessageDefinition = {
  1: string('apiVersion'),
  2: string('kind'),
};
const unknown: MessageDefinition = {
  1: message('typeMeta', typeMeta),
  2: { json: 'raw', type: 'bytes' },
  3: string('contentEncoding'),
  4: string('contentType'),
};

interface Envelope {
  typeMeta?: { apiVersion?: string; kind?: string };
  raw?: string;
  contentEncoding?: string;
}

/**
 * Decodes a Kubernetes protobuf body (`k8s\0`, then a runtime.Unknown wrapping the object) to the
 * JSON object a client would have sent; a 400 Status when it is malformed, a 415 when its kind
 * is not one kube-sim knows the fields of.
 */
export function decodeKubernetesProtobuf(body: Uint8Array): {
  apiVersion: string;
  kind: string;
  [field: string]: unknown;
} {
  if (!startsWithMagic(body)) {
    throw statusErrors.badRequest(
      'the request body is not Kubernetes protobuf: it does not start with "k8s\\0"',
    );
  }
  try {
    const envelope = decodeMessage(
      body.subarray(MAGIC.length),
      unknown,
    ) as Envelope;
    const apiVersion = envelope.typeMeta?.apiVersion ?? '';
    const kind = envelope.typeMeta?.kind ?? '';
    if (envelope.contentEncoding) {
      throw statusErrors.badRequest(
        `the protobuf ${kind} has content encoding "${envelope.contentEncoding}"; kube-sim reads only unencoded bodies`,
      );
    }
    const definition = messageForKind(apiVersion, kind);
    if (!definition) {
      throw statusErrors.protobufKindNotDecoded(
        `${apiVersion || '(no apiVersion)'} ${kind || '(no kind)'}`,
        decodableKinds(),
      );
    }
    const raw = Buffer.from(envelope.raw ?? '', 'base64');
    return { apiVersion, kind, ...decodeMessage(raw, definition) };
  } catch (error) {
    if (error instanceof ProtobufFormatError) {
      throw statusErrors.badRequest(
        `the request body is not valid Kubernetes protobuf: ${error.message}`,
      );
    }
    throw error;
  }
}

function startsWithMagic(body: Uint8Array): boolean {
  return (
    body.length >= MAGIC.length &&
    MAGIC.every((byte, index) => body[index] === byte)
  );
}
