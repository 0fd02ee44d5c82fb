import { parseExposition, ScrapedSample } from '../metrics/parseExposition';
import {
  deployment,
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('/metrics (cAdvisor and kube-state-metrics series)', () => {
  let t: TestCluster;

  const scrape = async (token = 'test-token') => {
    const response = await fetch(`${t.url}/metrics`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return { response, samples: parseExposition(await response.text()) };
  };
  const find = (
    samples: ScrapedSample[],
    name: string,
    labels: Record<string, string>,
  ) =>
    samples.filter(
      s =>
        s.name === name &&
        Object.entries(labels).every(([k, v]) => s.labels[k] === v),
    );
  const putLoad = (body: unknown) =>
    fetch(`${t.url}/kube-sim/load`, {
      method: 'PUT',
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    t = await startTestCluster({ token: 'test-token' });
    const api = deployment('api', 'nginx:1.27', 2);
    api.spec!.template.spec!.containers[0].resources = {
      requests: { cpu: '200m', memory: '256Mi' },
      limits: { cpu: '400m', memory: '512Mi' },
    };
    api.spec!.template.metadata!.labels!['cocktailcloud.io/server'] = 'api';
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: api,
    });
    await eventually(async () => {
      const pods = await t.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=api',
      });
      return (
        pods.items.filter(p => p.status?.phase === 'Running').length === 2 ||
        undefined
      );
    }, 'two running api pods');
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('is served in the text format, and only with the cluster token', async () => {
    const { response } = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('version=0.0.4');
    const anonymous = await fetch(`${t.url}/metrics`);
    expect(anonymous.status).toBe(401);
  });

  it('has each running container with its usage, requests and limits', async () => {
    const { samples } = await scrape();
    const cpu = find(samples, 'container_cpu_usage_seconds_total', {
      namespace: 'default',
      container: 'main',
    }).filter(s => s.labels.pod.startsWith('api-'));
    expect(cpu).toHaveLength(2);
    expect(cpu[0].labels.node).toMatch(/^test-/);
    const memory = find(samples, 'container_memory_working_set_bytes', {
      pod: cpu[0].labels.pod,
    });
    // 20 % to 90 % of the 256 MiB request.
    expect(memory[0].value).toBeGreaterThan(0.2 * 256 * 2 ** 20 - 1);
    expect(memory[0].value).toBeLessThan(0.9 * 256 * 2 ** 20 + 1);
    expect(
      find(samples, 'kube_pod_container_resource_limits', {
        pod: cpu[0].labels.pod,
        resource: 'cpu',
        unit: 'core',
      })[0].value,
    ).toBe(0.4);
    expect(
      find(samples, 'kube_pod_container_resource_requests', {
        pod: cpu[0].labels.pod,
        resource: 'memory',
        unit: 'byte',
      })[0].value,
    ).toBe(256 * 2 ** 20);
    expect(
      find(samples, 'kube_pod_labels', {
        pod: cpu[0].labels.pod,
        label_cocktailcloud_io_server: 'api',
      }),
    ).toHaveLength(1);
    expect(
      find(samples, 'kube_pod_container_status_restarts_total', {
        pod: cpu[0].labels.pod,
      })[0].value,
    ).toBe(0);
    expect(
      find(samples, 'kube_node_status_allocatable', {
        resource: 'cpu',
        unit: 'core',
      }).map(s => s.value),
    ).toEqual([7.8, 7.8, 7.8]);
    expect(
      find(samples, 'container_cpu_usage_seconds_total', { id: '/' }),
    ).toHaveLength(3);
  });

  it('grows its counters at the simulated load, up to the CPU limit', async () => {
    const rate = async () => {
      const first = await scrape();
      await new Promise(resolve => setTimeout(resolve, 1_000));
      const second = await scrape();
      const at = (samples: ScrapedSample[]) =>
        find(samples, 'container_cpu_usage_seconds_total', {
          container: 'main',
        })
          .filter(s => s.labels.pod.startsWith('api-'))
          .reduce((sum, s) => sum + s.value, 0);
      return (at(second.samples) - at(first.samples)) / 1;
    };
    const normal = await rate();
    // Two pods at 20 % to 90 % of 200m, ±10 %, over about a second.
    expect(normal).toBeGreaterThan(0.05);
    expect(normal).toBeLessThan(0.5);

    const refused = await putLoad({
      rules: [{ namespace: 'default', factor: -1 }],
    });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toBe(
      'rules[0].factor: expected a number of at least 0, got -1',
    );

    const raised = await putLoad({
      rules: [
        {
          namespace: 'default',
          labels: { 'cocktailcloud.io/server': 'api' },
          factor: 10,
        },
      ],
    });
    expect(raised.status).toBe(200);
    const throttled = await rate();
    // Both pods at their 400m limit.
    expect(throttled).toBeGreaterThan(0.7);
    expect(throttled).toBeLessThan(0.9);
    await putLoad({ factor: 1, rules: [] });
  });

  it("restarts a crash-looping pod's containers, and its restarts series follows", async () => {
    const refused = await putLoad({
      rules: [{ namespace: 'default', restartEverySeconds: 0 }],
    });
    expect((await refused.json()).error).toBe(
      'rules[0].restartEverySeconds: expected a number of seconds of at least 1, got 0',
    );
    await putLoad({
      rules: [
        {
          namespace: 'default',
          labels: { 'cocktailcloud.io/server': 'api' },
          restartEverySeconds: 1,
        },
      ],
    });
    const pods = await eventually(async () => {
      const list = await t.core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=api',
      });
      return list.items.every(
        p => (p.status?.containerStatuses?.[0].restartCount ?? 0) >= 2,
      )
        ? list.items
        : undefined;
    }, 'two restarts of each api pod');
    const status = pods[0].status!.containerStatuses![0];
    expect(status.lastState?.terminated).toMatchObject({
      exitCode: 1,
      reason: 'Error',
    });
    expect(status.state?.running?.startedAt).toBeTruthy();
    const { samples } = await scrape();
    const restarts = find(samples, 'kube_pod_container_status_restarts_total', {
      pod: pods[0].metadata!.name!,
    })[0].value;
    expect(restarts).toBeGreaterThanOrEqual(2);
    const events = await t.core.listNamespacedEvent({ namespace: 'default' });
    expect(
      events.items.some(
        e =>
          e.reason === 'BackOff' &&
          e.type === 'Warning' &&
          e.involvedObject.name === pods[0].metadata!.name,
      ),
    ).toBe(true);
    await putLoad({ factor: 1, rules: [] });
  });
});
