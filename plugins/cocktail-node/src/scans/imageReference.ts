import { InputError } from '@backstage/errors';
import { ImageReference } from '@cocktailcloud/plugin-cocktail-common';

const DOCKER_HUB = 'docker.io';
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^\w[\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]{32,}$/;

/**
 * Reads an image reference as Docker does: `harbor.example.com/payments/api:1.4.2@sha256:…`.
 * Docker Hub names get their defaults (`nginx` is `docker.io/library/nginx`).
 *
 * @public
 */
export function parseImageReference(reference: string): ImageReference {
  const fail = (why: string) =>
    new InputError(`invalid image reference "${reference}": ${why}`);
  let rest = reference.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) {
      throw fail(`digest "${digest}" is not algorithm:hex`);
    }
  }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw fail(`tag "${tag}" is not valid`);
    }
  }
  const components = rest.split('/');
  let registry = DOCKER_HUB;
  if (
    components.length > 1 &&
    (/[.:]/.test(components[0]) || components[0] === 'localhost')
  ) {
    registry = components.shift()!;
  }
  if (registry === 'index.docker.io' || registry === 'registry-1.docker.io') {
    registry = DOCKER_HUB;
  }
  if (!components.length || !components.every(c => PATH_COMPONENT.test(c))) {
    throw fail(
      'the repository must be lowercase letters, digits and separators',
    );
  }
  if (registry === DOCKER_HUB && components.length === 1) {
    components.unshift('library');
  }
  return {
    registry,
    repository: components.join('/'),
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
  };
}

/**
 * `registry/repository[:tag][@digest]`
 *
 * @public
 */
export function formatImageReference(image: ImageReference): string {
  return `${image.registry}/${image.repository}${
    image.tag ? `:${image.tag}` : ''
  }${image.digest ? `@${image.digest}` : ''}`;
}

/**
 * The first candidate that names an image in a registry; scanners also report local archives
 * (`images/alpine.tar.gz`) and paths there, which are skipped.
 */
export function firstImageReference(
  candidates: Array<string | undefined>,
): ImageReference | undefined {
  for (const candidate of candidates) {
    if (
      !candidate ||
      /\.(tar|tar\.gz|tgz)$/.test(candidate) ||
      /^(\/|\.\/|\.\.\/|[a-z]+:\/\/)/i.test(candidate)
    ) {
      continue;
    }
    try {
      return parseImageReference(candidate);
    } catch {
      // not a reference: try the next one
    }
  }
  return undefined;
}

/**
 * The digest of `repo@sha256:…`, preferring the entry for `repository`; with `onlyRepository`
 * (the image was named by the caller, not the report) no other repository's entry is taken.
 */
export function digestFromRepoDigests(
  repoDigests: unknown[],
  repository: string,
  onlyRepository = false,
): string | undefined {
  const parsed = repoDigests
    .filter((entry): entry is string => typeof entry === 'string')
    .map(entry => {
      try {
        return parseImageReference(entry);
      } catch {
        return undefined;
      }
    })
    .filter(entry => entry?.digest);
  const own = parsed.find(entry => entry!.repository === repository);
  return (own ?? (onlyRepository ? undefined : parsed[0]))?.digest;
}
