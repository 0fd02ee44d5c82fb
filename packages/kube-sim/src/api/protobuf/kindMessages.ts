import { deployment } from './appsMessages';
import { selfSubjectReview, tokenRequest } from './authenticationMessages';
import {
  selfSubjectAccessReview,
  selfSubjectRulesReview,
} from './authorizationMessages';
import { configMap, namespace, secret, serviceAccount } from './coreMessages';
import { MessageDefinition } from './messageSchema';
import { deleteOptions } from './metaMessages';
import { clusterRole, role, roleBinding } from './rbacMessages';

/** The kinds whose protobuf kube-sim decodes, by `apiVersion/kind`. */
const KIND_MESSAGES = new Map<string, MessageDefinition>(
  Object.entries({
    'v1/ConfigMap': configMap,
    'v1/Secret': secret,
    'v1/ServiceAccount': serviceAccount,
    'v1/Namespace': namespace,
    'apps/v1/Deployment': deployment,
    'authentication.k8s.io/v1/TokenRequest': tokenRequest,
    'authentication.k8s.io/v1/SelfSubjectReview': selfSubjectReview,
    'authorization.k8s.io/v1/SelfSubjectAccessReview': selfSubjectAccessReview,
    'authorization.k8s.io/v1/SelfSubjectRulesReview': selfSubjectRulesReview,
    'rbac.authorization.k8s.io/v1/Role': role,
    'rbac.authorization.k8s.io/v1/ClusterRole': clusterRole,
    'rbac.authorization.k8s.io/v1/RoleBinding': roleBinding,
    'rbac.authorization.k8s.io/v1/ClusterRoleBinding': roleBinding,
  }),
);

/** DeleteOptions is registered in every group version, so a client may send it under any. */
const ANY_VERSION_MESSAGES = new Map<string, MessageDefinition>([
  ['DeleteOptions', deleteOptions],
]);

/** The message definition of a kind, or undefined when kube-sim cannot decode it. */
export function messageForKind(
  apiVersion: string,
  kind: string,
): MessageDefinition | undefined {
  return (
    KIND_MESSAGES.get(`${apiVersion}/${kind}`) ?? ANY_VERSION_MESSAGES.get(kind)
  );
}

/** The decodable kinds, for error messages. */
export function decodableKinds(): string[] {
  return [
    ...KIND_MESSAGES.keys(),
    ...[...ANY_VERSION_MESSAGES.keys()].map(kind => `*/${kind}`),
  ];
}
