import { LoggerService } from '@backstage/backend-plugin-api';
import { AuthenticationError, NotFoundError } from '@backstage/errors';
import express, { Request } from 'express';
import { timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { parseInput } from '../validation/parseInput';
import { validatedRouter } from '../validation/validatedRouter';
import { AlertNotifier } from './AlertNotifier';
import { alertWebhookBody } from './alertWebhookBody';

/** The route Alertmanager posts to; it has no Backstage sign-in, only the shared secret. */
export const ALERT_WEBHOOK_PATH = '/alerts/webhook';

function sameSecret(given: string, expected: string): boolean {
  // Hashing first makes the comparison take the same time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function bearerOf(req: Request): string | undefined {
  const match = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
  return match?.[1];
}

/**
 * `POST /alerts/webhook`: Alertmanager's webhook receiver. The caller must send
 * `Authorization: Bearer <cocktail.monitoring.webhookSecret>`; the body is checked after that,
 * so that nobody without the secret learns what it expects. Answers what became of each alert.
 */
export function alertWebhookRouter(options: {
  secret?: string;
  notifier: AlertNotifier;
  logger: LoggerService;
}): express.Router {
  const api = validatedRouter();
  api.post(
    ALERT_WEBHOOK_PATH,
    { body: z.unknown() },
    async ({ body: rawBody }, req, res) => {
      if (!options.secret) {
        throw new NotFoundError(
          'the alert webhook receiver is off: set cocktail.monitoring.webhookSecret to turn it on',
        );
      }
      const given = bearerOf(req);
      if (!given || !sameSecret(given, options.secret)) {
        throw new AuthenticationError(
          'the alert webhook needs Authorization: Bearer <cocktail.monitoring.webhookSecret>',
        );
      }
      const body = parseInput(alertWebhookBody, rawBody ?? {}, 'body');
      const deliveries = await options.notifier.receive(body.alerts);
      options.logger.info(
        `Alertmanager ${body.receiver} sent ${body.alerts.length} alerts (${
          body.status
        }): ${
          deliveries.filter(d => d.outcome === 'notified').length
        } notified, ${
          deliveries.filter(d => d.outcome === 'unchanged').length
        } unchanged, ${
          deliveries.filter(d => d.outcome === 'skipped').length
        } for nobody`,
      );
      res.json({ deliveries });
    },
  );
  return api.router;
}
