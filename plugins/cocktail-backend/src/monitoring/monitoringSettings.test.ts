import { ConfigReader } from '@backstage/config';
import { readMonitoringSettings } from './monitoringSettings';
import { DEFAULT_SERIES_QUERIES } from './seriesQueries';

const read = (cocktail: object) =>
  readMonitoringSettings(new ConfigReader({ cocktail }));

describe('readMonitoringSettings', () => {
  it('reads each cluster’s Prometheus and Alertmanager with their credentials', () => {
    const settings = read({
      clusters: [
        {
          name: 'prod',
          url: 'https://prod.example.com:6443',
          prometheus: {
            url: 'https://prometheus.example.com/',
            bearerToken: 'secret-token',
            labels: { cluster: 'prod' },
          },
          alertmanager: {
            url: 'http://alertmanager.monitoring:9093',
            username: 'portal',
            password: 'pw',
          },
        },
        { name: 'dev', url: 'https://dev.example.com:6443' },
      ],
    });
    expect(settings.clusters.get('prod')).toEqual({
      prometheus: {
        url: 'https://prometheus.example.com',
        headers: { authorization: 'Bearer secret-token' },
        labels: { cluster: 'prod' },
        source: 'cocktail.clusters[0].prometheus',
      },
      alertmanager: {
        url: 'http://alertmanager.monitoring:9093',
        headers: {
          authorization: `Basic ${Buffer.from('portal:pw').toString('base64')}`,
        },
        labels: {},
        source: 'cocktail.clusters[0].alertmanager',
      },
    });
    expect(settings.clusters.has('dev')).toBe(false);
    expect(settings.cacheSeconds).toBe(30);
    expect(settings.queries).toEqual(DEFAULT_SERIES_QUERIES);
    expect(settings.allowedCatalogHosts).toEqual([]);
  });

  it('names every wrong key at once', () => {
    expect(() =>
      read({
        clusters: [
          {
            name: 'prod',
            url: 'https://prod.example.com:6443',
            prometheus: {
              url: 'prometheus:9090',
              bearerToken: 't',
              username: 'u',
              labels: { 'bad-name': 'x' },
            },
            alertmanager: { url: 'http://am:9093', username: 'portal' },
          },
        ],
        monitoring: {
          cacheSeconds: 0,
          queries: { serverCpu: '', podCount: 'up' },
          allowedCatalogHosts: [1],
        },
      }),
    ).toThrow(
      [
        'cocktail.clusters[0].prometheus.url: expected an http(s) URL, got "prometheus:9090"',
        'cocktail.clusters[0].prometheus: expected either bearerToken or username and password, got both',
        'cocktail.clusters[0].prometheus.labels.bad-name: expected a Prometheus label name ([a-zA-Z_][a-zA-Z0-9_]*)',
        'cocktail.clusters[0].alertmanager.password: expected a non-empty string with username',
        'cocktail.monitoring.queries.serverCpu: expected a PromQL expression, got ""',
        `cocktail.monitoring.queries.podCount: not a query the suite runs; expected one of ${Object.keys(
          DEFAULT_SERIES_QUERIES,
        ).join(', ')}`,
        'cocktail.monitoring.cacheSeconds: expected a number greater than 0, got 0',
        'cocktail.monitoring.allowedCatalogHosts: expected a list of hosts or host:port, got [1]',
      ].join('\n'),
    );
  });

  it('replaces a query by name and reads the hosts catalog annotations may name', () => {
    const settings = read({
      monitoring: {
        queries: { clusterRunningPods: 'count(kube_pod_info{{{labels}}})' },
        allowedCatalogHosts: '127.0.0.1, prometheus.monitoring:9090',
      },
    });
    expect(settings.queries.clusterRunningPods).toBe(
      'count(kube_pod_info{{{labels}}})',
    );
    expect(settings.queries.serverCpu).toBe(DEFAULT_SERIES_QUERIES.serverCpu);
    expect(settings.allowedCatalogHosts).toEqual([
      '127.0.0.1',
      'prometheus.monitoring:9090',
    ]);
  });
});
