import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { parseApiServerUrl } from './apiServerUrl';
import { toBase64CaData } from './certificateAuthority';
import { ConfigEntryReader } from './ConfigEntryReader';
import {
  CocktailCluster,
  CocktailClusterAuth,
  KubeconfigAllowances,
} from './types';

const DNS_1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_1123_LABEL_MAX_LENGTH = 63;

/**
 * A `cocktail.clusters[]` entry, checked but not resolved yet: kubeconfig and
 * in-cluster entries learn their API server once client-node has loaded.
 */
export type ConfiguredCluster = Omit<CocktailCluster, 'url' | 'source'> & {
  /** Where app-config defines the cluster, such as `cocktail.clusters[1]`. */
  configKey: string;
  /** Set for URL + token entries only. */
  url?: string;
};

/**
 * Reads `cocktail.clusters`, throwing one `InputError` that lists every
 * mistake, each with its key.
 */
export function readConfigClusters(config: Config): ConfiguredCluster[] {
  const problems: string[] = [];
  const keysByName = new Map<string, string>();
  const clusters: ConfiguredCluster[] = [];

  const entries = config.getOptionalConfigArray('cocktail.clusters') ?? [];
  entries.forEach((entry, index) => {
    const reader = new ConfigEntryReader(
      entry,
      `cocktail.clusters[${index}]`,
      problems,
    );
    const name = readName(reader);
    if (name !== undefined) {
      const earlierKey = keysByName.get(name);
      if (earlierKey) {
        reader.problem(
          'name',
          `"${name}" is already the name of ${earlierKey}`,
        );
      } else {
        keysByName.set(name, reader.key);
      }
    }
    const skipTLSVerify = reader.boolean('skipTLSVerify') ?? false;
    const caData = readCaData(reader);
    const connection = readConnection(reader, skipTLSVerify);

    if (name !== undefined && connection && !reader.hasProblems()) {
      clusters.push({
        configKey: reader.key,
        name,
        ...connection,
        ...(caData && { caData }),
        skipTLSVerify,
      });
    }
  });

  if (problems.length > 0) {
    throw new InputError(problems.join('\n'));
  }
  return clusters;
}

function readName(reader: ConfigEntryReader): string | undefined {
  const expected = `expected a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most ${DNS_1123_LABEL_MAX_LENGTH} characters)`;
  if (!reader.has('name')) {
    reader.problem('name', `${expected}, got nothing`);
    return undefined;
  }
  const name = reader.string('name');
  if (name === undefined) {
    return undefined;
  }
  if (!DNS_1123_LABEL.test(name) || name.length > DNS_1123_LABEL_MAX_LENGTH) {
    reader.problem('name', `${expected}, got "${name}"`);
    return undefined;
  }
  return name;
}

function readCaData(reader: ConfigEntryReader): string | undefined {
  const value = reader.string('caData');
  if (value === undefined) {
    return undefined;
  }
  const caData = toBase64CaData(value);
  if (!caData) {
    reader.problem(
      'caData',
      'expected a PEM certificate authority or its base64 encoding',
    );
  }
  return caData;
}

function readConnection(
  reader: ConfigEntryReader,
  skipTLSVerify: boolean,
): { url?: string; auth: CocktailClusterAuth } | undefined {
  const url = reader.string('url');
  const token = reader.string('serviceAccountToken');
  const path = reader.string('kubeconfigPath');
  const context = reader.string('context');
  const inCluster = reader.boolean('inCluster');

  const chosen = [
    reader.has('url') && 'url',
    reader.has('kubeconfigPath') && 'kubeconfigPath',
    inCluster === true && 'inCluster: true',
  ].filter((choice): choice is string => Boolean(choice));
  if (chosen.length !== 1) {
    reader.problem(
      undefined,
      `expected exactly one of url, kubeconfigPath or inCluster: true, got ${
        chosen.length === 0 ? 'none' : chosen.join(' and ')
      }`,
    );
    return undefined;
  }
  if (token !== undefined && chosen[0] !== 'url') {
    reader.problem('serviceAccountToken', 'only applies with url');
  }
  if (context !== undefined && chosen[0] !== 'kubeconfigPath') {
    reader.problem('context', 'only applies with kubeconfigPath');
  }
  const allow = readAllowances(reader, chosen[0] === 'kubeconfigPath');

  if (path !== undefined) {
    return {
      auth: {
        type: 'kubeconfig',
        path,
        ...(context && { context }),
        ...(allow && { allow }),
      },
    };
  }
  if (inCluster) {
    return { auth: { type: 'inCluster' } };
  }
  if (url === undefined) {
    return undefined;
  }
  const parsed = parseApiServerUrl(url);
  if (!parsed) {
    reader.problem('url', `expected an http(s) URL, got "${url}"`);
    return undefined;
  }
  if (parsed.protocol === 'http:' && !skipTLSVerify) {
    reader.problem(
      'url',
      `"${url}" is plain HTTP, which @kubernetes/client-node only accepts with skipTLSVerify: true`,
    );
  }
  return { url, auth: { type: 'serviceAccount', ...(token && { token }) } };
}

/** `allowExecCredentials` and `allowFilePaths`, which only a kubeconfig file can use. */
function readAllowances(
  reader: ConfigEntryReader,
  isKubeconfig: boolean,
): KubeconfigAllowances | undefined {
  const execCredentials = reader.boolean('allowExecCredentials');
  const filePaths = reader.boolean('allowFilePaths');
  if (!isKubeconfig) {
    for (const [field, value] of [
      ['allowExecCredentials', execCredentials],
      ['allowFilePaths', filePaths],
    ] as const) {
      if (value !== undefined) {
        reader.problem(field, 'only applies with kubeconfigPath');
      }
    }
    return undefined;
  }
  if (!execCredentials && !filePaths) {
    return undefined;
  }
  return {
    ...(execCredentials && { execCredentials }),
    ...(filePaths && { filePaths }),
  };
}
