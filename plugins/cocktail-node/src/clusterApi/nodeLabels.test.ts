import { kubeletNodeLabels, nodeLabelRoute } from './nodeLabels';

describe('nodeLabelRoute', () => {
  it('lets the kubelet set labels outside kubernetes.io and its allowed prefixes', () => {
    expect(nodeLabelRoute('tier')).toBe('kubelet');
    expect(nodeLabelRoute('acme.io/pool')).toBe('kubelet');
    expect(nodeLabelRoute('node.kubernetes.io/pool')).toBe('kubelet');
    expect(nodeLabelRoute('topology.kubernetes.io/zone')).toBe('kubelet');
  });

  it('leaves the domains Cluster API syncs to the Machines', () => {
    expect(nodeLabelRoute('node-role.kubernetes.io/worker')).toBe('synced');
    expect(nodeLabelRoute('node.cluster.x-k8s.io/pool')).toBe('synced');
  });

  it('forbids other kubernetes.io and k8s.io labels, which stop the kubelet from starting', () => {
    expect(nodeLabelRoute('kubernetes.io/role')).toBe('forbidden');
    expect(nodeLabelRoute('example.k8s.io/x')).toBe('forbidden');
  });

  it('joins the kubelet labels for --node-labels', () => {
    expect(
      kubeletNodeLabels({
        a: '1',
        'node-role.kubernetes.io/x': '',
        'b.io/c': 'd',
      }),
    ).toBe('a=1,b.io/c=d');
    expect(
      kubeletNodeLabels({ 'node-role.kubernetes.io/x': '' }),
    ).toBeUndefined();
  });
});
