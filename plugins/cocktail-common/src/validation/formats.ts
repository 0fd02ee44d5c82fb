/*
 * Value formats shared by the Cocktail kinds. Each one is registered with ajv under its name, so
 * the JSON schemas can say `"format": "k8s-quantity"`, and each has the sentence used in an error
 * message when a value does not match it.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

// Kubernetes resource.Quantity: a signed decimal number with an optional binary (Ki…Ei), decimal
// SI (n, u, m, k, M…E) or decimal exponent (e3, E-2) suffix.
const QUANTITY =
  /^[+-]?(\d+(\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?\d+)?$/;

const INT_OR_PERCENT = /^(\d+|\d+%)$/;

// An OCI image reference: [registry/]repository[:tag][@digest]. As Docker decides, the first
// component is a registry only when it has a "." or a port or is localhost; the repository is
// one or more lowercase path components; the tag is at most 128 word characters, dots and dashes.
const HOST_COMPONENT = '[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?';
const REGISTRY = `(?:${HOST_COMPONENT}(?:\\.${HOST_COMPONENT})+(?::\\d+)?|${HOST_COMPONENT}:\\d+|localhost|\\[[0-9a-fA-F:]+\\](?::\\d+)?)`;
const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE_REFERENCE = new RegExp(
  `^(?:${REGISTRY}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*(?::\\w[\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

const ABSOLUTE_PATH = /^\/[^\0]*$/;

// IANA service name, as Kubernetes requires of port names: at most 15 characters, at least one
// letter, no "--", not starting or ending with "-".
const PORT_NAME = /^(?=.*[a-z])(?!.*--)[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

// [kind:][namespace/]name, with Backstage's rules for each part.
const ENTITY_REF =
  /^(?:[a-zA-Z][a-zA-Z0-9]*:)?(?:[a-z0-9]+(?:-[a-z0-9]+)*\/)?[a-zA-Z0-9]+(?:[-_.][a-zA-Z0-9]+)*$/;

/** @public */
export function isDns1123Label(value: string): boolean {
  return value.length <= 63 && DNS1123_LABEL.test(value);
}

/** @public */
export function isDns1123Subdomain(value: string): boolean {
  return value.length <= 253 && DNS1123_SUBDOMAIN.test(value);
}

/** @public */
export function isKubernetesQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

/** @public */
export function isIntOrPercent(value: string): boolean {
  return INT_OR_PERCENT.test(value);
}

/** @public */
export function isImageReference(value: string): boolean {
  return value.length <= 4096 && IMAGE_REFERENCE.test(value);
}

/** @public */
export function isPortName(value: string): boolean {
  return value.length <= 15 && PORT_NAME.test(value);
}

/** @public */
export function isEntityRef(value: string): boolean {
  return ENTITY_REF.test(value);
}

/** @public */
export function isIngressHost(value: string): boolean {
  return isDns1123Subdomain(value.startsWith('*.') ? value.slice(2) : value);
}

/** @public */
export function isAbsolutePath(value: string): boolean {
  return ABSOLUTE_PATH.test(value);
}

/**
 * The formats the Cocktail schemas use, with what a value of each is expected to look like.
 *
 * @public
 */
export const cocktailFormats: Record<
  string,
  { test: (value: string) => boolean; expected: string }
> = {
  'dns1123-label': {
    test: isDns1123Label,
    expected:
      'a DNS-1123 label: at most 63 lowercase letters, digits and "-", starting and ending with a letter or digit',
  },
  'dns1123-subdomain': {
    test: isDns1123Subdomain,
    expected:
      'a DNS-1123 subdomain: at most 253 characters of lowercase letters, digits, "-" and ".", each part starting and ending with a letter or digit',
  },
  'k8s-quantity': {
    test: isKubernetesQuantity,
    expected: 'a Kubernetes quantity such as 250m, 1.5, 10Gi or 500M',
  },
  'int-or-percent': {
    test: isIntOrPercent,
    expected: 'a whole number or a percentage such as 1 or 25%',
  },
  'image-reference': {
    test: isImageReference,
    expected:
      'an image reference such as registry.example.com/team/app:1.2.3 or app@sha256:<digest>',
  },
  'port-name': {
    test: isPortName,
    expected:
      'a port name: at most 15 lowercase letters, digits and "-", with at least one letter',
  },
  'entity-ref': {
    test: isEntityRef,
    expected: 'an entity reference such as [kind:][namespace/]name',
  },
  'ingress-host': {
    test: isIngressHost,
    expected: 'a host name such as pay.example.com or *.example.com',
  },
  'absolute-path': {
    test: isAbsolutePath,
    expected: 'an absolute path starting with "/"',
  },
};
