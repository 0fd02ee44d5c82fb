/** Trivy's `ArtifactType`s, as people say them. */
const ARTIFACT_KINDS: Record<string, string> = {
  container_image: 'container image scan',
  filesystem: 'filesystem scan',
  repository: 'repository scan',
  rootfs: 'root filesystem scan',
  vm: 'virtual machine scan',
  cyclonedx: 'CycloneDX SBOM scan',
  spdx: 'SPDX SBOM scan',
};

const SHOWN_TARGETS = 3;

/**
 * What a Trivy report scanned, for people: `filesystem scan of .`, `repository scan of
 * https://github.com/…`. Without an `ArtifactName` the results' targets (the lock files and
 * OS packages found) stand in for it.
 */
export function describeTrivyArtifact(
  artifactType: string | undefined,
  artifactName: string | undefined,
  targets: string[],
): string {
  const kind = artifactType
    ? ARTIFACT_KINDS[artifactType] ?? `${artifactType} scan`
    : 'scan';
  if (artifactName) {
    return `${kind} of ${artifactName}`;
  }
  if (!targets.length) {
    return kind;
  }
  const shown = targets.slice(0, SHOWN_TARGETS).join(', ');
  const more = targets.length - SHOWN_TARGETS;
  return `${kind} of ${shown}${more > 0 ? ` and ${more} more` : ''}`;
}
