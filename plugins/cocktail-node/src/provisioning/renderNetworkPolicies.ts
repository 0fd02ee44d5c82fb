import { Manifest } from '../rendering/types';

/**
 * The names of the NetworkPolicies the suite keeps in a namespace with default deny.
 *
 * @public
 */
export const NETWORK_POLICY_NAMES = {
  defaultDeny: 'default-deny',
  allowDns: 'allow-dns',
  allowSameNamespace: 'allow-same-namespace',
} as const;

/**
 * Default deny for a namespace, and the two exceptions without which nothing in it works:
 *
 * - `default-deny` selects every pod and allows no traffic in or out. NetworkPolicies only add
 *   allowances, so this is the baseline the others open up.
 * - `allow-dns` lets every pod reach port 53 (UDP and TCP) in kube-system. Egress deny also
 *   blocks DNS, and then pods cannot resolve even the names of Services next to them.
 * - `allow-same-namespace` lets the namespace's pods talk to each other (ingress and egress, as
 *   both are denied), so that an app reaches its own database or cache.
 *
 * Everything else stays closed, including traffic from ingress controllers, from other
 * namespaces and to the internet: servers that need it need their own NetworkPolicies.
 */
export function renderNetworkPolicies(
  namespace: string,
  labels: Record<string, string>,
): Manifest[] {
  const metadata = (name: string) => ({ name, namespace, labels });
  return [
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(NETWORK_POLICY_NAMES.defaultDeny),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(NETWORK_POLICY_NAMES.allowDns),
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            // Every namespace carries this label (Kubernetes 1.21 and later), and it cannot be
            // set by hand to another namespace's name.
            to: [
              {
                namespaceSelector: {
                  matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' },
                },
              },
            ],
            ports: [
              { protocol: 'UDP', port: 53 },
              { protocol: 'TCP', port: 53 },
            ],
          },
        ],
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: metadata(NETWORK_POLICY_NAMES.allowSameNamespace),
      spec: {
        podSelector: {},
        policyTypes: ['Ingress', 'Egress'],
        // A podSelector peer without a namespaceSelector means pods of this namespace.
        ingress: [{ from: [{ podSelector: {} }] }],
        egress: [{ to: [{ podSelector: {} }] }],
      },
    },
  ];
}
