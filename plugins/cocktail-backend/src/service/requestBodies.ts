import { z } from 'zod';
import { bodyFlag, reasonText, wholeNumber } from '../validation/inputFields';

/** The image scan gate's override: both fields or neither. */
const scanGateOverrideFields = {
  overrideScanGate: bodyFlag.optional(),
  overrideReason: reasonText().optional(),
};

function checkOverride(
  body: { overrideScanGate?: boolean; overrideReason?: string },
  ctx: z.RefinementCtx,
) {
  if (body.overrideScanGate && body.overrideReason === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['overrideReason'],
      message:
        'required with overrideScanGate; say why the image scan gate is overridden',
    });
  }
  if (!body.overrideScanGate && body.overrideReason !== undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['overrideReason'],
      message: 'only allowed with "overrideScanGate": true',
    });
  }
}

/** A gated operation's override, as the gate takes it. */
export interface ScanGateOverride {
  overrideScanGate: boolean;
  overrideReason?: string;
}

function overrideOf(body: {
  overrideScanGate?: boolean;
  overrideReason?: string;
}): ScanGateOverride {
  return body.overrideScanGate
    ? { overrideScanGate: true, overrideReason: body.overrideReason }
    : { overrideScanGate: false };
}

/** A deploy's body: a dry run, or the image scan gate's override with its reason. */
export interface DeployBody extends ScanGateOverride {
  dryRun: boolean;
}

export const deployFields = {
  dryRun: bodyFlag.optional(),
  ...scanGateOverrideFields,
};

export function toDeployBody(body: {
  dryRun?: boolean;
  overrideScanGate?: boolean;
  overrideReason?: string;
}): DeployBody {
  return { dryRun: body.dryRun === true, ...overrideOf(body) };
}

export const deployBody = z
  .strictObject(deployFields)
  .superRefine(checkOverride)
  .transform(toDeployBody);

export { checkOverride as checkScanGateOverride };

/** Operations that act at once and have no dry run take no fields at all. */
export const emptyBody = z.strictObject({});

export const scaleBody = z.strictObject({ replicas: wholeNumber(0, 1000) });

const containerName = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/, {
  error: 'expected a container name (lowercase letters, digits and "-")',
});

export const imageReference = z
  .string({ error: 'expected an image reference with a tag or digest' })
  .max(512, { error: 'expected at most 512 characters' })
  .regex(/^[^\s@]+(@sha256:[0-9a-f]{64})?$/, {
    error:
      'expected an image reference with a tag or digest, such as registry.example.com/api:1.2.3',
  })
  .regex(/[:@]/, {
    error:
      'expected an image reference with a tag or digest, such as registry.example.com/api:1.2.3',
  });

export const rollingUpdateBody = z
  .strictObject({
    images: z
      .record(containerName, imageReference, {
        error:
          'expected an object of container name to image, such as {"api": "registry.example.com/api:1.2.3"}',
      })
      .refine(images => Object.keys(images).length > 0, {
        error:
          'expected at least one container, such as {"api": "registry.example.com/api:1.2.3"}',
      }),
    dryRun: bodyFlag.optional(),
    ...scanGateOverrideFields,
  })
  .superRefine(checkOverride)
  .transform(body => ({
    images: body.images,
    dryRun: body.dryRun === true,
    ...overrideOf(body),
  }));

export const autoscalingBody = z.union([
  z.strictObject({ enabled: z.literal(false) }),
  z
    .strictObject({
      minReplicas: wholeNumber(1, 1000),
      maxReplicas: wholeNumber(1, 1000),
      targetCPUUtilization: wholeNumber(1, 100).optional(),
    })
    .superRefine((body, ctx) => {
      if (body.minReplicas > body.maxReplicas) {
        ctx.addIssue({
          code: 'custom',
          path: ['minReplicas'],
          message: `must be at most maxReplicas (${body.maxReplicas}), got ${body.minReplicas}`,
        });
      }
    }),
]);

export const rollbackBody = z
  .strictObject({
    revision: z
      .union([z.string(), z.number()])
      .transform(String)
      .pipe(
        z.string().regex(/^[1-9]\d{0,9}$/, {
          error: 'expected a revision number such as "3"',
        }),
      ),
    dryRun: bodyFlag.optional(),
    ...scanGateOverrideFields,
  })
  .superRefine(checkOverride)
  .transform(body => ({
    revision: body.revision,
    dryRun: body.dryRun === true,
    ...overrideOf(body),
  }));
