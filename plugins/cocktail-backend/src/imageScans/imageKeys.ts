import { ImageReference } from '@cocktailcloud/plugin-cocktail-common';
import { parseImageReference } from '@cocktailcloud/plugin-cocktail-node';

/**
 * `registry/repository[:tag]`: how scans and pods are matched when there is no digest. A
 * reference with neither tag nor digest means `:latest`, as it does to a container runtime.
 */
export function referenceKey(image: ImageReference): string {
  const name = `${image.registry}/${image.repository}`;
  const tag = image.tag ?? (image.digest ? undefined : 'latest');
  return tag ? `${name}:${tag}` : name;
}

/** What a scan is filed under: its digest, or its reference when it names no digest. */
export function imageKeyOf(image: ImageReference): string {
  return image.digest ?? referenceKey(image);
}

/** The digest in a container status's imageID (`docker-pullable://repo@sha256:…`, `repo@sha256:…`). */
export function digestOfImageID(
  imageID: string | undefined,
): string | undefined {
  const digest = imageID?.split('@')[1];
  return digest && /^sha256:[0-9a-f]{64}$/.test(digest) ? digest : undefined;
}

/**
 * The keys an image reference is looked up by, best first: its digest when it has one, then its
 * normalised reference. Undefined when it is not an image reference at all.
 */
export function lookupKeysOf(
  image: string,
  digest?: string,
): { digest?: string; reference?: string } {
  let parsed: ImageReference | undefined;
  try {
    parsed = parseImageReference(image);
  } catch {
    parsed = undefined;
  }
  return {
    digest: digest ?? parsed?.digest,
    reference: parsed ? referenceKey(parsed) : undefined,
  };
}
