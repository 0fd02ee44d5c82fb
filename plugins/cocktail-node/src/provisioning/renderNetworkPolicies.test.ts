import { renderNetworkPolicies } from './renderNetworkPolicies';
import { validateCoreManifest } from './__testUtils__/entities';

const LABELS = { 'app.kubernetes.io/managed-by': 'cocktail' };

describe('renderNetworkPolicies', () => {
  const [deny, dns, sameNamespace] = renderNetworkPolicies(
    'payments-prod',
    LABELS,
  );

  it('renders three valid NetworkPolicies in the namespace', () => {
    for (const policy of [deny, dns, sameNamespace]) {
      validateCoreManifest(policy);
      expect(policy.apiVersion).toBe('networking.k8s.io/v1');
      expect(policy.metadata.namespace).toBe('payments-prod');
      expect(policy.metadata.labels).toEqual(LABELS);
    }
  });

  it('denies all ingress and egress for every pod', () => {
    expect(deny).toEqual({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: {
        name: 'default-deny',
        namespace: 'payments-prod',
        labels: LABELS,
      },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    });
  });

  it('allows DNS to kube-system on port 53 over UDP and TCP', () => {
    expect(dns.metadata.name).toBe('allow-dns');
    expect(dns.spec).toEqual({
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [
        {
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
    });
  });

  it('allows traffic both ways between pods of the same namespace', () => {
    expect(sameNamespace.metadata.name).toBe('allow-same-namespace');
    expect(sameNamespace.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
      ingress: [{ from: [{ podSelector: {} }] }],
      egress: [{ to: [{ podSelector: {} }] }],
    });
  });
});
