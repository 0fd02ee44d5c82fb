import { Entity } from '@backstage/catalog-model';
import { readCatalogMonitoring } from './catalogMonitoringEndpoints';
import { catalogHostCheck } from './MonitoringEndpoints';
import { fillQuery } from './seriesQueries';

const cluster = (annotations: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'dev', namespace: 'default', annotations },
  spec: { type: 'kubernetes-cluster' },
});

describe('readCatalogMonitoring', () => {
  const allowed = catalogHostCheck(['127.0.0.1', 'prometheus.monitoring:9090']);

  it("reads a cluster Resource's Prometheus, Alertmanager and labels, never with credentials", () => {
    expect(
      readCatalogMonitoring(
        cluster({
          'cocktailcloud.io/prometheus-url': 'http://127.0.0.1:19090/',
          'cocktailcloud.io/alertmanager-url': 'http://127.0.0.1:19093',
          'cocktailcloud.io/monitoring-labels': 'cluster=dev, region=seoul',
        }),
        allowed,
      ),
    ).toEqual({
      monitoring: {
        prometheus: {
          url: 'http://127.0.0.1:19090',
          headers: {},
          labels: { cluster: 'dev', region: 'seoul' },
          source:
            'resource:default/dev annotation cocktailcloud.io/prometheus-url',
        },
        alertmanager: {
          url: 'http://127.0.0.1:19093',
          headers: {},
          labels: { cluster: 'dev', region: 'seoul' },
          source:
            'resource:default/dev annotation cocktailcloud.io/alertmanager-url',
        },
      },
      problems: [],
    });
  });

  it('refuses hosts config does not allow, and says what is wrong with each annotation', () => {
    expect(
      readCatalogMonitoring(
        cluster({
          'cocktailcloud.io/prometheus-url': 'http://169.254.169.254/latest',
          'cocktailcloud.io/alertmanager-url': 'ftp://127.0.0.1',
          'cocktailcloud.io/monitoring-labels': 'cluster',
        }),
        allowed,
      ),
    ).toEqual({
      monitoring: {},
      problems: [
        'resource:default/dev annotation cocktailcloud.io/monitoring-labels: expected name=value pairs separated by commas, got "cluster"',
        'resource:default/dev annotation cocktailcloud.io/prometheus-url: 169.254.169.254 is not in cocktail.monitoring.allowedCatalogHosts, so the backend does not call it',
        'resource:default/dev annotation cocktailcloud.io/alertmanager-url: expected an http(s) URL, got "ftp://127.0.0.1"',
      ],
    });
  });

  it('matches a host with its port when config names one', () => {
    expect(allowed(new URL('http://prometheus.monitoring:9090'))).toBe(true);
    expect(allowed(new URL('http://prometheus.monitoring:9091'))).toBe(false);
  });
});

describe('fillQuery', () => {
  it('puts the cluster labels, namespace and server in, quoted', () => {
    expect(
      fillQuery(
        'sum(rate(x{{{labels}}namespace="{{namespace}}",server="{{server}}"}[{{window}}]))',
        {
          labels: { cluster: 'dev', team: 'a"b' },
          namespace: 'payments-dev',
          server: 'api',
          window: '60s',
        },
      ),
    ).toBe(
      'sum(rate(x{cluster="dev",team="a\\"b",namespace="payments-dev",server="api"}[60s]))',
    );
    expect(
      fillQuery('up{{{labels}}job="x"}', { labels: {}, window: '1m' }),
    ).toBe('up{job="x"}');
  });
});
