import { stringify } from 'yaml';

export type ManifestFormat = 'yaml' | 'json';

/**
 * YAML documents separated by `---`, or for JSON a `v1` List (which `kubectl apply -f`
 * takes as it takes the YAML).
 */
export function formatManifests(
  manifests: object[],
  format: ManifestFormat,
): string {
  if (format === 'json') {
    return JSON.stringify(
      { apiVersion: 'v1', kind: 'List', items: manifests },
      null,
      2,
    );
  }
  return manifests
    .map(manifest =>
      stringify(manifest, {
        aliasDuplicateObjects: false,
        // Multi-line values (a chart's values) stay as written: literal blocks, never folded.
        blockQuote: 'literal',
        lineWidth: 0,
      }),
    )
    .join('---\n')
    .replace(/\n$/, '');
}
