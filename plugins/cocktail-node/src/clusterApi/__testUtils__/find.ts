import { Manifest } from '../../rendering/types';

/** The one manifest of a kind (and name, when given); throws when there is none. */
export function find(manifests: Manifest[], kind: string, name?: string): any {
  const found = manifests.find(
    m => m.kind === kind && (name === undefined || m.metadata.name === name),
  );
  if (!found) {
    throw new Error(
      `no ${kind}${name ? ` ${name}` : ''} among ${manifests
        .map(m => `${m.kind} ${m.metadata.name}`)
        .join(', ')}`,
    );
  }
  return found;
}
