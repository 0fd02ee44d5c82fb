import { z } from 'zod';

const labelMap = z.record(z.string(), z.string(), {
  error: 'expected a map of label names to strings',
});

const isoTime = z
  .string({ error: 'expected an RFC 3339 time' })
  .refine(value => !Number.isNaN(Date.parse(value)), {
    error: 'expected an RFC 3339 time',
  });

/** One alert of an Alertmanager webhook (version 4), with what the receiver reads. */
export const webhookAlert = z.object({
  status: z.enum(['firing', 'resolved'], {
    error: 'expected "firing" or "resolved"',
  }),
  labels: labelMap.refine(labels => Boolean(labels.alertname), {
    error: 'expected an alertname label',
  }),
  annotations: labelMap.default({}),
  startsAt: isoTime,
  endsAt: isoTime.optional(),
  generatorURL: z.string().optional(),
  fingerprint: z
    .string({ error: 'expected a fingerprint' })
    .regex(/^[0-9a-f]{1,64}$/, {
      error: 'expected a fingerprint (hexadecimal)',
    }),
});

/**
 * The body Alertmanager's webhook_config posts (version 4). Unknown fields are allowed, as
 * Alertmanager adds some over time; the ones read are checked.
 */
export const alertWebhookBody = z.object({
  version: z.literal('4', {
    error: 'expected version "4" (Alertmanager 0.x webhooks)',
  }),
  status: z.enum(['firing', 'resolved'], {
    error: 'expected "firing" or "resolved"',
  }),
  receiver: z.string({ error: 'expected the receiver name' }),
  groupKey: z.string({ error: 'expected the group key' }),
  externalURL: z.string().optional(),
  alerts: z
    .array(webhookAlert, { error: 'expected a list of alerts' })
    .min(1, { error: 'expected at least one alert' })
    .max(1000, { error: 'expected at most 1000 alerts' }),
});

export type WebhookAlert = z.infer<typeof webhookAlert>;
