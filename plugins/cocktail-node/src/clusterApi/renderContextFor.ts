import { InputError } from '@backstage/errors';
import { DEFAULT_CLUSTER_API_PROVIDERS } from './providers/builtInClusterApiProviders';
import { ClusterApiProviders } from './providers/ClusterApiProviders';
import { RenderContext } from './renderContext';
import {
  ClusterApiVersions,
  ClusterRequest,
  ClusterRequestIssue,
} from './types';
import { validateClusterRequest } from './validateClusterRequest';

function issuesMessage(what: string, issues: ClusterRequestIssue[]): string {
  return `Invalid ${what}: ${issues
    .map(issue =>
      issue.field ? `${issue.field}: ${issue.message}` : issue.message,
    )
    .join('; ')}`;
}

/**
 * Validates a request (applying its defaults) and pairs it with the versions to write.
 * Throws an InputError naming every invalid field.
 */
export function renderContextFor(
  request: ClusterRequest,
  versions: ClusterApiVersions | undefined,
  what = 'cluster request',
  renameField: (field: string) => string = field => field,
  providers: ClusterApiProviders = DEFAULT_CLUSTER_API_PROVIDERS,
): RenderContext {
  const result = validateClusterRequest(request, providers);
  if (!result.request) {
    throw new InputError(
      issuesMessage(
        what,
        result.issues.map(issue => ({
          ...issue,
          field: renameField(issue.field),
        })),
      ),
    );
  }
  return {
    request: {
      ...result.request,
      namespace: result.request.namespace ?? 'default',
    },
    versions: { ...providers.offlineVersions(), ...versions },
    providers,
  };
}
