import { ResourceRegistry } from './ResourceRegistry';
import { ResourceType } from './types';

export type ApiPath =
  | { kind: 'discovery'; group: string; version: string }
  | { kind: 'group'; group: string }
  | {
      kind: 'resource';
      type: ResourceType;
      namespace?: string;
      name?: string;
      subresource?: string;
    }
  | {
      kind: 'unknown-resource';
      group: string;
      version: string;
      plural: string;
    };

/**
 * Reads a Kubernetes REST path: /api/v1/…, /apis/{group}/{version}/…, with an optional
 * namespaces/{ns}/ prefix, a name and a subresource. Undefined for paths that are no API path.
 */
export function parseApiPath(
  path: string,
  registry: ResourceRegistry,
): ApiPath | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  let group: string;
  let version: string;
  let rest: string[];
  if (segments[0] === 'api' && segments.length >= 2) {
    [group, version, rest] = ['', segments[1], segments.slice(2)];
  } else if (segments[0] === 'apis' && segments.length === 2) {
    return { kind: 'group', group: segments[1] };
  } else if (segments[0] === 'apis' && segments.length >= 3) {
    [group, version, rest] = [segments[1], segments[2], segments.slice(3)];
  } else {
    return undefined;
  }
  if (!rest.length) {
    return { kind: 'discovery', group, version };
  }
  let namespace: string | undefined;
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    registry.find(group, version, rest[2])?.namespaced
  ) {
    namespace = rest[1];
    rest = rest.slice(2);
  }
  const [plural, name, subresource, ...extra] = rest;
  const type = registry.find(group, version, plural);
  if (!type || extra.length) {
    return { kind: 'unknown-resource', group, version, plural };
  }
  return { kind: 'resource', type, namespace, name, subresource };
}
