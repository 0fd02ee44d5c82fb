/** Who a request is from, as the API server's authenticators report it. */
export interface UserInfo {
  username: string;
  uid?: string;
  groups: string[];
}

/** The identity of the cluster's static token: a member of system:masters, as kubeadm's admin is. */
export const STATIC_TOKEN_USER: UserInfo = {
  username: 'kube-sim-admin',
  groups: ['system:masters', 'system:authenticated'],
};

export function serviceAccountUser(serviceAccount: {
  namespace: string;
  name: string;
  uid: string;
}): UserInfo {
  return {
    username: `system:serviceaccount:${serviceAccount.namespace}:${serviceAccount.name}`,
    uid: serviceAccount.uid,
    groups: [
      'system:serviceaccounts',
      `system:serviceaccounts:${serviceAccount.namespace}`,
      'system:authenticated',
    ],
  };
}
