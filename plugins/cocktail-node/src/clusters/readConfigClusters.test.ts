import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CA_DATA,
  ClusterEntry,
  PEM,
  clustersConfig,
} from './__testUtils__/fixtures';
import { readConfigClusters } from './readConfigClusters';

function read(clusters: ClusterEntry[]) {
  return readConfigClusters(clustersConfig(clusters));
}

function problemsOf(clusters: ClusterEntry[]): string[] {
  try {
    read(clusters);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message.split('\n');
  }
  throw new Error('expected an InputError');
}

describe('readConfigClusters', () => {
  it('reads no clusters when cocktail.clusters is absent', () => {
    expect(readConfigClusters(new ConfigReader({}))).toEqual([]);
  });

  it('reads a URL cluster with its service-account token', () => {
    expect(
      read([
        {
          name: 'prod',
          url: 'https://prod.example.com:6443',
          serviceAccountToken: 's3cr3t',
        },
      ]),
    ).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'prod',
        url: 'https://prod.example.com:6443',
        auth: { type: 'serviceAccount', token: 's3cr3t' },
        skipTLSVerify: false,
      },
    ]);
  });

  it('reads a URL cluster without a token as one reached anonymously', () => {
    expect(read([{ name: 'dev', url: 'https://dev.example.com' }])).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'dev',
        url: 'https://dev.example.com',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: false,
      },
    ]);
  });

  it('reads a kubeconfig cluster with its context', () => {
    expect(
      read([
        { name: 'dev', kubeconfigPath: '/etc/kube/config', context: 'ops' },
      ]),
    ).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'dev',
        auth: { type: 'kubeconfig', path: '/etc/kube/config', context: 'ops' },
        skipTLSVerify: false,
      },
    ]);
  });

  it('reads an in-cluster cluster', () => {
    expect(read([{ name: 'home', inCluster: true }])).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'home',
        auth: { type: 'inCluster' },
        skipTLSVerify: false,
      },
    ]);
  });

  it('accepts a plain-HTTP URL with skipTLSVerify: true', () => {
    expect(
      read([
        { name: 'sim', url: 'http://127.0.0.1:18443', skipTLSVerify: true },
      ]),
    ).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'sim',
        url: 'http://127.0.0.1:18443',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: true,
      },
    ]);
  });

  it('stores a PEM caData base64-encoded', () => {
    const [cluster] = read([
      { name: 'prod', url: 'https://prod.example.com', caData: PEM },
    ]);
    expect(cluster.caData).toBe(CA_DATA);
  });

  it('keeps a base64-encoded caData as it is', () => {
    const [cluster] = read([
      { name: 'prod', url: 'https://prod.example.com', caData: CA_DATA },
    ]);
    expect(cluster.caData).toBe(CA_DATA);
  });

  it('names a url that is not an http(s) URL', () => {
    expect(
      problemsOf([
        { name: 'dev', url: 'https://dev.example.com' },
        { name: 'prod', url: 'x' },
      ]),
    ).toEqual(['cocktail.clusters[1].url: expected an http(s) URL, got "x"']);
  });

  it('names a plain-HTTP url without skipTLSVerify', () => {
    expect(
      problemsOf([{ name: 'sim', url: 'http://127.0.0.1:18443' }]),
    ).toEqual([
      'cocktail.clusters[0].url: "http://127.0.0.1:18443" is plain HTTP, which @kubernetes/client-node only accepts with skipTLSVerify: true',
    ]);
  });

  it('names a missing name', () => {
    expect(problemsOf([{ url: 'https://dev.example.com' }])).toEqual([
      "cocktail.clusters[0].name: expected a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters), got nothing",
    ]);
  });

  it('names a name that is not a DNS-1123 label', () => {
    expect(
      problemsOf([{ name: 'Prod_1', url: 'https://prod.example.com' }]),
    ).toEqual([
      'cocktail.clusters[0].name: expected a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters), got "Prod_1"',
    ]);
  });

  it('names a name longer than 63 characters', () => {
    const name = 'a'.repeat(64);
    expect(problemsOf([{ name, url: 'https://a.example.com' }])).toEqual([
      `cocktail.clusters[0].name: expected a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters), got "${name}"`,
    ]);
  });

  it('names a name used twice, with the entry that has it first', () => {
    expect(
      problemsOf([
        { name: 'dev', url: 'https://a.example.com' },
        { name: 'prod', url: 'https://b.example.com' },
        { name: 'dev', inCluster: true },
      ]),
    ).toEqual([
      'cocktail.clusters[2].name: "dev" is already the name of cocktail.clusters[0]',
    ]);
  });

  it('requires one of url, kubeconfigPath and inCluster: true', () => {
    expect(problemsOf([{ name: 'dev', inCluster: false }])).toEqual([
      'cocktail.clusters[0]: expected exactly one of url, kubeconfigPath or inCluster: true, got none',
    ]);
  });

  it('refuses more than one way to reach a cluster', () => {
    expect(
      problemsOf([
        {
          name: 'dev',
          url: 'https://dev.example.com',
          kubeconfigPath: '/etc/kube/config',
          inCluster: true,
        },
      ]),
    ).toEqual([
      'cocktail.clusters[0]: expected exactly one of url, kubeconfigPath or inCluster: true, got url and kubeconfigPath and inCluster: true',
    ]);
  });

  it('refuses a serviceAccountToken without url', () => {
    expect(
      problemsOf([
        {
          name: 'dev',
          kubeconfigPath: '/etc/kube/config',
          serviceAccountToken: 's3cr3t',
        },
      ]),
    ).toEqual([
      'cocktail.clusters[0].serviceAccountToken: only applies with url',
    ]);
  });

  it('refuses a context without kubeconfigPath', () => {
    expect(
      problemsOf([{ name: 'dev', inCluster: true, context: 'ops' }]),
    ).toEqual([
      'cocktail.clusters[0].context: only applies with kubeconfigPath',
    ]);
  });

  it('reads what a kubeconfig file may carry beyond inline credentials', () => {
    expect(
      read([
        {
          name: 'eks',
          kubeconfigPath: '/etc/kube/config',
          allowExecCredentials: true,
          allowFilePaths: false,
        },
      ]),
    ).toEqual([
      {
        configKey: 'cocktail.clusters[0]',
        name: 'eks',
        auth: {
          type: 'kubeconfig',
          path: '/etc/kube/config',
          allow: { execCredentials: true },
        },
        skipTLSVerify: false,
      },
    ]);
  });

  it('refuses allowExecCredentials and allowFilePaths without kubeconfigPath', () => {
    expect(
      problemsOf([
        {
          name: 'dev',
          url: 'https://dev.example.com',
          allowExecCredentials: true,
          allowFilePaths: true,
        },
      ]),
    ).toEqual([
      'cocktail.clusters[0].allowExecCredentials: only applies with kubeconfigPath',
      'cocktail.clusters[0].allowFilePaths: only applies with kubeconfigPath',
    ]);
  });

  it('names a caData that is not a certificate authority', () => {
    expect(
      problemsOf([
        { name: 'dev', url: 'https://dev.example.com', caData: 'not a cert' },
      ]),
    ).toEqual([
      'cocktail.clusters[0].caData: expected a PEM certificate authority or its base64 encoding',
    ]);
  });

  it('names fields of the wrong type', () => {
    expect(
      problemsOf([
        { name: 'dev', url: 42, skipTLSVerify: 'yes' },
        { name: 'prod', kubeconfigPath: '' },
      ]),
    ).toEqual([
      'cocktail.clusters[0].skipTLSVerify: expected true or false, got "yes"',
      'cocktail.clusters[0].url: expected a non-empty string, got 42',
      'cocktail.clusters[1].kubeconfigPath: expected a non-empty string, got ""',
    ]);
  });

  it('reports every mistake of every entry at once', () => {
    expect(
      problemsOf([
        { name: 'Dev', url: 'ftp://dev.example.com' },
        { name: 'prod' },
        { name: 'stage', url: 'https://stage.example.com', context: 'ops' },
      ]),
    ).toEqual([
      'cocktail.clusters[0].name: expected a DNS-1123 label (lowercase letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters), got "Dev"',
      'cocktail.clusters[0].url: expected an http(s) URL, got "ftp://dev.example.com"',
      'cocktail.clusters[1]: expected exactly one of url, kubeconfigPath or inCluster: true, got none',
      'cocktail.clusters[2].context: only applies with kubeconfigPath',
    ]);
  });
});
