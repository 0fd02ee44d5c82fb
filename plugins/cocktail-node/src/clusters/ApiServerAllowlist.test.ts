import { ConfigReader } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { ApiServerAllowlist } from './ApiServerAllowlist';

function allowlist(allowedApiServers?: string[] | string) {
  return ApiServerAllowlist.fromConfig(
    new ConfigReader(
      allowedApiServers
        ? { cocktail: { catalogClusters: { allowedApiServers } } }
        : {},
    ),
  );
}

function allows(entries: string[], url: string): boolean {
  return allowlist(entries).refusal(url) === undefined;
}

describe('ApiServerAllowlist', () => {
  it('allows nothing when not configured, saying which key to set', () => {
    expect(allowlist().refusal('https://10.1.2.3:6443')).toBe(
      'the suite reaches no cluster that only the catalog registers until cocktail.catalogClusters.allowedApiServers lists its API server; add "10.1.2.3" (or a CIDR around it) there to reach https://10.1.2.3:6443, or define the cluster in cocktail.clusters',
    );
  });

  it('reads one comma-separated string, as COCKTAIL_ALLOWED_API_SERVERS gives it', () => {
    const list = allowlist('kubernetes.example.com, 10.0.0.0/8');
    expect(list.refusal('https://10.1.2.3:6443')).toBeUndefined();
    expect(list.refusal('https://kubernetes.example.com')).toBeUndefined();
    expect(list.refusal('https://192.168.0.1:6443')).toContain('is not in');
  });

  it('names the API server and the key when it is not listed', () => {
    expect(
      allowlist(['10.0.0.0/8']).refusal('https://evil.example.com:6443'),
    ).toBe(
      'its API server https://evil.example.com:6443 is not in cocktail.catalogClusters.allowedApiServers; add "evil.example.com" (or a CIDR around it) there if the suite may reach it',
    );
  });

  it('matches a host name by name, on any port unless one is given', () => {
    expect(allows(['k8s.example.com'], 'https://K8S.example.com:6443')).toBe(
      true,
    );
    expect(allows(['k8s.example.com'], 'https://k8s.example.com.evil.io')).toBe(
      false,
    );
    expect(
      allows(['k8s.example.com:6443'], 'https://k8s.example.com:6443'),
    ).toBe(true);
    expect(allows(['k8s.example.com:6443'], 'https://k8s.example.com')).toBe(
      false,
    );
    expect(allows(['k8s.example.com:443'], 'https://k8s.example.com')).toBe(
      true,
    );
  });

  it('matches IPv4 addresses and CIDRs', () => {
    expect(allows(['127.0.0.1'], 'http://127.0.0.1:18443')).toBe(true);
    expect(allows(['127.0.0.1'], 'http://127.0.0.2:18443')).toBe(false);
    expect(allows(['10.0.0.0/8'], 'https://10.200.3.4:6443')).toBe(true);
    expect(allows(['10.0.0.0/8'], 'https://11.0.0.1:6443')).toBe(false);
    expect(allows(['192.168.4.0/24:6443'], 'https://192.168.4.9:6443')).toBe(
      true,
    );
    expect(allows(['192.168.4.0/24:6443'], 'https://192.168.4.9:443')).toBe(
      false,
    );
  });

  it('never resolves a host name for a CIDR', () => {
    expect(allows(['127.0.0.0/8'], 'http://localhost:18443')).toBe(false);
  });

  it('matches IPv6 addresses and CIDRs', () => {
    expect(allows(['fd00::/8'], 'https://[fd12::1]:6443')).toBe(true);
    expect(allows(['[::1]:6443'], 'https://[::1]:6443')).toBe(true);
    expect(allows(['[::1]:6443'], 'https://[::1]:7443')).toBe(false);
  });

  it('names every entry that is not a host, an address or a CIDR', () => {
    expect(() =>
      allowlist(['10.0.0.0/33', 'https://k8s.example.com', 'ok.example.com']),
    ).toThrow(
      new InputError(
        [
          'cocktail.catalogClusters.allowedApiServers[0]: expected a host, an IP address or a CIDR such as 10.0.0.0/8, each optionally with :port, got "10.0.0.0/33"',
          'cocktail.catalogClusters.allowedApiServers[1]: expected a host, an IP address or a CIDR such as 10.0.0.0/8, each optionally with :port, got "https://k8s.example.com"',
        ].join('\n'),
      ),
    );
  });
});
