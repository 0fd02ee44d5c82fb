import { InputError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { errorMessage } from './errorMessage';
import { KubernetesClientModule } from './kubernetesClient';
import {
  isObject,
  KubeconfigFeature,
  refusedKubeconfigFeatures,
} from './refusedKubeconfigFeatures';
import { KubeconfigAllowances } from './types';

/** The config setting of each allowance, on a source's config entry. */
export type KubeconfigSetting = 'allowExecCredentials' | 'allowFilePaths';

/** Where a kubeconfig comes from, as its messages name it. */
export interface KubeconfigSource {
  /** The kubeconfig in messages, such as `its kubeconfig` or `the kubeconfig "/etc/kubeconfig"`. */
  describedAs: string;
  /** How to allow a feature for this source, such as `set cocktail.clusterApi.allowFilePaths: true`. */
  howToAllow: (setting: KubeconfigSetting) => string;
  allow?: KubeconfigAllowances;
  /** Whether parser messages may be quoted: not for a Secret's, which can quote credentials. */
  quoteParseErrors?: boolean;
}

const WHY = {
  execCredentials: {
    what: 'exec or auth-provider credentials',
    risk: 'which run commands or plugins in the backend',
    setting: 'allowExecCredentials',
  },
  filePaths: {
    what: 'file paths',
    risk: 'which the backend would read from its own disk',
    setting: 'allowFilePaths',
  },
} as const;

/**
 * A KubeConfig of `text`, refused with an `InputError` when the kubeconfig
 * carries exec or auth-provider credentials or file paths that `source` does
 * not allow.
 *
 * The text is parsed and checked here, and client-node is handed exactly the
 * checked document (as JSON, so that its own YAML parser cannot read it
 * differently), before client-node reads any file it names.
 */
export function loadCheckedKubeconfig(
  client: Pick<KubernetesClientModule, 'KubeConfig'>,
  text: string,
  source: KubeconfigSource,
): KubeConfig {
  const unreadable = (error: unknown) =>
    new InputError(
      source.quoteParseErrors
        ? `${source.describedAs} is not a readable kubeconfig: ${errorMessage(
            error,
          )}`
        : `${source.describedAs} is not a readable kubeconfig`,
    );
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw unreadable(error);
  }
  if (!isObject(document)) {
    throw unreadable('expected a mapping');
  }
  const refused = refusedKubeconfigFeatures(document, source.allow);
  if (refused.length > 0) {
    throw new InputError(describeRefusal(refused, source));
  }
  const kubeConfig = new client.KubeConfig();
  try {
    kubeConfig.loadFromString(JSON.stringify(document));
  } catch (error) {
    throw unreadable(error);
  }
  return kubeConfig;
}

function describeRefusal(
  refused: KubeconfigFeature[],
  source: KubeconfigSource,
): string {
  const parts = (['execCredentials', 'filePaths'] as const).flatMap(
    allowance => {
      const where = refused
        .filter(feature => feature.allowance === allowance)
        .map(feature => feature.where);
      if (where.length === 0) {
        return [];
      }
      const why = WHY[allowance];
      return [
        `${source.describedAs} carries ${why.what} (${where.join('; ')}), ${
          why.risk
        }; ${source.howToAllow(why.setting)} if it may`,
      ];
    },
  );
  return parts.join('; ');
}
