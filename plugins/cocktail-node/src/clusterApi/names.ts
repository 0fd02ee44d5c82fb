const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN =
  /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

/** Why a string is not a DNS-1123 label (lowercase, digits, '-', at most 63), or undefined. */
export function dns1123LabelProblem(value: string): string | undefined {
  if (value.length > 63) {
    return `must be at most 63 characters, got ${value.length}`;
  }
  if (!DNS1123_LABEL.test(value)) {
    return `must be a DNS-1123 label (lowercase letters, digits and '-', starting and ending with a letter or digit), got "${value}"`;
  }
  return undefined;
}

/** Why a string is not a DNS-1123 subdomain (labels joined by '.', at most 253), or undefined. */
export function dns1123SubdomainProblem(value: string): string | undefined {
  if (value.length > 253) {
    return `must be at most 253 characters, got ${value.length}`;
  }
  if (!DNS1123_SUBDOMAIN.test(value)) {
    return `must be a DNS-1123 subdomain (lowercase letters, digits, '-' and '.'), got "${value}"`;
  }
  return undefined;
}

/** Why a string is not a Kubernetes label key (`[prefix/]name`), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && dns1123SubdomainProblem(prefix)) {
    return `key "${key}" must have a DNS-1123 subdomain as its prefix`;
  }
  if (name.length > 63 || !LABEL_NAME.test(name)) {
    return `key "${key}" must have a name of at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** Why a string is not a Kubernetes label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > 63 || !LABEL_VALUE.test(value)) {
    return `value "${value}" must be at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`;
  }
  return undefined;
}

/** The domain part of a label or taint key (`node-role.kubernetes.io/worker` → `node-role.kubernetes.io`). */
export function keyPrefix(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  return slash >= 0 ? key.slice(0, slash) : undefined;
}
