import {
  PROVIDER_PROFILES,
  renderClusterManifests,
  validateClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { InvalidArgumentError } from 'commander';
import {
  ClusterRenderOptions,
  buildClusterRequest,
} from '../cluster/buildClusterRequest';
import { ManifestFormat, formatManifests } from '../cluster/formatManifests';
import { formatIssues } from '../cluster/Issue';

export function parseManifestFormat(value: string): ManifestFormat {
  if (value !== 'yaml' && value !== 'json') {
    throw new InvalidArgumentError(`expected yaml or json, got "${value}"`);
  }
  return value;
}

/** Collects a repeatable flag's values. */
export function collect(value: string, previous?: string[]): string[] {
  return [...(previous ?? []), value];
}

/** Help text listing each provider's options (required ones marked) and defaults. */
export function providerOptionsHelp(): string {
  const lines = Object.entries(PROVIDER_PROFILES).map(([provider, profile]) => {
    const options = Object.entries(profile.options).map(
      ([key, option]) => `${key}${option.required ? ' (required)' : ''}`,
    );
    const defaults = [
      profile.region && `region ${profile.region}`,
      profile.machineType && `machine type ${profile.machineType}`,
    ].filter(Boolean);
    return `  ${provider.padEnd(11)}${options.join(', ') || '(no options)'}${
      defaults.length ? `; defaults: ${defaults.join(', ')}` : ''
    }`;
  });
  return `\nProvider options for --option key=value, by provider\n${lines.join(
    '\n',
  )}`;
}

/**
 * `cocktail cluster render`: prints the Cluster API manifests of a cluster (offline, at the
 * versions current providers serve) and returns 0, or prints the problems with the input, one
 * per line, and returns 1.
 */
export function clusterRenderCommand(
  options: ClusterRenderOptions & { output: ManifestFormat },
  write: (text: string) => void,
  writeError: (text: string) => void,
): number {
  const built = buildClusterRequest(options);
  const validated = validateClusterRequest(built.request);
  const issues = [...built.issues, ...validated.issues];
  if (issues.length || !validated.request) {
    writeError(formatIssues(issues));
    return 1;
  }
  write(
    formatManifests(renderClusterManifests(validated.request), options.output),
  );
  return 0;
}
