import { InputError } from '@backstage/errors';

function object(body: unknown): Record<string, unknown> {
  if (body === undefined || body === null) {
    return {};
  }
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new InputError('the request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

function refuseUnknown(body: Record<string, unknown>, known: string[]) {
  const unknown = Object.keys(body).filter(k => !known.includes(k));
  if (unknown.length) {
    throw new InputError(
      `${unknown[0]}: not a known field; expected ${
        known.join(', ') || 'no fields'
      }`,
    );
  }
}

function wholeNumber(
  body: Record<string, unknown>,
  field: string,
  min: number,
  max: number,
  required = true,
): number | undefined {
  const value = body[field];
  if (value === undefined && !required) {
    return undefined;
  }
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < min ||
    value > max
  ) {
    throw new InputError(
      `${field}: expected a whole number from ${min} to ${max}, got ${JSON.stringify(
        value,
      )}`,
    );
  }
  return value;
}

export function parseDryRun(body: unknown): { dryRun: boolean } {
  const b = object(body);
  refuseUnknown(b, ['dryRun']);
  if (b.dryRun !== undefined && typeof b.dryRun !== 'boolean') {
    throw new InputError(
      `dryRun: expected true or false, got ${JSON.stringify(b.dryRun)}`,
    );
  }
  return { dryRun: b.dryRun === true };
}

/** A deploy's body: a dry run, or the image scan gate's override with its reason. */
export interface DeployBody {
  dryRun: boolean;
  overrideScanGate: boolean;
  overrideReason?: string;
}

/** Checks the deploy fields of a body whose other fields `known` names. */
export function parseDeployFields(
  body: unknown,
  known: string[] = [],
): DeployBody {
  const b = object(body);
  refuseUnknown(b, [...known, 'dryRun', 'overrideScanGate', 'overrideReason']);
  for (const field of ['dryRun', 'overrideScanGate']) {
    if (b[field] !== undefined && typeof b[field] !== 'boolean') {
      throw new InputError(
        `${field}: expected true or false, got ${JSON.stringify(b[field])}`,
      );
    }
  }
  const overrideScanGate = b.overrideScanGate === true;
  const reason = b.overrideReason;
  if (reason !== undefined && typeof reason !== 'string') {
    throw new InputError(
      `overrideReason: expected text, got ${JSON.stringify(reason)}`,
    );
  }
  if (overrideScanGate && !(reason ?? '').trim()) {
    throw new InputError(
      'overrideReason: required with overrideScanGate; say why the image scan gate is overridden',
    );
  }
  if (!overrideScanGate && reason !== undefined) {
    throw new InputError(
      'overrideReason: only allowed with "overrideScanGate": true',
    );
  }
  if (typeof reason === 'string' && reason.length > 1000) {
    throw new InputError(
      `overrideReason: expected at most 1000 characters, got ${reason.length}`,
    );
  }
  return {
    dryRun: b.dryRun === true,
    overrideScanGate,
    ...(overrideScanGate ? { overrideReason: (reason as string).trim() } : {}),
  };
}

export function parseScale(body: unknown): { replicas: number } {
  const b = object(body);
  refuseUnknown(b, ['replicas']);
  return { replicas: wholeNumber(b, 'replicas', 0, 1000)! };
}

export function parseImages(body: unknown): Record<string, string> {
  const b = object(body);
  refuseUnknown(b, ['images']);
  const images = b.images;
  if (
    !images ||
    typeof images !== 'object' ||
    Array.isArray(images) ||
    !Object.keys(images).length
  ) {
    throw new InputError(
      'images: expected an object of container name to image, such as {"api": "registry.example.com/api:1.2.3"}',
    );
  }
  for (const [container, image] of Object.entries(images)) {
    if (
      typeof image !== 'string' ||
      !/^[^\s@]+(@sha256:[0-9a-f]{64})?$/.test(image) ||
      !/[:@]/.test(image)
    ) {
      throw new InputError(
        `images.${container}: expected an image reference with a tag or digest, got ${JSON.stringify(
          image,
        )}`,
      );
    }
  }
  return images as Record<string, string>;
}

export function parseAutoscaling(
  body: unknown,
):
  | { minReplicas: number; maxReplicas: number; targetCPUUtilization?: number }
  | { enabled: false } {
  const b = object(body);
  if (b.enabled === false) {
    refuseUnknown(b, ['enabled']);
    return { enabled: false };
  }
  refuseUnknown(b, ['minReplicas', 'maxReplicas', 'targetCPUUtilization']);
  const minReplicas = wholeNumber(b, 'minReplicas', 1, 1000)!;
  const maxReplicas = wholeNumber(b, 'maxReplicas', 1, 1000)!;
  if (minReplicas > maxReplicas) {
    throw new InputError(
      `minReplicas: must be at most maxReplicas (${maxReplicas}), got ${minReplicas}`,
    );
  }
  const targetCPUUtilization = wholeNumber(
    b,
    'targetCPUUtilization',
    1,
    100,
    false,
  );
  return {
    minReplicas,
    maxReplicas,
    ...(targetCPUUtilization !== undefined ? { targetCPUUtilization } : {}),
  };
}

export function parseRollback(body: unknown): { revision: string } {
  const b = object(body);
  refuseUnknown(b, ['revision']);
  const revision =
    typeof b.revision === 'number' ? String(b.revision) : b.revision;
  if (typeof revision !== 'string' || !/^[1-9]\d*$/.test(revision)) {
    throw new InputError(
      `revision: expected a revision number such as "3", got ${JSON.stringify(
        b.revision,
      )}`,
    );
  }
  return { revision };
}
