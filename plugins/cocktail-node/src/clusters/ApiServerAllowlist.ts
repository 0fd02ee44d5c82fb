import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { BlockList, isIP } from 'node:net';
import { readStringList } from '../config/readStringList';
import { parseApiServerUrl } from './apiServerUrl';

export const ALLOWED_API_SERVERS_KEY =
  'cocktail.catalogClusters.allowedApiServers';

const HOSTNAME = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;
const PORT = /^\d{1,5}$/;

interface AllowedApiServer {
  /** Any port when absent. */
  port?: number;
  matchesHost(host: string): boolean;
}

/**
 * The API servers that catalog-registered clusters may name
 * (`cocktail.catalogClusters.allowedApiServers`): host names, IP addresses
 * and CIDRs, each optionally with `:port` (IPv6 as `[::1]:6443`). A CIDR
 * matches API servers given by IP address; host names match by name and are
 * never resolved.
 */
export class ApiServerAllowlist {
  private readonly entries?: AllowedApiServer[];

  /** Throws an `InputError` naming every entry that is neither a host, an IP address nor a CIDR. */
  static fromConfig(config: Config): ApiServerAllowlist {
    const values = readStringList(config, ALLOWED_API_SERVERS_KEY);
    if (values === undefined) {
      return new ApiServerAllowlist(undefined);
    }
    const problems: string[] = [];
    const entries = values.flatMap((value, index) => {
      const entry = parseEntry(value.trim().toLowerCase());
      if (!entry) {
        problems.push(
          `${ALLOWED_API_SERVERS_KEY}[${index}]: expected a host, an IP address or a CIDR such as 10.0.0.0/8, each optionally with :port, got "${value}"`,
        );
      }
      return entry ? [entry] : [];
    });
    if (problems.length > 0) {
      throw new InputError(problems.join('\n'));
    }
    return new ApiServerAllowlist(entries);
  }

  private constructor(entries: AllowedApiServer[] | undefined) {
    this.entries = entries;
  }

  /** Why the suite may not reach `url`, naming the setting to change; `undefined` when it may. */
  refusal(url: string): string | undefined {
    const parsed = parseApiServerUrl(url);
    if (!parsed) {
      return `its API server "${url}" is not an http(s) URL`;
    }
    const host = parsed.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(
      parsed.port || (parsed.protocol === 'https:' ? 443 : 80),
    );
    if (!this.entries) {
      return `the suite reaches no cluster that only the catalog registers until ${ALLOWED_API_SERVERS_KEY} lists its API server; add "${host}" (or a CIDR around it) there to reach ${url}, or define the cluster in cocktail.clusters`;
    }
    const allowed = this.entries.some(
      entry =>
        (entry.port === undefined || entry.port === port) &&
        entry.matchesHost(host),
    );
    return allowed
      ? undefined
      : `its API server ${url} is not in ${ALLOWED_API_SERVERS_KEY}; add "${host}" (or a CIDR around it) there if the suite may reach it`;
  }
}

function parseEntry(value: string): AllowedApiServer | undefined {
  const [host, portText] = splitPort(value);
  if (portText !== undefined && !PORT.test(portText)) {
    return undefined;
  }
  const port = portText === undefined ? undefined : Number(portText);
  const matchesHost = hostMatcher(host);
  return matchesHost && { ...(port !== undefined && { port }), matchesHost };
}

/** `[v6]:port`, `host:port` or a bare host, address or CIDR (IPv6 ones have several colons). */
function splitPort(value: string): [host: string, port?: string] {
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(value);
  if (bracketed) {
    return [bracketed[1], bracketed[2]];
  }
  const parts = value.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [value];
}

function hostMatcher(host: string): ((host: string) => boolean) | undefined {
  const [address, prefixText, ...rest] = host.split('/');
  const family = isIP(address);
  if (family !== 0) {
    const type = family === 4 ? 'ipv4' : 'ipv6';
    const prefix = prefixText === undefined ? undefined : Number(prefixText);
    const maxPrefix = family === 4 ? 32 : 128;
    if (
      rest.length > 0 ||
      (prefix !== undefined &&
        (!/^\d+$/.test(prefixText!) || prefix > maxPrefix))
    ) {
      return undefined;
    }
    const list = new BlockList();
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      list.addSubnet(address, prefix, type);
    }
    return candidate => {
      const candidateFamily = isIP(candidate);
      return (
        candidateFamily !== 0 &&
        list.check(candidate, candidateFamily === 4 ? 'ipv4' : 'ipv6')
      );
    };
  }
  if (prefixText !== undefined || !HOSTNAME.test(host)) {
    return undefined;
  }
  return candidate => candidate === host;
}
