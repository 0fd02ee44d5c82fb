import { StatusError } from '../statusErrors';
import {
  bytesField,
  fields,
  kubernetesEnvelope,
  mapEntryField,
  messageField,
  varintField,
} from './__testUtils__/encodeProtobuf';
import { decodeKubernetesProtobuf } from './decodeKubernetesProtobuf';

/** ObjectMeta as gogo-protobuf writes it: every string, even empty, and an empty Time. */
function objectMeta(name: string, namespace = '') {
  return messageField(
    1,
    bytesField(1, name),
    bytesField(2, ''),
    bytesField(3, namespace),
    bytesField(5, ''),
    bytesField(6, ''),
    varintField(7, 0),
    messageField(8),
    messageField(17, bytesField(1, 'kubectl-create')),
  );
}

function thrownBy(decode: () => unknown): StatusError {
  try {
    decode();
  } catch (error) {
    return error as StatusError;
  }
  throw new Error('expected an error');
}

describe('decodeKubernetesProtobuf', () => {
  it('decodes a ConfigMap to the JSON kubectl would send', () => {
    const body = kubernetesEnvelope(
      'v1',
      'ConfigMap',
      fields(objectMeta('c1', 't1'), mapEntryField(2, 'a', 'b')),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'c1', namespace: 't1', creationTimestamp: null },
      data: { a: 'b' },
    });
  });

  it('decodes a Secret with its data in base64', () => {
    const body = kubernetesEnvelope(
      'v1',
      'Secret',
      fields(
        objectMeta('s1', 't1'),
        mapEntryField(2, 'p', 'q'),
        bytesField(3, 'Opaque'),
      ),
    );
    expect(decodeKubernetesProtobuf(body)).toMatchObject({
      kind: 'Secret',
      data: { p: 'cQ==' },
      type: 'Opaque',
    });
  });

  it('decodes a RoleBinding with its subjects and roleRef', () => {
    const body = kubernetesEnvelope(
      'rbac.authorization.k8s.io/v1',
      'RoleBinding',
      fields(
        objectMeta('rb1', 't1'),
        messageField(
          2,
          bytesField(1, 'ServiceAccount'),
          bytesField(2, ''),
          bytesField(3, 'sa1'),
          bytesField(4, 't1'),
        ),
        messageField(
          3,
          bytesField(1, 'rbac.authorization.k8s.io'),
          bytesField(2, 'Role'),
          bytesField(3, 'r1'),
        ),
      ),
    );
    expect(decodeKubernetesProtobuf(body)).toMatchObject({
      subjects: [{ kind: 'ServiceAccount', name: 'sa1', namespace: 't1' }],
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'Role',
        name: 'r1',
      },
    });
  });

  it('decodes a SelfSubjectAccessReview and a TokenRequest', () => {
    const review = kubernetesEnvelope(
      'authorization.k8s.io/v1',
      'SelfSubjectAccessReview',
      fields(
        objectMeta(''),
        messageField(
          2,
          messageField(
            1,
            bytesField(1, 't1'),
            bytesField(2, 'get'),
            bytesField(5, 'pods'),
          ),
        ),
        messageField(3, varintField(1, false)),
      ),
    );
    expect(decodeKubernetesProtobuf(review)).toEqual({
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      metadata: { creationTimestamp: null },
      spec: {
        resourceAttributes: { namespace: 't1', verb: 'get', resource: 'pods' },
      },
    });
    const token = kubernetesEnvelope(
      'authentication.k8s.io/v1',
      'TokenRequest',
      fields(objectMeta(''), messageField(2, varintField(4, 600))),
    );
    expect(decodeKubernetesProtobuf(token)).toMatchObject({
      spec: { expirationSeconds: 600 },
    });
  });

  it('decodes DeleteOptions sent under any group version', () => {
    const body = kubernetesEnvelope(
      'rbac.authorization.k8s.io/v1',
      'DeleteOptions',
      fields(varintField(1, 0), bytesField(4, 'Foreground')),
    );
    expect(decodeKubernetesProtobuf(body)).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'DeleteOptions',
      gracePeriodSeconds: 0,
      propagationPolicy: 'Foreground',
    });
  });

  it('answers a kind it has no definition for with a 415 that says to send JSON', () => {
    const body = kubernetesEnvelope('apps/v1', 'StatefulSet', objectMeta('d'));
    const error = thrownBy(() => decodeKubernetesProtobuf(body));
    expect(error).toBeInstanceOf(StatusError);
    expect(error.code).toBe(415);
    expect(error.reason).toBe('UnsupportedMediaType');
    expect(error.message).toMatch(
      /^kube-sim cannot decode a protobuf apps\/v1 StatefulSet: /,
    );
    expect(error.message).toContain('only for v1/ConfigMap, v1/Secret');
    expect(error.message).toContain(
      'send the apps/v1 StatefulSet as application/json instead',
    );
  });

  it('answers a body without the k8s\\0 prefix, or cut short, with a 400', () => {
    const plain = thrownBy(() =>
      decodeKubernetesProtobuf(Buffer.from('{"kind":"ConfigMap"}')),
    );
    expect(plain.code).toBe(400);
    expect(plain.message).toContain('does not start with "k8s\\0"');
    const whole = kubernetesEnvelope('v1', 'ConfigMap', objectMeta('c1'));
    const cut = thrownBy(() =>
      decodeKubernetesProtobuf(whole.subarray(0, whole.length - 3)),
    );
    expect(cut.code).toBe(400);
    expect(cut.message).toMatch(
      /^the request body is not valid Kubernetes protobuf: /,
    );
  });
});
