import { KubeSim } from '../KubeSim';
import { kubeConfigFor, loadClientNode } from './clientFor';

jest.setTimeout(30_000);

describe('smoke', () => {
  it('serves a deployment that becomes ready', async () => {
    const k8s = await loadClientNode();
    const sim = await KubeSim.start({ clusters: ['dev'] });
    try {
      const config = kubeConfigFor(k8s, sim.cluster('dev').url);
      const apps = config.makeApiClient(k8s.AppsV1Api);
      const core = config.makeApiClient(k8s.CoreV1Api);
      await apps.createNamespacedDeployment({
        namespace: 'default',
        body: {
          metadata: { name: 'web' },
          spec: {
            replicas: 2,
            selector: { matchLabels: { app: 'web' } },
            template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } },
          },
        },
      });
      for (let i = 0; i < 50; i++) {
        const d = await apps.readNamespacedDeployment({ name: 'web', namespace: 'default' });
        if (d.status?.readyReplicas === 2) break;
        await new Promise(r => setTimeout(r, 100));
      }
      const pods = await core.listNamespacedPod({ namespace: 'default', labelSelector: 'app=web' });
      expect(pods.items.map(p => p.status?.phase)).toEqual(['Running', 'Running']);
    } finally {
      await sim.stop();
    }
  });
});
